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
}

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
    connectionTimeoutMillis: 10_000,
    // Awaited by the pool before the connection is handed out, so raw SQL sees the right schema.
    onConnect: setSearchPath ? async (client) => void (await client.query(setSearchPath)) : undefined,
    types: poolTypes,
  });
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
