/** /api/audit: the append-only audit trail, newest first (editors and admins). There is no way to edit or delete it. */
import { editors } from '../http/access';
import { defineRoute, ok } from '../http/route';
import { pageOf } from '../openapi/registry';
import { AuditEventResponse, ListAuditQuery } from './audit.schema';

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/audit',
    operationId: 'listAuditEvents',
    tags: ['Audit'],
    summary: 'The audit trail, newest first',
    description: 'Append-only: events cannot be edited or deleted, through the API or in the database.',
    access: editors,
    request: { query: ListAuditQuery },
    responses: { 200: { description: 'A page of events', schema: pageOf(AuditEventResponse) } },
    handler: async ({ query, services }) => ok(await services.audit.listEvents(query)),
  }),
];
