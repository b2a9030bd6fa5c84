import { Client } from 'pg';
import { buildApp } from '../../src/app';
import { createLogger } from '../../src/logger';
import { createUserService } from '../../src/users/users.service';
import { DEMO_ACCOUNTS, isDatabaseEmpty, loadDemoData } from '../../seed/demo-data';
import request from 'supertest';
import { testConfig } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/db';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe('demo data (npm run seed)', () => {
  it('loads the demo accounts and the seed article once; a second run creates nothing', async () => {
    expect(await isDatabaseEmpty(db)).toBe(true);

    const first = await loadDemoData(db);

    expect(first).toMatchObject({ usersCreated: DEMO_ACCOUNTS.length, articleCreated: true });
    expect(first.claimCount).toBe(29);
    const counts = async () => ({
      users: await db.prisma.user.count(),
      articles: await db.prisma.article.count(),
      verdicts: await db.prisma.verdict.count(),
      rulings: await db.prisma.ruling.count(),
      events: await db.prisma.auditEvent.count(),
    });
    const afterFirst = await counts();
    const second = await loadDemoData(db);
    expect(second).toEqual({ ...first, usersCreated: 0, articleCreated: false });
    expect(await counts()).toEqual(afterFirst);
    expect(afterFirst).toMatchObject({ users: DEMO_ACCOUNTS.length, articles: 1 });
    expect(await db.prisma.claim.count()).toBe(first.claimCount);
    expect(await isDatabaseEmpty(db)).toBe(false);
  });

  it('puts the seed article in a desk state that shows every stage at once', async () => {
    const claims = await db.prisma.claim.findMany({ orderBy: { position: 'asc' }, select: { position: true, status: true, checkWorthy: true, claimantName: true } });
    const byPosition = new Map(claims.map((c) => [c.position, c]));
    expect([1, 26, 22, 16, 11, 12].map((p) => [p, byPosition.get(p)!.status])).toEqual([
      [1, 'published'],
      [26, 'published'],
      [22, 'approved'],
      [16, 'in_review'],
      [11, 'in_review'],
      [12, 'in_review'],
    ]);
    expect(claims.filter((c) => !c.checkWorthy).map((c) => c.position)).toEqual([13, 15, 21]);
    expect(byPosition.get(24)!.claimantName).toBe('Chuck Schumer');
    const corrected = await db.prisma.ruling.findMany({ where: { claim: { position: 26 } }, orderBy: { revision: 'asc' } });
    expect(corrected.map((r) => [r.revision, r.levelKey, r.supersededAt !== null])).toEqual([[1, 'mostly_true', true], [2, 'true', false]]);
    const sourced = await db.prisma.verdict.groupBy({ by: ['claimId'], where: { status: 'submitted', sources: { some: {} } }, _count: true });
    expect(sourced.filter((g) => g._count === 2).length).toBeGreaterThanOrEqual(2);
    expect(await db.prisma.verdict.count({ where: { status: 'draft' } })).toBe(1);
  });

  it.each(DEMO_ACCOUNTS.map((a) => [a.role, a.email, a.password] as const))(
    'lets the demo %s sign in with the README credentials',
    async (role, email, password) => {
      const app = buildApp({ db, config: testConfig(), logger: createLogger('silent') });
      const res = await request(app).post('/api/auth/login').send({ email, password });
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ email, role });
    },
  );
});

describe('bootstrap admin (ADMIN_EMAIL / ADMIN_PASSWORD)', () => {
  it('creates the admin once and leaves an existing account alone', async () => {
    const users = createUserService(db);
    expect(await users.ensureAdmin('Chief@Desk.example', 'Tidal-Ledger-Quartz-42')).toBe('created');
    expect(await users.ensureAdmin('chief@desk.example', 'Another-Strong-Pass-77')).toBe('exists');

    const admin = await db.prisma.user.findUniqueOrThrow({ where: { email: 'chief@desk.example' } });
    expect(admin).toMatchObject({ role: 'admin', active: true });
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { entityId: admin.id } });
    expect(event).toMatchObject({ actorId: null, action: 'user.created' });
  });
});

describe('database isolation between test files', () => {
  it('gives this file a schema of its own', async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1', [db.schema]);
      expect(rows[0].n).toBeGreaterThanOrEqual(5);
    } finally {
      await client.end();
    }
  });
});
