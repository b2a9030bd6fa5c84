/**
 * `npm run backup` and `npm run restore`, end to end on both backends: seed a database through the app, back it
 * up with the CLI, restore it with the CLI into a fresh database, and find every row of every table (row counts
 * and checksums, compared independently of the manifest the restore checked itself).
 *
 * PostgreSQL: needs TEST_DATABASE_URL on a server (skipped, saying so, on the in-memory embedded test database) and
 * pg_dump/pg_restore. Embedded: always runs, in data folders of its own.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { LOCK_FILE } from '../../src/db/data-dir-lock';
import { quoteIdent } from '../../src/db/migrate';
import { backupEmbedded, BackupError, findPgTool, manifestPathOf, restoreEmbedded, summarizeTables, type TableSummary } from '../../src/ops/backup';
import { isEmbedded } from '../support/db';

jest.setTimeout(180_000);

const root = path.resolve(__dirname, '../..');
const run = promisify(execFile);

/** Runs `npm run <script> -- <file>` with exactly this database configuration; resolves with its exit and output. */
async function npmRun(script: 'backup' | 'restore', file: string, database: { DATABASE_URL: string } | { DATA_DIR: string }) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'silent', ...database };
  try {
    const { stdout, stderr } = await run('npm', ['run', '--silent', script, '--', file], { cwd: root, env, timeout: 150_000 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, output: (e.stdout ?? '') + (e.stderr ?? '') };
  }
}

/**
 * test/support/backup-fixture.ts in a child process: `seed` fills every table through the app, `summary` prints
 * summarizeTables(). A child because PGlite cannot open a data folder inside Jest's module VM.
 */
async function fixture(command: 'seed' | 'summary', target: string): Promise<TableSummary[] | undefined> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'test/support/backup-fixture.ts', command, target], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    timeout: 150_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return command === 'summary' ? (JSON.parse(stdout.trim().split('\n').pop()!) as TableSummary[]) : undefined;
}

function expectEveryRow(restored: TableSummary[], source: TableSummary[]) {
  expect(restored).toEqual(source);
  const rows = Object.fromEntries(source.map((t) => [t.table, t.rows]));
  for (const table of ['users', 'articles', 'claims', 'audit_events', '_prisma_migrations']) expect(rows[table]).toBeGreaterThan(0);
}

const serverOnly = isEmbedded() ? describe.skip : describe;
if (isEmbedded()) {
  console.info('backup-restore: the PostgreSQL (pg_dump/pg_restore) half is skipped: TEST_DATABASE_URL is not a server here (in-memory embedded test database)');
}

serverOnly('backup and restore of a PostgreSQL database (pg_dump -Fc / pg_restore)', () => {
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://unset');
  const name = `cm_backup_${process.pid}_${randomBytes(3).toString('hex')}`;
  const urlOf = (database: string) => Object.assign(new URL(base.toString()), { pathname: `/${database}` }).toString();
  const source = urlOf(`${name}_src`);
  const target = urlOf(`${name}_dst`);
  let dir: string;
  let file: string;
  let admin: Client;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'checkmate-backup-'));
    file = path.join(dir, 'checkmate.dump');
    findPgTool('pg_dump'); // fails the suite with the install hint when the client tools are missing
    admin = new Client({ connectionString: urlOf('postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${quoteIdent(`${name}_src`)}`);
    await fixture('seed', source);
  });

  afterAll(async () => {
    for (const database of [`${name}_src`, `${name}_dst`]) await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up the live database, restores it into a new database and finds every row of every table', async () => {
    const backup = await npmRun('backup', file, { DATABASE_URL: source });
    expect(backup).toMatchObject({ code: 0 });
    expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('PGDMP');
    expect(existsSync(manifestPathOf(file))).toBe(true);

    const restore = await npmRun('restore', file, { DATABASE_URL: target });
    expect(restore.output).toContain('(database created)');
    expect(restore.output).toMatch(/Checked: all \d+ tables match the manifest/);
    expect(restore.code).toBe(0);

    const [from, to] = [new Client({ connectionString: source }), new Client({ connectionString: target })];
    await Promise.all([from.connect(), to.connect()]);
    try {
      expectEveryRow(await summarizeTables(to), await summarizeTables(from));
    } finally {
      await Promise.all([from.end(), to.end()]);
    }
    // The fixture's summaries (another process, another connection) agree too.
    expect(await fixture('summary', target)).toEqual(await fixture('summary', source));
  });

  it('refuses to restore over a database that has tables, and to overwrite a backup file', async () => {
    const again = await npmRun('restore', file, { DATABASE_URL: target });
    expect(again.code).toBe(1);
    expect(again.output).toContain('is not empty');
    const overwrite = await npmRun('backup', file, { DATABASE_URL: source });
    expect(overwrite.code).toBe(1);
    expect(overwrite.output).toContain('exists already');
  });

  it('refuses a file whose bytes no longer match its manifest', async () => {
    const damaged = path.join(dir, 'damaged.dump');
    writeFileSync(damaged, Buffer.concat([readFileSync(file), Buffer.from('x')]));
    writeFileSync(manifestPathOf(damaged), readFileSync(manifestPathOf(file)));
    const restore = await npmRun('restore', damaged, { DATABASE_URL: urlOf(`${name}_never`) });
    expect(restore.code).toBe(1);
    expect(restore.output).toContain('does not match its manifest');
  });
});

describe('backup and restore of the embedded database (PGlite dumpDataDir)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'checkmate-backup-embedded-'));
  const sourceDir = path.join(dir, 'data');
  const targetDir = path.join(dir, 'restored');
  const file = path.join(dir, 'checkmate-embedded.tar.gz');

  beforeAll(() => fixture('seed', sourceDir));

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to back up or restore while another process holds the data folder', async () => {
    // The lock file of a running process (this test's parent): exactly what a running service leaves there.
    writeFileSync(path.join(sourceDir, LOCK_FILE), `${process.ppid}\n`);
    try {
      await expect(backupEmbedded(sourceDir, path.join(dir, 'refused.tar.gz'))).rejects.toThrow(
        new BackupError(`refusing to back up: the embedded database in ${path.resolve(sourceDir)} is in use by process ${process.ppid} (a running service, seed or migration); stop it first: PGlite allows one process per data folder`),
      );
      expect(existsSync(path.join(dir, 'refused.tar.gz'))).toBe(false);
    } finally {
      rmSync(path.join(sourceDir, LOCK_FILE), { force: true });
    }
  });

  it('backs up the data folder, restores it into a fresh folder and finds every row of every table', async () => {
    const backup = await npmRun('backup', file, { DATA_DIR: sourceDir });
    expect(backup.output).toContain('Backed up the embedded database');
    expect(backup.code).toBe(0);

    const restore = await npmRun('restore', file, { DATA_DIR: targetDir });
    expect(restore.output).toMatch(/Checked: all \d+ tables match the manifest/);
    expect(restore.code).toBe(0);
    expect(existsSync(path.join(targetDir, LOCK_FILE))).toBe(false);

    expectEveryRow((await fixture('summary', targetDir))!, (await fixture('summary', sourceDir))!);
  });

  it('refuses to restore into a folder that holds a database, or a server dump into the embedded database', async () => {
    await expect(restoreEmbedded(targetDir, file)).rejects.toThrow('already holds a database');
    const fake = path.join(dir, 'server.dump');
    writeFileSync(fake, 'PGDMP-not-really');
    await expect(restoreEmbedded(path.join(dir, 'other'), fake)).rejects.toThrow('pg_dump archive of a PostgreSQL server');
  });
});
