/**
 * Database outage, under steady mixed load from 32 connections (three times the pool), twice:
 * - "stopped": `pg_ctl stop -m fast` for 5 s, then start: sessions are terminated, connections are refused;
 * - "unreachable": stopped again, and for 5 s the port accepts connections that never answer (a hung host, a
 *   paused container, a lost network path), then start: connection attempts hang instead of failing.
 * Each time: every request overlapping the outage is answered 503 (or succeeds) within 2 s, /readyz says 503
 * within 2 s, and the service recovers by itself. Afterwards every acknowledged write is found and no article
 * is half-written.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { countByStatus, formatCounts, type Outcome } from '../lib/http-client';
import type { PostgresTools } from '../lib/postgres-cluster';
import type { ScenarioReport } from '../lib/report';
import { holdPortSilently } from '../lib/silent-port';
import { startStack, type Stack } from '../lib/stack';
import { findHalfWritten, runLoad, seedArticles, verifyAcknowledged } from '../lib/workload';

const OUTAGE_MS = 5_000;
const ANSWER_WITHIN_MS = 2_000;
const BEFORE_MS = 4_000;
const AFTER_MS = 8_000;
/** After the database is back, this long is allowed for the pool to reconnect before a failure counts against recovery. */
const RECOVERY_GRACE_MS = 3_000;

type OutageKind = 'stopped' | 'unreachable';

interface Window {
  kind: OutageKind;
  /** pg_ctl stop began (`down`) and returned (`stopped`: the server is gone); pg_ctl start began (`restarting`) and returned (`up`). */
  down: number;
  stopped: number;
  restarting: number;
  up: number;
  timeline: string;
}

async function takeDatabaseAway(stack: Stack, kind: OutageKind): Promise<Window> {
  const down = Date.now();
  await stack.cluster.stop('fast');
  const stopped = Date.now();
  const silent = kind === 'unreachable' ? await holdPortSilently(stack.cluster.port) : undefined;
  await sleep(OUTAGE_MS);
  await silent?.release();
  const restarting = Date.now();
  await stack.cluster.start();
  const up = Date.now();
  return { kind, down, stopped, restarting, up, timeline: `stop took ${stopped - down} ms, away ${restarting - stopped} ms, start took ${up - restarting} ms` };
}

