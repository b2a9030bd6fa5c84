import type { AuditEventRow } from './audit.queries';

export function presentAuditEvent(event: AuditEventRow) {
  return {
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    actor: event.actor,
    entityType: event.entityType,
    entityId: event.entityId,
    action: event.action,
    claimId: event.claimId,
    before: event.before,
    after: event.after,
    requestId: event.requestId,
  };
}
