/**
 * The bench's own databases: on the PostgreSQL server of BENCH_DATABASE_URL (one database per desk, created
 * and dropped by the bench), or else one embedded PostgreSQL (one connection only: load scenarios are reduced).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embedded';
import { applyMigrations, quoteIdent, readMigrations } from '../../src/db/migrate';
import { hashPassword } from '../../src/auth/passwords';
import { generateDesk, type DeskSpec } from './desk';

export const BENCH_PASSWORD = 'Quartz-Ledger-Pass-91';
export const BENCH_EMAIL = 'bench-editor@desk.example';
/** The same editor id on every desk, so one token serves them all. */
export const BENCH_EDITOR_ID = 'a0b0c0d0-0000-4000-8000-000000000001';

export interface BenchServer {
  kind: 'postgresql' | 'embedded';
  /** A URL of the server itself (any database), for CREATE/DROP DATABASE. */
  adminUrl: string;
  stop(): Promise<void>;
}

export async function openBenchServer(): Promise<BenchServer> {
  const url = process.env.BENCH_DATABASE_URL;
  if (url) return { kind: 'postgresql', adminUrl: url, stop: async () => {} };
  const embedded: EmbeddedPostgres = await startEmbeddedPostgres();
  return { kind: 'embedded', adminUrl: embedded.url, stop: () => embedded.stop() };
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface Desk<Spec = DeskSpec> {
  name: string;
  url: string;
  spec: Spec;
  claims: number;
  /** Milliseconds spent generating it in this run; 0 when a cached desk was reused. */
  generationMs: number;
  reused: boolean;
}

const CACHED_PREFIX = 'checkmate_bench_desk_';
/** Cached databases are named by label and hash: `checkmate_bench_desk_<hash>` (the large desk), `…_desk_review_<hash>`. */
const cachedPrefix = (label: string) => (label === 'large' ? CACHED_PREFIX : `${CACHED_PREFIX}${label}_`);

/**
 * A database holding one desk: created, migrated, filled, vacuumed. With `cache`, the desk is kept after the run
 * under a name derived from the migrations, the generator and the size, and reused while they are unchanged
 * (BENCH_FRESH=1 forces a new one): generating 2,000,000 claims takes about a minute. On the embedded server (one
 * database backend) the desk lives in the default database.
 */
export async function createDesk(server: BenchServer, label: string, spec: DeskSpec, cache = false): Promise<Desk> {
  return createDatabase(server, label, { spec, generatorFile: 'desk.ts', generate: (client) => generateDesk(client, spec, BENCH_EDITOR_ID) }, cache);
}

export interface Generator<Spec> {
  spec: Spec;
  /** The generator's source file (in bench/harness): part of the cache key, so changing it makes a new database. */
  generatorFile: string;
  /** Fills the migrated database (the bench editor exists already); returns its claim count. */
  generate(client: Client, passwordHash: string): Promise<number>;
}

/** A database of generated bench data (see createDesk), cached under `checkmate_bench_desk_<hash>` with `cache`. */
export async function createDatabase<Spec>(
  server: BenchServer,
  label: string,
  generator: Generator<Spec>,
  cache = false,
): Promise<Desk<Spec>> {
  const { spec } = generator;
  const name = cache ? `${cachedPrefix(label)}${fingerprint(spec, generator.generatorFile)}` : `checkmate_bench_${label}`;
  let url = server.adminUrl;
  if (server.kind === 'postgresql') {
    url = databaseUrl(server.adminUrl, name);
    const reusable = await withClient(server.adminUrl, async (admin) => {
      if (cache && process.env.BENCH_FRESH !== '1') {
        const { rows } = await admin.query(
          `SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = $1`, [name]);
        // Marked `complete:<claims>` once generated (a run killed while generating leaves it unmarked).
        const complete = /^complete:(\d+)$/.exec(rows[0]?.note ?? '');
        if (complete) return Number(complete[1]);
      }
      // Cached databases of this label made by other migrations or another version of the generator.
      const stale = cache
        ? (await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE '${cachedPrefix(label)}%'`)).rows.map((r) => r.datname)
        : [name];
      for (const db of stale) await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(db)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
      return undefined;
    });
    if (reusable !== undefined) return { name, url, spec, claims: reusable, generationMs: 0, reused: true };
  }
  await applyMigrations({ connectionString: url });
  const started = Date.now();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const claims = await withClient(url, async (client) => {
    await client.query(
      `INSERT INTO users (id, email, name, password_hash, role, updated_at) VALUES ($1, $2, 'Bench Editor', $3, 'editor', now())`,
      [BENCH_EDITOR_ID, BENCH_EMAIL, passwordHash],
    );
    return generator.generate(client, passwordHash);
  });
  if (server.kind === 'postgresql' && cache) {
    await withClient(server.adminUrl, (admin) => admin.query(`COMMENT ON DATABASE ${quoteIdent(name)} IS 'complete:${claims}'`));
  }
  return { name, url, spec, claims, generationMs: Date.now() - started, reused: false };
}

function fingerprint(spec: unknown, generatorFile: string): string {
  const hash = createHash('sha256').update(JSON.stringify(spec)).update(readFileSync(path.join(__dirname, generatorFile)));
  for (const migration of readMigrations()) hash.update(migration.checksum);
  return hash.digest('hex').slice(0, 12);
}

export async function dropDesk(server: BenchServer, desk: Desk<unknown>): Promise<void> {
  if (server.kind !== 'postgresql' || desk.name.startsWith(CACHED_PREFIX)) return;
  await withClient(server.adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(desk.name)} WITH (FORCE)`));
}
