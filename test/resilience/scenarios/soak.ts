/**
 * Soak: mixed reads and writes from 50 connections for a 1-minute warm-up and then 2 minutes. No 5xx at all, every
 * acknowledged write found, and the service's resident memory (VmRSS from /proc/<pid>/status, sampled twice a
 * second) stays within 20% of its level after the warm-up.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { countByStatus, formatCounts } from '../lib/http-client';
import type { PostgresTools } from '../lib/postgres-cluster';
import type { ScenarioReport } from '../lib/report';
import { startStack } from '../lib/stack';
import { findHalfWritten, runLoad, seedArticles, verifyAcknowledged } from '../lib/workload';
import { byKind, describe } from './outage';

/** A 1-minute warm-up (V8 settles its collection limit in it), then 2 minutes that are judged. */
const WARM_UP_MS = 60_000;
const SOAK_MS = WARM_UP_MS + Number(process.env.RESILIENCE_SOAK_MS ?? 120_000);
const CONNECTIONS = 50;
const RSS_TOLERANCE = 0.2;
const WINDOW_MS = 30_000;

const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;

export async function soakScenario(tools: PostgresTools, report: ScenarioReport): Promise<void> {
  const stack = await startStack(tools, 'soak');
  try {
    const ctx = stack.newContext('soak', 30_000);
    await seedArticles(ctx, 20);
    ctx.outcomes.length = 0;

    const samples: Array<{ at: number; kib: number }> = [];
    const started = Date.now();
    let done = false;
    const sampler = (async () => {
      while (!done) {
        const kib = stack.service.rssKiB();
        if (kib !== undefined) samples.push({ at: Date.now() - started, kib });
        await sleep(500);
      }
    })();
    await runLoad(ctx, { concurrency: CONNECTIONS, durationMs: SOAK_MS, maxRequests: 2_000_000 });
    done = true;
    await sampler;
    const elapsed = Date.now() - started;

    const all = ctx.outcomes;
    report.countOutcomes(all);
    const latencies = all.map((o) => o.ms).sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
    report.figure('load', `${all.length} requests in ${(elapsed / 1000).toFixed(0)} s from ${CONNECTIONS} connections (${(all.length / (elapsed / 1000)).toFixed(0)}/s), latency p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, max ${pct(1)} ms`);
    report.figure('by operation', Object.entries(groupBy(all.map((o) => o.op))).map(([op, n]) => `${op}:${n}`).join(' '));
    const failures = all.filter((o) => o.status === undefined || o.status >= 500);
    report.check('no 5xx and no request without an answer', failures.length === 0, describe(failures));
    const clientErrors = all.filter((o) => o.status !== undefined && o.status >= 400 && o.status < 500);
    report.check('no 4xx either (the load only sends valid requests)', clientErrors.length === 0, describe(clientErrors));

    // Resident memory swings with V8's collector: garbage builds up to a limit V8 raises during the first minute
    // (from ~130 to ~300 MB here), then a full collection drops it, while the live heap after every collection
    // stays flat (~75 MB, measured with --trace-gc). Single samples therefore move by a third with the collector's
    // schedule, not with what the process keeps. What it keeps is the floor: the lowest RSS of each 30 s window
    // (one or more collections), which a leak raises one for one. Growth is judged on the floors against the first
    // window after the warm-up; the peaks are reported beside them.
    const after = samples.filter((s) => s.at > WARM_UP_MS);
    const floors: number[] = [];
    const peaks: number[] = [];
    for (let from = WARM_UP_MS; from < elapsed; from += WINDOW_MS) {
      const inWindow = after.filter((s) => s.at > from && s.at <= from + WINDOW_MS).map((s) => s.kib);
      if (inWindow.length < 20) continue;
      floors.push(Math.min(...inWindow));
      peaks.push(Math.max(...inWindow));
    }
    if (floors.length >= 2) {
      const base = floors[0];
      const worst = floors.reduce((w, m) => (Math.abs(m - base) > Math.abs(w - base) ? m : w), base);
      const pct = (value: number, of: number) => `${value >= of ? '+' : ''}${(((value - of) / of) * 100).toFixed(1)}%`;
      report.figure(
        'resident memory',
        `start ${mib(samples[0].kib)}; after the ${WARM_UP_MS / 1000} s warm-up, per 30 s window: floors ${floors.map(mib).join(', ')}; ` +
          `peaks ${peaks.map(mib).join(', ')} (${after.length} samples, peak ${pct(Math.max(...peaks), peaks[0])} on the first window's)`,
      );
      report.check(
        `resident memory stays within ${RSS_TOLERANCE * 100}% after the warm-up (floor of each 30 s window against the first)`,
        floors.every((m) => Math.abs(m - base) <= base * RSS_TOLERANCE),
        `largest deviation ${pct(worst, base)} (${mib(base)} → ${mib(worst)}); last window ${pct(floors[floors.length - 1], base)}`,
      );
    } else {
      report.check('resident memory sampled', false, `only ${samples.length} samples from /proc/${stack.service.pid}/status`);
    }

    const db = await stack.connect();
    try {
      const writes = await verifyAcknowledged(db, ctx.acks);
      report.writes(writes.acknowledged, writes.found);
      report.check(
        'every acknowledged write is in the database (its rows and its audit event)',
        writes.problems.length === 0,
        `${writes.acknowledged} acknowledged, ${writes.found} found (${byKind(writes.byKind)}) ${writes.problems.slice(0, 3).join('; ')}`,
      );
      const whole = await findHalfWritten(db);
      report.figure('stored', `${whole.articles} articles, ${whole.claims} claims`);
      report.check('no article is half-written', whole.problems.length === 0, whole.problems.slice(0, 3).join('; '));
    } finally {
      await db.end();
    }
    report.figure('responses', formatCounts(countByStatus(all)));
  } finally {
    await stack.close();
  }
}

function groupBy(keys: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}
