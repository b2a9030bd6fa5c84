import type { Pool } from 'pg';
import { queryRows } from '../db/sql';

export const HINT_BACKFILL = 'claim_hints';

/** True while the named one-time task has not completed (one primary-key lookup). */
export async function backfillPending(pool: Pool, name: string): Promise<boolean> {
  const rows = await queryRows(pool, 'SELECT 1 FROM data_backfills WHERE name = $1 AND completed_at IS NULL', [name]);
  return rows.length > 0;
}

export async function markBackfillDone(pool: Pool, name: string): Promise<void> {
  await pool.query('UPDATE data_backfills SET completed_at = now() WHERE name = $1', [name]);
}

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
