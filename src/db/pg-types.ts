import { types } from 'pg';

/**
 * Type parsers for the pg pool's own queries (Prisma passes its own parsers with every query and is not affected).
 *
 * timestamptz: a hot read returns hundreds of them (three per claim), and pg's default parser runs three regular
 * expressions per value. PostgreSQL's ISO output `YYYY-MM-DD HH:MM:SS[.ffffff]±HH[:MM[:SS]]` is read here by
 * position; anything else (infinity, BC dates, years before 1000 or after 9999) goes to the default parser.
 */
const defaultTimestamptz = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text') as (text: string) => Date;

const DIGIT_0 = 48;
const digit = (text: string, at: number) => text.charCodeAt(at) - DIGIT_0;
const isDigit = (text: string, at: number) => {
  const d = digit(text, at);
  return d >= 0 && d <= 9;
};
/** Two digits at `at`, or -1. */
const twoDigits = (text: string, at: number) => (isDigit(text, at) && isDigit(text, at + 1) ? digit(text, at) * 10 + digit(text, at + 1) : -1);

export function parseTimestamptz(text: string): Date {
  if (
    text.length < 22 ||
    text.charCodeAt(4) !== 45 || // '-'
    text.charCodeAt(7) !== 45 ||
    text.charCodeAt(10) !== 32 || // ' '
    text.charCodeAt(13) !== 58 || // ':'
    text.charCodeAt(16) !== 58 ||
    text.charCodeAt(0) === DIGIT_0 // a year before 1000 (Date.UTC reads 0–99 as 1900–1999)
  ) {
    return defaultTimestamptz(text);
  }
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return defaultTimestamptz(text);
  let at = 19;
  let ms = 0;
  if (text.charCodeAt(at) === 46) {
    // '.': up to six fractional digits; milliseconds are the first three (the rest is truncated, as Date does)
    at++;
    let scale = 100;
    while (at < text.length && isDigit(text, at)) {
      ms += digit(text, at) * scale;
      scale /= 10;
      at++;
    }
    ms = Math.floor(ms);
  }
  const sign = text.charCodeAt(at);
  if (sign !== 43 && sign !== 45) return defaultTimestamptz(text); // '+' or '-'
  const offsetHours = twoDigits(text, at + 1);
  let offsetSeconds = offsetHours * 3600;
  let end = at + 3;
  for (let part = 0; part < 2 && end < text.length; part++) {
    const value = text.charCodeAt(end) === 58 ? twoDigits(text, end + 1) : -1;
    if (value < 0) return defaultTimestamptz(text);
    offsetSeconds += part === 0 ? value * 60 : value;
    end += 3;
  }
  if (offsetHours < 0 || end !== text.length) return defaultTimestamptz(text);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  return new Date(utc - (sign === 43 ? 1 : -1) * offsetSeconds * 1000);
}

/** The `types` option of the pg pool. */
export const poolTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === types.builtins.TIMESTAMPTZ && format !== 'binary') return parseTimestamptz;
    return types.getTypeParser(oid, format as 'text');
  },
};
