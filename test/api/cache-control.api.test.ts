/** Every /api response, success or error, tells browsers and proxies not to keep it: it may carry a token or user data. */
import request from 'supertest';
import { buildApp } from '../../src/app';
import { createLogger } from '../../src/logger';
import { createTestApp, testConfig, type TestApp } from '../support/app';
import { createUser, type TestUser } from '../support/factories';

let t: TestApp;
let app: ReturnType<typeof buildApp>;
let editor: TestUser;
let reviewer: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  // One failure per (account, address) pair before 429, to reach the rate-limited answer quickly.
  app = buildApp({
    db: t.db,
    config: testConfig({ ARTICLE_MAX_BYTES: '1024', LOGIN_PAIR_MAX_FAILURES: '1' }),
    logger: createLogger('silent'),
  });
  [editor, reviewer] = await Promise.all([createUser(t.db.prisma, { role: 'editor' }), createUser(t.db.prisma)]);
});
afterAll(() => t.close());

const cases: Array<[string, number, () => request.Test | Promise<request.Response>]> = [
  ['a sign-in', 200, () => request(app).post('/api/auth/login').send({ email: editor.email, password: editor.password })],
  ['a failed sign-in', 401, () => request(app).post('/api/auth/login').send({ email: 'nobody@desk.example', password: 'Wrong-Password-Guess-00' })],
  [
    'a rate-limited sign-in',
    429,
    async () => {
      await request(app).post('/api/auth/login').send({ email: 'locked@desk.example', password: 'Wrong-Password-Guess-00' });
      return request(app).post('/api/auth/login').send({ email: 'locked@desk.example', password: 'Wrong-Password-Guess-00' });
    },
  ],
  ['malformed JSON', 400, () => request(app).post('/api/auth/login').set('Content-Type', 'application/json').send('{')],
  ['an unsupported media type', 415, () => request(app).post('/api/auth/login').set('Content-Type', 'text/plain').send('hi')],
  ['the current user', 200, () => request(app).get('/api/auth/me').set(editor.auth)],
  ['no token', 401, () => request(app).get('/api/auth/me')],
  ['a forbidden route', 403, () => request(app).get('/api/audit').set(reviewer.auth)],
  ['an unknown API route', 404, () => request(app).get('/api/nowhere').set(editor.auth)],
  ['an unknown article', 404, () => request(app).get('/api/articles/00000000-0000-4000-8000-000000000000').set(editor.auth)],
  ['an article list', 200, () => request(app).get('/api/articles').set(editor.auth)],
  ['an import', 201, () => request(app).post('/api/articles').set(editor.auth).send({ title: 'Cached?', body: `Never cached ${Date.now()}.` })],
  ['an import over the size limit', 413, () => request(app).post('/api/articles').set(editor.auth).send({ title: 'Big', body: 'Word. '.repeat(400) })],
];

describe('Cache-Control on /api', () => {
  it.each(cases)('sends Cache-Control: no-store with %s (%i)', async (_label, status, send) => {
    const res = await send();

    expect(res.status).toBe(status);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
