import type { Report, ReportClaim, ReportFormat, ReportVerdict } from '../report.model';
import { httpUrl, jsonLd, publicClaim, publicationDates } from '../render-helpers';

/**
 * schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview; Google's fact-check markup), one object per
 * published claim, as a JSON array of complete objects, each with its own `@context`: any one of them can be
 * embedded on its own (e.g. in a `<script type="application/ld+json">` on a page about that claim) without the
 * others.
 *
 * Public by nature (`publicOnly`): it is built only from published verdicts, whatever the report's audience.
 * Retracted claims are left out: ClaimReview has no way to say "withdrawn", and a fact-check the desk no longer
 * stands behind must not keep circulating in search results and fact-check databases as if it did; the
 * retraction note stays on the public report page.
 *
 * `<`, `>` and `&` are written as \u escapes (see jsonLd) so the output can be pasted into a script element as is.
 */

export interface ClaimReviewRating {
  '@type': 'Rating';
  alternateName: string;
  ratingValue?: number;
  bestRating?: number;
  worstRating?: number;
}

export interface ClaimReviewItem {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url: string;
  claimReviewed: string;
  reviewRating: ClaimReviewRating;
  reviewBody: string;
  author: { '@type': 'Organization'; name: string; url: string };
  datePublished: string;
  dateModified: string;
  itemReviewed: {
    '@type': 'Claim';
    author?: { '@type': 'Person' | 'Organization'; name: string };
    datePublished?: string;
    appearance?: {
      '@type': 'NewsArticle';
      url?: string;
      headline: string;
      author?: { '@type': 'Person'; name: string };
      publisher?: { '@type': 'Organization'; name: string };
      datePublished?: string;
    };
  };
}

function rating(verdict: ReportVerdict): ClaimReviewRating {
  const { value, label } = verdict.level;
  const { bestValue, worstValue } = verdict;
  // A numeric rating only with its range; outcomes off the truth axis (misleading, unverifiable) carry only the label.
  if (value === null || bestValue === null || worstValue === null) return { '@type': 'Rating', alternateName: label };
  return { '@type': 'Rating', ratingValue: value, bestRating: bestValue, worstRating: worstValue, alternateName: label };
}

/**
 * The claimant: the model has no person/organisation kind, so a claimant with a role ("Mayor") is a Person and one
 * without is an Organization (the "unclear" case). Name only: nothing else about people is published.
 */
function claimant(claim: ReportClaim): ClaimReviewItem['itemReviewed']['author'] {
  if (!claim.claimant) return undefined;
  return { '@type': claim.claimant.role ? 'Person' : 'Organization', name: claim.claimant.name };
}

function item(report: Report, claim: ReportClaim): ClaimReviewItem | null {
  const verdict = claim.publishedVerdict;
  if (!verdict || claim.retraction || claim.status === 'retracted') return null;
  const { first, latest } = publicationDates(claim);
  if (!first || !latest) return null;
  const { article } = report;
  const appearance: NonNullable<ClaimReviewItem['itemReviewed']['appearance']> = {
    '@type': 'NewsArticle',
    ...(httpUrl(article.url) ? { url: httpUrl(article.url) as string } : {}),
    headline: article.title,
    ...(article.author ? { author: { '@type': 'Person' as const, name: article.author } } : {}),
    ...(article.outlet ? { publisher: { '@type': 'Organization' as const, name: article.outlet } } : {}),
    ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
  };
  const author = claimant(claim);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: `${report.reportUrl}#claim-${claim.id}`,
    claimReviewed: claim.text,
    reviewRating: rating(verdict),
    reviewBody: verdict.rationale,
    author: { '@type': 'Organization', name: report.organisation.name, url: httpUrl(report.organisation.url) ?? report.organisation.url },
    datePublished: first,
    dateModified: latest,
    itemReviewed: {
      '@type': 'Claim',
      ...(author ? { author } : {}),
      ...(claim.claimDate ? { datePublished: claim.claimDate } : {}),
      appearance,
    },
  };
}

export function claimReviews(report: Report): ClaimReviewItem[] {
  return report.claims
    .map(publicClaim)
    .map((claim) => item(report, claim))
    .filter((x): x is ClaimReviewItem => x !== null);
}

export const claimReviewFormat: ReportFormat = {
  name: 'claimreview',
  contentType: 'application/ld+json; charset=utf-8',
  // Two JSON-LD formats: a compound extension keeps both files of one article apart in one folder.
  extension: 'claimreview.jsonld',
  publicOnly: true,
  render: (report) => jsonLd(claimReviews(report)),
};
