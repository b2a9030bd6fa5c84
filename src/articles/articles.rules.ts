import { articleHasVerdicts } from '../claims/review-state.queries';
import type { Prisma } from '../db/prisma';
import { ConflictError } from '../errors';

/** Deleting an article is refused once any of its claims has verdicts: published fact-checks are never wiped. */
export async function refuseDeletingCheckedWork(tx: Prisma.TransactionClient, articleId: string): Promise<void> {
  if (await articleHasVerdicts(tx, articleId)) {
    throw new ConflictError('ARTICLE_HAS_VERDICTS', 'This article has claims with verdicts; fact-checks are never deleted');
  }
}
