/** /api/audit: the append-only audit trail, newest first (admins and editors). There is no way to edit or delete it. */
import { Router } from 'express';
import { authorize } from '../http/authorize';
import { handle } from '../http/handle';
import { ListAuditQuery } from './audit.schema';
import type { AuditService } from './audit.service';

export function auditRouter(audit: AuditService): Router {
  const router = Router();

  router.get(
    '/',
    authorize('audit:read'),
    handle({ query: ListAuditQuery }, async ({ query }, _req, res) => {
      res.json(await audit.listEvents(query));
    }),
  );

  return router;
}
