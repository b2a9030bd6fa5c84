/**
 * Hostile building blocks for the API fuzz test: strings with control characters, invalid Unicode and odd scripts,
 * odd and out-of-range dates, odd numbers (also as raw JSON text JSON.stringify cannot write), hostile URLs,
 * malformed percent-escapes, odd header values and malformed bodies.
 */
import fc from 'fast-check';

// ---- Strings ---------------------------------------------------------------------------------------------------

const C0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i));
/** Pieces that break naive string handling: each one is a single "character" of a generated string. */
export const HOSTILE_PIECES: readonly string[] = [
  ...C0,
  '\u007f',
  '\u0000',
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '\udc00\ud800', // surrogates in the wrong order
  '\ufffe',
  '\uffff',
  '\ufdd0', // non-characters
  '\u{10ffff}',
  '\u{1fffe}',
  '\ufeff', // BOM / zero-width no-break space
  '\u200b',
  '\u200c',
  '\u200d', // zero-width space, non-joiner, joiner
  '\u200e',
  '\u200f',
  '\u202e',
  '\u2066',
  '\u061c', // bidi marks and overrides
  '\u00a0',
  '\u2028',
  '\u2029',
  '\u3000',
  '\u0085', // odd whitespace and line breaks
  '\u0301',
  'e\u0301',
  '\u{1f600}',
  '\u{1f469}\u200d\u{1f469}\u200d\u{1f467}',
  '\u{1f1fa}\u{1f1f8}', // emoji, ZWJ family, flag
  'ｆｕｌｌ',
  '𝔘𝔫𝔦',
  'مرحبا',
  'שלום',
  '中文',
  'İı', // wide and RTL scripts, case-mapping traps
  '%',
  '%zz',
  '%E0%A4%A',
  '%00',
  '%25',
  '\\',
  '\\u0000',
  '"',
  "'",
  '`',
  "' OR 1=1 --",
  '%_',
  '$1',
  '${x}',
  '<script>alert(1)</script>',
  '{"a":',
  '../',
  '?',
  '#',
  '&',
  '=',
  '/',
  ';',
];

/** The hostile pieces PostgreSQL can store as they are (no NUL, no unpaired surrogate). */
export const STORABLE_PIECES = HOSTILE_PIECES.filter((piece) => !/\u0000|[\ud800-\udfff]/.test(piece.replace(/[\ud800-\udbff][\udc00-\udfff]/g, '')));

const word = fc.constantFrom('The', 'council', 'said', 'budget', 'fell', '3.5%', 'Mr.', 'U.S.', '2024', 'Smith', '.', ',', '!', '?', ' ', ' ', '  ');

/** A string of ordinary words mixed with hostile pieces; `hostility` is the weight of the hostile pieces (0–10). */
export const hostileText = (maxPieces = 24, hostility = 3) =>
  fc
    .array(
      fc.oneof(
        { arbitrary: word, weight: 10 - hostility },
        { arbitrary: fc.constantFrom(...HOSTILE_PIECES), weight: hostility },
        { arbitrary: fc.string({ unit: 'binary', maxLength: 4 }), weight: 1 },
      ),
      { maxLength: maxPieces },
    )
    .map((parts) => parts.join(''));

/** Like hostileText, but only with characters PostgreSQL stores as they are (any code point but NUL, well-formed). */
export const storableText = (maxPieces = 24, hostility = 3) =>
  fc
    .array(
      fc.oneof(
        { arbitrary: word, weight: 10 - hostility },
        { arbitrary: fc.constantFrom(...STORABLE_PIECES), weight: hostility },
        { arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }), weight: 1 },
      ),
      { maxLength: maxPieces },
    )
    .map((parts) => parts.join(''));

/** Strings that are awkward as a whole, not only in their characters. */
export const WHOLE_STRINGS: readonly string[] = [
  '',
  ' ',
  '   \t\n ',
  '\u3000\u00a0',
  '\u0000',
  '\ud800',
  'null',
  'undefined',
  'true',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x10',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'toString',
];

/** A string at or beyond a size limit: `length` repetitions of one piece (also multi-byte ones). */
export const hugeString = (minLength: number, maxLength: number) =>
  fc
    .tuple(fc.constantFrom('x', 'ж', '\u{1f600}', '\\', '\u0000', ' ', 'a '), fc.integer({ min: minLength, max: maxLength }))
    .map(([piece, length]) => piece.repeat(Math.max(1, Math.ceil(length / piece.length))).slice(0, length));

