import { stringify } from 'csv-stringify/sync';
import type { Audience, Report, ReportClaim, ReportFormat } from '../report.model';
import { forAudience, publicationDates, publicClaim, shownVerdict } from '../render-helpers';

/**
 * One row per claim, in article order. RFC 4180 (quoted where needed, CRLF line ends) by csv-stringify, UTF-8 with
 * a byte-order mark so spreadsheet programs read accents and emoji correctly.
 *
 * CSV injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and, in some programs, a tab or a
 * carriage return) as a formula. Every such cell gets a leading `'`, which the spreadsheet shows as text. A negative
 * number such as `-3` is therefore exported as `'-3` (text). The streamed desk CSV uses csvHeader/csvStreamLine
 * below, so both share exactly these columns and this guard.
 */

export const CSV_BOM = '\uFEFF';

const COLUMNS = [
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
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The CSV-injection guard: a leading `'` on any cell that a spreadsheet would read as a formula. */
export function guardCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

type Cell = string | number | boolean | null | undefined;

function toCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return guardCell(String(value));
}

function line(cells: readonly Cell[]): string {
  // csv-stringify quotes a field holding the record delimiter (CRLF) but not a bare LF or CR, which every
  // spreadsheet would read as a new row: quote those too.
  return stringify([cells.map(toCell)], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/** The header line (CRLF-terminated, no BOM). `leading` names extra first columns, e.g. the article for a desk-wide file. */
export function csvHeader(_audience: Audience, leading: readonly string[] = []): string {
  return line([...leading, ...COLUMNS]);
}

/** What one CSV row says about a claim, whether it comes from a report or from the streamed desk export. */
export interface CsvClaimFields {
  position: number;
  paragraph: number;
  text: string;
  status: string;
  checkWorthy: boolean;
  verdictLabel: string | null;
  verdictValue: number | null;
  rationale: string | null;
  sourceUrls: string[];
  /** Always empty for the public. */
  reviewers: string[];
  claimDate: string | null;
  publishedAt: string | null;
  correctedAt: string | null;
}

/** The row fields of a report's claim, as the audience may see it. */
export function csvFields(claim: ReportClaim, audience: Audience): CsvClaimFields {
  const shown = audience === 'public' ? publicClaim(claim) : claim;
  const verdict = shownVerdict(shown);
  const { first, latest } = publicationDates(shown);
  return {
    position: shown.position,
    paragraph: shown.paragraph,
    text: shown.text,
    status: shown.status,
    checkWorthy: shown.checkWorthy,
    verdictLabel: verdict?.level.label ?? null,
    verdictValue: verdict?.level.value ?? null,
    rationale: verdict?.rationale ?? null,
    sourceUrls: shown.sources.map((source) => source.url),
    reviewers: audience === 'public' ? [] : (shown.review?.reviewers ?? []),
    claimDate: shown.claimDate,
    publishedAt: first,
    correctedAt: latest !== null && latest !== first ? latest : null,
  };
}

/** The cells of one row, guarded. */
export function csvCells(fields: CsvClaimFields): string[] {
  return [
    fields.position,
    fields.paragraph,
    fields.text,
    fields.status,
    fields.checkWorthy,
    fields.verdictLabel,
    fields.verdictValue,
    fields.rationale,
    fields.sourceUrls.length,
    fields.sourceUrls.join('\n'),
    fields.reviewers.join('; '),
    fields.claimDate,
    fields.publishedAt,
    fields.correctedAt,
  ].map(toCell);
}

/** One row as one CSV line (CRLF-terminated); `leading` cells go first, guarded the same way. */
export function csvLine(fields: CsvClaimFields, leading: readonly Cell[] = []): string {
  return line([...leading.map(toCell), ...csvCells(fields)]);
}

/** A field csv-stringify quotes with the options of `line` (RFC 4180: a quote, a comma, a CR or an LF inside). */
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * `csvLine` for the streamed desk file, written without csv-stringify: the same cells, guard and RFC 4180 quoting
 * byte for byte (quoted when needed, quotes doubled, CRLF after the record; the unit tests compare the two on
 * arbitrary text), without the library's per-call set-up, which costs more than the row itself when a desk of
 * 100,000s of claims streams. The per-article CSV keeps csv-stringify.
 */
export function csvStreamLine(fields: CsvClaimFields, leading: readonly Cell[] = []): string {
  const cells = csvCells(fields);
  let out = '';
  for (const cell of leading) out += `${quoteField(toCell(cell))},`;
  for (let i = 0; i < cells.length; i++) out += i === 0 ? quoteField(cells[i]) : `,${quoteField(cells[i])}`;
  return `${out}\r\n`;
}

function quoteField(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** One claim of a report as one CSV line. */
export function csvRow(claim: ReportClaim, audience: Audience, leading: readonly Cell[] = []): string {
  return csvLine(csvFields(claim, audience), leading);
}

export const csvFormat: ReportFormat = {
  name: 'csv',
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  render(input: Report): string {
    const report = forAudience(input);
    return CSV_BOM + csvHeader(report.audience) + report.claims.map((claim) => csvRow(claim, report.audience)).join('');
  },
};
