/**
 * The audit trail holds under concurrency: every change writes its event in its own transaction with `before`
 * read under a row lock, so the events of one row form one unbroken chain, and a change that changes nothing
 * writes nothing. Meaningful on real PostgreSQL (CI); the embedded database runs the same requests one at a time.
 */
import type { AuditEvent } from '../../src/generated/prisma/client';
import { createTestApp, type TestApp } from '../support/app';
import { createUser, type TestUser } from '../support/factories';
import { as, importArticle } from '../support/http';

const WRITERS = 20;
let t: TestApp;
let admin: TestUser;
let editor: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  [admin, editor] = await Promise.all([createUser(t.db.prisma, { role: 'admin' }), createUser(t.db.prisma, { role: 'editor' })]);
});
afterAll(() => t.close());

const eventsOf = (entityType: string, entityId: string) =>
  t.db.prisma.auditEvent.findMany({ where: { entityType, entityId }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] });

/** Each `before` equals the `after` of an earlier event (or the first state), and no two share a `before`. */
function expectUnbrokenChain(events: AuditEvent[], firstState: unknown) {
  const seenAfters = [JSON.stringify(firstState)];
  const befores = new Set<string>();
  for (const event of events) {
    const before = JSON.stringify(event.before);
    expect(seenAfters).toContain(before);
    expect(befores.has(before)).toBe(false);
    befores.add(before);
    seenAfters.push(JSON.stringify(event.after));
  }
}

/** Keys in a fixed order so snapshots compare as text. */
const ordered = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v)));

describe(`${WRITERS} concurrent updates of one row`, () => {
  it('of a user: every rename is recorded once, in one chain from the created state', async () => {
    const user = await createUser(t.db.prisma, { role: 'reviewer', name: 'Start Name' });

    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) => as(t.app, admin).patch(`/api/users/${user.id}`).send({ name: `Writer ${i}` })),
    );

    expect(results.map((r) => r.status)).toEqual(Array(WRITERS).fill(200));
    const events = await eventsOf('user', user.id);
    expect(events).toHaveLength(WRITERS);
    expectUnbrokenChain(
      events.map((e) => ({ ...e, before: ordered(e.before), after: ordered(e.after) })),
      ordered({ email: user.email, name: 'Start Name', role: 'reviewer', active: true }),
    );
  });

  it('of a user with the same change: one event, the others change nothing', async () => {
    const user = await createUser(t.db.prisma, { role: 'reviewer' });

    const results = await Promise.all(
      Array.from({ length: WRITERS }, () => as(t.app, admin).patch(`/api/users/${user.id}`).send({ name: 'Same New Name' })),
    );

    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(await eventsOf('user', user.id)).toHaveLength(1);
  });

  it('of a claim with the version they read: exactly one wins, the rest get 412 and nothing is overwritten', async () => {
    const article = await importArticle(t.app, editor);
    const claimId = article.claims[0].id;

    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        as(t.app, editor).patch(`/api/claims/${claimId}`).set('If-Match', '"1"').send({ claimant: { name: `Speaker ${i}` } }),
      ),
    );

    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(WRITERS - 1).fill(412)]);
    const events = await eventsOf('claim', claimId);
    expect(events).toHaveLength(1);
    const winner = results.find((r) => r.status === 200)!;
    expect((await as(t.app, editor).get(`/api/claims/${claimId}`)).body.claimant).toEqual(winner.body.claimant);
  });

  it('of a claim by writers who reload and retry on conflict: every change lands once, in one chain', async () => {
    const article = await importArticle(t.app, editor);
    const claimId = article.claims[0].id;

    const writer = async (i: number) => {
      for (let attempt = 0; attempt < 100; attempt++) {
        const current = await as(t.app, editor).get(`/api/claims/${claimId}`);
        const res = await as(t.app, editor).patch(`/api/claims/${claimId}`).send({ claimant: { name: `Speaker ${i}` }, version: current.body.version });
        if (res.status === 200) return res.status;
        expect(res.status).toBe(409);
        expect(res.body.error.code).toBe('VERSION_CONFLICT');
      }
      throw new Error('writer never got through');
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i)));

    const events = await eventsOf('claim', claimId);
    expect(events).toHaveLength(WRITERS);
    expect(events.map((e) => (e.after as { version: number }).version)).toEqual(Array.from({ length: WRITERS }, (_, i) => i + 2));
    const initial = (await t.db.prisma.auditEvent.findFirst({ where: { claimId } }))!.before;
    expectUnbrokenChain(events, initial);
  });
});
