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
    const second = await loadDemoData(db);

    expect(first).toMatchObject({ usersCreated: 3, articleCreated: true });
    expect(first.claimCount).toBeGreaterThan(20);
    expect(second).toEqual({ ...first, usersCreated: 0, articleCreated: false });
    expect(await db.prisma.user.count()).toBe(3);
    expect(await db.prisma.article.count()).toBe(1);
    expect(await db.prisma.claim.count()).toBe(first.claimCount);
    expect(await isDatabaseEmpty(db)).toBe(false);
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
