import type { Prisma, PrismaClient } from '../db/prisma';
import { skipTake, type PageQuery } from '../http/pagination';

export const auditEventSelect = {
  id: true,
  occurredAt: true,
  entityType: true,
  entityId: true,
  action: true,
  claimId: true,
  before: true,
  after: true,
  requestId: true,
  actor: { select: { id: true, email: true, name: true, role: true } },
} satisfies Prisma.AuditEventSelect;

export type AuditEventRow = Prisma.AuditEventGetPayload<{ select: typeof auditEventSelect }>;

/** Newest first; the id breaks ties between events written in the same millisecond. */
export async function listAuditEvents(db: PrismaClient, where: Prisma.AuditEventWhereInput, page: PageQuery) {
  const [rows, total] = await db.$transaction([
    db.auditEvent.findMany({
      where,
      select: auditEventSelect,
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      ...skipTake(page),
    }),
    db.auditEvent.count({ where }),
  ]);
  return { rows, total };
}
