/**
 * The permission matrix, driven by the route table: every route × anonymous, a deactivated user, a reviewer,
 * a reviewer assigned to the claim, an editor and an admin. Admitted callers get the route's success status,
 * others 401 (no valid session) or 403. The table's `who` is what the OpenAPI document says, so this also proves
 * the document tells the truth; a route missing from the table, the router or the document fails here.
 */
import type { Express } from 'express';
import type request from 'supertest';
import { admittedCallers, type Caller } from '../../src/http/access';
import { openApiDocument } from '../../src/openapi/document';
import { openApiPath } from '../../src/openapi/route-docs';
import { ROUTES } from '../../src/routes';
import { createTestApp, type TestApp } from '../support/app';
import { createUser, DEFAULT_TEST_PASSWORD, type TestUser } from '../support/factories';
import { as, importArticle, unique } from '../support/http';

type MatrixCaller = Caller | 'deactivated';
const CALLERS: MatrixCaller[] = ['anonymous', 'deactivated', 'reviewer', 'assignedReviewer', 'editor', 'admin'];

interface Fixture {
  articleId: string;
  claimId: string;
  userId: string;
}

type Agent = ReturnType<typeof as>;
/** How to call each route successfully, by `METHOD /path` as in the table. */
const REQUESTS: Record<string, (agent: Agent, f: Fixture) => request.Test> = {
  'GET /healthz': (a) => a.get('/healthz'),
  'GET /readyz': (a) => a.get('/readyz'),
  'POST /api/auth/login': (a) => a.post('/api/auth/login').send({ email: `${unique('nobody')}@desk.example`, password: 'irrelevant-here' }),
  'GET /api/auth/me': (a) => a.get('/api/auth/me'),
  'POST /api/auth/password': (a) =>
    a.post('/api/auth/password').send({ currentPassword: DEFAULT_TEST_PASSWORD, newPassword: `Fresh-Quartz-${unique()}` }),
  'POST /api/articles': (a) => a.post('/api/articles').send({ title: 'Matrix', body: `A unique article ${unique()}.` }),
  'GET /api/articles': (a) => a.get('/api/articles'),
  'GET /api/articles/:id': (a, f) => a.get(`/api/articles/${f.articleId}`),
  'PATCH /api/articles/:id': (a, f) => a.patch(`/api/articles/${f.articleId}`).send({ title: 'Retitled', version: 1 }),
  'DELETE /api/articles/:id': (a, f) => a.delete(`/api/articles/${f.articleId}`),
  'GET /api/articles/:id/claims': (a, f) => a.get(`/api/articles/${f.articleId}/claims`),
  'GET /api/claims': (a) => a.get('/api/claims?status=unreviewed'),
  'GET /api/claims/:id': (a, f) => a.get(`/api/claims/${f.claimId}`),
  'PATCH /api/claims/:id': (a, f) => a.patch(`/api/claims/${f.claimId}`).send({ checkWorthy: false, version: 1 }),
  'POST /api/claims/:id/merge-next': (a, f) => a.post(`/api/claims/${f.claimId}/merge-next`).send({ version: 1 }),
  'POST /api/claims/:id/split': (a, f) => a.post(`/api/claims/${f.claimId}/split`).send({ offset: 6, version: 1 }),
  'GET /api/claims/:id/history': (a, f) => a.get(`/api/claims/${f.claimId}/history`),
  'GET /api/audit': (a) => a.get('/api/audit'),
  'POST /api/users': (a) =>
    a.post('/api/users').send({ email: `${unique('new')}@desk.example`, name: 'New Person', password: 'Long-Enough-Pass-1', role: 'reviewer' }),
  'GET /api/users': (a) => a.get('/api/users'),
  'GET /api/users/:id': (a, f) => a.get(`/api/users/${f.userId}`),
  'PATCH /api/users/:id': (a, f) => a.patch(`/api/users/${f.userId}`).send({ name: 'Renamed Person' }),
};

/** Where the lowest declared status is not what the recipe gets: a new import is 201; unknown credentials are 401. */
const SUCCESS_OVERRIDES: Record<string, number> = { 'POST /api/auth/login': 401, 'POST /api/articles': 201 };

