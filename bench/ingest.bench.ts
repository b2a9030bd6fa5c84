/**
 * Import throughput through the real HTTP stack on 127.0.0.1: a large article (≈1 MB, thousands of claims)
 * and a batch of typical ones, plus sign-in timing for a known and an unknown email (they should match).
 * Uses BENCH_DATABASE_URL when set, else an in-memory embedded PostgreSQL. Every loop is bounded.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { startEmbeddedPostgres } from '../src/db/embedded';
import { Client } from 'pg';
import { applyMigrations, quoteIdent } from '../src/db/migrate';
import { createPrismaClient } from '../src/db/prisma';
import { createLogger } from '../src/logger';
import { createUserService } from '../src/users/users.service';

const SECRET = 'bench-secret-bench-secret-bench-secret-bench';
const TYPICAL_IMPORTS = 20;
const LOGIN_SAMPLES = 8;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const result = await fn();
  return [Number(process.hrtime.bigint() - start) / 1e6, result];
}

export async function runIngestBench() {
  const embedded = process.env.BENCH_DATABASE_URL ? undefined : await startEmbeddedPostgres();
  const url = process.env.BENCH_DATABASE_URL ?? embedded!.url;
  const schema = `bench_${Date.now()}`;
  await applyMigrations({ connectionString: url, schema });
  const db = createPrismaClient({ url, schema, poolSize: embedded ? 1 : 4 });
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    JWT_SECRET: SECRET,
    ARTICLE_MAX_BYTES: String(4 * 1024 * 1024),
    // The sign-in timing compares the work of a wrong password and an unknown email: no throttling or delay.
    LOGIN_PAIR_MAX_FAILURES: '1000',
    LOGIN_ADDRESS_MAX_FAILURES_PER_DAY: '1000000',
    LOGIN_DELAY_STEP_MS: '0',
  });
  const server = buildApp({ db, config, logger: createLogger('silent') }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  try {
    const password = 'Quartz-Ledger-Pass-91';
    await createUserService(db).createUser({ email: 'bench@desk.example', name: 'Bench Editor', role: 'editor', password }, null);
    const login = (email: string, pass: string) =>
      fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: pass }) });
    const { token } = (await (await login('bench@desk.example', password)).json()) as { token: string };
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const importArticle = async (title: string, body: string) => {
      const res = await fetch(`${base}/api/articles`, { method: 'POST', headers, body: JSON.stringify({ title, body }) });
      if (res.status !== 201) throw new Error(`import failed: ${res.status} ${await res.text()}`);
      return (await res.json()) as { claims: unknown[] };
    };

    const seed = readFileSync(path.join(__dirname, '../seed/seed-article.txt'), 'utf8');
    const copies = Math.ceil((1024 * 1024) / Buffer.byteLength(seed));
    const large = Array.from({ length: copies }, (_, i) => `Part ${i + 1}.\n${seed}`).join('\n\n');
    const [largeMs, largeArticle] = await timed(() => importArticle('Large', large));

    const typicalMs: number[] = [];
    for (let i = 0; i < TYPICAL_IMPORTS; i++) {
      const [ms] = await timed(() => importArticle(`Typical ${i}`, `Edition ${i}.\n${seed}`));
      typicalMs.push(ms);
    }

    const knownMs: number[] = [];
    const unknownMs: number[] = [];
    for (let i = 0; i < LOGIN_SAMPLES; i++) {
      knownMs.push((await timed(() => login('bench@desk.example', 'Wrong-Password-123')))[0]);
      unknownMs.push((await timed(() => login(`nobody-${i}@desk.example`, 'Wrong-Password-123')))[0]);
    }

    return {
      bench: 'ingest',
      database: embedded ? 'embedded' : 'postgresql',
      largeArticleBytes: Buffer.byteLength(large),
      largeArticleClaims: largeArticle.claims.length,
      largeImportMs: Math.round(largeMs),
      typicalImportMsMedian: Math.round(median(typicalMs)),
      loginWrongPasswordMsMedian: Math.round(median(knownMs)),
      loginUnknownEmailMsMedian: Math.round(median(unknownMs)),
      rssMiB: Math.round(process.memoryUsage().rss / 1024 / 1024),
    };
  } finally {
    server.close();
    await db.close();
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
    await admin.end();
    await embedded?.stop();
  }
}

if (require.main === module) {
  runIngestBench().then(
    (result) => console.log(JSON.stringify(result)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
