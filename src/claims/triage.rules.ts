import type { Prisma } from '../db/prisma';

/** The check-worthiness hint of a claim's text (src/triage); recomputed whenever the text changes. */
export function hintFor(_text: string): number | null {
  return null;
}

/**
 * What on these claims forbids merging, splitting or narrowing them (sources, verdicts or assignments);
 * empty when nothing does.
 */
export async function claimWorkBlockingTriage(_tx: Prisma.TransactionClient, _claimIds: string[]): Promise<string[]> {
  return [];
}
