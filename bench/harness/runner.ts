/** Runs a load scenario: same-JSON check, warm-up, three alternating runs per side, medians, pass or fail. */
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import type { LoadScenario, LoadSide, ServerName, BenchContext } from '../scenarios';
import { backendCpuSeconds, cpuSecondsOf, type Child, type LoadGenerator } from './processes';

export interface LoadOptions {
  /** A URL of the PostgreSQL server, to read the CPU its backends used (local server only). */
  adminUrl?: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  runs: number;
  /** Slices per run, alternating between ours and the baseline. */
  slices: number;
}

export interface Row {
  id: string;
  title: string;
  ours: string;
  baseline: string;
  ratio: string;
  target: string;
  /** null: pending or skipped. */
  pass: boolean | null;
  details?: unknown;
}

/** A progress line of the bench, on stderr (the table and JSON figures go to stdout). */
export const log = (message: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

async function fetchJson(server: Child, side: LoadSide): Promise<unknown> {
  const request = side.requests[0];
  const res = await fetch(server.url + request.path, { headers: request.headers });
  if (res.status !== 200) throw new Error(`${server.name} ${request.path}: ${res.status} ${await res.text()}`);
  return res.json();
}

export async function runLoadScenario(
  scenario: LoadScenario,
  ctx: BenchContext,
  servers: Record<ServerName, Child>,
  load: LoadGenerator,
  options: LoadOptions,
): Promise<Row> {
  const { ours, baseline } = scenario.setup(ctx);
  if (scenario.sameJson) {
    const [a, b] = await Promise.all([fetchJson(servers[ours.server], ours), fetchJson(servers[baseline.server], baseline)]);
    if (!isDeepStrictEqual(a, b)) throw new Error(`${scenario.id}: ours and ${baseline.server} answer different JSON`);
  } else if (!scenario.verify) {
    await fetchJson(servers[ours.server], ours);
    await fetchJson(servers[baseline.server], baseline);
  }
  interface Measured {
    rps: number;
    p50: number;
    p99: number;
    errors: number;
    non2xx: number;
    cpuMsPerRequest: number;
    dbCpuMsPerRequest: number;
  }
  const admin = options.adminUrl ? new Client({ connectionString: options.adminUrl }) : undefined;
  await admin?.connect();
  const dbCpu = (child: Child) => (admin && child.appName ? backendCpuSeconds(admin, child.appName) : Promise.resolve(0));
  interface Totals {
    ok: number;
    seconds: number;
    requests: number;
    errors: number;
    non2xx: number;
    cpu: number;
    dbCpu: number;
    latencies: number[];
  }
  const empty = (): Totals => ({ ok: 0, seconds: 0, requests: 0, errors: 0, non2xx: 0, cpu: 0, dbCpu: 0, latencies: [] });
  // Every 2xx response of a side, warm-up included: what a write scenario must find in the database afterwards.
  const acknowledged = new Map<LoadSide, number>();
  const slice = async (side: LoadSide, seconds: number, totals: Totals) => {
    const child = servers[side.server];
    const dbBefore = await dbCpu(child);
    const cpuBefore = cpuSecondsOf(child.pid);
    const r = await load.cannon({ url: child.url, connections: options.connections, seconds, requests: side.requests, pool: side.pool });
    acknowledged.set(side, (acknowledged.get(side) ?? 0) + r.ok);
    totals.cpu += cpuSecondsOf(child.pid) - cpuBefore;
    totals.dbCpu += (await dbCpu(child)) - dbBefore;
    totals.ok += r.ok;
    totals.seconds += r.seconds;
    totals.requests += r.requests;
    totals.errors += r.errors;
    totals.non2xx += r.non2xx;
    for (const ms of r.latencies) totals.latencies.push(ms);
  };
  const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  // CPU per request of the serving process and of its database backends: steadier than throughput on a machine
  // shared with other work.
  const finish = (t: Totals): Measured => {
    const sorted = t.latencies.sort((a, b) => a - b);
    const perRequest = (seconds: number) => (seconds * 1000) / Math.max(1, t.requests);
    return {
      rps: t.ok / t.seconds,
      p50: round(percentile(sorted, 50), 1),
      p99: round(percentile(sorted, 99), 1),
      errors: t.errors,
      non2xx: t.non2xx,
      cpuMsPerRequest: perRequest(t.cpu),
      dbCpuMsPerRequest: perRequest(t.dbCpu),
    };
  };
  const oursRuns: Measured[] = [];
  const baseRuns: Measured[] = [];
  try {
    await slice(ours, options.warmupSeconds, empty());
    await slice(baseline, options.warmupSeconds, empty());
    for (let run = 0; run < options.runs; run++) {
      // Each run is cut into slices that alternate between the two sides, so a burst of other work on the machine
      // lands on both alike; a run's figures are its slices merged (p99 over all of its responses).
      const o = empty();
      const b = empty();
      for (let k = 0; k < options.slices; k++) {
        const first = (run * options.slices + k) % 2 === 0;
        await slice(first ? ours : baseline, options.seconds / options.slices, first ? o : b);
        await slice(first ? baseline : ours, options.seconds / options.slices, first ? b : o);
      }
      oursRuns.push(finish(o));
      baseRuns.push(finish(b));
    }
  } finally {
    await admin?.end();
  }
  const summary = (runs: Measured[]) => ({
    rps: round(median(runs.map((r) => r.rps)), 0),
    cpuMsPerRequest: round(median(runs.map((r) => r.cpuMsPerRequest)), 3),
    dbCpuMsPerRequest: round(median(runs.map((r) => r.dbCpuMsPerRequest)), 3),
    p99: median(runs.map((r) => r.p99)),
    p50: median(runs.map((r) => r.p50)),
    errors: runs.reduce((sum, r) => sum + r.errors + r.non2xx, 0),
    runs: runs.map((r) => ({ rps: round(r.rps, 0), p99: r.p99, errors: r.errors, non2xx: r.non2xx, cpuMsPerRequest: round(r.cpuMsPerRequest, 3), dbCpuMsPerRequest: round(r.dbCpuMsPerRequest, 3) })),
  });
  const o = summary(oursRuns);
  const b = summary(baseRuns);
  const verified = scenario.verify ? await scenario.verify(ctx, { ours: acknowledged.get(ours) ?? 0, baseline: acknowledged.get(baseline) ?? 0 }) : undefined;
  const target = scenario.target;
  if (target.kind === 'vs-raw') {
    const throughput = o.rps / b.rps;
    const p99 = o.p99 / b.p99;
    const p99Target = target.maxP99 === undefined ? '' : `, p99 ≤ ×${target.maxP99}`;
    return {
      id: scenario.id,
      title: scenario.title,
      ours: `${o.rps} req/s, p99 ${o.p99} ms`,
      baseline: `${b.rps} req/s, p99 ${b.p99} ms`,
      ratio: `×${round(throughput)} req/s, p99 ×${round(p99)}`,
      target: `≥ ×${target.minThroughput}${p99Target}, 0 errors${verified ? ', every acknowledged write stored' : ''}`,
      pass:
        throughput >= target.minThroughput &&
        (target.maxP99 === undefined || p99 <= target.maxP99) &&
        o.errors === 0 &&
        b.errors === 0 &&
        (verified?.ok ?? true),
      details: { baseline: scenario.baselineLabel, connections: options.connections, seconds: options.seconds, ours: o, raw: b, ...(verified && { stored: verified.found }) },
    };
  }
  const cost = b.rps / o.rps;
  return {
    id: scenario.id,
    title: scenario.title,
    ours: `${o.rps} req/s, p99 ${o.p99} ms`,
    baseline: `${b.rps} req/s, p99 ${b.p99} ms (${scenario.baselineLabel})`,
    ratio: `cost ×${round(cost)}`,
    target: `cost ≤ ×${target.maxCost}, 0 errors`,
    pass: cost <= target.maxCost && o.errors === 0 && b.errors === 0,
    details: { baseline: scenario.baselineLabel, connections: options.connections, seconds: options.seconds, ours: o, baselineRuns: b },
  };
}
