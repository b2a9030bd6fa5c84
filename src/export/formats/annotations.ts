import type { Report, ReportClaim, ReportFormat } from '../report.model';
import { codePoints, forAudience, httpUrl, jsonLd, publicationDates, shownVerdict, sliceCodePoints } from '../render-helpers';

/**
 * A W3C Web Annotation collection (https://www.w3.org/TR/annotation-model/ §5), one annotation per claim, in
 * article order, all in the embedded first (and only) page:
 * - `assessing`: a claim with a verdict (public: published; desk: approved or published); bodies: the verdict label
 *   (`tagging`) and the rationale (`assessing`), both `text/plain` TextualBody;
 * - `commenting`: a retracted claim; one body, the retraction note;
 * - `highlighting`: every other claim (not checked yet, or not checked for this audience); no body.
 * The target is the article (its URL, or `urn:uuid:<article id>` without an http(s) one) with a TextQuoteSelector (`exact` =
 * the claim, 32 code points of `prefix`/`suffix`) and a TextPositionSelector (`start`/`end` in code points, end
 * exclusive, as the model specifies §4.2.5).
 */

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const CONTEXT_CHARS = 32;

interface TextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'assessing' | 'commenting';
  value: string;
  format: 'text/plain';
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'assessing' | 'commenting' | 'highlighting';
  created?: string;
  modified?: string;
  creator: { type: 'Organization'; name: string; homepage?: string };
  body?: TextualBody[];
  target: {
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix?: string; suffix?: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
}

function text(value: string, purpose: TextualBody['purpose']): TextualBody {
  return { type: 'TextualBody', purpose, value, format: 'text/plain' };
}

function organisation(report: Report) {
  const homepage = httpUrl(report.organisation.url);
  return { type: 'Organization' as const, name: report.organisation.name, ...(homepage ? { homepage } : {}) };
}

function annotation(report: Report, points: string[], claim: ReportClaim): WebAnnotation {
  const verdict = shownVerdict(claim);
  const source = httpUrl(report.article.url) ?? `urn:uuid:${report.article.id}`;
  const prefix = sliceCodePoints(points, claim.start - CONTEXT_CHARS, claim.start);
  const suffix = sliceCodePoints(points, claim.end, claim.end + CONTEXT_CHARS);
  const base = {
    id: `${report.reportUrl}#annotation-${claim.id}`,
    type: 'Annotation' as const,
    creator: organisation(report),
    target: {
      source,
      selector: [
        { type: 'TextQuoteSelector' as const, exact: claim.text, ...(prefix ? { prefix } : {}), ...(suffix ? { suffix } : {}) },
        { type: 'TextPositionSelector' as const, start: claim.start, end: claim.end },
      ] as WebAnnotation['target']['selector'],
    },
  };
  if (claim.retraction) {
    return {
      ...base,
      motivation: 'commenting',
      created: claim.retraction.at,
      body: [text(`Fact-check retracted: ${claim.retraction.note}`, 'commenting')],
    };
  }
  if (verdict) {
    const { first, latest } = publicationDates(claim);
    const created = first ?? verdict.approvedAt;
    return {
      ...base,
      motivation: 'assessing',
      created,
      ...(latest && latest !== created ? { modified: latest } : {}),
      body: [text(verdict.level.label, 'tagging'), text(verdict.rationale, 'assessing')],
    };
  }
  return { ...base, motivation: 'highlighting' };
}

export function annotationCollection(input: Report) {
  const report = forAudience(input);
  const points = codePoints(report.article.body);
  const items = report.claims.map((claim) => annotation(report, points, claim));
  const pageId = `${report.reportUrl}#annotations-page-1`;
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `${report.reportUrl}#annotations`,
    type: 'AnnotationCollection' as const,
    label: `Fact-check annotations: ${report.article.title}`,
    total: items.length,
    creator: organisation(report),
    first: {
      id: pageId,
      type: 'AnnotationPage' as const,
      startIndex: 0,
      items,
    },
    last: pageId,
  };
}

export const annotationsFormat: ReportFormat = {
  name: 'annotations',
  contentType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
  // Two JSON-LD formats: a compound extension keeps both files of one article apart in one folder.
  extension: 'annotations.jsonld',
  render: (report) => jsonLd(annotationCollection(report)),
};
