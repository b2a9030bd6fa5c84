import { z, type ZodType } from 'zod';
import { ValidationError } from '../errors';

/**
 * Keyset pagination for every list: `?limit=` (1–200) and an opaque `?cursor=` in, `{ items, nextCursor }` out
 * (null at the end). A cursor encodes the sort key of the last row returned and the ordering it belongs to, so a
 * deep page costs what the first one costs and a cursor reused with another ordering is refused.
 */
export const MAX_PAGE_LIMIT = 200;
export const DEFAULT_PAGE_LIMIT = 50;

const Cursor = z
  .string()
  .min(1, 'must not be empty')
  .max(2000, 'is too long')
  .regex(/^[A-Za-z0-9_-]+$/, 'is not a cursor returned by this API');

export const limitParam = (defaultLimit = DEFAULT_PAGE_LIMIT) =>
  z.coerce
    .number({ error: `must be a whole number from 1 to ${MAX_PAGE_LIMIT}` })
    .int(`must be a whole number from 1 to ${MAX_PAGE_LIMIT}`)
    .min(1, `must be a whole number from 1 to ${MAX_PAGE_LIMIT}`)
    .max(MAX_PAGE_LIMIT, `must be a whole number from 1 to ${MAX_PAGE_LIMIT}`)
    .default(defaultLimit)
    .meta({ description: `Items per page, 1–${MAX_PAGE_LIMIT}` });

/** Strict: an unknown parameter (e.g. the old `page`) is a 400, never silently ignored. */
export const PageQuery = z.strictObject({
  limit: limitParam(),
  cursor: Cursor.optional().meta({ description: 'The `nextCursor` of the previous page; omit for the first page' }),
});
export type PageQuery = z.infer<typeof PageQuery>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(ordering: string, key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify([ordering, ...key]), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by encodeCursor for this ordering; the key must match `shape` (a zod tuple), so a
 * tampered or foreign cursor is a 400, never a database error.
 */
export function decodeCursor<T extends readonly unknown[]>(ordering: string, cursor: string, shape: ZodType<T>): T {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor('is not a cursor returned by this API');
  }
  if (!Array.isArray(decoded) || decoded[0] !== ordering) {
    throw invalidCursor('belongs to another list or ordering; start again without a cursor');
  }
  const key = shape.safeParse(decoded.slice(1));
  if (!key.success) throw invalidCursor('is not a cursor returned by this API');
  return key.data;
}

/** Rows were fetched with `limit + 1`: the extra row only says whether another page exists. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  ordering: string,
  keyOf: (row: Row) => readonly unknown[],
  present: (row: Row) => Item,
): Page<Item> {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return { items: pageRows.map(present), nextCursor: more && last ? encodeCursor(ordering, keyOf(last)) : null };
}

function invalidCursor(message: string): ValidationError {
  return new ValidationError(`Invalid cursor: it ${message}`, [{ path: 'query.cursor', message }], 'INVALID_CURSOR');
}

/** The years a timestamp column holds here (PostgreSQL has no year 0; JavaScript dates end in 275760). */
const timestampInRange = (value: string) => {
  const year = new Date(value).getUTCFullYear();
  return year >= 1 && year <= 9999;
};

/**
 * Cursor key parts. Timestamps travel as ISO strings with microseconds cut to PostgreSQL's milliseconds. Each part
 * is bounded to what its column can hold (a position is an `integer`), so a tampered cursor is a 400 INVALID_CURSOR,
 * never a value the database refuses.
 */
export const cursorParts = {
  uuid: z.uuid(),
  timestamp: z.iso.datetime().refine(timestampInRange),
  int: z.number().int().min(0).max(2_147_483_647),
  number: z.number(),
  nullableTimestamp: z.iso.datetime().refine(timestampInRange).nullable(),
};
