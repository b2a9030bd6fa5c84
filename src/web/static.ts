/**
 * Serves the web desk (web/, built into web/dist by `npm install`'s postinstall) from the API's own origin.
 *
 * - Built files under /assets/ are content-hashed: cached for a year.
 * - Every other GET that is not an API path answers index.html, so client-side routes (/articles/…, /queue)
 *   survive a reload; API paths (/api/*, /openapi.json, /docs, /healthz, /readyz) are never shadowed and their
 *   404s stay JSON (this router runs after the API routes and passes them by).
 * - App responses carry a Content-Security-Policy that allows same-origin scripts, styles and requests only.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import express, { Router, type Response } from 'express';

export const WEB_DIST = path.resolve(__dirname, '../../web/dist');

export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Paths that belong to the API (or its docs and probes), never to the app. */
export function isApiPath(pathname: string): boolean {
  return /^\/(api|docs)(\/|$)/.test(pathname) || ['/openapi.json', '/healthz', '/readyz'].includes(pathname);
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkmate</title></head><body>
<h1>Checkmate</h1><p>The web desk has not been built. Run <code>npm run build:web</code> (npm install does it) and reload.
The API is available: see <a href="/docs">/docs</a>.</p></body></html>`;

export function webApp({ dir = WEB_DIST }: { dir?: string } = {}): Router {
  const router = Router();
  const withCsp = (res: Response) => res.setHeader('Content-Security-Policy', APP_CSP);

  router.use(
    '/assets',
    express.static(path.join(dir, 'assets'), {
      index: false,
      immutable: true,
      maxAge: '365d',
      setHeaders: withCsp,
    }),
  );

  router.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path) || req.path.startsWith('/assets/')) {
      next();
      return;
    }
    // Top-level static files of the build (favicon); anything else is a client-side route.
    const file = path.join(dir, path.normalize(req.path));
    if (req.path !== '/' && file.startsWith(dir + path.sep) && /\.(svg|png|ico|txt|webmanifest)$/.test(req.path) && existsSync(file)) {
      withCsp(res);
      res.sendFile(file, { maxAge: '1d' });
      return;
    }
    withCsp(res);
    res.setHeader('Cache-Control', 'no-cache');
    const index = path.join(dir, 'index.html');
    if (!existsSync(index)) {
      res.status(503).type('html').send(NOT_BUILT);
      return;
    }
    res.type('html').send(readFileSync(index, 'utf8'));
  });
  return router;
}
