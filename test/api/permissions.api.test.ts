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
  /** A reviewer assigned to the claim who attached `sourceId` to it (the caller, when the caller is 'assignedReviewer'). */
  assignee: TestUser;
  sourceId: string;
  scaleId: string;
}

type Agent = ReturnType<typeof as>;
interface Recipe {
  /** Brings the claim to the state the route needs, as the desk would (an editor and the assignee). */
  setup?: (f: Fixture) => Promise<unknown>;
  send: (agent: Agent, f: Fixture) => request.Test;
}

const submitVerdict = (f: Fixture) =>
  as(t.app, f.assignee).put(`/api/claims/${f.claimId}/verdicts/mine`).send({ levelKey: 'false', rationale: 'Records show otherwise.', sourceIds: [f.sourceId], submit: true });
const approve = async (f: Fixture) => {
  await submitVerdict(f);
  return as(t.app, articleOwner).post(`/api/claims/${f.claimId}/approve`).send({ levelKey: 'false', rationale: 'The records contradict it.' });
};
const publish = async (f: Fixture) => {
  await approve(f);
  return as(t.app, articleOwner).post(`/api/claims/${f.claimId}/publish`);
};

/** How to call each route successfully, by `METHOD /path` as in the table. */
const REQUESTS: Record<string, Recipe> = {
  'GET /healthz': { send: (a) => a.get('/healthz') },
  'GET /readyz': { send: (a) => a.get('/readyz') },
  'POST /api/auth/login': { send: (a) => a.post('/api/auth/login').send({ email: `${unique('nobody')}@desk.example`, password: 'irrelevant-here' }) },
  'GET /api/auth/me': { send: (a) => a.get('/api/auth/me') },
  'POST /api/auth/password': {
    send: (a) => a.post('/api/auth/password').send({ currentPassword: DEFAULT_TEST_PASSWORD, newPassword: `Fresh-Quartz-${unique()}` }),
  },
  'POST /api/articles': { send: (a) => a.post('/api/articles').send({ title: 'Matrix', body: `A unique article ${unique()}.` }) },
  'GET /api/articles': { send: (a) => a.get('/api/articles') },
  'GET /api/articles/:id': { send: (a, f) => a.get(`/api/articles/${f.articleId}`) },
  'PATCH /api/articles/:id': { send: (a, f) => a.patch(`/api/articles/${f.articleId}`).send({ title: 'Retitled', version: 1 }) },
  'DELETE /api/articles/:id': { send: (a, f) => a.delete(`/api/articles/${f.articleId}`) },
  'GET /api/articles/:id/claims': { send: (a, f) => a.get(`/api/articles/${f.articleId}/claims?assignee=none`) },
  'GET /api/claims': { send: (a) => a.get('/api/claims?status=in_review&assignee=me') },
  'GET /api/claims/:id': { send: (a, f) => a.get(`/api/claims/${f.claimId}`) },
  'PATCH /api/claims/:id': { send: (a, f) => a.patch(`/api/claims/${f.claimId}`).send({ claimant: { name: 'A Speaker' }, version: 2 }) },
  'POST /api/claims/:id/merge-next': {
    setup: (f) => as(t.app, articleOwner).delete(`/api/claims/${f.claimId}/sources/${f.sourceId}`).then(() => as(t.app, articleOwner).delete(`/api/claims/${f.claimId}/assignments/${f.assignee.id}`)),
    send: (a, f) => a.post(`/api/claims/${f.claimId}/merge-next`).send({ version: 3 }),
  },
  'POST /api/claims/:id/split': {
    setup: (f) => as(t.app, articleOwner).delete(`/api/claims/${f.claimId}/sources/${f.sourceId}`).then(() => as(t.app, articleOwner).delete(`/api/claims/${f.claimId}/assignments/${f.assignee.id}`)),
    send: (a, f) => a.post(`/api/claims/${f.claimId}/split`).send({ offset: 6, version: 3 }),
  },
  'GET /api/claims/:id/history': { send: (a, f) => a.get(`/api/claims/${f.claimId}/history`) },
  'POST /api/claims/:id/assignments': {
    send: (a, f) => a.post(`/api/claims/${f.claimId}/assignments`).send({ reviewerId: f.userId, dueAt: '2030-01-01T12:00:00Z' }),
  },
  'DELETE /api/claims/:id/assignments/:reviewerId': { send: (a, f) => a.delete(`/api/claims/${f.claimId}/assignments/${f.assignee.id}`) },
  'GET /api/me/assignments': { send: (a) => a.get('/api/me/assignments?pending=true') },
  'GET /api/claims/:id/sources': { send: (a, f) => a.get(`/api/claims/${f.claimId}/sources`) },
  'POST /api/claims/:id/sources': {
    send: (a, f) =>
      a.post(`/api/claims/${f.claimId}/sources`).send({ url: `https://stats.example/${unique()}`, title: 'Stats', sourceType: 'dataset', stance: 'context' }),
  },
  'PATCH /api/claims/:id/sources/:sourceId': {
    send: (a, f) => a.patch(`/api/claims/${f.claimId}/sources/${f.sourceId}`).send({ stance: 'supports', version: 1 }),
  },
  'DELETE /api/claims/:id/sources/:sourceId': { send: (a, f) => a.delete(`/api/claims/${f.claimId}/sources/${f.sourceId}`) },
  'GET /api/sources': { send: (a) => a.get('/api/sources?q=Report') },
  'GET /api/sources/:id': { send: (a, f) => a.get(`/api/sources/${f.sourceId}`) },
  'PATCH /api/sources/:id': { send: (a, f) => a.patch(`/api/sources/${f.sourceId}`).send({ publisher: 'Statistics Office', version: 1 }) },
  'GET /api/claims/:id/notes': { send: (a, f) => a.get(`/api/claims/${f.claimId}/notes`) },
  'POST /api/claims/:id/notes': { send: (a, f) => a.post(`/api/claims/${f.claimId}/notes`).send({ body: 'Call the ministry.' }) },
  'GET /api/claims/:id/verdicts': { send: (a, f) => a.get(`/api/claims/${f.claimId}/verdicts`) },
  'PUT /api/claims/:id/verdicts/mine': { send: (a, f) => a.put(`/api/claims/${f.claimId}/verdicts/mine`).send({ levelKey: 'half_true', rationale: 'Partly.' }) },
  'POST /api/claims/:id/verdicts/:verdictId/reopen': {
    setup: submitVerdict,
    send: (a, f) => a.post(`/api/claims/${f.claimId}/verdicts/${verdictIds.get(f.claimId)}/reopen`),
  },
  'POST /api/claims/:id/approve': {
    setup: submitVerdict,
    send: (a, f) => a.post(`/api/claims/${f.claimId}/approve`).send({ levelKey: 'false', rationale: 'The records contradict it.' }),
  },
  'POST /api/claims/:id/publish': { setup: approve, send: (a, f) => a.post(`/api/claims/${f.claimId}/publish`) },
  'POST /api/claims/:id/return': { setup: submitVerdict, send: (a, f) => a.post(`/api/claims/${f.claimId}/return`).send({ note: 'Check the 2019 figure.' }) },
  'POST /api/claims/:id/corrections': {
    setup: publish,
    send: (a, f) => a.post(`/api/claims/${f.claimId}/corrections`).send({ rationale: 'Updated figures.', note: 'We corrected the year.' }),
  },
  'POST /api/claims/:id/retract': { setup: publish, send: (a, f) => a.post(`/api/claims/${f.claimId}/retract`).send({ note: 'Withdrawn pending review.' }) },
  'GET /api/rating-scales': { send: (a) => a.get('/api/rating-scales') },
  'GET /api/rating-scales/:id': { send: (a, f) => a.get(`/api/rating-scales/${f.scaleId}`) },
  'POST /api/rating-scales': {
    send: (a) =>
      a.post('/api/rating-scales').send({
        name: unique('Scale'),
        levels: [
          { key: 'accurate', label: 'Accurate', value: 1, color: '#1a7f37' },
          { key: 'inaccurate', label: 'Inaccurate', value: 0, color: '#cf222e' },
        ],
      }),
  },
  'PATCH /api/rating-scales/:id': { send: (a, f) => a.patch(`/api/rating-scales/${f.scaleId}`).send({ levels: [{ key: 'yes', label: 'Yes indeed' }], version: 1 }) },
  'GET /api/articles/:id/report': { send: (a, f) => a.get(`/api/articles/${f.articleId}/report?format=json`) },
  'GET /api/reports': { send: (a) => a.get('/api/reports?format=csv&status=in_review') },
  'GET /api/audit': { send: (a) => a.get('/api/audit') },
  'POST /api/users': {
    send: (a) =>
      a.post('/api/users').send({ email: `${unique('new')}@desk.example`, name: 'New Person', password: 'Long-Enough-Pass-1', role: 'reviewer' }),
  },
  'GET /api/people': { send: (a) => a.get('/api/people?role=reviewer') },
  'GET /api/users': { send: (a) => a.get('/api/users') },
  'GET /api/users/:id': { send: (a, f) => a.get(`/api/users/${f.userId}`) },
  'PATCH /api/users/:id': { send: (a, f) => a.patch(`/api/users/${f.userId}`).send({ name: 'Renamed Person' }) },
};

