import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { quoteIdent } from './migrate';
import { poolTypes } from './pg-types';
import { allowNamedStatements } from './prepared';

export { PrismaClient };
export type { Prisma } from '../generated/prisma/client';

export interface PrismaOptions {
  url: string;
  poolSize: number;
  /** Postgres schema holding the tables; tests give each file its own. Defaults to the server's search_path. */
  schema?: string;
  /** Told about connections the database dropped (outage, restart, admin command); they are discarded either way. */
  onConnectionError?: (error: Error) => void;
}

/**
 * How long a request may wait for a connection (a new one, or a free one from a busy pool) before it fails with
 * 503: below Prisma's 2 s interactive-transaction `maxWait`, which would otherwise fire first as a 500 (P2028), and
 * short enough that a database that does not answer costs a request well under 2 s. A pool of one connection
 * (the embedded database, in-process, which cannot go away) queues every request behind that connection, so it
 * waits as long as before.
 */
export const CONNECTION_TIMEOUT_MS = 1_500;
const SINGLE_CONNECTION_TIMEOUT_MS = 10_000;

export interface DatabaseClient {
  prisma: PrismaClient;
  /** The pool under Prisma, for typed raw SQL on hot read paths (src/db/sql.ts). */
  pool: Pool;
  close(): Promise<void>;
}

export function createPrismaClient(options: PrismaOptions): DatabaseClient {
  // Extensions (citext, pg_trgm) live in public, so a test schema keeps public on its path.
  const setSearchPath = options.schema ? `SET search_path TO ${quoteIdent(options.schema)}, public` : undefined;
  const pool = new Pool({
    connectionString: options.url,
    max: options.poolSize,
    // The embedded server must never see two connections at once, so its single connection stays open.
    idleTimeoutMillis: options.poolSize === 1 ? 0 : 10_000,
    connectionTimeoutMillis: options.poolSize === 1 ? SINGLE_CONNECTION_TIMEOUT_MS : CONNECTION_TIMEOUT_MS,
    // TCP keepalive: a connection whose server vanished without closing it is noticed and dropped.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    // Awaited by the pool before the connection is handed out, so raw SQL sees the right schema.
    onConnect: setSearchPath ? async (client) => void (await client.query(setSearchPath)) : undefined,
    types: poolTypes,
  });
  // A connection the server drops while checked out and between queries (e.g. `terminating connection due to
  // administrator command` inside an interactive transaction) emits 'error' on its client, which pg-pool leaves
  // without a listener while it is checked out: unhandled, that kills the process. Every client gets a listener
  // for its whole life; the broken client is discarded by the pool when released (it is no longer queryable),
  // and the query that needed it fails and answers 503.
  const onConnectionError = (error: Error) => options.onConnectionError?.(error);
  pool.on('connect', (client) => client.on('error', onConnectionError));
  pool.on('error', onConnectionError); // idle clients
  // A pool of one is the embedded database, whose connections share one backend: no named statements there.
  if (options.poolSize > 1) allowNamedStatements(pool);
  const adapter = new PrismaPg(pool, options.schema ? { schema: options.schema } : undefined);
  const prisma = new PrismaClient({ adapter });
  return {
    prisma,
    pool,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
