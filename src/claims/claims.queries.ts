import type { Prisma, PrismaClient } from '../db/prisma';

export const claimSelect = {
  id: true,
  articleId: true,
  position: true,
  paragraph: true,
  start: true,
  end: true,
  text: true,
  checkWorthy: true,
  status: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ClaimSelect;

export type ClaimRow = Prisma.ClaimGetPayload<{ select: typeof claimSelect }>;

export function findClaim(db: PrismaClient | Prisma.TransactionClient, id: string) {
  return db.claim.findUnique({ where: { id }, select: claimSelect });
}
