import { claimReviewFormat, type ClaimReviewItem } from '../../../src/export/formats/claimreview';
import type { Report } from '../../../src/export/report.model';
import { adversarialReport, allFixtureReports, deskReport, leakyPublicReport, publicReport } from '../../support/report-fixtures';

function render(report: Report): ClaimReviewItem[] {
  return JSON.parse(claimReviewFormat.render(report) as string) as ClaimReviewItem[];
}

/** What the public may see as published and standing: the claims ClaimReview describes. */
function publishedStanding(report: Report) {
  return report.claims.filter((c) => c.publishedVerdict?.publishedAt && !c.retraction && c.status !== 'retracted');
}

describe.each(Object.entries(allFixtureReports()))('claimreview: %s', (_name, report) => {
  const items = render(report);
  const claims = publishedStanding(report);

  it('is a JSON array with one ClaimReview per published claim (retracted and unpublished left out), in order', () => {
    expect(Array.isArray(items)).toBe(true);
    expect(items.map((i) => i.url)).toEqual(claims.map((c) => `${report.reportUrl}#claim-${c.id}`));
    expect(items.length).toBeGreaterThan(0);
  });

  it('holds every field, read back from the data', () => {
    items.forEach((item, i) => {
      const claim = claims[i];
      const verdict = claim.publishedVerdict!;
      const dates = claim.publishedRevisions.map((v) => v.publishedAt as string);
      expect(item['@context']).toBe('https://schema.org');
      expect(item['@type']).toBe('ClaimReview');
      expect(item.claimReviewed).toBe(claim.text);
      expect(item.reviewBody).toBe(verdict.rationale);
      expect(item.author).toEqual({ '@type': 'Organization', name: report.organisation.name, url: new URL(report.organisation.url).href });
      expect(item.datePublished).toBe(dates[0]);
      expect(item.dateModified).toBe(dates[dates.length - 1]);

      const rating = item.reviewRating;
      expect(rating['@type']).toBe('Rating');
      expect(rating.alternateName).toBe(verdict.level.label);
      if (verdict.level.value === null) {
        expect(Object.keys(rating).sort()).toEqual(['@type', 'alternateName']);
      } else {
        expect(rating.ratingValue).toBe(verdict.level.value);
        expect(rating.bestRating).toBe(verdict.bestValue);
        expect(rating.worstRating).toBe(verdict.worstValue);
        expect(rating.ratingValue!).toBeGreaterThanOrEqual(rating.worstRating!);
        expect(rating.ratingValue!).toBeLessThanOrEqual(rating.bestRating!);
      }

      const reviewed = item.itemReviewed;
      expect(reviewed['@type']).toBe('Claim');
      if (claim.claimant) {
        expect(reviewed.author).toEqual({ '@type': claim.claimant.role ? 'Person' : 'Organization', name: claim.claimant.name });
      } else {
        expect(reviewed.author).toBeUndefined();
      }
      expect(reviewed.datePublished).toBe(claim.claimDate ?? undefined);
      const { article } = report;
      expect(reviewed.appearance).toEqual({
        '@type': 'NewsArticle',
        ...(article.url ? { url: new URL(article.url).href } : {}),
        headline: article.title,
        ...(article.author ? { author: { '@type': 'Person', name: article.author } } : {}),
        ...(article.outlet ? { publisher: { '@type': 'Organization', name: article.outlet } } : {}),
        ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
      });
    });
  });

  it('can be pasted into a <script type="application/ld+json"> as is', () => {
    const out = claimReviewFormat.render(report) as string;
    expect(out).not.toMatch(/[<>&]/);
  });
});

describe('claimreview: details', () => {
  it('is public only, with its content type', () => {
    expect(claimReviewFormat.publicOnly).toBe(true);
    expect(claimReviewFormat.contentType).toBe('application/ld+json; charset=utf-8');
  });

  it('describes a corrected claim by its current revision, first published and last modified', () => {
    const items = render(publicReport());
    const corrected = items.find((i) => i.claimReviewed.startsWith('Property taxes'))!;
    expect(corrected.reviewRating.alternateName).toBe('Mostly false');
    expect(corrected.datePublished < corrected.dateModified).toBe(true);
  });

  it('ignores what only the desk may see: the desk model and a leaky public model give the public output', () => {
    const expected = claimReviewFormat.render(publicReport());
    expect(claimReviewFormat.render(deskReport())).toBe(expected);
    expect(claimReviewFormat.render(leakyPublicReport())).toBe(expected);
  });

  it('the adversarial claims read back exactly, markup and all', () => {
    const report = adversarialReport('public');
    const items = render(report);
    expect(items[0].claimReviewed).toBe(report.claims[0].text);
    expect(items[0].itemReviewed.author).toEqual({ '@type': 'Organization', name: '<img src=x onerror=alert(1)>' });
    expect(items.some((i) => i.claimReviewed.startsWith('Costs'))).toBe(false);
  });
});
