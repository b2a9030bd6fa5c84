/**
 * Backups and restores for both backends, with a manifest that lets a restore prove it is complete.
 *
 * - PostgreSQL server: `pg_dump --format=custom` of the live database, taken in an exported snapshot so the row
 *   counts and checksums written to the manifest describe exactly what the dump holds; restored with `pg_restore`
 *   in one transaction into an empty (or new) database.
 * - Embedded database (PGlite): PGlite's own archive of its data folder (`dumpDataDir`, tar.gz), taken while this
 *   process holds the folder's lock, and loaded into an empty data folder. A logical dump is not possible here: the
 *   server's pg_dump refuses PGlite's newer PostgreSQL (18), and PGlite's wasm pg_dump is another dependency. The
 *   archive is exact (every table, index, sequence and setting, byte for byte) but only PGlite of the same major
 *   version reads it; to move to a server, restore it into an embedded folder and copy the rows over.
 *
 * Every backup writes `<file>.manifest.json` next to the dump: per table, the row count and a checksum (the sum of
 * the first 60 bits of the md5 of each row's text, so row order does not matter). A restore recomputes both on the
 * restored database and fails unless every table matches.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DataDirLockedError, lockDataDir } from '../db/data-dir-lock';
import { startEmbeddedPostgres } from '../db/embedded';

const run = promisify(execFile);

export type BackendKind = 'postgresql' | 'embedded';

export interface TableSummary {
  table: string;
  rows: number;
  checksum: string;
}

export interface Manifest {
  format: 'checkmate-backup/1';
  kind: BackendKind;
  createdAt: string;
  /** The database URL without its password, or the data folder. */
  source: string;
  bytes: number;
  sha256: string;
  tables: TableSummary[];
}

