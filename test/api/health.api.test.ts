import request from 'supertest';
import { buildApp } from '../../src/app';
import { createPrismaClient } from '../../src/db/prisma';
import { createLogger } from '../../src/logger';
import { createTestApp, testConfig, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('operations endpoints', () => {
  it('answers /healthz and /readyz without a token', async () => {
    const health = await request(t.app).get('/healthz');
    const ready = await request(t.app).get('/readyz');
    expect([health.status, health.body]).toEqual([200, { status: 'ok' }]);
    expect([ready.status, ready.body]).toEqual([200, { status: 'ready', database: 'ok' }]);
  });

  it('answers /readyz with 503 when the database is unreachable', async () => {
    const unreachable = createPrismaClient({ url: 'postgresql://postgres@127.0.0.1:1/none', poolSize: 1 });
    const app = buildApp({ db: unreachable, config: testConfig(), logger: createLogger('silent') });
    try {
      const ready = await request(app).get('/readyz');
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({ status: 'unavailable', database: 'unreachable' });
      expect((await request(app).get('/healthz')).status).toBe(200);
    } finally {
      await unreachable.close();
    }
  });

  it("always answers with a request id of its own (a fresh UUID), never the client's", async () => {
    const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const sane = await request(t.app).get('/healthz').set('X-Request-Id', 'desk-123');
    const insane = await request(t.app).get('/healthz').set('X-Request-Id', 'bad id with spaces');
    const none = await request(t.app).get('/healthz');

    const ids = [sane, insane, none].map((res) => res.headers['x-request-id']);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(3);
  });

  it('serves the OpenAPI document and the interactive docs', async () => {
    const spec = await request(t.app).get('/openapi.json');
    expect(spec.status).toBe(200);
    expect(spec.body.openapi).toBe('3.1.0');
    expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining(['/api/articles', '/api/auth/login', '/api/audit']));
    const docs = await request(t.app).get('/docs/');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger-ui');
  });
});
