import { stringify } from 'csv-stringify/sync';
import type { Audience, Report, ReportClaim, ReportFormat } from '../report.model';
import { forAudience, publicationDates, publicClaim, shownVerdict } from '../render-helpers';

/**
 * One row per claim, in article order. RFC 4180 (quoted where needed, CRLF line ends) by csv-stringify, UTF-8 with
 * a byte-order mark so spreadsheet programs read accents and emoji correctly.
 *
 * CSV injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and, in some programs, a tab or a
 * carriage return) as a formula. Every such cell gets a leading `'`, which the spreadsheet shows as text. A negative
 * number such as `-3` is therefore exported as `'-3` (text). The streamed desk CSV uses csvHeader/csvRow below, so
 * both share exactly these columns and this guard.
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

/** The cells of one claim, guarded; the reviewers cell is always empty for the public. */
export function csvCells(claim: ReportClaim, audience: Audience): string[] {
  const shown = audience === 'public' ? publicClaim(claim) : claim;
  const verdict = shownVerdict(shown);
  const { first, latest } = publicationDates(shown);
  const reviewers = audience === 'public' ? [] : (shown.review?.reviewers ?? []);
  return [
    shown.position,
    shown.paragraph,
    shown.text,
    shown.status,
    shown.checkWorthy,
    verdict?.level.label,
    verdict?.level.value,
    verdict?.rationale,
    shown.sources.length,
    shown.sources.map((source) => source.url).join('\n'),
    reviewers.join('; '),
    shown.claimDate,
    first,
    latest !== null && latest !== first ? latest : null,
  ].map(toCell);
}

/** One claim as one CSV line (CRLF-terminated); `leading` cells go first, guarded the same way. */
export function csvRow(claim: ReportClaim, audience: Audience, leading: readonly Cell[] = []): string {
  return line([...leading, ...csvCells(claim, audience)]);
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
