/**
 * The whole permission matrix: every route × anonymous, reviewer, editor, admin and a deactivated user.
 * Allowed callers get the route's success status; others get 401 (no valid session) or 403 (wrong role).
 */
import request from 'supertest';
import type { Role } from '../../src/generated/prisma/enums';
import { createTestApp, type TestApp } from '../support/app';
import { createUser, DEFAULT_TEST_PASSWORD, type TestUser } from '../support/factories';

type Caller = 'anonymous' | 'deactivated' | Role;
const CALLERS: Caller[] = ['anonymous', 'deactivated', 'reviewer', 'editor', 'admin'];
const EVERYONE: Role[] = ['reviewer', 'editor', 'admin'];

interface Fixture {
  articleId: string;
  claimId: string;
  userId: string;
  caller?: TestUser;
}

interface RouteCase {
  route: string;
  allowed: Role[];
  success: number;
  send: (app: TestApp['app'], f: Fixture) => request.Test;
}

let counter = 0;
const unique = () => `${Date.now()}-${++counter}`;

const ROUTES: RouteCase[] = [
  { route: 'GET /api/auth/me', allowed: EVERYONE, success: 200, send: (app) => request(app).get('/api/auth/me') },
  {
    route: 'POST /api/auth/password',
    allowed: EVERYONE,
    success: 200,
    send: (app) =>
      request(app).post('/api/auth/password').send({ currentPassword: DEFAULT_TEST_PASSWORD, newPassword: `New-Pass-${unique()}` }),
  },
  {
    route: 'POST /api/articles',
    allowed: ['editor', 'admin'],
    success: 201,
    send: (app) => request(app).post('/api/articles').send({ title: 'Matrix', body: `A unique article ${unique()}.` }),
  },
  { route: 'GET /api/articles', allowed: EVERYONE, success: 200, send: (app) => request(app).get('/api/articles') },
  { route: 'GET /api/articles/:id', allowed: EVERYONE, success: 200, send: (app, f) => request(app).get(`/api/articles/${f.articleId}`) },
  {
    route: 'DELETE /api/articles/:id',
    allowed: ['editor', 'admin'],
    success: 204,
    send: (app, f) => request(app).delete(`/api/articles/${f.articleId}`),
  },
  { route: 'GET /api/claims/:id', allowed: EVERYONE, success: 200, send: (app, f) => request(app).get(`/api/claims/${f.claimId}`) },
  {
    route: 'PATCH /api/claims/:id',
    allowed: EVERYONE,
    success: 200,
    send: (app, f) => request(app).patch(`/api/claims/${f.claimId}`).send({ checkWorthy: false }),
  },
  {
    route: 'GET /api/claims/:id/history',
    allowed: EVERYONE,
    success: 200,
    send: (app, f) => request(app).get(`/api/claims/${f.claimId}/history`),
  },
  { route: 'GET /api/audit', allowed: ['editor', 'admin'], success: 200, send: (app) => request(app).get('/api/audit') },
  {
    route: 'POST /api/users',
    allowed: ['admin'],
    success: 201,
    send: (app) =>
      request(app).post('/api/users').send({ email: `new-${unique()}@desk.example`, name: 'New Person', password: 'Long-Enough-Pass-1', role: 'reviewer' }),
  },
  { route: 'GET /api/users', allowed: ['admin'], success: 200, send: (app) => request(app).get('/api/users') },
  { route: 'GET /api/users/:id', allowed: ['admin'], success: 200, send: (app, f) => request(app).get(`/api/users/${f.userId}`) },
  {
    route: 'PATCH /api/users/:id',
    allowed: ['admin'],
    success: 200,
    send: (app, f) => request(app).patch(`/api/users/${f.userId}`).send({ name: 'Renamed Person' }),
  },
];

function expectedStatus(route: RouteCase, caller: Caller): number {
  if (caller === 'anonymous' || caller === 'deactivated') return 401;
  return route.allowed.includes(caller) ? route.success : 403;
}

const matrix = ROUTES.flatMap((route) =>
  CALLERS.map((caller) => [route.route, caller, expectedStatus(route, caller), route] as const),
);

let t: TestApp;
let articleOwner: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  articleOwner = await createUser(t.db.prisma, { role: 'editor' });
});
afterAll(() => t.close());

async function freshFixture(): Promise<Fixture> {
  const article = await request(t.app)
    .post('/api/articles')
    .set(articleOwner.auth)
    .send({ title: 'Fixture', body: `Fixture sentence ${unique()}. Another one.` });
  const target = await createUser(t.db.prisma, { role: 'reviewer' });
  return { articleId: article.body.id, claimId: article.body.claims[0].id, userId: target.id };
}

async function callerHeaders(caller: Caller): Promise<Record<string, string>> {
  if (caller === 'anonymous') return {};
  if (caller === 'deactivated') return (await createUser(t.db.prisma, { role: 'admin', active: false })).auth;
  return (await createUser(t.db.prisma, { role: caller })).auth;
}

describe('permission matrix', () => {
  it('covers every API route the app serves', () => {
    const documented = Object.entries(require('../../src/openapi/document').openApiDocument().paths as Record<string, object>)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
      .filter((route) => route.includes('/api/') && route !== 'POST /api/auth/login');
    expect(ROUTES.map((r) => r.route).sort()).toEqual(documented.sort());
  });

  it.each(matrix)('%s as %s → %i', async (_name, caller, status, route) => {
    const fixture = await freshFixture();
    const res = await route.send(t.app, fixture).set(await callerHeaders(caller));

    expect(res.status).toBe(status);
    if (status === 401) expect(res.body.error.code).toMatch(/UNAUTHENTICATED|ACCOUNT_DEACTIVATED/);
    if (status === 403) expect(res.body.error.code).toBe('FORBIDDEN');
  });

  it('refuses a forbidden write without changing anything', async () => {
    const fixture = await freshFixture();
    const reviewer = await createUser(t.db.prisma, { role: 'reviewer' });

    const res = await request(t.app).delete(`/api/articles/${fixture.articleId}`).set(reviewer.auth);

    expect(res.status).toBe(403);
    expect(await t.db.prisma.article.count({ where: { id: fixture.articleId } })).toBe(1);
  });
});
