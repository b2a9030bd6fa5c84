import request from 'supertest';
import { createTestApp, type TestApp } from '../support/app';
import { createUser, type TestUser } from '../support/factories';
import { allPages, as, patchClaim } from '../support/http';

let t: TestApp;
let editor: TestUser;
let reviewer: TestUser;
let admin: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  [editor, reviewer, admin] = await Promise.all([
    createUser(t.db.prisma, { role: 'editor' }),
    createUser(t.db.prisma, { role: 'reviewer' }),
    createUser(t.db.prisma, { role: 'admin' }),
  ]);
});
afterAll(() => t.close());

let n = 0;
/** Imports an article; the client also sends an X-Request-Id of its own, which the server must not adopt. */
async function importArticleWithRequestId(by: TestUser = editor) {
  const res = await request(t.app)
    .post('/api/articles')
    .set(by.auth)
    .set('X-Request-Id', `req-import-${++n}`)
    .send({ title: `Audited ${n}`, body: `Audited sentence ${n}. A second one.` });
  expect(res.status).toBe(201);
  return { article: res.body, requestId: res.headers['x-request-id'] as string };
}
const importArticle = async (by: TestUser = editor) => (await importArticleWithRequestId(by)).article;

describe('audit events are written with each change', () => {
  it("records an article import with who, when, what and the server's request id", async () => {
    const { article, requestId } = await importArticleWithRequestId();
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    const events = await t.db.prisma.auditEvent.findMany({ where: { entityId: article.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: editor.id,
      entityType: 'article',
      action: 'article.created',
      before: null,
      after: { title: article.title, url: null, contentHash: article.contentHash, claimCount: 2 },
      requestId,
    });
    expect(events[0].occurredAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("never stores a request id the client chose, so a client cannot pass its events off as others'", async () => {
    const res = await request(t.app)
      .post('/api/articles')
      .set(editor.auth)
      .set('X-Request-Id', 'seed')
      .send({ title: 'Posing as seed', body: 'A sentence posing as demo data.' });
    expect(res.status).toBe(201);

    const event = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: res.body.id } });

    expect(event.requestId).toBe(res.headers['x-request-id']);
    expect(event.requestId).not.toBe('seed');
    expect(await t.db.prisma.auditEvent.count({ where: { requestId: { in: ['seed', `req-import-${n}`] } } })).toBe(0);
  });

  it('does not record a re-import of the same body as a new creation', async () => {
    const body = 'Imported twice. Still one event.';
    const first = await request(t.app).post('/api/articles').set(editor.auth).send({ title: 'Twice', body });
    await request(t.app).post('/api/articles').set(editor.auth).send({ title: 'Twice', body });
    expect(await t.db.prisma.auditEvent.count({ where: { entityId: first.body.id } })).toBe(1);
  });

  it('records a deletion with the values before it', async () => {
    const article = await importArticle();
    await request(t.app).delete(`/api/articles/${article.id}`).set(admin.auth).expect(204);

    const deleted = await t.db.prisma.auditEvent.findFirst({ where: { entityId: article.id, action: 'article.deleted' } });
    expect(deleted).toMatchObject({ actorId: admin.id, before: { title: article.title, claimCount: 2 }, after: null });
  });

  it('records a claim edit with before and after, and nothing when nothing changed', async () => {
    const article = await importArticle();
    const claimId = article.claims[0].id;

    expect((await patchClaim(t.app, editor, claimId, { checkWorthy: false })).status).toBe(200);
    const unchanged = await patchClaim(t.app, editor, claimId, { checkWorthy: false });
    expect([unchanged.status, unchanged.body.version]).toEqual([200, 2]);

    const events = await t.db.prisma.auditEvent.findMany({ where: { entityType: 'claim', entityId: claimId } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorId: editor.id,
      action: 'claim.updated',
      claimId,
      before: { checkWorthy: true, version: 1, text: article.claims[0].text },
      after: { checkWorthy: false, version: 2, text: article.claims[0].text },
    });
  });

  it('rolls the change back when it is refused, leaving no event behind', async () => {
    const before = await t.db.prisma.auditEvent.count();
    const res = await request(t.app).patch('/api/claims/00000000-0000-4000-8000-000000000000').set(editor.auth).send({ checkWorthy: false, version: 1 });
    expect(res.status).toBe(404);
    expect(await t.db.prisma.auditEvent.count()).toBe(before);
  });
});

describe('GET /api/audit', () => {
  it('lists events newest first and filters by entity, entity id and actor', async () => {
    const other = await createUser(t.db.prisma, { role: 'editor' });
    const a = await importArticle(other);
    const b = await importArticle(other);
    expect((await patchClaim(t.app, other, b.claims[1].id, { checkWorthy: false })).status).toBe(200);

    const byActor = await request(t.app).get(`/api/audit?actor=${other.id}`).set(admin.auth);
    expect(byActor.status).toBe(200);
    expect(byActor.body.items.map((e: { action: string; entityId: string }) => [e.action, e.entityId])).toEqual([
      ['claim.updated', b.claims[1].id],
      ['article.created', b.id],
      ['article.created', a.id],
    ]);
    expect(byActor.body.items[0].actor).toEqual({ id: other.id, email: other.email, name: other.name, role: 'editor' });

    const byEntity = await request(t.app).get(`/api/audit?entity=article&entityId=${a.id}`).set(editor.auth);
    expect(byEntity.body.items.map((e: { entityId: string }) => e.entityId)).toEqual([a.id]);

    const { items: paged } = await allPages<{ entityId: string }>(as(t.app, editor), `/api/audit?actor=${other.id}`, 2);
    expect(paged.map((e) => e.entityId)).toEqual([b.claims[1].id, b.id, a.id]);
  });

  it.each([['entity=banana'], ['entityId=42'], ['actor=someone'], ['limit=1000'], ['pageSize=10']])('rejects %s with 400', async (qs) => {
    const res = await request(t.app).get(`/api/audit?${qs}`).set(admin.auth);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });
});

describe('GET /api/claims/:id/history', () => {
  it("starts with the article's import and lists the claim's changes newest first", async () => {
    const article = await importArticle();
    const claimId = article.claims[0].id;
    expect((await patchClaim(t.app, admin, claimId, { checkWorthy: false })).status).toBe(200);
    expect((await patchClaim(t.app, editor, claimId, { checkWorthy: true })).status).toBe(200);
    expect((await patchClaim(t.app, editor, article.claims[1].id, { checkWorthy: false })).status).toBe(200);

    const res = await request(t.app).get(`/api/claims/${claimId}/history`).set(reviewer.auth);

    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { action: string; actor: { id: string } }) => [e.action, e.actor.id])).toEqual([
      ['claim.updated', editor.id],
      ['claim.updated', admin.id],
      ['article.created', editor.id],
    ]);
    expect(res.body.items[0]).toMatchObject({ before: { checkWorthy: false }, after: { checkWorthy: true } });
  });

  it('keeps the history of a claim whose article was deleted', async () => {
    const article = await importArticle();
    const claimId = article.claims[0].id;
    expect((await patchClaim(t.app, editor, claimId, { checkWorthy: false })).status).toBe(200);
    await request(t.app).delete(`/api/articles/${article.id}`).set(editor.auth).expect(204);

    const res = await request(t.app).get(`/api/claims/${claimId}/history`).set(reviewer.auth);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['claim.updated']);
  });

  it('answers 404 for a claim that never existed', async () => {
    const res = await request(t.app).get('/api/claims/00000000-0000-4000-8000-000000000000/history').set(reviewer.auth);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('CLAIM_NOT_FOUND');
  });
});