export async function outageScenario(tools: PostgresTools, report: ScenarioReport): Promise<void> {
  const stack = await startStack(tools, 'outage');
  try {
    const ctx = stack.newContext('outage', 10_000);
    await seedArticles(ctx, 10);
    ctx.outcomes.length = 0;

    const readiness: Outcome[] = [];
    let done = false;
    const prober = (async () => {
      while (!done) {
        readiness.push(await stack.client.request({ op: 'readyz', path: '/readyz', timeoutMs: 10_000 }));
        await sleep(100);
      }
    })();
    const load = runLoad(ctx, { concurrency: 32, durationMs: 90_000, maxRequests: 1_000_000, thinkMs: 5, stop: () => done });

    const windows: Window[] = [];
    await sleep(BEFORE_MS);
    for (const kind of ['stopped', 'unreachable'] as const) {
      windows.push(await takeDatabaseAway(stack, kind));
      await sleep(AFTER_MS);
    }
    done = true;
    await Promise.all([load, prober]);

    const all = ctx.outcomes;
    report.countOutcomes(all);
    const unanswered = all.filter((o) => o.status === undefined);
    report.check('every request got a complete response (no hang, reset or cut-off)', unanswered.length === 0, describe(unanswered));
    const serverErrors = all.filter((o) => o.status !== undefined && o.status >= 500 && o.status !== 503);
    report.check('no 5xx other than 503', serverErrors.length === 0, describe(serverErrors));
    const unavailable = all.filter((o) => o.status === 503);
    const noRetryAfter = unavailable.filter((o) => !o.headers?.['retry-after']);
    report.check('every 503 carries Retry-After', noRetryAfter.length === 0, describe(noRetryAfter));
    const slowReadiness = readiness.filter((o) => o.ms > ANSWER_WITHIN_MS + 500 || o.status === undefined);
    report.check('/readyz always answered within 2.5 s', slowReadiness.length === 0, describe(slowReadiness));

    windows.forEach((w, i) => {
      const during = all.filter((o) => o.startedAt <= w.up && o.startedAt + o.ms >= w.down);
      const nextDown = windows[i + 1]?.down ?? Infinity;
      const recovered = all.filter((o) => o.startedAt >= w.up + RECOVERY_GRACE_MS && o.startedAt + o.ms < nextDown);
      report.figure(`${w.kind}: timeline`, w.timeline);
      report.figure(`${w.kind}: requests during the outage`, `${during.length} (${formatCounts(countByStatus(during))}), slowest ${Math.max(0, ...during.map((o) => o.ms))} ms`);
      const unexpected = during.filter((o) => o.status === undefined || (o.status !== 503 && (o.status < 200 || o.status >= 300)));
      report.check(`${w.kind}: every answer during the outage is 2xx or 503`, unexpected.length === 0, describe(unexpected));
      const slow = during.filter((o) => o.ms > ANSWER_WITHIN_MS);
      report.check(`${w.kind}: every answer during the outage came within ${ANSWER_WITHIN_MS} ms`, slow.length === 0, describe(slow));
      report.check(`${w.kind}: the outage was seen (503s)`, during.some((o) => o.status === 503), `${during.filter((o) => o.status === 503).length} × 503`);

      // The server is certainly gone from the moment pg_ctl stop returns (it may go earlier: stopping takes a
      // moment) until pg_ctl start begins: every probe in between must say 503, within 2 s.
      const probes = readiness.filter((o) => o.startedAt >= w.stopped && o.startedAt + o.ms <= w.restarting);
      const wrong = probes.filter((o) => o.status !== 503 || o.ms > ANSWER_WITHIN_MS);
      const firstNotReady = readiness.find((o) => o.startedAt >= w.down && o.status === 503);
      report.check(
        `${w.kind}: every /readyz while the database was away answered 503 within ${ANSWER_WITHIN_MS} ms`,
        probes.length > 0 && wrong.length === 0,
        `${probes.length} probes, slowest ${Math.max(0, ...probes.map((o) => o.ms))} ms; first 503 ` +
          (firstNotReady ? `${firstNotReady.startedAt + firstNotReady.ms - w.down} ms after pg_ctl stop began` : 'never') +
          (wrong.length ? `; ${describe(wrong)}` : ''),
      );
      const readyAgain = readiness.find((o) => o.startedAt >= w.up && o.status === 200);
      const failuresAfter = recovered.filter((o) => o.status === undefined || o.status >= 500);
      const recoveredSet = new Set(recovered);
      const writesAfter = ctx.attempts.filter((a) => recoveredSet.has(a.outcome) && a.outcome.status !== undefined && a.outcome.status < 300);
      report.check(
        `${w.kind}: recovered by itself (/readyz 200, no failures from ${RECOVERY_GRACE_MS / 1000} s after the restart, writes succeed)`,
        readyAgain !== undefined && failuresAfter.length === 0 && writesAfter.length > 0 && stack.service.alive,
        `ready ${readyAgain ? `${readyAgain.startedAt + readyAgain.ms - w.up} ms after the database was up` : 'never'}, ` +
          `${failuresAfter.length} failures, ${writesAfter.length} writes acknowledged, service ${stack.service.alive ? `still running (pid ${stack.service.pid})` : 'EXITED'}`,
      );
    });

    const db = await stack.connect();
    try {
      const writes = await verifyAcknowledged(db, ctx.acks);
      report.writes(writes.acknowledged, writes.found);
      report.figure('writes acknowledged / found', `${writes.acknowledged} / ${writes.found} (${byKind(writes.byKind)})`);
      report.check('every acknowledged write is in the database', writes.problems.length === 0, writes.problems.slice(0, 3).join('; '));
      const whole = await findHalfWritten(db);
      report.figure('stored', `${whole.articles} articles, ${whole.claims} claims`);
      report.check('no article is half-written', whole.problems.length === 0, whole.problems.slice(0, 3).join('; '));
    } finally {
      await db.end();
    }
    if (!stack.service.alive) report.figure('service output', stack.service.errorLines().slice(0, 20).join('\n'));
  } finally {
    await stack.close();
  }
}

/** `import 120/120, triage 300/300, …` */
export function byKind(kinds: Record<string, { acknowledged: number; found: number }>): string {
  return Object.entries(kinds)
    .map(([kind, k]) => `${kind} ${k.acknowledged}/${k.found}`)
    .join(', ');
}

/** A short account of failing outcomes: counts by op and status, and the first one in full. */
export function describe(outcomes: Outcome[]): string {
  if (outcomes.length === 0) return '';
  const byOp: Record<string, number> = {};
  for (const o of outcomes) {
    const key = `${o.op} ${o.status ?? o.error}`;
    byOp[key] = (byOp[key] ?? 0) + 1;
  }
  const first = outcomes[0];
  const body = first.body ? JSON.stringify(first.body).slice(0, 200) : '';
  return `${outcomes.length}: ${formatCounts(byOp)}; e.g. ${first.method} ${first.path} → ${first.status ?? first.error} in ${first.ms} ms ${body}`;
}
