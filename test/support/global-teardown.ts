import type { EmbeddedPostgres } from '../../src/db/embedded';

export default async function globalTeardown() {
  await (globalThis as { __embeddedPostgres?: EmbeddedPostgres }).__embeddedPostgres?.stop();
}
