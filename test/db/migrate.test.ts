import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { applyMigrations, checksumOf, MigrationError, quoteIdent } from '../../src/db/migrate';
import { dropSchema, isEmbedded, testDatabaseUrl } from '../support/db';

const url = testDatabaseUrl();
let dir: string;
let schema: string;
let client: Client;
let counter = 0;

function writeMigration(name: string, sql: string) {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, 'migration.sql'), sql);
}
const migrate = () => applyMigrations({ connectionString: url, schema, migrationsDir: dir });
const rows = async () =>
  (await client.query(`SELECT * FROM ${quoteIdent(schema)}."_prisma_migrations" ORDER BY migration_name`)).rows;
const tables = async () =>
  (await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1`, [schema]))
    .rows.map((r) => r.table_name);

beforeAll(async () => {
  client = new Client({ connectionString: url });
  await client.connect();
});
afterAll(() => client.end());
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'checkmate-migrations-'));
  schema = `migrate_${process.pid}_${++counter}`;
});
afterEach(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropSchema(url, schema);
});

describe('applyMigrations', () => {
  it('applies pending migrations once, in name order, and records them like Prisma', async () => {
    writeMigration('20240102000000_second', 'ALTER TABLE "a" ADD COLUMN "b" TEXT;');
    writeMigration('20240101000000_first', 'CREATE TABLE "a" ("id" INTEGER PRIMARY KEY);');

    expect(await migrate()).toEqual(['20240101000000_first', '20240102000000_second']);
    expect(await migrate()).toEqual([]);

    const recorded = await rows();
    expect(recorded.map((r) => r.migration_name)).toEqual(['20240101000000_first', '20240102000000_second']);
    expect(recorded[0].checksum).toBe(checksumOf('CREATE TABLE "a" ("id" INTEGER PRIMARY KEY);'));
    expect(recorded[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(recorded.every((r) => r.applied_steps_count === 1 && r.finished_at && !r.rolled_back_at)).toBe(true);
  });

  it('rolls a failing migration back completely and records nothing for it', async () => {
    writeMigration('20240101000000_ok', 'CREATE TABLE "kept" ("id" INTEGER);');
    writeMigration('20240102000000_bad', 'CREATE TABLE "half" ("id" INTEGER);\nSELECT no_such_function();');

    await expect(migrate()).rejects.toThrow(/20240102000000_bad failed and was rolled back/);
    expect(await tables()).toEqual(['_prisma_migrations', 'kept']);
    expect((await rows()).map((r) => r.migration_name)).toEqual(['20240101000000_ok']);
  });

  it('refuses to run when an applied migration was edited', async () => {
    writeMigration('20240101000000_first', 'CREATE TABLE "a" ("id" INTEGER);');
    await migrate();
    writeMigration('20240101000000_first', 'CREATE TABLE "a" ("id" BIGINT);');
    writeMigration('20240102000000_second', 'CREATE TABLE "b" ("id" INTEGER);');

    await expect(migrate()).rejects.toThrow(MigrationError);
    await expect(migrate()).rejects.toThrow(/was edited after it was applied/);
    expect(await tables()).toEqual(['_prisma_migrations', 'a']);
  });

  it('accepts a migration whose line endings changed since it was applied', async () => {
    writeMigration('20240101000000_first', 'CREATE TABLE "a" (\n  "id" INTEGER\n);\n');
    await migrate();
    writeMigration('20240101000000_first', 'CREATE TABLE "a" (\r\n  "id" INTEGER\r\n);\r\n');
    expect(await migrate()).toEqual([]);
  });

  it('refuses to run while a migration is recorded as failed (as prisma migrate deploy does)', async () => {
    writeMigration('20240101000000_first', 'CREATE TABLE "a" ("id" INTEGER);');
    await migrate();
    await client.query(
      `INSERT INTO ${quoteIdent(schema)}."_prisma_migrations" (id, checksum, migration_name, logs)
       VALUES ('00000000-0000-0000-0000-000000000001', 'x', '20240102000000_broken', 'boom')`,
    );
    await expect(migrate()).rejects.toThrow(/20240102000000_broken failed earlier/);
  });

  (isEmbedded() ? it.skip : it)('lets two instances start together: each migration runs exactly once', async () => {
    writeMigration('20240101000000_first', 'CREATE TABLE "a" ("id" INTEGER); SELECT pg_sleep(0.2);');
    writeMigration('20240102000000_second', 'CREATE TABLE "b" ("id" INTEGER);');

    const [one, two] = await Promise.all([migrate(), migrate()]);
    expect([...one, ...two].sort()).toEqual(['20240101000000_first', '20240102000000_second']);
    expect((await rows()).length).toBe(2);
  });
});
