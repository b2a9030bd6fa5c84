import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { annotationCollection, annotationsFormat, CONTEXT_CHARS, type WebAnnotation } from '../../../src/export/formats/annotations';
import type { Report } from '../../../src/export/report.model';
import { shownVerdict } from '../../../src/export/render-helpers';
import { allFixtureReports, buildDeskReport, CITY_ARTICLE, deskReport, leakyPublicReport, toPublicReport } from '../../support/report-fixtures';

/**
 * The W3C Web Annotation test suite's assertions (w3c/web-annotation-tests, vendored in ./web-annotation-tests with
 * its licence): JSON Schemas (draft-04) that the W3C's test harness runs on an implementation's output. Every
 * assertion listed in annotationMusts.test, collectionMusts.test and pageMusts.test must pass; so must the
 * "Implemented" assertions of the optional features this export uses.
 */
const SUITE = path.join(__dirname, 'web-annotation-tests');

/**
 * Draft-04 semantics: "All other properties in a $ref object MUST be ignored". Ajv applies them, and a few
 * assertions (e.g. 4.2-selectorFound's `selectorDetected`, `{ "$ref": …, "required": ["selector"] }`) only work as
 * the suite's authors meant under the draft-04 rule, so the siblings of every $ref are dropped before compiling.
 */
function draft04Refs(value: unknown, root = true): unknown {
  if (Array.isArray(value)) return value.map((v) => draft04Refs(v, false));
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  // (A schema file's root keeps its id, which names it.)
  if (typeof object.$ref === 'string') return root ? { id: object.id, $ref: object.$ref } : { $ref: object.$ref };
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, draft04Refs(v, false)]));
}

function loadSchemas(dir: string): Array<{ file: string; schema: { id: string } }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return loadSchemas(full);
    if (!entry.name.endsWith('.json')) return [];
    return [{ file: entry.name, schema: draft04Refs(JSON.parse(readFileSync(full, 'utf8'))) as { id: string } }];
  });
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
// Schema ids are bare file names ("annotations.json"); $refs resolve against them. A few assertion files declare
// an id other than their file name, so assertions are looked up by file through this map.
const idOfFile = new Map<string, string>();
for (const { file, schema } of loadSchemas(SUITE)) {
  ajv.addSchema(schema);
  idOfFile.set(file, schema.id);
}

function validator(file: string): ValidateFunction {
  const validate = ajv.getSchema(idOfFile.get(file) ?? file);
  if (!validate) throw new Error(`assertion ${file} not loaded`);
  return validate;
}

function assertions(testFile: string): Array<{ id: string; validate: ValidateFunction }> {
  const list = JSON.parse(readFileSync(path.join(SUITE, testFile), 'utf8')).assertions as string[];
  return list.map((file) => ({ id: path.basename(file), validate: validator(path.basename(file)) }));
}

const ANNOTATION_MUSTS = assertions('annotations/annotationMusts.test');
const COLLECTION_MUSTS = assertions('collections/collectionMusts.test');
const PAGE_MUSTS = assertions('collections/pages/pageMusts.test');

function failures(checks: Array<{ id: string; validate: ValidateFunction }>, value: unknown): string[] {
  return checks.filter((c) => !c.validate(value)).map((c) => `${c.id}: ${ajv.errorsText(c.validate.errors)}`);
}

function implemented(file: string, value: unknown): boolean {
  return validator(file)(value) as boolean;
}

function parse(report: Report) {
  return JSON.parse(annotationsFormat.render(report) as string) as ReturnType<typeof annotationCollection>;
}

/** An annotation inside the collection inherits its @context (JSON-LD); standalone it carries it. */
const standalone = (a: WebAnnotation) => ({ '@context': 'http://www.w3.org/ns/anno.jsonld', ...a });

describe('annotations: the W3C test suite is loaded', () => {
  it('has the required assertions', () => {
    expect([ANNOTATION_MUSTS.length, COLLECTION_MUSTS.length, PAGE_MUSTS.length]).toEqual([54, 10, 15]);
  });

  it('rejects a broken annotation (the assertions do check)', () => {
    const good = standalone(parse(deskReport()).first.items[0]);
    expect(failures(ANNOTATION_MUSTS, good)).toEqual([]);
    expect(failures(ANNOTATION_MUSTS, { ...good, '@context': 'http://example.org/ctx' })).not.toEqual([]);
    expect(failures(ANNOTATION_MUSTS, { ...good, type: 'Note' })).not.toEqual([]);
    const { target: _target, ...noTarget } = good;
    expect(failures(ANNOTATION_MUSTS, noTarget)).not.toEqual([]);
    expect(failures(ANNOTATION_MUSTS, { ...good, created: 'yesterday' })).not.toEqual([]);
    expect(failures(ANNOTATION_MUSTS, { ...good, bodyValue: 'x' })).not.toEqual([]);
  });
});

