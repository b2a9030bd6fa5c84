/**
 * The web desk is served from the API's origin without shadowing the API: unknown non-API paths answer the
 * app (client-side routes), API paths and their 404s stay JSON, and app responses carry a same-origin CSP.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import request from 'supertest';
import { buildApp } from '../../src/app';
import { createPrismaClient } from '../../src/db/prisma';
import { createLogger } from '../../src/logger';
import { APP_CSP, isApiPath, webApp } from '../../src/web/static';
import { testConfig } from '../support/app';

const INDEX = '<!doctype html><title>Checkmate</title><script type="module" src="/assets/app-1.js"></script>';
let dir: string;
let app: express.Express;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'checkmate-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), INDEX);
  writeFileSync(path.join(dir, 'assets', 'app-1.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  app = express();
  app.use(webApp({ dir }));
  app.use((_req, res) => void res.status(404).json({ error: { code: 'ROUTE_NOT_FOUND' } }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('web app serving', () => {
  it.each(['/', '/articles', '/articles/4b7b8f5e-0000-4000-8000-000000000000?claim=x', '/queue', '/admin/users', '/no/such/page'])(
    'answers %s with the app and its CSP',
    async (url) => {
      const res = await request(app).get(url);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toBe(INDEX);
      expect(res.headers['content-security-policy']).toBe(APP_CSP);
      expect(res.headers['cache-control']).toBe('no-cache');
    },
  );

  it('serves hashed assets for a year and top-level files, and a missing asset is a 404, not the app', async () => {
    const asset = await request(app).get('/assets/app-1.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toMatch(/max-age=31536000, immutable/);
    expect((await request(app).get('/favicon.svg')).status).toBe(200);
    expect((await request(app).get('/assets/gone.js')).status).toBe(404);
  });

  it('leaves API paths and other methods to the API', async () => {
    for (const url of ['/api', '/api/articles', '/api/nope', '/openapi.json', '/docs', '/docs/', '/healthz', '/readyz']) {
      expect(isApiPath(url.replace(/\?.*/, ''))).toBe(true);
      expect((await request(app).get(url)).body).toEqual({ error: { code: 'ROUTE_NOT_FOUND' } });
    }
    expect(isApiPath('/apix')).toBe(false);
    expect((await request(app).post('/articles')).status).toBe(404);
  });

  it('allows only same-origin scripts, styles and requests', () => {
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).toContain("style-src 'self'");
    expect(APP_CSP).toContain("connect-src 'self'");
    expect(APP_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });
});

describe('the service with the app', () => {
  const db = createPrismaClient({ url: 'postgresql://postgres@127.0.0.1:1/none', poolSize: 1 });
  const service = buildApp({ db, config: testConfig(), logger: createLogger('silent') });
  afterAll(() => db.close());

  it('answers the app at / and client routes, JSON for API 404s and unauthenticated API calls', async () => {
    for (const url of ['/', '/articles/some-id']) {
      const res = await request(service).get(url);
      expect(res.headers['content-type']).toMatch(/text\/html/); // the built app, or the "not built" page
      expect(res.headers['content-security-policy']).toBe(APP_CSP);
    }
    const missing = await request(service).get('/api/nope');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    const unauthenticated = await request(service).get('/api/articles');
    expect([unauthenticated.status, unauthenticated.body.error.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect((await request(service).get('/openapi.json')).body.openapi).toMatch(/^3\./);
    const post = await request(service).post('/articles').send({});
    expect([post.status, post.body.error.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
  });
});