// ---- Dates -----------------------------------------------------------------------------------------------------

/** Dates and date-times that are valid and must be accepted where dates are. */
export const VALID_DATES = ['2024-02-29', '2025-03-02', '1999-12-31', '2000-01-01', '2099-12-31'];
export const VALID_DATE_TIMES = [
  '2025-03-02T10:00:00Z',
  '2024-02-29T23:59:59.999Z',
  '2026-12-01T17:00:00+05:30',
  '2026-12-01T17:00:00-08:00',
  '2030-01-01T00:00:00.5Z',
];

/** Odd, impossible and out-of-range dates. */
export const ODD_DATES = [
  '2024-02-30',
  '2023-02-29',
  '2024-04-31',
  '2024-13-01',
  '2024-00-10',
  '2024-01-00',
  '0000-01-01',
  '0001-01-01',
  '0999-12-31',
  '1000-01-01',
  '1899-12-31',
  '9999-12-31',
  '+275760-09-13',
  '-000001-01-01',
  '+002024-01-01',
  '2024-1-1',
  '20240101',
  '2024/01/01',
  '01/02/2024',
  '2024-01-01 ',
  ' 2024-01-01',
  '2024-01-01\u0000',
  '٢٠٢٤-٠١-٠١',
  '２０２４-０１-０１',
  '2024-W01-1',
  '2024-001',
  'today',
  'Invalid Date',
];
export const ODD_DATE_TIMES = [
  '9999-12-31T24:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '9999-12-31T23:59:59-01:00',
  '1000-01-01T00:00:00+01:00',
  '0000-01-01T00:00:00Z',
  '1999-12-31T23:59:59Z',
  '2000-01-01T00:00:00+00:01',
  '2024-01-01T00:00:00+25:00',
  '2024-01-01T00:00:00+23:59',
  '2024-01-01T00:00:00-00:00',
  '2024-01-01T00:00:00+0530',
  '2024-01-01T00:00:00.123456789Z',
  '2024-01-01T00:00:00.1234567890123Z',
  '2024-06-30T23:59:60Z',
  '2024-01-01T25:00:00Z',
  '2024-01-01T00:60:00Z',
  '2024-01-01T00:00:00',
  '2024-01-01 00:00:00Z',
  '2024-01-01t00:00:00z',
  '2024-02-30T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '+275760-09-13T00:00:00.001Z',
  '-271821-04-20T00:00:00Z',
  '1970-01-01T00:00:00Z',
  '2024-01-01T00:00:00Z\u0000',
  '2024-01-01T00:00:00\u200bZ',
];

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');
const dayOf = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const inRange = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('9998-12-31T23:59:59Z'), noInvalidDate: true });

