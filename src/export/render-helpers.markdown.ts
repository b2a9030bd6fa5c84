/**
 * Escaping user text for Markdown (CommonMark and GitHub Flavored Markdown) so that a title, rationale or excerpt
 * can never open a heading, list, quote, table cell, link, image, code span, emphasis, raw HTML or math: every
 * character that could start such markup is backslash-escaped (CommonMark lets any ASCII punctuation be escaped),
 * and nothing else is, so the text stays readable (`\$1.2 billion`, `\<b>`, `5 \* 3`).
 */

/** Anywhere in a line: code, emphasis, strikethrough, links/images, raw HTML and autolinks, table pipes, math, escapes. */
const INLINE_SPECIAL = /[\\`*_~[\]<>|$]/g;
/** `&` only where it would start a character reference (`&lt;`, `&#60;`). */
const ENTITY_START = /&(?=#?[0-9A-Za-z]+;)/g;
/** At the start of a line: headings, block quotes, list items, setext underlines, thematic breaks, ordered lists. */
const LINE_START = /^(#|>|-|\+|=|(\d+)([.)]))/;

function escapeLine(line: string): string {
  const escaped = line.replace(INLINE_SPECIAL, '\\$&').replace(ENTITY_START, '\\&');
  // Leading whitespace would make an indented code block (or continue a list); it carries no meaning here.
  const trimmed = escaped.replace(/^[ \t]+/, '');
  return trimmed.replace(LINE_START, (_m, whole: string, digits?: string, mark?: string) =>
    digits !== undefined ? `${digits}\\${mark}` : `\\${whole}`,
  );
}

/** One line of user text: line breaks become spaces. Safe in headings, list items and table cells. */
export function mdInline(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  return escapeLine(text.replace(/\r\n|\r|\n/g, ' ').replace(/[ \t]+$/, ''));
}

/**
 * Multi-line user text: each line escaped, kept as a hard line break (a trailing backslash); blank lines dropped so
 * the text stays inside its list item or quote. `continuation` is put before every line after the first (the
 * indentation or `> ` of the block it sits in).
 */
export function mdBlock(text: string | null | undefined, continuation = ''): string {
  if (text === null || text === undefined) return '';
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeLine(line.replace(/[ \t]+$/, '')))
    .filter((line) => line.length > 0);
  return lines.join(`\\\n${continuation}`);
}

const SAFE_URL = /^https?:\/\/[^\s<>\\]+$/i;

/** An http(s) URL as an autolink; anything else (never expected) as escaped text, never as a link. */
export function mdUrl(url: string | null | undefined): string {
  if (!url) return '';
  return SAFE_URL.test(url) ? `<${url}>` : mdInline(url);
}

/** `[text](url)` for an http(s) URL; otherwise the escaped text alone. */
export function mdLink(text: string, url: string | null | undefined): string {
  const label = mdInline(text);
  return url && SAFE_URL.test(url) ? `[${label}](<${url}>)` : label;
}
