import type { AuditEventRow } from './audit.queries';

export function presentAuditEvent(event: AuditEventRow) {
  return {
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    actor: event.actorId
      ? { id: event.actorId, email: event.actorEmail ?? '', name: event.actorName ?? '', role: event.actorRole! }
      : null,
    entityType: event.entityType,
    entityId: event.entityId,
    action: event.action,
    claimId: event.claimId,
    before: event.before ?? null,
    after: event.after ?? null,
    context: event.context ?? null,
    requestId: event.requestId,
  };
}

export type AuditEventView = ReturnType<typeof presentAuditEvent>;

export const auditCursorKey = (event: AuditEventRow) => [event.occurredAt.toISOString(), event.id] as const;