describe('the audit trail cannot be changed', () => {
  it.each([
    ['put', '/api/audit'],
    ['patch', '/api/audit'],
    ['delete', '/api/audit'],
    ['post', '/api/audit'],
  ] as const)('has no %s %s route', async (method, path) => {
    const res = await request(t.app)[method](path).set(admin.auth).send({});
    expect(res.status).toBe(404);
  });

  it('refuses UPDATE and DELETE in the database itself', async () => {
    await importArticle();
    const event = await t.db.prisma.auditEvent.findFirstOrThrow();

    await expect(t.db.prisma.auditEvent.update({ where: { id: event.id }, data: { action: 'forged' } })).rejects.toThrow(/append-only/);
    await expect(t.db.prisma.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    expect((await t.db.prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe(event.action);
  });

  it.each([
    ['TRUNCATE audit_events', 'TRUNCATE "audit_events"'],
    ['TRUNCATE of a table whose CASCADE reaches audit_events', 'TRUNCATE "users" CASCADE'],
  ])('refuses %s in the database itself, even for the owner', async (_label, statement) => {
    await importArticle();
    const [events, users] = [await t.db.prisma.auditEvent.count(), await t.db.prisma.user.count()];
    expect(events).toBeGreaterThan(0);

    await expect(t.db.prisma.$executeRawUnsafe(statement)).rejects.toThrow(/append-only: TRUNCATE is not allowed/);

    expect(await t.db.prisma.auditEvent.count()).toBe(events);
    expect(await t.db.prisma.user.count()).toBe(users);
  });
});
