/** /api/claims: one sentence of an article, with its offsets into the article body. */
import { Router } from 'express';
import { IdParams } from '../http/common-schemas';
import { handle } from '../http/handle';
import type { ClaimService } from './claims.service';

export function claimsRouter(claims: ClaimService): Router {
  const router = Router();

  router.get(
    '/:id',
    handle({ params: IdParams }, async ({ params }, _req, res) => {
      res.json(await claims.getClaim(params.id));
    }),
  );

  return router;
}
