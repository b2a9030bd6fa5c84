import type { Pool } from 'pg';
import { checkWorthinessHint } from './check-worthiness';
import { claimsWithoutHint, setHints } from './hint-backfill.queries';

const BATCH = 2_000;

/**
 * The companion of the migration that added `claims.hint`: scores every claim imported before hints existed.
 * Runs at start and from `npm run db:migrate`; idempotent, and a no-op (one indexed query) once done. Each
 * batch commits on its own, so an interrupted run resumes where it stopped.
 */
export async function backfillHints(pool: Pool): Promise<number> {
  let done = 0;
  let afterId: string | null = null;
  for (;;) {
    const rows = await claimsWithoutHint(pool, afterId, BATCH);
    if (rows.length === 0) return done;
    await setHints(pool, rows.map((r) => r.id), rows.map((r) => checkWorthinessHint(r.text)));
    done += rows.length;
    afterId = rows[rows.length - 1].id;
  }
}
