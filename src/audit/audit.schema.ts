import { z } from 'zod';
import { RoleSchema } from '../domain/enums';
import { PageQuery } from '../http/keyset';

export const AUDIT_ENTITY_TYPES = ['article', 'claim', 'user', 'rating_scale', 'assignment', 'source', 'claim_source', 'note', 'verdict', 'ruling'] as const;

export const ListAuditQuery = PageQuery.extend({
  entity: z.enum(AUDIT_ENTITY_TYPES, { error: `must be one of ${AUDIT_ENTITY_TYPES.join(', ')}` }).optional(),
  entityId: z.uuid({ message: 'must be a UUID' }).optional(),
  actor: z.uuid({ message: 'must be a UUID' }).optional(),
  action: z.string().trim().min(1).max(100).optional(),
});
export type ListAuditQuery = z.infer<typeof ListAuditQuery>;

export const HistoryQuery = PageQuery;

export const AuditEventResponse = z
  .object({
    id: z.uuid(),
    occurredAt: z.iso.datetime(),
    actor: z
      .object({ id: z.uuid(), email: z.string(), name: z.string(), role: RoleSchema })
      .nullable()
      .meta({ description: 'Null when the system acted (start-up bootstrap, demo data)' }),
    entityType: z.string().meta({ example: 'claim' }),
    entityId: z.uuid(),
    action: z.string().meta({ example: 'claim.updated' }),
    claimId: z.uuid().nullable(),
    before: z.unknown().nullable().meta({ description: 'The full auditable state before the change' }),
    after: z.unknown().nullable().meta({ description: 'The full auditable state after the change' }),
    context: z.unknown().nullable().meta({ description: 'What the states do not say: merged/split ids, notes, reasons' }),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });
