import { types } from 'pg';
import fc from 'fast-check';
import { parseTimestamptz } from '../../src/db/pg-types';

const reference = types.getTypeParser(types.builtins.TIMESTAMPTZ, 'text') as (text: string) => Date | number;
const same = (text: string) => expect(String(parseTimestamptz(text))).toBe(String(reference(text)));

describe('parseTimestamptz (the pool parser for timestamptz) agrees with pg’s own parser', () => {
  it.each([
    '2026-01-01 06:00:00+00',
    '2026-01-01 06:00:00.1+00',
    '2026-01-01 06:00:00.12+00',
    '2026-01-01 06:00:00.123+00',
    '2026-01-01 06:00:00.123456+00',
    '2026-02-28 23:59:59.999+05:30',
    '1999-12-31 23:59:59-08',
    '2020-06-15 12:00:00+05:45:30',
    '1000-01-01 00:00:00+00',
    '9999-12-31 23:59:59.999+00',
    '0099-01-01 00:00:00+00',
    '0044-03-15 12:00:00+00 BC',
    '12345-01-01 00:00:00+00',
    'infinity',
    '-infinity',
  ])('%s', (text) => same(text));

  it('agrees on any instant PostgreSQL can print with a millisecond precision and an offset', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1000-01-02T00:00:00Z'), max: new Date('9998-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        (date, offsetMinutes) => {
          const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString();
          const sign = offsetMinutes < 0 ? '-' : '+';
          const abs = Math.abs(offsetMinutes);
          const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
          const text = `${local.slice(0, 10)} ${local.slice(11, 23)}${offset}`;
          expect(parseTimestamptz(text).getTime()).toBe(date.getTime());
          same(text);
        },
      ),
      { numRuns: 500 },
    );
  });
});
