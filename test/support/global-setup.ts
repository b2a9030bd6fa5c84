import { startEmbeddedPostgres } from '../../src/db/embedded';

/**
 * Uses TEST_DATABASE_URL when set (CI points it at a real PostgreSQL); otherwise starts an in-memory
 * embedded PostgreSQL for the whole run. Each test file then migrates its own schema (test/support/db.ts).
 */
export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) return;
  const embedded = await startEmbeddedPostgres();
  (globalThis as { __embeddedPostgres?: typeof embedded }).__embeddedPostgres = embedded;
  process.env.TEST_DATABASE_URL = embedded.url;
  process.env.TEST_DATABASE_EMBEDDED = '1';
}
