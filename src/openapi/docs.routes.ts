/** /openapi.json and interactive docs at /docs; public, like the API's contract itself. */
import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import { openApiDocument } from './document';

export function docsRouter(): Router {
  const router = Router();
  const document = openApiDocument();
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use('/docs', swaggerUi.serve, swaggerUi.setup(document, { customSiteTitle: 'Checkmate API' }));
  return router;
}
