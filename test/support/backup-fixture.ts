/**
 * Helper process for test/db/backup-restore.test.ts (PGlite cannot open a data folder inside Jest's module VM):
 *   tsx test/support/backup-fixture.ts seed <postgresql://url | data folder>
 *   tsx test/support/backup-fixture.ts summary <postgresql://url | data folder>
 * `seed` migrates and fills every table through the app: demo accounts and article, imports with emoji and curly
 * quotes, triage with claimant and date, and their audit events. `summary` prints summarizeTables() as JSON.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { buildApp } from '../../src/app';
import { lockDataDir } from '../../src/db/data-dir-lock';
import { startEmbeddedPostgres } from '../../src/db/embedded';
import { applyMigrations } from '../../src/db/migrate';
import { createPrismaClient } from '../../src/db/prisma';
import { createLogger } from '../../src/logger';
import { summarizeTables } from '../../src/ops/backup';
import { loadDemoData } from '../../seed/demo-data';
import { testConfig } from './app';
import { createUser } from './factories';

const BODIES = [
  'The mayor said “we cut crime by 12%” 🚓 in 2023. Critics disagree!\nA second paragraph, with a €2.5 million claim.',
  'Rates fell to 3.5% in May. Unemployment doubled since 1980, officials said.',
];

async function seed(url: string, poolSize: number): Promise<void> {
  await applyMigrations({ connectionString: url });
  const db = createPrismaClient({ url, poolSize });
  try {
    await loadDemoData(db);
    const editor = await createUser(db.prisma, { role: 'editor' });
    const app = buildApp({ db, config: testConfig({ DATABASE_URL: undefined }), logger: createLogger('silent') });
    for (const body of BODIES) {
      const imported = await request(app).post('/api/articles').set(editor.auth).send({ title: `Backup ${randomBytes(3).toString('hex')}`, body });
      if (imported.status !== 201) throw new Error(`import answered ${imported.status}: ${JSON.stringify(imported.body)}`);
      const claim = imported.body.claims[0];
      const patched = await request(app)
        .patch(`/api/claims/${claim.id}`)
        .set(editor.auth)
        .send({ claimant: { name: 'Ana Ruiz', role: 'Mayor' }, claimDate: '2023-05-02', checkWorthy: false, version: claim.version });
      if (patched.status !== 200) throw new Error(`triage answered ${patched.status}: ${JSON.stringify(patched.body)}`);
    }
  } finally {
    await db.close();
  }
}

async function summary(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    console.log(JSON.stringify(await summarizeTables(client)));
  } finally {
    await client.end();
  }
}

/** Runs `fn` on a server URL as is, or on the embedded database in a data folder (taking its lock). */
async function onDatabase(target: string, fn: (url: string, poolSize: number) => Promise<void>): Promise<void> {
  if (/^postgres(ql)?:\/\//.test(target)) return fn(target, 2);
  const release = lockDataDir(target);
  const embedded = await startEmbeddedPostgres({ dataDir: target });
  try {
    await fn(embedded.url, 1);
  } finally {
    await embedded.stop();
    release();
  }
}

async function main() {
  const [command, target] = process.argv.slice(2);
  if (!target || (command !== 'seed' && command !== 'summary')) throw new Error('usage: backup-fixture.ts seed|summary <url|data folder>');
  await onDatabase(target, command === 'seed' ? seed : (url) => summary(url));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
