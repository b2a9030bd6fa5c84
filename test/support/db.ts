import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { applyMigrations, quoteIdent } from '../../src/db/migrate';
import { createPrismaClient } from '../../src/db/prisma';
import type { Db } from '../../src/db/sql';

export interface TestDatabase extends Db {
  url: string;
  schema: string;
  close(): Promise<void>;
}

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests with `npm test`');
  return url;
}

export const isEmbedded = () => process.env.TEST_DATABASE_EMBEDDED === '1';

/**
 * A freshly migrated schema of its own for one test file, dropped again by close(). On the embedded database
 * every connection shares one backend (and so one search_path): use one test database per file there.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = testDatabaseUrl();
  const schema = `test_${randomBytes(6).toString('hex')}`;
  await applyMigrations({ connectionString: url, schema });
  const client = createPrismaClient({ url, schema, poolSize: isEmbedded() ? 1 : 4 });
  return {
    url,
    schema,
    prisma: client.prisma,
    pool: client.pool,
    async close() {
      await client.close();
      await dropSchema(url, schema);
    },
  };
}

export async function dropSchema(url: string, schema: string): Promise<void> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
  } finally {
    await admin.end();
  }
}
