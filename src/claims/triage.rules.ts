import type { Prisma } from '../db/prisma';
import { checkWorthinessHint } from '../triage/check-worthiness';
import { attachedWork } from './review-state.queries';

/** The check-worthiness hint of a claim's text (src/triage); recomputed whenever the text changes. */
export function hintFor(text: string): number {
  return checkWorthinessHint(text);
}

/**
 * What on these claims forbids merging, splitting or narrowing them (sources, verdicts or assignments);
 * empty when nothing does.
 */
export async function claimWorkBlockingTriage(tx: Prisma.TransactionClient, claimIds: string[]): Promise<string[]> {
  const work = await attachedWork(tx, claimIds);
  return (['sources', 'verdicts', 'assignments'] as const).filter((kind) => work[kind] > 0);
}
