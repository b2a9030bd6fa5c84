import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

/**
 * Applies prisma/migrations offline, recording them in `_prisma_migrations` exactly as `prisma migrate deploy`
 * does (same table, SHA-256 checksum of migration.sql, same advisory lock key), so Prisma's own tooling agrees
 * wherever its schema engine can be installed. Each migration runs in its own transaction together with its
 * bookkeeping row: a failing migration leaves neither a partial change nor a failed row behind.
 */

export const DEFAULT_MIGRATIONS_DIR = path.resolve(__dirname, '../../prisma/migrations'); // src/db -> project root
/** The key Prisma's schema engine locks with, so this tool and `prisma migrate` never run together. */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateOptions {
  connectionString: string;
  migrationsDir?: string;
  /** Apply into this schema instead of the connection's default (used for per-file test isolation). */
  schema?: string;
  log?: (message: string) => void;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql, 'utf8').digest('hex');
}

export function readMigrations(migrationsDir = DEFAULT_MIGRATIONS_DIR): Migration[] {
  if (!existsSync(migrationsDir)) throw new MigrationError(`Migrations folder not found: ${migrationsDir}`);
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b))
    .map((name) => {
      const file = path.join(migrationsDir, name, 'migration.sql');
      if (!existsSync(file)) throw new MigrationError(`Migration ${name} has no migration.sql`);
      const sql = readFileSync(file, 'utf8');
      return { name, sql, checksum: checksumOf(sql) };
    });
}

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Applies every pending migration in order; returns the names applied. */
export async function applyMigrations(options: MigrateOptions): Promise<string[]> {
  const log = options.log ?? (() => undefined);
  const migrations = readMigrations(options.migrationsDir);
  const client = new Client({ connectionString: options.connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      if (options.schema) {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(options.schema)}`);
        await client.query(`SET search_path TO ${quoteIdent(options.schema)}, public`);
      }
      await client.query(CREATE_MIGRATIONS_TABLE);
      const applied = await readAppliedRows(client);
      const pending = planPending(migrations, applied, log);
      for (const migration of pending) {
        await applyOne(client, migration);
        log(`applied migration ${migration.name}`);
      }
      return pending.map((m) => m.name);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

async function readAppliedRows(client: Client): Promise<AppliedRow[]> {
  const result = await client.query<AppliedRow>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
  );
  return result.rows;
}

function planPending(migrations: Migration[], applied: AppliedRow[], log: (m: string) => void): Migration[] {
  const failed = applied.filter((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed.length > 0) {
    throw new MigrationError(
      `Migration ${failed[0].migration_name} failed earlier and was never resolved; fix the database, then mark it ` +
        'rolled back (set rolled_back_at) before migrating again',
    );
  }
  const finished = new Map(applied.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row]));
  const known = new Set(migrations.map((m) => m.name));
  for (const name of finished.keys()) {
    if (!known.has(name)) log(`warning: migration ${name} is recorded in the database but missing from the folder`);
  }
  for (const migration of migrations) {
    const row = finished.get(migration.name);
    if (row && !matchesChecksum(row.checksum, migration.sql)) {
      throw new MigrationError(
        `Migration ${migration.name} was edited after it was applied (checksum differs); add a new migration instead`,
      );
    }
  }
  return migrations.filter((m) => !finished.has(m.name));
}

/** Like Prisma, accept a file whose line endings changed (e.g. by a Windows checkout) since it was applied. */
function matchesChecksum(recorded: string, sql: string): boolean {
  const lf = sql.replace(/\r\n/g, '\n');
  const variants = [sql, lf, lf.replace(/\n/g, '\r\n')];
  return variants.some((variant) => checksumOf(variant) === recorded);
}

async function applyOne(client: Client, migration: Migration): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(
      'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())',
      [randomUUID(), migration.checksum, migration.name],
    );
    // No parameters: pg sends a simple-protocol query, which may hold many statements.
    await client.query(migration.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = applied_steps_count + 1
       WHERE migration_name = $1 AND finished_at IS NULL`,
      [migration.name],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
  }
}

export function quoteIdent(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
