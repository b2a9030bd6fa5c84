import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/audit.recorder';
import type { PrismaClient } from '../db/prisma';
import { NotFoundError } from '../errors';
import { presentClaim } from './claims.presenter';
import { claimSelect, findClaim } from './claims.queries';
import type { UpdateClaimInput } from './claims.schema';

export type ClaimView = ReturnType<typeof presentClaim>;

export function createClaimService({ prisma }: { prisma: PrismaClient }) {
  async function getClaim(id: string): Promise<ClaimView> {
    const claim = await findClaim(prisma, id);
    if (!claim) throw new NotFoundError('claim', id);
    return presentClaim(claim);
  }

  async function updateClaim(id: string, input: UpdateClaimInput, actor: Actor): Promise<ClaimView> {
    const updated = await prisma.$transaction(async (tx) => {
      const before = await findClaim(tx, id);
      if (!before) throw new NotFoundError('claim', id);
      if (before.checkWorthy === input.checkWorthy) return before;
      const after = await tx.claim.update({ where: { id }, data: { checkWorthy: input.checkWorthy }, select: claimSelect });
      await recordAudit(tx, actor, {
        entityType: 'claim',
        entityId: id,
        action: 'claim.updated',
        before: { checkWorthy: before.checkWorthy },
        after: { checkWorthy: after.checkWorthy },
      });
      return after;
    });
    return presentClaim(updated);
  }

  return { getClaim, updateClaim };
}

export type ClaimService = ReturnType<typeof createClaimService>;
