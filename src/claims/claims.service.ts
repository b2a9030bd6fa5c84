import type { PrismaClient } from '../db/prisma';
import { NotFoundError } from '../errors';
import { presentClaim } from './claims.presenter';
import { findClaim } from './claims.queries';

export type ClaimView = ReturnType<typeof presentClaim>;

export function createClaimService({ prisma }: { prisma: PrismaClient }) {
  async function getClaim(id: string): Promise<ClaimView> {
    const claim = await findClaim(prisma, id);
    if (!claim) throw new NotFoundError('claim', id);
    return presentClaim(claim);
  }

  return { getClaim };
}

export type ClaimService = ReturnType<typeof createClaimService>;
