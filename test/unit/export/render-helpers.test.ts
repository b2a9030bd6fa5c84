import fc from 'fast-check';
import {
  codePoints,
  contrastRatio,
  forAudience,
  httpUrl,
  humanDate,
  jsonLd,
  publicationDates,
  safeColour,
  sliceCodePoints,
  splitBySpans,
  textColourOn,
} from '../../../src/export/render-helpers';
import { deskReport, leakyPublicReport, publicReport } from '../../support/report-fixtures';

describe('code points', () => {
  it('slices by code points, never splitting an emoji or an astral letter', () => {
    const body = '👩‍👩‍👧 𝔘 says: it rose.';
    const points = codePoints(body);
    expect(points.length).toBe(Array.from(body).length);
    const start = points.indexOf('i');
    expect(sliceCodePoints(points, start, points.length)).toBe('it rose.');
    expect(sliceCodePoints(points, 0, 1)).toBe('👩');
  });

  it('splits text into plain and claim runs that join back to the text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(70), fc.nat(20)), { maxLength: 6 }),
        (text, raw) => {
          const points = codePoints(text);
          const spans = raw.map(([start, length]) => ({ start, end: start + length })).sort((a, b) => a.start - b.start);
          const runs = splitBySpans(points, spans);
          expect(runs.map((r) => r.text).join('')).toBe(text);
          for (const run of runs) expect(run.text.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('colours', () => {
  it('picks black or white text with at least 4.5:1 contrast on any background (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
        const bg = `#${n.toString(16).padStart(6, '0')}`;
        expect(contrastRatio(bg, textColourOn(bg))).toBeGreaterThanOrEqual(4.5);
      }),
      { numRuns: 2000 },
    );
  });

  it('prints only #rrggbb colours', () => {
    expect(safeColour('#1A7F37')).toBe('#1a7f37');
    expect(safeColour('red;background:url(x)')).toBe('#d9d9d9');
    expect(safeColour('#fff')).toBe('#d9d9d9');
  });
});

describe('dates and URLs', () => {
  it('formats report timestamps in UTC, leaves dates and anything else alone', () => {
    expect(humanDate('2025-03-02T14:05:59.000Z')).toBe('2025-03-02 14:05 UTC');
    expect(humanDate('2025-03-02T14:05:00+02:00')).toBe('2025-03-02 12:05 UTC');
    expect(humanDate('2025-03-02')).toBe('2025-03-02');
    expect(humanDate('soon')).toBe('soon');
    expect(humanDate(null)).toBe('');
  });

  it('keeps http(s) URLs only, serialised as valid URIs', () => {
    expect(httpUrl('https://a.example/x?y="2" z')).toBe('https://a.example/x?y=%222%22%20z');
    expect(httpUrl('javascript:alert(1)')).toBeNull();
    expect(httpUrl('not a url')).toBeNull();
    expect(httpUrl(null)).toBeNull();
  });

  it('first and latest publication of a corrected claim', () => {
    const claim = deskReport().claims.find((c) => c.publishedRevisions.length === 2)!;
    expect(publicationDates(claim)).toEqual({
      first: claim.publishedRevisions[0].publishedAt,
      latest: claim.publishedRevisions[1].publishedAt,
    });
  });

  it('JSON-LD text cannot close a script element and reads back unchanged (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const out = jsonLd({ value, tag: '</script><!--' });
        expect(out).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify({ value, tag: '</script><!--' })));
      }),
    );
  });
});

describe('forAudience', () => {
  it('returns a desk report unchanged', () => {
    const desk = deskReport();
    expect(forAudience(desk)).toBe(desk);
  });

  it('strips a public report of desk material and unpublished verdicts, and is idempotent', () => {
    const guarded = forAudience(leakyPublicReport());
    expect(forAudience(guarded)).toEqual(guarded);
    expect(guarded.appendix.reviewers).toEqual([]);
    expect(guarded.appendix.events.every((e) => e.actor === null)).toBe(true);
    for (const claim of guarded.claims) {
      expect(claim.review).toBeNull();
      expect(claim.notes).toEqual([]);
      for (const v of [claim.finalVerdict, claim.publishedVerdict, ...claim.publishedRevisions]) {
        if (!v) continue;
        expect(v.publishedAt).not.toBeNull();
        expect([v.reason, v.approvedBy, v.publishedBy]).toEqual([null, null, null]);
      }
    }
  });

  it('leaves a correct public report as it is (claims and verdicts)', () => {
    const pub = publicReport();
    const guarded = forAudience(pub);
    guarded.claims.forEach((claim, i) => {
      expect(claim.publishedVerdict).toEqual(pub.claims[i].publishedVerdict);
      expect(claim.sources).toEqual(pub.claims[i].sources);
    });
  });
});
