/**
 * Helpers that turn readable word lists into the precompiled regular expressions the
 * check-worthiness features use. Every pattern built here is linear in the input: alternatives
 * of fixed words between word boundaries, and only bounded repetition, so a long or hostile
 * sentence cannot trigger catastrophic backtracking.
 */

/** Escapes regex syntax, lets `'` match a typographic apostrophe and a space match any one space. */
function phraseSource(phrase: string): string {
  return phrase
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/'/g, "['’]")
    .replace(/ /g, '\\s');
}

/** `inspector general` → `[iI]nspector [gG]eneral`, for lists that share a case-sensitive pattern with acronyms. */
function initialCaseSource(source: string): string {
  return source.replace(/(^|\\s)([a-z])/g, (_m, before: string, c: string) => `${before}[${c}${c.toUpperCase()}]`);
}

/**
 * Source of an alternation of comma-separated phrases between word boundaries. A boundary is only
 * required where a phrase begins or ends with a letter or digit ("Jan." must still match before a
 * space). Phrases that need both boundaries share one outer `\b(?:…)\b`, which lets the regex
 * engine skip quickly to plausible first letters. Longer phrases come first so the matched text
 * shown in explanations is the whole phrase ("more than", not "more").
 */
export function phrasesSource(list: string, anyInitialCase = false): string {
  const phrases = list
    .split(',')
    .map((p) => p.trim().replace(/\s+/g, ' '))
    .filter((p) => p.length > 0)
    .sort((a, b) => b.length - a.length);
  const source = (phrase: string) =>
    anyInitialCase ? initialCaseSource(phraseSource(phrase)) : phraseSource(phrase);
  const bounded = phrases.filter((p) => /^\w/.test(p) && /\w$/.test(p)).map(source);
  const others = phrases
    .filter((p) => !(/^\w/.test(p) && /\w$/.test(p)))
    .map((p) => (/^\w/.test(p) ? '\\b' : '') + source(p) + (/\w$/.test(p) ? '\\b' : ''));
  const alternatives = bounded.length > 0 ? [`\\b(?:${bounded.join('|')})\\b`, ...others] : others;
  return `(?:${alternatives.join('|')})`;
}

/** Case-insensitive matcher for comma-separated phrases, with optional extra regex sources. */
export function phrases(list: string, ...extraSources: string[]): RegExp {
  return new RegExp([phrasesSource(list), ...extraSources].join('|'), 'i');
}
