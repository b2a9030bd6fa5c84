/**
 * Crash: SIGKILL the service in the middle of a burst of imports (some large, so transactions are in flight),
 * start it again, and find every article either whole (all its claims, its audit event) or absent, every
 * acknowledged import present, and a clean start with no manual step. On a PostgreSQL server and on the embedded
 * database (whose lock file the dead process leaves behind, and whose PGlite folder must reopen).
 */
import { mkdtempSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { lockDataDir, LOCK_FILE } from '../../../src/db/data-dir-lock';
import { startEmbeddedPostgres } from '../../../src/db/embedded';
import { countByStatus, formatCounts, HttpClient } from '../lib/http-client';
import type { PostgresTools } from '../lib/postgres-cluster';
import type { ScenarioReport } from '../lib/report';
import { ADMIN, Service } from '../lib/service';
import { connectTo, createAccount, signIn, startStack } from '../lib/stack';
import { findHalfWritten, importArticle, runLoad, verifyAcknowledged, type LoadContext, type Operation } from '../lib/workload';

/** Imports of every size, up to ~3,000 claims, so that some transaction is always in flight. */
const burstImport: Operation = {
  name: 'import',
  weight: 1,
  run: (ctx, worker) =>
    importArticle(ctx, worker, Math.random() < 0.25 ? 1_000 + Math.floor(Math.random() * 2_000) : 5 + Math.floor(Math.random() * 60)),
};

/** Imports until `acks` imports were acknowledged, then SIGKILL mid-burst; returns what was in flight. */
async function burstAndKill(ctx: LoadContext, service: Service, concurrency: number, acks: number): Promise<string> {
  let killedAt = 0;
  const load = runLoad(ctx, { concurrency, durationMs: 60_000, maxRequests: 10_000, operations: [burstImport], stop: () => killedAt > 0 });
  const deadline = Date.now() + 45_000;
  while (ctx.acks.length < acks && Date.now() < deadline && service.alive) await sleep(20);
  await sleep(Math.random() * 150);
  killedAt = Date.now();
  await service.crash();
  await load;
  const inFlight = ctx.outcomes.filter((o) => o.startedAt < killedAt && o.status === undefined).length;
  return `killed after ${ctx.acks.length} acknowledged imports; ${inFlight} requests in flight got no answer (${formatCounts(countByStatus(ctx.outcomes))})`;
}

async function postgresCrash(tools: PostgresTools, report: ScenarioReport): Promise<void> {
  const stack = await startStack(tools, 'crash');
  try {
    const ctx = stack.newContext('crash-pg', 30_000);
    report.figure('postgresql', await burstAndKill(ctx, stack.service, 12, 40));
    report.countOutcomes(ctx.outcomes);

    const started = Date.now();
    const again = await Service.start({ databaseUrl: stack.cluster.url, label: 'crash-pg-restart' });
    try {
      report.check('postgresql: the service starts again with no manual step', true, `ready in ${Date.now() - started} ms`);
      report.check('postgresql: clean start (no error in its log)', again.errorLines().length === 0, again.errorLines().slice(0, 3).join(' | '));
      const client = new HttpClient(again.base);
      try {
        const after: LoadContext = { ...ctx, client, outcomes: [], attempts: [], acks: [], articles: [] };
        after.token = await signIn(client, ADMIN.email, ADMIN.password);
        await burstImport.run(after, { id: 0, seq: 0, claims: [] });
        report.check('postgresql: imports work after the restart', after.acks.length === 1, formatCounts(countByStatus(after.outcomes)));
        ctx.acks.push(...after.acks);
      } finally {
        client.close();
      }
    } finally {
      const exit = await again.stop();
      report.check('postgresql: the restarted service stops cleanly', exit.code === 0, `exit ${exit.code ?? exit.signal}`);
    }

    const db = await stack.connect();
    try {
      await checkStored(report, 'postgresql', db, ctx);
    } finally {
      await db.end();
    }
  } finally {
    await stack.close();
  }
}

async function embeddedCrash(report: ScenarioReport): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'checkmate-crash-embedded-'));
  const lockFile = path.join(dataDir, LOCK_FILE);
  try {
    const first = await Service.start({ dataDir, label: 'crash-embedded' });
    const client = new HttpClient(first.base);
    const ctx: LoadContext = { client, token: '', userId: '', articles: [], outcomes: [], attempts: [], acks: [], timeoutMs: 30_000, runTag: 'crash-embedded' };
    try {
      const adminToken = await signIn(client, ADMIN.email, ADMIN.password);
      const editor = await createAccount(client, adminToken, 'editor', 'crash-embedded');
      ctx.token = await signIn(client, editor.email, editor.password);
      ctx.userId = editor.id;
      report.figure('embedded', await burstAndKill(ctx, first, 4, 15));
      report.countOutcomes(ctx.outcomes);
    } finally {
      client.close();
    }
    const stale = existsSync(lockFile) ? readFileSync(lockFile, 'utf8').trim() : undefined;
    report.figure('embedded: lock file left by the killed process', stale ?? '(none)');

    const started = Date.now();
    const again = await Service.start({ dataDir, label: 'crash-embedded-restart' });
    const againClient = new HttpClient(again.base);
    try {
      report.check('embedded: the service starts again despite the stale lock file, PGlite reopens', true, `ready in ${Date.now() - started} ms`);
      report.check('embedded: clean start (no error in its log)', again.errorLines().length === 0, again.errorLines().slice(0, 3).join(' | '));
      const after: LoadContext = { ...ctx, client: againClient, outcomes: [], attempts: [], acks: [] };
      await burstImport.run(after, { id: 0, seq: 0, claims: [] });
      report.check('embedded: imports work after the restart', after.acks.length === 1, formatCounts(countByStatus(after.outcomes)));
      ctx.acks.push(...after.acks);
    } finally {
      againClient.close();
      const exit = await again.stop();
      report.check('embedded: the restarted service stops cleanly and releases its lock', exit.code === 0 && !existsSync(lockFile), `exit ${exit.code ?? exit.signal}`);
    }

    // Open the folder here (taking its lock, as every tool does) and look at every row.
    const release = lockDataDir(dataDir);
    const embedded = await startEmbeddedPostgres({ dataDir });
    try {
      const db = await connectTo(embedded.url);
      try {
        await checkStored(report, 'embedded', db, ctx);
      } finally {
        await db.end();
      }
    } finally {
      await embedded.stop();
      release();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function checkStored(report: ScenarioReport, label: string, db: Awaited<ReturnType<typeof connectTo>>, ctx: LoadContext) {
  const writes = await verifyAcknowledged(db, ctx.acks);
  report.writes(writes.acknowledged, writes.found);
  report.check(`${label}: every acknowledged import is in the database`, writes.problems.length === 0, `${writes.found}/${writes.acknowledged} ${writes.problems.slice(0, 3).join('; ')}`);
  const whole = await findHalfWritten(db);
  report.check(
    `${label}: every stored article is whole (all its claims and its audit event), none half-written`,
    whole.problems.length === 0,
    `${whole.articles} articles, ${whole.claims} claims ${whole.problems.slice(0, 3).join('; ')}`,
  );
}

export async function crashScenario(tools: PostgresTools, report: ScenarioReport): Promise<void> {
  await postgresCrash(tools, report);
  await embeddedCrash(report);
}
