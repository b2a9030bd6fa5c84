/**
 * The least-privilege set-up on a real PostgreSQL server: a throwaway database owned by a throwaway owner role
 * that migrates (MIGRATION_DATABASE_URL), and the service running as a throwaway login role (DATABASE_URL).
 * Roles are cluster-wide and test files run in parallel, so every name is unique and everything is dropped.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { buildApp } from '../../src/app';
import { openDatabase, type Database } from '../../src/db/database';
import { auditTrailExposure, grantServiceRole, LeastPrivilegeError } from '../../src/db/least-privilege';
import { createLogger } from '../../src/logger';
import { testConfig } from '../support/app';
import { isEmbedded, testDatabaseUrl } from '../support/db';
import { createUser } from '../support/factories';

const suffix = randomBytes(5).toString('hex');
const names = { database: `cm_lp_${suffix}`, owner: `cm_lp_owner_${suffix}`, service: `cm_lp_service_${suffix}` };

function urlFor(user: string): string {
  const url = new URL(testDatabaseUrl());
  url.username = user;
  url.password = '';
  url.pathname = `/${names.database}`;
  return url.toString();
}

async function asSuperuser<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function connectAs(user: string): Promise<Client> {
  const client = new Client({ connectionString: urlFor(user) });
  await client.connect();
  return client;
}

(isEmbedded() ? describe.skip : describe)(
  'least privilege on PostgreSQL (skipped on the embedded database, which has no real roles)',
  () => {
    let db: Database;
    let service: Client;
    let owner: Client;
    const logs: string[] = [];

    beforeAll(async () => {
      await asSuperuser(async (admin) => {
        // Passwordless LOGIN roles: this machine's test server trusts local connections.
        await admin.query(`CREATE ROLE "${names.owner}" LOGIN`);
        await admin.query(`CREATE ROLE "${names.service}" LOGIN`);
        await admin.query(`CREATE DATABASE "${names.database}" OWNER "${names.owner}"`);
      });
      const config = testConfig({ DATABASE_URL: urlFor(names.service), MIGRATION_DATABASE_URL: urlFor(names.owner), DATABASE_POOL_SIZE: '2' });
      db = await openDatabase(config, createLogger('info', { write: (line: string) => void logs.push(line) }), { migrate: true });
      service = await connectAs(names.service);
      owner = await connectAs(names.owner);
    });

    afterAll(async () => {
      await service?.end();
      await owner?.end();
      await db?.close();
      await asSuperuser(async (admin) => {
        await admin.query(`DROP DATABASE IF EXISTS "${names.database}" WITH (FORCE)`);
        await admin.query(`DROP ROLE IF EXISTS "${names.service}"`);
        await admin.query(`DROP ROLE IF EXISTS "${names.owner}"`);
      });
    });

    it('migrates as the owner, who owns every table, and grants the service role by itself at start', async () => {
      const { rows } = await owner.query<{ tablename: string; tableowner: string }>(
        `SELECT tablename, tableowner FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
      );
      expect(rows.map((row) => row.tablename)).toEqual(expect.arrayContaining(['audit_events', 'users', 'login_failures_by_pair']));
      expect(new Set(rows.map((row) => row.tableowner))).toEqual(new Set([names.owner]));
      expect(logs.join('\n')).toContain('service role granted least privilege');
      expect(logs.join('\n')).not.toContain('can change the audit trail');
    });

    it('lets the service do its normal work through the API as the restricted role', async () => {
      const app = buildApp({ db, config: testConfig(), logger: createLogger('silent') });
      const [admin, editor, reviewer] = await Promise.all(
        (['admin', 'editor', 'reviewer'] as const).map((role) => createUser(db.prisma, { role })),
      );

      const signIn = await request(app).post('/api/auth/login').send({ email: editor.email, password: editor.password });
      const wrongSignIn = await request(app).post('/api/auth/login').send({ email: editor.email, password: 'Wrong-Password-Guess-00' });
      const imported = await request(app).post('/api/articles').set(editor.auth).send({ title: 'Restricted', body: 'One sentence. Two.' });
      const edited = await request(app).patch(`/api/claims/${imported.body.claims[0].id}`).set(editor.auth).send({ checkWorthy: false, version: 1 });
      const deleted = await request(app).delete(`/api/articles/${imported.body.id}`).set(editor.auth);
      const created = await request(app)
        .post('/api/users')
        .set(admin.auth)
        .send({ email: `lp-${suffix}@desk.example`, name: 'Least Privilege', password: 'Granite-Meadow-Quilt-58', role: 'reviewer' });
      const renamed = await request(app).patch(`/api/users/${created.body.id}`).set(admin.auth).send({ name: 'Renamed' });
      const changed = await request(app)
        .post('/api/auth/password')
        .set(reviewer.auth)
        .send({ currentPassword: reviewer.password, newPassword: 'Velvet-Harbour-Signal-31' });
      const audit = await request(app).get('/api/audit').set(admin.auth);

      expect([signIn.status, wrongSignIn.status, imported.status, edited.status, deleted.status]).toEqual([200, 401, 201, 200, 204]);
      expect([created.status, renamed.status, changed.status, audit.status]).toEqual([201, 200, 200, 200]);
      expect(audit.body.items.length).toBeGreaterThanOrEqual(6);
      expect((await service.query('SELECT current_user AS me')).rows[0].me).toBe(names.service);
    });

    it.each([
      ['UPDATE', `UPDATE audit_events SET action = 'forged'`, /permission denied for table audit_events/],
      ['DELETE', 'DELETE FROM audit_events', /permission denied for table audit_events/],
      ['TRUNCATE', 'TRUNCATE audit_events', /permission denied for table audit_events/],
      ['TRUNCATE … CASCADE of users', 'TRUNCATE users CASCADE', /permission denied for table/],
      ['ALTER TABLE … DISABLE TRIGGER ALL', 'ALTER TABLE audit_events DISABLE TRIGGER ALL', /must be owner of table audit_events/],
      ['DROP TRIGGER', 'DROP TRIGGER audit_events_no_update_or_delete ON audit_events', /must be owner of (table|relation) audit_events/],
      ['DROP TABLE', 'DROP TABLE audit_events', /must be owner of table audit_events/],
      ['ALTER TABLE … OWNER', `ALTER TABLE audit_events OWNER TO "${names.service}"`, /must be owner of table audit_events/],
      ['CREATE TABLE', 'CREATE TABLE shadow_audit (id int)', /permission denied for schema public/],
      ['rewriting migration history', 'DELETE FROM _prisma_migrations', /permission denied for table _prisma_migrations/],
    ])('refuses the service role %s', async (_label, statement, error) => {
      const before = (await owner.query<{ n: string }>('SELECT count(*) AS n FROM audit_events')).rows[0].n;
      expect(Number(before)).toBeGreaterThan(0);

      await expect(service.query(statement)).rejects.toThrow(error);

      expect((await owner.query<{ n: string }>('SELECT count(*) AS n FROM audit_events')).rows[0].n).toBe(before);
      expect((await owner.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'forged'`)).rows[0].n).toBe(0);
    });

    it('still lets the service append to and read the audit trail directly', async () => {
      await service.query(
        `INSERT INTO audit_events (entity_type, entity_id, action) VALUES ('article', gen_random_uuid(), 'test.appended')`,
      );
      const { rows } = await service.query(`SELECT action FROM audit_events WHERE action = 'test.appended'`);
      expect(rows).toHaveLength(1);
    });

    it('reports nothing exposed for the service role, and every way the owner could change the audit trail', async () => {
      expect(await auditTrailExposure(urlFor(names.service))).toEqual([]);
      expect(await auditTrailExposure(urlFor(names.owner))).toEqual([
        `role ${names.owner} owns audit_events (directly or through a role it belongs to)`,
        `role ${names.owner} may UPDATE, DELETE, TRUNCATE audit_events`,
      ]);
    });

    it('refuses to "restrict" a role that owns the tables, rather than pretend', async () => {
      await expect(grantServiceRole(urlFor(names.owner), names.owner)).rejects.toThrow(LeastPrivilegeError);
    });

    it('stops even the owner from rewriting history: the triggers refuse UPDATE, DELETE and TRUNCATE', async () => {
      await expect(owner.query(`UPDATE audit_events SET action = 'forged'`)).rejects.toThrow(/append-only: UPDATE/);
      await expect(owner.query('DELETE FROM audit_events')).rejects.toThrow(/append-only: DELETE/);
      await expect(owner.query('TRUNCATE audit_events')).rejects.toThrow(/append-only: TRUNCATE/);
    });
  },
);
