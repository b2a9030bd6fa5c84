import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { IdParams } from '../http/common-schemas';
import { errorResponses, pageOf, json } from '../openapi/registry';
import { HistoryQuery, ListAuditQuery } from './audit.schema';
import type { AuditEventView } from './audit.service';

const AuditEventResponse = z
  .object({
    id: z.uuid(),
    occurredAt: z.iso.datetime(),
    actor: z
      .object({ id: z.uuid(), email: z.string(), name: z.string(), role: z.enum(['admin', 'editor', 'reviewer']) })
      .nullable()
      .meta({ description: 'Null when the system acted (start-up bootstrap, demo data)' }),
    entityType: z.string().meta({ example: 'claim' }),
    entityId: z.uuid(),
    action: z.string().meta({ example: 'claim.updated' }),
    claimId: z.uuid().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });

export const auditResponseMatchesPresenter = (event: AuditEventView): z.infer<typeof AuditEventResponse> => event;

export function registerAuditPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/api/audit',
    tags: ['Audit'],
    summary: 'The audit trail, newest first (admins and editors)',
    description: 'Append-only: events cannot be edited or deleted, through the API or in the database.',
    request: { query: ListAuditQuery },
    responses: { 200: { description: 'A page of events', content: json(pageOf(AuditEventResponse)) }, ...errorResponses(400, 401, 403) },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/claims/{id}/history',
    tags: ['Claims'],
    summary: "A claim's history, newest first, starting with its article's import",
    request: { params: IdParams, query: HistoryQuery },
    responses: { 200: { description: 'A page of events', content: json(pageOf(AuditEventResponse)) }, ...errorResponses(400, 401, 404) },
  });
}
