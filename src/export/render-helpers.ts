/**
 * Pure helpers shared by the renderers in formats/: code-point slicing of the article body, the verdict a claim
 * shows, and the public guard. No I/O, no clock: every date comes from the report.
 */
import type { Report, ReportClaim, ReportVerdict } from './report.model';

// ---- Code points ----------------------------------------------------------------------------------------------

/**
 * The body as an array of code points. Claim offsets count code points (not UTF-16 units), so an emoji or an
 * astral letter before a claim moves it by one, never two; slicing this array can never split a surrogate pair.
 */
export function codePoints(text: string): string[] {
  return Array.from(text);
}

/** `text[start, end)` by code points. */
export function sliceCodePoints(points: readonly string[], start: number, end: number): string {
  return points.slice(Math.max(0, start), Math.max(0, end)).join('');
}

export interface CodePointSpan {
  start: number;
  end: number;
}

/**
 * Splits the body into runs of plain text and claim text, in order, by code points. Spans must be sorted by start;
 * an overlapping or out-of-range span is clipped (never throws, never loses text).
 */
export function splitBySpans<T extends CodePointSpan>(
  points: readonly string[],
  spans: readonly T[],
): Array<{ text: string; span: T | null }> {
  const runs: Array<{ text: string; span: T | null }> = [];
  let at = 0;
  for (const span of spans) {
    const start = Math.min(Math.max(span.start, at), points.length);
    const end = Math.min(Math.max(span.end, start), points.length);
    if (start > at) runs.push({ text: sliceCodePoints(points, at, start), span: null });
    if (end > start) runs.push({ text: sliceCodePoints(points, start, end), span });
    at = Math.max(at, end);
  }
  if (at < points.length) runs.push({ text: sliceCodePoints(points, at, points.length), span: null });
  return runs;
}

// ---- What a claim shows -------------------------------------------------------------------------------------------

/**
 * The verdict a claim shows to the report's audience: its final verdict (desk: approved or published; public:
 * published), or for a retracted claim the verdict that was withdrawn (printed as retracted, never as standing).
 */
export function shownVerdict(claim: ReportClaim): ReportVerdict | null {
  return claim.finalVerdict ?? (claim.retraction ? claim.publishedVerdict : null);
}

/** A claim the report presents as checked: it has a verdict for this audience, or a retraction to announce. */
export function isShownChecked(claim: ReportClaim): boolean {
  return shownVerdict(claim) !== null || claim.retraction !== null;
}

/** First publication (oldest published revision) and latest publication (after corrections), when published. */
export function publicationDates(claim: ReportClaim): { first: string | null; latest: string | null } {
  const dates = claim.publishedRevisions.map((v) => v.publishedAt).filter((d): d is string => d !== null);
  if (claim.publishedVerdict?.publishedAt) dates.push(claim.publishedVerdict.publishedAt);
  if (dates.length === 0) return { first: null, latest: null };
  const sorted = [...dates].sort();
  return { first: sorted[0], latest: sorted[sorted.length - 1] };
}

/** Earlier published revisions of a corrected claim (everything published before the current one), oldest first. */
export function earlierRevisions(claim: ReportClaim): ReportVerdict[] {
  const current = claim.publishedVerdict?.revision ?? claim.finalVerdict?.revision;
  return claim.publishedRevisions.filter((v) => v.revision !== current);
}

/** The scale range as text, e.g. "3 on a scale from 0 (worst) to 5 (best)"; null for outcomes off the axis. */
export function ratingText(verdict: ReportVerdict): string | null {
  const { value } = verdict.level;
  if (value === null) return null;
  if (verdict.bestValue === null || verdict.worstValue === null) return `${value}`;
  return `${value} on a scale from ${verdict.worstValue} (worst) to ${verdict.bestValue} (best)`;
}

// ---- Dates ----------------------------------------------------------------------------------------------------------

/** `Date.prototype.toISOString` output (UTC, milliseconds, years 0–9999): what the report model holds. */
const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A report timestamp for people: `2025-03-02 14:05 UTC`; a plain date stays a date; anything else is printed as is. */
export function humanDate(value: string | null): string {
  if (value === null) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  // The model's own timestamps are already UTC and canonical: cut, not parsed again (a report prints thousands).
  if (CANONICAL_ISO.test(value)) return `${value.slice(0, 10)} ${value.slice(11, 16)} UTC`;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

// ---- Colours ------------------------------------------------------------------------------------------------------

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;
/** Used when a level's colour is not `#rrggbb` (the model promises it; renderers never print anything else). */
export const FALLBACK_COLOUR = '#d9d9d9';

export function safeColour(colour: string): string {
  return HEX_COLOUR.test(colour) ? colour.toLowerCase() : FALLBACK_COLOUR;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance of `#rrggbb`. */
export function luminance(colour: string): number {
  const hex = safeColour(colour).slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => channel(parseInt(hex.slice(i, i + 2), 16)));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio between two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on the background (always at least 4.5:1, WCAG AA for body text). */
export function textColourOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}

// ---- The public guard ---------------------------------------------------------------------------------------------

function publicVerdict(verdict: ReportVerdict | null): ReportVerdict | null {
  if (!verdict || verdict.publishedAt === null || verdict.state === 'approved') return null;
  return { ...verdict, reason: null, approvedBy: null, publishedBy: null };
}

/** A claim as the public may see it: only published verdicts and their sources, no people, votes or notes. */
export function publicClaim(claim: ReportClaim): ReportClaim {
  const publishedVerdict = publicVerdict(claim.publishedVerdict);
  const finalVerdict = publicVerdict(claim.finalVerdict);
  const publishedRevisions = claim.publishedRevisions.map(publicVerdict).filter((v): v is ReportVerdict => v !== null);
  return {
    ...claim,
    finalVerdict,
    publishedVerdict,
    publishedRevisions,
    sources: (finalVerdict ?? publishedVerdict)?.sources ?? [],
    review: null,
    notes: [],
  };
}

/**
 * Defence in depth. The model is already built for its audience; a public report is nevertheless stripped here of
 * everything only the desk may read (reviewers' names, the review with its votes and drafts, desk notes, reasons,
 * who approved and published, event actors, unpublished verdicts and their sources), so a mistake upstream cannot
 * reach the public through a renderer. A desk report is returned unchanged.
 */
export function forAudience(report: Report): Report {
  if (report.audience !== 'public') return report;
  return {
    ...report,
    claims: report.claims.map(publicClaim),
    appendix: {
      ...report.appendix,
      reviewers: [],
      events: report.appendix.events.map((event) => ({ ...event, actor: null })),
    },
  };
}

// ---- JSON-LD ------------------------------------------------------------------------------------------------------

/**
 * JSON for JSON-LD, which sites embed in `<script type="application/ld+json">`: `<`, `>` and `&` are written as
 * `\u003c`, `\u003e`, `\u0026` (and U+2028/U+2029 escaped too) so that a claim holding `</script>` cannot end the
 * script element. The JSON value is unchanged: any JSON parser reads back exactly the same strings.
 */
export function jsonLd(value: unknown): string {
  const escapes: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };
  return `${JSON.stringify(value, null, 2).replace(/[<>&\u2028\u2029]/g, (c) => escapes[c])}\n`;
}

/**
 * An http(s) URL in its WHATWG serialisation (quotes, spaces and non-ASCII percent-encoded, so it is a valid URI
 * as JSON-LD consumers and the W3C annotation model require), or null for anything else.
 */
export function httpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
