import type { Pool } from 'pg';
import { queryRows } from '../db/sql';

/** Claims still without a hint (imported before hints existed), in id order after `afterId`. */
export function claimsWithoutHint(pool: Pool, afterId: string | null, limit: number) {
  return queryRows<{ id: string; text: string }>(
    pool,
    `SELECT id, text FROM claims WHERE hint IS NULL AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT $2`,
    [afterId, limit],
  );
}

/** Sets many hints in one statement; rows that meanwhile got a hint are left alone. */
export async function setHints(pool: Pool, ids: string[], hints: number[]): Promise<void> {
  await pool.query(
    `UPDATE claims c SET hint = u.hint FROM unnest($1::uuid[], $2::float8[]) AS u(id, hint)
     WHERE c.id = u.id AND c.hint IS NULL`,
    [ids, hints],
  );
}
