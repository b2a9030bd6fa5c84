/**
 * /api/claims: one sentence of an article, with its offsets into the article body.
 * Reading and history: every signed-in user; marking check-worthiness: reviewers, editors, admins.
 */
import { Router } from 'express';
import type { AuditService } from '../audit/audit.service';
import { HistoryQuery } from '../audit/audit.schema';
import { actorOf } from '../http/authenticate';
import { authorize } from '../http/authorize';
import { IdParams } from '../http/common-schemas';
import { handle } from '../http/handle';
import { UpdateClaimBody } from './claims.schema';
import type { ClaimService } from './claims.service';

export function claimsRouter(claims: ClaimService, audit: AuditService): Router {
  const router = Router();

  router.get(
    '/:id',
    authorize('claims:read'),
    handle({ params: IdParams }, async ({ params }, _req, res) => {
      res.json(await claims.getClaim(params.id));
    }),
  );

  router.patch(
    '/:id',
    authorize('claims:edit'),
    handle({ params: IdParams, body: UpdateClaimBody }, async ({ params, body }, req, res) => {
      res.json(await claims.updateClaim(params.id, body, actorOf(req)));
    }),
  );

  router.get(
    '/:id/history',
    authorize('claims:read'),
    handle({ params: IdParams, query: HistoryQuery }, async ({ params, query }, _req, res) => {
      res.json(await audit.claimHistory(params.id, query));
    }),
  );

  return router;
}
