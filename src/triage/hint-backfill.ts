import type { Pool } from 'pg';
import { checkWorthinessHint } from './check-worthiness';
import { backfillPending, claimsWithoutHint, HINT_BACKFILL, markBackfillDone, setHints } from './hint-backfill.queries';

const BATCH = 2_000;

/**
 * The companion of the migration that added `claims.hint`: scores every claim imported before hints existed, once.
 * Runs at start and from `npm run db:migrate` while its task (data_backfills) is pending; each batch commits on its
 * own, so an interrupted run resumes where it stopped, and a finished one costs one lookup at later starts.
 */
export async function backfillHints(pool: Pool): Promise<number> {
  if (!(await backfillPending(pool, HINT_BACKFILL))) return 0;
  let done = 0;
  let afterId: string | null = null;
  for (;;) {
    const rows = await claimsWithoutHint(pool, afterId, BATCH);
    if (rows.length === 0) break;
    await setHints(pool, rows.map((r) => r.id), rows.map((r) => checkWorthinessHint(r.text)));
    done += rows.length;
    afterId = rows[rows.length - 1].id;
  }
  await markBackfillDone(pool, HINT_BACKFILL);
  return done;
}