/** Valid calendar dates (every date field accepts 2000–9999). */
export const validDate = fc.oneof(fc.constantFrom(...VALID_DATES, '9999-12-31', '2000-01-01'), inRange.map(dayOf));
/** Valid date-times with a zone, sometimes an offset and fractions (every date-time field accepts 2000–9999). */
export const validDateTime = fc.oneof(
  fc.constantFrom(...VALID_DATE_TIMES, '9999-12-31T23:59:59Z', '2000-01-01T00:00:00.000+00:00'),
  inRange.map((d) => d.toISOString()),
  fc.tuple(inRange, fc.integer({ min: -14 * 60, max: 14 * 60 }), fc.boolean()).map(([d, offset, fraction]) => {
    const local = new Date(d.getTime() + offset * 60_000).toISOString().slice(0, fraction ? 23 : 19);
    return `${local}${offset < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  }),
);

export const dateString = fc.constantFrom(...VALID_DATES, ...ODD_DATES, ...VALID_DATE_TIMES.slice(0, 2), ...ODD_DATE_TIMES.slice(0, 4));
export const dateTimeString = fc.constantFrom(...VALID_DATE_TIMES, ...ODD_DATE_TIMES, ...VALID_DATES.slice(0, 2), ...ODD_DATES.slice(0, 8));

// ---- Numbers ---------------------------------------------------------------------------------------------------

/** A number written into a JSON body as this exact text (JSON.stringify cannot write 1e309, -0 or 2**53+1). */
export class RawJsonNumber {
  constructor(readonly text: string) {}
}

/** Odd numbers as JSON literals, and numbers as strings (NaN and friends). */
export const ODD_NUMBER_TEXTS = [
  '1e309',
  '-1e309',
  '1E400',
  '4.9e-324',
  '1e-400',
  '-0',
  '-0.0',
  '0.0',
  '1.0',
  '9007199254740993',
  '9007199254740992',
  '-9007199254740993',
  '2147483647',
  '2147483648',
  '-2147483649',
  '999999999',
  '1000000000',
  '123456789012345678901234567890',
  '0.1',
  '1.5',
  '1e2',
  '1000000.0000001',
  '-1000000.0000001',
];
export const ODD_NUMBER_STRINGS = ['NaN', 'Infinity', '-Infinity', '1e309', '-0', '0x10', '0b1', '1_000', ' 5', '5 ', '+5', '5abc', '٣', '1,5', '', '.5', '5.', '00001'];

export const oddNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...ODD_NUMBER_TEXTS).map((text) => new RawJsonNumber(text)),
  fc.constantFrom(0, 1, -1, 2, 3, 0.5, -0.5, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(...ODD_NUMBER_STRINGS),
);

// ---- URLs ------------------------------------------------------------------------------------------------------

const cjk = (n: number) => Array.from({ length: n }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 7919) % 20000))).join('');
export const VALID_URLS = [
  'https://example.org/report',
  'http://stats.example/data?b=2&a=1',
  'https://bücher.example/katalog',
  'https://xn--bcher-kva.example/',
  'https://example.org/path/with%20space',
  'https://example.org/?utm_source=x&id=7#frag',
  'HTTPS://EXAMPLE.ORG/Case/',
  'http://localhost:8080/',
  'https://example.org/' + 'a'.repeat(2000),
];
export const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox',
  'file:///etc/passwd',
  'ftp://example.org/',
  'mailto:a@example.org',
  'http://',
  'https://',
  'http:///path',
  'http://[::1',
  'http://[::1]/',
  'http://[fe80::1%25eth0]/',
  'http://127.0.0.1/',
  'http://0x7f.1/',
  'http://example.org:65536/',
  'http://example.org:-1/',
  'http://example.org:0/',
  'http://user:pass@example.org/',
  'http://@example.org/',
  '//example.org/x',
  'example.org',
  '/relative/path',
  'http://exa mple.org/',
  'http://example..org/',
  'http://-example.org/',
  'http://ｅｘａｍｐｌｅ.org/',
  'http://例え.テスト/',
  'http://' + 'ü'.repeat(64) + '.example/',
  'http://a.example/%',
  'http://a.example/%zz',
  'http://a.example/%E0%A4%A',
  'http://a.example/?q=%E0%A4%A&%zz=1',
  'http://a.example/\u0000',
  'http://a.example/\ud800',
  'http://a.example/\u0001\u001f\u007f',
  'http://a.example/\u202egnp.exe',
  'http://a.example/' + cjk(700),
  'http://a.example/?q=' + cjk(1500),
  'http://a.example/' + '\u{1f600}'.repeat(900),
  'http://a.example/' + 'x'.repeat(10_240),
  'http://a.example/' + '%41'.repeat(700),
  ' https://example.org/ ',
  'https://example.org/\n',
  'http:\\\\example.org\\x',
];

/** http(s) URLs that are valid as sent (also when they grow by normalisation: IDN hosts, non-ASCII paths). */
export const validUrl: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...VALID_URLS), weight: 3 },
  { arbitrary: fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true }).filter((u) => u.length <= 2048), weight: 3 },
  { arbitrary: fc.tuple(fc.constantFrom('https://example.org/', 'http://bücher.example/'), fc.constantFrom('ж', '中', '\u{1f600}', 'a b', '%', "'"), fc.integer({ min: 1, max: 1000 })).map(([base, piece, n]) => (base + piece.repeat(n)).slice(0, 2048)), weight: 2 },
);

export const urlString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...VALID_URLS, ...HOSTILE_URLS), weight: 4 },
  { arbitrary: fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true }), weight: 1 },
  { arbitrary: hostileText(8, 5).map((text) => `https://example.org/${text}`), weight: 2 },
);

// ---- Ids -------------------------------------------------------------------------------------------------------

export const ODD_IDS = [
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '6ba7b810-9dad-11d1-80b4-00c04fd430c8',
  'AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE',
  '{6ba7b810-9dad-11d1-80b4-00c04fd430c8}',
  '6ba7b8109dad11d180b400c04fd430c8',
  '6ba7b810-9dad-11d1-80b4-00c04fd430c8 ',
  '6ba7b810-9dad-11d1-80b4-00c04fd430c',
  '6ba7b810-9dad-11d1-80b4-00c04fd430c8\u0000',
  'me',
  'none',
  '1',
  '-1',
  '1e309',
  '..',
  '.',
  'null',
  "1' OR '1'='1",
];

// ---- Headers ---------------------------------------------------------------------------------------------------

/**
 * Header values Node's HTTP client can send (visible Latin-1 and tabs; it refuses others before sending). With the
 * URL, a request head stays under Node's 16 KB header limit (beyond it Node itself answers 431, before the app).
 */
export const IF_MATCH_VALUES = [
  '"1"',
  '"2"',
  'W/"1"',
  '"abc"',
  'abc',
  '1',
  '*',
  '""',
  '"',
  'W/',
  '"1", "2"',
  '"1",',
  ',',
  '"0"',
  '"-1"',
  '"1.5"',
  '"1e3"',
  '"999999999"',
  '"1000000000"',
  '"99999999999999999999"',
  '"\t1"',
  'W/"1" W/"2"',
  '"' + '9'.repeat(4000) + '"',
  ' '.repeat(100),
];

export const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset="UTF-8"',
  'application/json ; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/json; charset=utf-32',
  'application/json; charset=bogus',
  'application/vnd.api+json',
  'application/merge-patch+json',
  'text/plain',
  'text/plain; charset=utf-8',
  'text/plain; charset=iso-8859-1',
  'text/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
  '*/*',
  'garbage',
  'application/json; boundary=',
  'application/json;;;',
];

// ---- Raw bodies ------------------------------------------------------------------------------------------------

const bytes = (...values: number[]) => Buffer.from(values);
/** Bodies that are not (valid) JSON, or not UTF-8, or not what a JSON endpoint expects at the top level. */
export const RAW_BODIES: readonly Buffer[] = [
  Buffer.from(''),
  Buffer.from(' '),
  Buffer.from('{'),
  Buffer.from('{"a":'),
  Buffer.from('[1,2'),
  Buffer.from('{"title":"x",}'),
  Buffer.from("{'title':'x'}"),
  Buffer.from('{"title":"x"}{"title":"y"}'),
  Buffer.from('null'),
  Buffer.from('true'),
  Buffer.from('"a string"'),
  Buffer.from('123'),
  Buffer.from('[]'),
  Buffer.from('[{}]'),
  Buffer.from('{}'),
  Buffer.from('{"__proto__":{"admin":true}}'),
  Buffer.from('{"constructor":{"prototype":{"admin":true}}}'),
  Buffer.from('{"a":1,"a":2}'),
  Buffer.from('\ufeff{}'),
  Buffer.from('{"title":"a\u0000b"}'), // a raw NUL inside a JSON string is not JSON
  Buffer.from('{"body":"\\ud800"}'),
  Buffer.from('{"body":"\\u0000"}'),
  Buffer.from('{"x":' + '['.repeat(5000) + ']'.repeat(5000) + '}'),
  Buffer.from('{"n":' + '9'.repeat(400) + '}'),
  Buffer.from('{"n":1e999999}'),
  bytes(0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d), // {"t":"<FF FE>"}
  bytes(0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d), // overlong '/'
  bytes(0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d), // an encoded surrogate (CESU-8)
  bytes(0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xe0, 0xa4, 0x22, 0x7d), // a cut-off sequence
  bytes(0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00), // UTF-16LE with BOM
  bytes(0x00, 0x00, 0x00, 0x7b),
  Buffer.from('x'.repeat(70 * 1024)),
];

// ---- URL parts -------------------------------------------------------------------------------------------------

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Percent-encodes a string for a path segment or query value. encodeURIComponent throws on lone surrogates, so
 * those are written as the three bytes a careless encoder would produce (WTF-8, e.g. %ED%A0%80): invalid UTF-8.
 */
export function percentEncode(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (isHigh(c) && i + 1 < value.length && isLow(value.charCodeAt(i + 1))) {
      out += encodeURIComponent(value.slice(i, i + 2));
      i++;
    } else if (isHigh(c) || isLow(c)) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(value[i]);
    }
  }
  return out;
}

/** Raw (already encoded) fragments put into a path segment or query as they are: malformed escapes and friends. */
export const RAW_URL_FRAGMENTS = ['%', '%zz', '%E0%A4%A', '%E0%A4', '%C0%AF', '%ED%A0%80', '%FF', '%00', '%2F', '%252F', '%u0041', '%%', '%1', '%G0', '+', '%2e%2e'];
