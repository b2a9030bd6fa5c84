/**
 * Graceful stop: SIGTERM during mixed load with long imports in flight. The requests in flight finish with their
 * full answer, new ones are refused cleanly (connection refused, or a complete 503), no response is cut off, no
 * write is applied without its answer, and the process exits 0.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { countByStatus, formatCounts } from '../lib/http-client';
import type { PostgresTools } from '../lib/postgres-cluster';
import type { ScenarioReport } from '../lib/report';
import { startStack } from '../lib/stack';
import { ALL_OPERATIONS, findApplied, findHalfWritten, importArticle, runLoad, seedArticles, verifyAcknowledged, type Operation } from '../lib/workload';
import { byKind, describe } from './outage';

/** Errors that mean "no connection, nothing processed": the request never reached a handler. */
const REFUSALS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

/** An import of ~1,500 claims: a few hundred ms of work, so several are in flight when the signal comes. */
const longImport: Operation = { name: 'long-import', weight: 2, run: (ctx, worker) => importArticle(ctx, worker, 1_500) };

export async function gracefulStopScenario(tools: PostgresTools, report: ScenarioReport): Promise<void> {
  const stack = await startStack(tools, 'graceful');
  try {
    const ctx = stack.newContext('graceful', 20_000);
    await seedArticles(ctx, 10);
    ctx.outcomes.length = 0;

    let stopLoad = false;
    const load = runLoad(ctx, { concurrency: 16, durationMs: 60_000, maxRequests: 200_000, operations: [...ALL_OPERATIONS, longImport], stop: () => stopLoad });
    await sleep(3_000);
    const signalAt = Date.now();
    stack.service.kill('SIGTERM');
    const exit = await Promise.race([stack.service.exited, sleep(30_000).then(() => undefined)]);
    const exitedAt = Date.now();
    await sleep(1_000); // keep sending for a moment: these must be refused cleanly
    stopLoad = true;
    await load;

    const all = ctx.outcomes;
    report.countOutcomes(all);
    const inFlight = all.filter((o) => o.startedAt < signalAt && o.startedAt + o.ms >= signalAt);
    const afterSignal = all.filter((o) => o.startedAt >= signalAt);
    report.figure('stop', `exit ${exit ? exit.code ?? exit.signal : 'none within 30 s'} ${exitedAt - signalAt} ms after SIGTERM`);
    report.figure('in flight at SIGTERM', `${inFlight.length} (${formatCounts(countByStatus(inFlight))}), longest ${Math.max(0, ...inFlight.map((o) => o.startedAt + o.ms - signalAt))} ms after the signal`);
    report.figure('sent after SIGTERM', `${afterSignal.length} (${formatCounts(countByStatus(afterSignal))})`);

    report.check('exit code 0', exit?.code === 0, `exit ${exit ? exit.code ?? exit.signal : 'none'}`);
    const cut = all.filter((o) => o.error === 'CUT_OFF' || o.error === 'TIMEOUT');
    report.check('no response was cut off', cut.length === 0, describe(cut));
    const unfinished = inFlight.filter((o) => o.status === undefined || o.status < 200 || o.status >= 300);
    report.check('every request in flight at SIGTERM finished with its full answer', inFlight.length > 0 && unfinished.length === 0, inFlight.length ? describe(unfinished) : 'nothing was in flight');
    const unclean = afterSignal.filter((o) => (o.status !== undefined && o.status !== 503 && (o.status < 200 || o.status >= 300)) || (o.status === undefined && !REFUSALS.has(o.error ?? '')));
    report.check('requests after SIGTERM: answered, 503, or refused before any answer', unclean.length === 0, describe(unclean));

    const db = await stack.connect();
    try {
      const writes = await verifyAcknowledged(db, ctx.acks);
      report.writes(writes.acknowledged, writes.found);
      report.check(
        'every acknowledged write is in the database (its rows and its audit event)',
        writes.problems.length === 0,
        `${writes.acknowledged} acknowledged, ${writes.found} found (${byKind(writes.byKind)}) ${writes.problems.slice(0, 3).join('; ')}`,
      );
      // A write that got no answer must not have happened: otherwise its answer was lost on the way.
      const unanswered = ctx.attempts.filter((a) => a.outcome.status === undefined);
      const applied = await findApplied(db, unanswered);
      report.check(
        'no write was applied without its answer reaching the client',
        applied.length === 0,
        `${unanswered.length} unanswered writes, ${applied.length} of them applied${applied.length ? `: ${applied.slice(0, 3).map((a) => `${a.kind} "${a.marker}" (${a.outcome.error})`).join(', ')}` : ''}`,
      );
      const whole = await findHalfWritten(db);
      report.check('no article is half-written', whole.problems.length === 0, whole.problems.slice(0, 3).join('; '));
    } finally {
      await db.end();
    }
    const errors = stack.service.errorLines();
    report.check('no error logged while stopping', errors.length === 0, errors.slice(0, 3).join(' | '));
  } finally {
    await stack.close();
  }
}