describe.each(Object.entries(allFixtureReports()))('annotations: %s', (_name, report) => {
  const collection = parse(report);
  const items = collection.first.items;
  const points = Array.from(report.article.body);

  it('passes every MUST assertion of the W3C suite: collection, page and each annotation', () => {
    expect(failures(COLLECTION_MUSTS, collection)).toEqual([]);
    expect(failures(PAGE_MUSTS, collection)).toEqual([]);
    expect(failures(PAGE_MUSTS, { '@context': collection['@context'], ...collection.first })).toEqual([]);
    for (const item of items) expect(failures(ANNOTATION_MUSTS, standalone(item))).toEqual([]);
  });

  it('implements the optional features it uses, as the suite recognises them', () => {
    for (const id of [
      '5.1-collectionLabelImplemented.json',
      '5.1-collectionTotalImplemented.json',
      '5.1-collectionFirstImplemented.json',
      '5.1-collectionLastImplemented.json',
      '3.3.1-collectionCreatorImplemented.json',
      '5.2-pageStartIndexImplemented.json',
    ]) {
      expect([id, implemented(id, id.startsWith('5.2') ? collection.first : collection)]).toEqual([id, true]);
    }
    for (const item of items.map(standalone)) {
      for (const id of [
        '3.3.5-annotationMotivationImplemented.json',
        '3.3.1-annotationCreatorImplemented.json',
        '3.3.2-annotationCreatorAgentNameImplemented.json',
        '3.3.2-annotationCreatorAgentHomepageImplemented.json',
        '3.3.2-annotationCreatorAgentTypeImplemented.json',
        '4.2-selectorFound.json',
        '4.2.4-textQuoteSelector.json',
        '4.2.5-textPositionSelector.json',
      ]) {
        expect([id, implemented(id, item)]).toEqual([id, true]);
      }
      if (item.body) {
        for (const id of ['3.1-bodyKeyFound.json', '3.2.1-bodyFormat.json', '3.2.4-bodyETBTypeTextualBody.json', '3.3.5-bodyPurpose.json']) {
          expect([id, implemented(id, item)]).toEqual([id, true]);
        }
        expect(implemented('3.3.1-annotationCreatedImplemented.json', item)).toBe(true);
      }
    }
  });

  it('is one annotation per claim, in order, with the total', () => {
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(report.claims.length);
    expect(items).toHaveLength(report.claims.length);
    expect(collection.label).toBe(`Fact-check annotations: ${report.article.title}`);
  });

  it('targets the article with selectors that find each claim: exact text, code-point positions, 32 points of context', () => {
    items.forEach((item, i) => {
      const claim = report.claims[i];
      expect(item.target.source).toBe(report.article.url ? new URL(report.article.url).href : `urn:uuid:${report.article.id}`);
      const [quote, position] = item.target.selector;
      expect(quote.type).toBe('TextQuoteSelector');
      expect(position.type).toBe('TextPositionSelector');
      expect(quote.exact).toBe(claim.text);
      expect(points.slice(position.start, position.end).join('')).toBe(quote.exact);
      expect(quote.prefix ?? '').toBe(points.slice(Math.max(0, position.start - CONTEXT_CHARS), position.start).join(''));
      expect(quote.suffix ?? '').toBe(points.slice(position.end, position.end + CONTEXT_CHARS).join(''));
      expect(Array.from(quote.prefix ?? '').length).toBeLessThanOrEqual(CONTEXT_CHARS);
    });
  });

  it('assesses claims with a verdict for this audience, comments on retractions, highlights the rest', () => {
    items.forEach((item, i) => {
      const claim = report.claims[i];
      const verdict = shownVerdict(claim);
      if (claim.retraction) {
        expect(item.motivation).toBe('commenting');
        expect(item.body).toEqual([
          { type: 'TextualBody', purpose: 'commenting', value: `Fact-check retracted: ${claim.retraction.note}`, format: 'text/plain' },
        ]);
      } else if (verdict) {
        expect(item.motivation).toBe('assessing');
        if (report.audience === 'public') expect(verdict.state).not.toBe('approved');
        expect(item.body).toEqual([
          { type: 'TextualBody', purpose: 'tagging', value: verdict.level.label, format: 'text/plain' },
          { type: 'TextualBody', purpose: 'assessing', value: verdict.rationale, format: 'text/plain' },
        ]);
      } else {
        expect(item.motivation).toBe('highlighting');
        expect(item.body).toBeUndefined();
      }
    });
  });
});

describe('annotations: details', () => {
  it('has its content type with the profile', () => {
    expect(annotationsFormat.contentType).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8');
  });

  it('an approved, unpublished verdict is assessed for the desk and only highlighted for the public', () => {
    const claimIndex = deskReport().claims.findIndex((c) => c.status === 'approved');
    expect(parse(deskReport()).first.items[claimIndex].motivation).toBe('assessing');
    expect(parse(toPublicReport(deskReport())).first.items[claimIndex].motivation).toBe('highlighting');
    expect(parse(leakyPublicReport()).first.items[claimIndex].motivation).toBe('highlighting');
  });

  it('without an article URL the target is urn:uuid:<article id>', () => {
    const report = buildDeskReport({ ...CITY_ARTICLE, url: null });
    expect(parse(report).first.items[0].target.source).toBe(`urn:uuid:${CITY_ARTICLE.id}`);
  });

  it('positions and quotes hold for any text before and inside claims (property)', () => {
    const sentence = fc.string({ unit: 'binary', minLength: 1, maxLength: 50 }).filter((s) => !/[\r\n]/.test(s) && s.trim().length > 0);
    fc.assert(
      fc.property(fc.array(fc.array(sentence, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }), (paragraphs) => {
        const report = buildDeskReport({
          ...CITY_ARTICLE,
          paragraphs: paragraphs.map((p) => p.map((text) => ({ text, status: 'published' as const, revisions: [{ level: 'true', rationale: text }] }))),
        });
        const points = Array.from(report.article.body);
        const collection = parse(report);
        collection.first.items.forEach((item, i) => {
          const [quote, position] = item.target.selector;
          expect(quote.exact).toBe(report.claims[i].text);
          expect(points.slice(position.start, position.end).join('')).toBe(quote.exact);
          const around = `${quote.prefix ?? ''}${quote.exact}${quote.suffix ?? ''}`;
          expect(report.article.body.includes(around)).toBe(true);
        });
        expect(failures(ANNOTATION_MUSTS, standalone(collection.first.items[0]))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
