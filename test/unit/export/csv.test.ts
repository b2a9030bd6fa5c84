import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { CSV_BOM, csvFormat, csvHeader, csvLine, csvRow, csvStreamLine, guardCell, type CsvClaimFields } from '../../../src/export/formats/csv';
import type { Report, ReportClaim } from '../../../src/export/report.model';
import { allFixtureReports, buildDeskReport, CITY_ARTICLE, deskReport, PEOPLE } from '../../support/report-fixtures';

const DANGEROUS = /^[=+\-@\t\r]/;

/** Parses as a strict RFC 4180 reader would: BOM, CRLF records, quotes. */
function readCsv(csv: string): string[][] {
  return parse(csv, { bom: true, record_delimiter: '\r\n', relax_column_count: false }) as string[][];
}

/** Removes exactly the guard: a leading `'` before a character a spreadsheet would run. */
function unguard(cell: string): string {
  return cell.startsWith("'") && DANGEROUS.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** What each cell must hold, computed from the model independently of the renderer. */
function expectedRow(report: Report, claim: ReportClaim): string[] {
  const isPublic = report.audience === 'public';
  const verdict = claim.finalVerdict ?? (claim.retraction ? claim.publishedVerdict : null);
  const published = claim.publishedRevisions.map((v) => v.publishedAt as string);
  const first = published[0] ?? '';
  const latest = published.length > 1 ? published[published.length - 1] : '';
  return [
    String(claim.position),
    String(claim.paragraph),
    claim.text,
    claim.status,
    claim.checkWorthy ? 'yes' : 'no',
    verdict?.level.label ?? '',
    verdict?.level.value === null || verdict === null ? '' : String(verdict.level.value),
    verdict?.rationale ?? '',
    String(claim.sources.length),
    claim.sources.map((s) => s.url).join('\n'),
    isPublic ? '' : (claim.review?.reviewers ?? []).join('; '),
    claim.claimDate ?? '',
    first,
    latest,
  ];
}

describe.each(Object.entries(allFixtureReports()))('csv: %s', (_name, report) => {
  const csv = csvFormat.render(report) as string;
  const rows = readCsv(csv);

  it('is UTF-8 with a BOM, CRLF records, a header and one row per claim in order', () => {
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(rows[0]).toEqual([
      'position',
      'paragraph',
      'claim',
      'status',
      'check-worthy',
      'verdict',
      'verdict value',
      'rationale',
      'source count',
      'source URLs',
      'reviewers',
      'claim date',
      'published at',
      'corrected at',
    ]);
    expect(rows).toHaveLength(report.claims.length + 1);
  });

  it('reads back to the data (guard removed)', () => {
    rows.slice(1).forEach((row, i) => {
      expect(row.map(unguard)).toEqual(expectedRow(report, report.claims[i]));
    });
  });

  it('quotes every line break inside a cell: a reader splitting records at any CR or LF reads the same rows', () => {
    expect(parse(csv, { bom: true, record_delimiter: ['\r\n', '\n', '\r'] })).toEqual(rows);
  });

  it('guards every cell a spreadsheet would run as a formula', () => {
    for (const row of rows) {
      for (const cell of row) expect(cell).not.toMatch(DANGEROUS);
    }
  });
});

describe('csv: details', () => {
  it('has its content type and extension', () => {
    expect(csvFormat.contentType).toBe('text/csv; charset=utf-8');
    expect(csvFormat.extension).toBe('csv');
  });

  it('guards formula prefixes, tabs, carriage returns and negative numbers; nothing else', () => {
    expect(['=cmd|\' /C calc\'!A0', '+1', '-2', '@SUM(A1)', '\tx', '\rx', '-3'].map(guardCell)).toEqual([
      "'=cmd|' /C calc'!A0",
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      "'-3",
    ]);
    expect(['plain', ' =x', "'=x", '3', 'a=b', ''].map(guardCell)).toEqual(['plain', ' =x', "'=x", '3', 'a=b', '']);
  });

  it('writes a negative verdict value as guarded text', () => {
    const report = deskReport();
    const claim = report.claims[0];
    const negative: ReportClaim = {
      ...claim,
      finalVerdict: { ...claim.finalVerdict!, level: { ...claim.finalVerdict!.level, value: -3 } },
    };
    const [row] = readCsv(csvRow(negative, 'desk'));
    expect(row[6]).toBe("'-3");
  });

  it('the adversarial cells: formula prefixes are guarded, quotes, commas and line breaks survive', () => {
    const rows = readCsv(csvFormat.render(allFixtureReports()['adversarial desk report']) as string);
    expect(rows[1][2]).toBe('\'=cmd|\' /C calc\'!A0 was found in the <script>alert("claim")</script> sheet, "officials" said.');
    expect(rows[2][2].startsWith("'+1 ")).toBe(true);
    expect(rows[3][2].startsWith("'-2 ")).toBe(true);
    expect(rows[4][2].startsWith("'@SUM")).toBe(true);
    expect(rows[1][7]).toBe('\'=HYPERLINK("https://evil.example","click")\nSecond line, with "quotes", commas & <b>markup</b>.');
    expect(rows[1][9]).toBe('javascript:alert(1)\nhttps://source.example/path?a=1&b="2"&c=<x>');
  });

  it('csvHeader and csvRow are the renderer: same columns and guard, with optional leading columns', () => {
    const report = deskReport();
    const csv = csvFormat.render(report) as string;
    expect(csv).toBe(CSV_BOM + csvHeader('desk') + report.claims.map((c) => csvRow(c, 'desk')).join(''));
    const [header] = readCsv(csvHeader('desk', ['article id', 'article title']));
    expect(header.slice(0, 3)).toEqual(['article id', 'article title', 'position']);
    const [row] = readCsv(csvRow(report.claims[0], 'desk', [report.article.id, '=HYPERLINK("x")']));
    expect(row.slice(0, 3)).toEqual([report.article.id, '\'=HYPERLINK("x")', '1']);
  });

  it('csvRow for the public never names reviewers, even when the claim carries them', () => {
    const claim = deskReport().claims[0];
    expect(claim.review?.reviewers).toContain(PEOPLE.riley);
    expect(csvRow(claim, 'public')).not.toContain(PEOPLE.riley);
    expect(csvRow(claim, 'desk')).toContain(PEOPLE.riley);
  });

  it('round-trips any text (property)', () => {
    // A text that itself starts with `'` + a formula character cannot be told from a guarded one: left out.
    const unambiguous = (s: string) => !(s.startsWith("'") && DANGEROUS.test(s.slice(1)));
    const cellText = fc
      .string({ unit: 'binary', minLength: 1, maxLength: 30 })
      .filter((s) => s.trim().length > 0 && !s.includes('\n') && unambiguous(s));
    fc.assert(
      fc.property(fc.array(cellText, { minLength: 1, maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 40 }).filter(unambiguous), (texts, rationale) => {
        const report = buildDeskReport({
          ...CITY_ARTICLE,
          paragraphs: [texts.map((t) => ({ text: t, status: 'published' as const, revisions: [{ level: 'true', rationale }] }))],
        });
        const rows = readCsv(csvFormat.render(report) as string);
        rows.slice(1).forEach((row, i) => {
          expect(row.map(unguard)).toEqual(expectedRow(report, report.claims[i]));
          for (const cell of row) expect(cell).not.toMatch(DANGEROUS);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('csvStreamLine (the streamed desk file) writes exactly what csvLine writes through csv-stringify (property)', () => {
    // Text made of the characters that matter to quoting and the guard, mixed with anything else.
    const tricky = fc.constantFrom('"', ',', '\r', '\n', '\r\n', "'", '=', '+', '-', '@', '\t', ';', ' ', 'é', '😀', '\u2028');
    const text = fc.array(fc.oneof(tricky, fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 8 }).map((parts) => parts.join(''));
    const nullableText = fc.option(text, { nil: null });
    const fields: fc.Arbitrary<CsvClaimFields> = fc.record({
      position: fc.integer({ min: 1, max: 20_000 }),
      paragraph: fc.integer({ min: 1, max: 5_000 }),
      text,
      status: fc.constantFrom('unreviewed', 'approved', 'published', 'retracted'),
      checkWorthy: fc.boolean(),
      verdictLabel: nullableText,
      verdictValue: fc.option(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true })), { nil: null }),
      rationale: nullableText,
      sourceUrls: fc.array(text, { maxLength: 4 }),
      reviewers: fc.array(text, { maxLength: 3 }),
      claimDate: nullableText,
      publishedAt: nullableText,
      correctedAt: nullableText,
    });
    const leading = fc.array(fc.oneof(nullableText, fc.integer(), fc.boolean()), { maxLength: 4 });
    fc.assert(
      fc.property(fields, leading, (f, lead) => {
        expect(csvStreamLine(f, lead)).toBe(csvLine(f, lead));
      }),
      { numRuns: 500 },
    );
    const report = allFixtureReports()['adversarial desk report'];
    for (const claim of report.claims) {
      const f = { position: claim.position, paragraph: claim.paragraph, text: claim.text, status: claim.status, checkWorthy: claim.checkWorthy,
        verdictLabel: claim.finalVerdict?.level.label ?? null, verdictValue: claim.finalVerdict?.level.value ?? null,
        rationale: claim.finalVerdict?.rationale ?? null, sourceUrls: claim.sources.map((x) => x.url), reviewers: claim.review?.reviewers ?? [],
        claimDate: claim.claimDate, publishedAt: null, correctedAt: null };
      expect(csvStreamLine(f, [report.article.id, report.article.title])).toBe(csvLine(f, [report.article.id, report.article.title]));
    }
  });
});
