import type { Actor } from '../auth/actor';
import type { Prisma } from '../db/prisma';

export type AuditEntity = 'article' | 'claim' | 'user';

export interface AuditEntry {
  entityType: AuditEntity;
  entityId: string;
  action: string;
  claimId?: string;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

/**
 * Writes one audit event. Always call it with the transaction client of the change it describes, so the
 * change and its record commit or roll back together. A null actor means the system acted (bootstrap, seed).
 */
export async function recordAudit(tx: Prisma.TransactionClient, actor: Actor | null, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor?.userId ?? null,
      requestId: actor?.requestId ?? null,
      entityType: entry.entityType,
      entityId: entry.entityId,
      action: entry.action,
      claimId: entry.claimId ?? (entry.entityType === 'claim' ? entry.entityId : null),
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
