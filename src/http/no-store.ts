import type { RequestHandler } from 'express';

/**
 * API responses carry tokens, user data and unpublished review work: no browser, proxy or CDN may keep them.
 * Set before routing, so errors (401, 404, 413, 429 …) carry it too.
 */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