export interface RestoreReport {
  tables: TableSummary[];
  /** Tables whose rows or checksum differ from the manifest (empty when it matched, or when there was none). */
  mismatches: string[];
  manifest: Manifest | undefined;
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export const manifestPathOf = (file: string) => `${file}.manifest.json`;

// ---- Table summaries -------------------------------------------------------------------------------------------

interface Queryable {
  query<R extends Record<string, unknown>>(text: string): Promise<{ rows: R[] }>;
}

/** Settings that make a row's text form the same on every server and session. */
const STABLE_TEXT = [
  "SET TimeZone TO 'UTC'",
  "SET DateStyle TO 'ISO, YMD'",
  "SET IntervalStyle TO 'postgres'",
  'SET extra_float_digits TO 1',
  "SET bytea_output TO 'hex'",
];

const quoteIdent = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** Row count and order-independent checksum of every table outside the system schemas, in name order. */
export async function summarizeTables(db: Queryable): Promise<TableSummary[]> {
  for (const statement of STABLE_TEXT) await db.query(statement);
  const { rows: tables } = await db.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
     ORDER BY table_schema, table_name`,
  );
  const summaries: TableSummary[] = [];
  for (const { schema, name } of tables) {
    const { rows } = await db.query<{ rows: string; checksum: string }>(
      `SELECT count(*)::text AS rows,
              coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint), 0)::text AS checksum
       FROM ${quoteIdent(schema)}.${quoteIdent(name)} t`,
    );
    summaries.push({ table: schema === 'public' ? name : `${schema}.${name}`, rows: Number(rows[0].rows), checksum: rows[0].checksum });
  }
  return summaries;
}

/** The tables that differ between a manifest and a restored database. */
export function compareSummaries(expected: TableSummary[], actual: TableSummary[]): string[] {
  const found = new Map(actual.map((t) => [t.table, t]));
  const problems: string[] = [];
  for (const want of expected) {
    const got = found.get(want.table);
    if (!got) problems.push(`${want.table}: missing`);
    else if (got.rows !== want.rows) problems.push(`${want.table}: ${got.rows} rows, expected ${want.rows}`);
    else if (got.checksum !== want.checksum) problems.push(`${want.table}: checksum differs`);
  }
  const known = new Set(expected.map((t) => t.table));
  for (const extra of actual.filter((t) => !known.has(t.table))) problems.push(`${extra.table}: not in the backup`);
  return problems;
}

// ---- Files -----------------------------------------------------------------------------------------------------

function sha256Of(file: string): string {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) hash.update(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

function readManifest(file: string): Manifest | undefined {
  const manifestFile = manifestPathOf(file);
  if (!existsSync(manifestFile)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  if (manifest.format !== 'checkmate-backup/1') throw new BackupError(`${manifestFile} is not a Checkmate backup manifest`);
  const sha256 = sha256Of(file);
  if (manifest.sha256 !== sha256) {
    throw new BackupError(`${file} does not match its manifest (sha256 ${sha256}, manifest says ${manifest.sha256}): the file is damaged or from another backup`);
  }
  return manifest;
}

function writeManifest(file: string, kind: BackendKind, source: string, tables: TableSummary[]): Manifest {
  const manifest: Manifest = {
    format: 'checkmate-backup/1',
    kind,
    createdAt: new Date().toISOString(),
    source,
    bytes: statSync(file).size,
    sha256: sha256Of(file),
    tables,
  };
  writeFileSync(manifestPathOf(file), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** What kind of backup a file is, from its first bytes. */
export function backupKindOf(file: string): BackendKind | undefined {
  const head = Buffer.alloc(5);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') === 'PGDMP') return 'postgresql';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'embedded';
  return undefined;
}

function refuseToOverwrite(file: string) {
  if (existsSync(file)) throw new BackupError(`${file} exists already; choose a new file name (backups are never overwritten)`);
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

// ---- PostgreSQL server -----------------------------------------------------------------------------------------

/** pg_dump or pg_restore: from PATH, else the newest /usr/lib/postgresql/<version>/bin. */
export function findPgTool(name: 'pg_dump' | 'pg_restore'): string {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  const versioned = '/usr/lib/postgresql';
  if (existsSync(versioned)) {
    const versions = readdirSync(versioned).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    dirs.push(...versions.map((v) => path.join(versioned, v, 'bin')));
  }
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  throw new BackupError(`${name} was not found in PATH or /usr/lib/postgresql/*/bin; install the PostgreSQL client tools (e.g. apt-get install postgresql-client)`);
}

async function toolMajorVersion(tool: string): Promise<number> {
  const { stdout } = await run(tool, ['--version']);
  const match = /(\d+)(?:\.\d+)?/.exec(stdout);
  if (!match) throw new BackupError(`could not read the version of ${tool}: ${stdout.trim()}`);
  return Number(match[1]);
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  return client;
}

async function runTool(tool: string, args: string[]): Promise<void> {
  try {
    await run(tool, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new BackupError(`${path.basename(tool)} failed: ${(e.stderr || e.message).trim()}`);
  }
}

/** `pg_dump -Fc` of the live database at `url` into `file`, plus its manifest from the same snapshot. */
export async function backupPostgres(url: string, file: string): Promise<Manifest> {
  refuseToOverwrite(file);
  const pgDump = findPgTool('pg_dump');
  const client = await connect(url);
  const partial = `${file}.partial`;
  try {
    const serverMajor = Math.floor(Number((await client.query<{ v: string }>('SHOW server_version_num')).rows[0].v) / 10_000);
    const dumpMajor = await toolMajorVersion(pgDump);
    if (dumpMajor < serverMajor) {
      throw new BackupError(`${pgDump} is version ${dumpMajor} but the server runs PostgreSQL ${serverMajor}; use pg_dump ${serverMajor} or newer`);
    }
    // One snapshot for the manifest and the dump: what is counted is exactly what is dumped.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0].id;
    const tables = await summarizeTables(client);
    rmSync(partial, { force: true });
    await runTool(pgDump, ['--format=custom', `--snapshot=${snapshot}`, `--file=${partial}`, `--dbname=${url}`]);
    await client.query('COMMIT');
    await runTool(findPgTool('pg_restore'), ['--list', partial]); // the archive reads back
    renameSync(partial, file);
    return writeManifest(file, 'postgresql', redactUrl(url), tables);
  } finally {
    rmSync(partial, { force: true });
    await client.end().catch(() => undefined);
  }
}

/** Connects to `url`, creating the database first when it does not exist. */
async function connectOrCreate(url: string): Promise<{ client: Client; created: boolean }> {
  try {
    return { client: await connect(url), created: false };
  } catch (error) {
    if ((error as { code?: string }).code !== '3D000') throw error;
    const target = new URL(url);
    const name = decodeURIComponent(target.pathname.slice(1));
    const maintenance = new URL(url);
    maintenance.pathname = '/postgres';
    const admin = await connect(maintenance.toString());
    try {
      await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
    } finally {
      await admin.end();
    }
    return { client: await connect(url), created: true };
  }
}

