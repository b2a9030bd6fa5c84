import type { Actor } from '../auth/actor';
import type { Prisma } from '../db/prisma';

export type AuditEntity = 'article' | 'claim' | 'user' | 'rating_scale' | 'assignment' | 'source' | 'claim_source' | 'note' | 'verdict' | 'ruling';

export interface AuditEntry {
  entityType: AuditEntity;
  entityId: string;
  action: string;
  claimId?: string;
  /** Full auditable state before and after (not a diff), so a row's events chain: each before is an earlier after. */
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  /** What the state alone does not say: merged or split ids, notes, reasons. */
  context?: Prisma.InputJsonValue | null;
}

/**
 * Writes one audit event. Always call it with the transaction client of the change it describes, so the
 * change and its record commit or roll back together. A null actor means the system acted (bootstrap, seed).
 */
export async function recordAudit(tx: Prisma.TransactionClient, actor: Actor | null, entry: AuditEntry): Promise<void> {
  // Raw SQL: the ORM's create costs about a millisecond of CPU more per event, on every write path. The time is
  // taken here, as the ORM did, so the events of one transaction keep the order they were recorded in.
  const json = (value: Prisma.InputJsonValue | null | undefined) => (value === undefined || value === null ? null : JSON.stringify(value));
  await tx.$executeRaw`
    INSERT INTO audit_events (occurred_at, actor_id, request_id, entity_type, entity_id, action, claim_id, before, after, context)
    VALUES (${new Date()}, ${actor?.userId ?? null}::uuid, ${actor?.requestId || null}, ${entry.entityType}, ${entry.entityId}::uuid,
            ${entry.action}, ${entry.claimId ?? (entry.entityType === 'claim' ? entry.entityId : null)}::uuid,
            ${json(entry.before)}::jsonb, ${json(entry.after)}::jsonb, ${json(entry.context)}::jsonb)`;
}

/** The keys whose values differ between two state snapshots (ignoring the version itself). */
export function changedFields(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  keys.delete('version');
  return [...keys].filter((key) => JSON.stringify(b[key]) !== JSON.stringify(a[key])).sort();
}