/** The id of the verdict submitted in a fixture, by claim (for the reopen route). */
const verdictIds = new Map<string, string>();

/** Where the lowest declared status is not what the recipe gets: a new import is 201; unknown credentials are 401. */
const SUCCESS_OVERRIDES: Record<string, number> = {
  'POST /api/auth/login': 401,
  'POST /api/articles': 201,
  'POST /api/claims/:id/assignments': 201,
  'PUT /api/claims/:id/verdicts/mine': 201,
};

const key = (route: (typeof ROUTES)[number]) => `${route.method.toUpperCase()} ${route.path}`;
const successStatus = (route: (typeof ROUTES)[number]) =>
  SUCCESS_OVERRIDES[key(route)] ?? Math.min(...Object.keys(route.responses).map(Number));

let t: TestApp;
let articleOwner: TestUser;
let admin: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  [articleOwner, admin] = await Promise.all([createUser(t.db.prisma, { role: 'editor' }), createUser(t.db.prisma, { role: 'admin' })]);
});
afterAll(() => t.close());

/** An article whose first claim has an assignee who attached a source, plus a rating scale of its own. */
async function freshFixture(app: Express, assignee?: TestUser): Promise<Fixture> {
  const article = await importArticle(app, articleOwner, { body: `Fixture sentence ${unique()}. Another one.` });
  const claimId = article.claims[0].id;
  const target = await createUser(t.db.prisma, { role: 'reviewer' });
  const reviewer = assignee ?? (await createUser(t.db.prisma, { role: 'reviewer' }));
  await expectStatus(as(app, articleOwner).post(`/api/claims/${claimId}/assignments`).send({ reviewerId: reviewer.id }), 201);
  const source = await expectStatus(
    as(app, reviewer)
      .post(`/api/claims/${claimId}/sources`)
      .send({ url: `https://records.example/${unique()}`, title: 'Report', sourceType: 'primary_document', stance: 'refutes' }),
    201,
  );
  const scale = await expectStatus(
    as(app, admin).post('/api/rating-scales').send({
      name: unique('Fixture scale'),
      levels: [
        { key: 'yes', label: 'Yes', value: 1, color: '#1a7f37' },
        { key: 'no', label: 'No', value: 0, color: '#cf222e' },
      ],
    }),
    201,
  );
  return { articleId: article.id, claimId, userId: target.id, assignee: reviewer, sourceId: source.body.sourceId, scaleId: scale.body.id };
}

async function expectStatus(test: request.Test, status: number): Promise<request.Response> {
  const res = await test;
  if (res.status !== status) throw new Error(`fixture step answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res;
}

async function callerFor(caller: MatrixCaller): Promise<TestUser | undefined> {
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
    const user = await callerFor(caller);
    const fixture = await freshFixture(t.app, caller === 'assignedReviewer' ? user : undefined);
    const recipe = REQUESTS[name];
    const prepared = await recipe.setup?.(fixture);
    if (name.includes('/reopen')) verdictIds.set(fixture.claimId, (prepared as request.Response).body.id);

    const res = await recipe.send(as(t.app, user), fixture);

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