/** `pg_restore` of `file` into the database at `url`, which must be empty or not exist yet (it is then created). */
export async function restorePostgres(url: string, file: string): Promise<RestoreReport & { created: boolean }> {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
  const kind = backupKindOf(file);
  if (kind !== 'postgresql') {
    throw new BackupError(
      kind === 'embedded'
        ? `${file} is a backup of the embedded database; restore it without DATABASE_URL (into DATA_DIR)`
        : `${file} is not a pg_dump custom-format archive`,
    );
  }
  const manifest = readManifest(file);
  const { client, created } = await connectOrCreate(url);
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM information_schema.tables
       WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE'`,
    );
    if (rows[0].n > 0) {
      throw new BackupError(
        `the database at ${redactUrl(url)} is not empty (${rows[0].n} tables); restore into a new database ` +
          '(set DATABASE_URL to a database name that does not exist yet: it is created) and switch the service to it once checked',
      );
    }
    await runTool(findPgTool('pg_restore'), ['--dbname', url, '--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', file]);
    const tables = await summarizeTables(client);
    return { tables, mismatches: manifest ? compareSummaries(manifest.tables, tables) : [], manifest, created };
  } finally {
    await client.end().catch(() => undefined);
  }
}

// ---- Embedded database -----------------------------------------------------------------------------------------

const hasDatabase = (dataDir: string) => existsSync(path.join(dataDir, 'pgdata', 'PG_VERSION'));

/** Takes the data folder's lock, explaining a refusal in terms of backups. */
function lockForBackup(dataDir: string, action: string): () => void {
  try {
    return lockDataDir(dataDir);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      throw new BackupError(
        `refusing to ${action}: the embedded database in ${path.resolve(dataDir)} is in use by process ${error.holderPid} ` +
          '(a running service, seed or migration); stop it first: PGlite allows one process per data folder',
      );
    }
    throw error;
  }
}

/** PGlite's archive of the data folder in `dataDir` into `file`, plus its manifest. */
export async function backupEmbedded(dataDir: string, file: string): Promise<Manifest> {
  refuseToOverwrite(file);
  if (!hasDatabase(dataDir)) throw new BackupError(`there is no embedded database in ${path.resolve(dataDir)} (DATA_DIR)`);
  const release = lockForBackup(dataDir, 'back up');
  const partial = `${file}.partial`;
  try {
    const embedded = await startEmbeddedPostgres({ dataDir });
    let tables: TableSummary[];
    try {
      const client = await connect(embedded.url);
      try {
        await client.query('CHECKPOINT');
        tables = await summarizeTables(client);
      } finally {
        await client.end();
      }
      const archive = await embedded.dumpDataDir();
      writeFileSync(partial, Buffer.from(await archive.arrayBuffer()));
    } finally {
      await embedded.stop();
    }
    renameSync(partial, file);
    return writeManifest(file, 'embedded', path.resolve(dataDir), tables);
  } finally {
    rmSync(partial, { force: true });
    release();
  }
}

/** Loads `file` into `dataDir`, which must not hold a database yet. */
export async function restoreEmbedded(dataDir: string, file: string): Promise<RestoreReport> {
  if (!existsSync(file)) throw new BackupError(`${file} does not exist`);
  const kind = backupKindOf(file);
  if (kind !== 'embedded') {
    throw new BackupError(
      kind === 'postgresql'
        ? `${file} is a pg_dump archive of a PostgreSQL server; restore it with DATABASE_URL set`
        : `${file} is not a backup of the embedded database`,
    );
  }
  const manifest = readManifest(file);
  const release = lockForBackup(dataDir, 'restore');
  try {
    if (hasDatabase(dataDir)) {
      throw new BackupError(
        `${path.resolve(dataDir)} already holds a database; restore into an empty folder (DATA_DIR=./data-restored) ` +
          'and point the service at it once checked, or move the old folder away first',
      );
    }
    let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
    try {
      embedded = await startEmbeddedPostgres({ dataDir, loadDataDir: new Blob([readFileSync(file)]) });
      const client = await connect(embedded.url);
      try {
        const tables = await summarizeTables(client);
        return { tables, mismatches: manifest ? compareSummaries(manifest.tables, tables) : [], manifest };
      } finally {
        await client.end();
      }
    } catch (error) {
      await embedded?.stop().catch(() => undefined);
      embedded = undefined;
      rmSync(path.join(dataDir, 'pgdata'), { recursive: true, force: true }); // nothing half-restored stays behind
      throw error;
    } finally {
      await embedded?.stop();
    }
  } finally {
    release();
  }
}