const key = (route: (typeof ROUTES)[number]) => `${route.method.toUpperCase()} ${route.path}`;
const successStatus = (route: (typeof ROUTES)[number]) =>
  SUCCESS_OVERRIDES[key(route)] ?? Math.min(...Object.keys(route.responses).map(Number));

let t: TestApp;
let articleOwner: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  articleOwner = await createUser(t.db.prisma, { role: 'editor' });
});
afterAll(() => t.close());

async function freshFixture(app: Express): Promise<Fixture> {
  const article = await importArticle(app, articleOwner, { body: `Fixture sentence ${unique()}. Another one.` });
  const target = await createUser(t.db.prisma, { role: 'reviewer' });
  return { articleId: article.id, claimId: article.claims[0].id, userId: target.id };
}

async function callerFor(caller: MatrixCaller, _fixture: Fixture): Promise<TestUser | undefined> {
  if (caller === 'anonymous') return undefined;
  if (caller === 'deactivated') return createUser(t.db.prisma, { role: 'admin', active: false });
  if (caller === 'assignedReviewer') return createUser(t.db.prisma, { role: 'reviewer' });
  return createUser(t.db.prisma, { role: caller });
}

function expectedStatus(route: (typeof ROUTES)[number], caller: MatrixCaller): number {
  const admitted = admittedCallers(route.access);
  if (route.access.kind === 'public') return successStatus(route);
  if (caller === 'anonymous' || caller === 'deactivated') return 401;
  return admitted.includes(caller) ? successStatus(route) : 403;
}

describe('the route table', () => {
  it('has a request recipe in this test for every route, and no recipe for a route it lacks', () => {
    expect(Object.keys(REQUESTS).sort()).toEqual(ROUTES.map(key).sort());
  });

  it('is exactly what the OpenAPI document lists, with the same permission rule', () => {
    const documented = Object.entries(openApiDocument().paths ?? {}).flatMap(([path, operations]) =>
      Object.entries(operations as Record<string, { 'x-permission'?: { callers: string[] } }>).map(([method, op]) => ({
        key: `${method.toUpperCase()} ${path}`,
        callers: op['x-permission']?.callers,
      })),
    );
    const fromTable = ROUTES.map((route) => ({
      key: `${route.method.toUpperCase()} ${openApiPath(route.path)}`,
      callers: admittedCallers(route.access),
    }));
    const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
    expect(documented.sort(byKey)).toEqual(fromTable.sort(byKey));
  });

  it('has unique operation ids and no duplicate method and path', () => {
    expect(new Set(ROUTES.map((r) => r.operationId)).size).toBe(ROUTES.length);
    expect(new Set(ROUTES.map(key)).size).toBe(ROUTES.length);
  });
});

const matrix = ROUTES.flatMap((route) => CALLERS.map((caller) => [key(route), caller, expectedStatus(route, caller), route] as const));

describe('permission matrix', () => {
  it.each(matrix)('%s as %s → %i', async (name, caller, status) => {
    const fixture = await freshFixture(t.app);
    const user = await callerFor(caller, fixture);

    const res = await REQUESTS[name](as(t.app, user), fixture);

    expect({ status: res.status, code: res.body?.error?.code }).toMatchObject({ status });
    if (status === 401 && caller === 'deactivated' && !name.startsWith('POST /api/auth/login')) {
      expect(res.body.error.code).toBe('ACCOUNT_DEACTIVATED');
    }
    if (status === 403) expect(res.body.error.code).toBe('FORBIDDEN');
  });

  it('refuses a forbidden write without changing anything', async () => {
    const fixture = await freshFixture(t.app);
    const reviewer = await createUser(t.db.prisma, { role: 'reviewer' });

    const res = await as(t.app, reviewer).delete(`/api/articles/${fixture.articleId}`);

    expect(res.status).toBe(403);
    expect(await t.db.prisma.article.count({ where: { id: fixture.articleId } })).toBe(1);
  });
});
