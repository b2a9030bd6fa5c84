/**
 * Export (issue 10, target 5), measured over HTTP against our service in a child process (NODE_ENV=production,
 * LOG_LEVEL=warn) on a reviewed desk of its own (bench/harness/review-desk.ts: 100 articles of 1,000 checked claims,
 * 3 sources each), in a database cached between runs like the large desk (createDatabase):
 *   - the report of one 1,000-claim article as HTML and as JSON, in the public edition (what readers get: the
 *     published verdicts and their sources) and in the desk edition (the fullest: verdicts, reviewers, notes and the
 *     audit appendix of some 13,000 events): after a warm-up request, 9 sequential requests each; median < 300 ms;
 *   - the streamed desk CSV of all 100,000 claims, from a service process of its own: rows counted as they arrive
 *     (quote-aware: a cell may hold line breaks), rows per second over the whole request, and its resident set size sampled every 50 ms
 *     against its idle median (taken after a warm-up export and a second's rest); three runs, median
 *     ≥ 50,000 rows/s, RSS growth ≤ 50 MiB in every run.
 * Before measuring, the JSON report must hold 1,000 claims with 3 sources each, and each export must hold every
 * claim it should. The CPU the service and its database backends used is recorded too (steadier than time on a
 * shared machine). Every loop is bounded in count and in time. Needs BENCH_DATABASE_URL (PostgreSQL); on the
 * embedded server the rows are marked skipped.
 *
 * Alone: `BENCH_DATABASE_URL=postgresql://… npx tsx bench/export.bench.ts` (BENCH_PROFILE=dir: CPU profile of the service).
 */
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { createTokenService } from '../src/auth/tokens';
import { BENCH_EDITOR_ID, createDatabase, openBenchServer, type BenchServer } from './harness/database';
import { backendCpuSeconds, cpuSecondsOf, startService, type Child } from './harness/processes';
import { generateReviewDesk, REPORT_ARTICLE, REVIEW_DESK, reviewArticleId, SOURCES_PER_CLAIM } from './harness/review-desk';
import { log, median, type Row } from './harness/runner';

export interface ExportBenchOptions {
  jwtSecret: string;
  /** Bearer token of the bench editor (BENCH_EDITOR_ID). */
  token: string;
  poolSize: number;
  /** Measured report requests per format (after the warm-up). */
  reportRequests?: number;
  /** Measured desk exports. */
  deskRuns?: number;
  cpuProfileDir?: string;
}

const REPORT_TARGET_MS = 300;
const DESK_TARGET_ROWS_PER_SEC = 50_000;
const DESK_TARGET_GROWTH_MIB = 50;
const MIN_DESK_CLAIMS = 100_000;
const REPORT_WARMUP = 1;
/** Per format, the measured requests stop early (with at least 3 samples) past this. */
const REPORT_BUDGET_MS = 20_000;
const REQUEST_TIMEOUT_MS = 30_000;
const RSS_SAMPLE_MS = 50;

const round = (value: number, digits = 0) => Number(value.toFixed(digits));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** CPU the service process and its database backends used: on a machine shared with other work, steadier than time. */
interface CpuMeter {
  read(): Promise<{ service: number; database: number }>;
}

export interface ReportFigures {
  format: string;
  audience: 'public' | 'desk';
  requests: number;
  medianMs: number;
  p90Ms: number;
  maxMs: number;
  bytes: number;
  serviceCpuMsPerRequest: number;
  databaseCpuMsPerRequest: number;
  samplesMs: number[];
}

export interface DeskFigures {
  expectedRows: number;
  runs: Array<{ rows: number; bytes: number; ms: number; rowsPerSec: number; peakMiB: number; growthMiB: number; samples: number }>;
  rowsPerSecMedian: number;
  idleMiB: number;
  growthMiBMax: number;
  serviceCpuMsPerRun: number;
  databaseCpuMsPerRun: number;
}

export interface ExportDetails {
  database: string;
  desk: typeof REVIEW_DESK & { claims: number; generationMs: number };
  reports: ReportFigures[];
  desk_csv: DeskFigures;
}

function skippedRows(): Row[] {
  const skipped = (id: string, title: string): Row => ({
    id,
    title,
    ours: 'skipped (embedded database: one connection)',
    baseline: '',
    ratio: '',
    target: 'set BENCH_DATABASE_URL',
    pass: null,
  });
  return [
    ...(['html', 'json'] as const).flatMap((format) =>
      (['public', 'desk'] as const).map((audience) => skipped(`export-${format}-${audience}`, `Article report, 1,000 claims with 3 sources each: ${format.toUpperCase()}, ${audience} edition`)),
    ),
    skipped('export-desk-csv', 'Streamed desk CSV, 100,000 claims'),
  ];
}

/** GET with the bearer token; throws unless 200. Returns the body's size and the wall time (ms) to its last byte. */
async function timedGet(child: Child, urlPath: string, headers: Record<string, string>): Promise<{ ms: number; body: Buffer }> {
  const start = process.hrtime.bigint();
  const res = await fetch(child.url + urlPath, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const body = Buffer.from(await res.arrayBuffer());
  const ms = elapsedMs(start);
  if (res.status !== 200) throw new Error(`GET ${urlPath}: ${res.status} ${body.toString('utf8').slice(0, 500)}`);
  return { ms, body };
}

/** The JSON report must hold every claim of the report article, each with its three sources and a verdict. */
async function verifyReport(child: Child, reportPath: string, headers: Record<string, string>): Promise<void> {
  const { body } = await timedGet(child, `${reportPath}?format=json&audience=desk`, headers);
  const report = JSON.parse(body.toString('utf8')) as {
    claims: Array<{ checked: boolean; sources: unknown[]; finalVerdict: unknown; retraction: unknown }>;
  };
  const expected = REVIEW_DESK.claimsPerArticle;
  const wrong = report.claims.filter((c) => c.sources.length !== SOURCES_PER_CLAIM || !c.checked || !(c.finalVerdict || c.retraction));
  if (report.claims.length !== expected || wrong.length > 0) {
    throw new Error(`export bench: the report holds ${report.claims.length} claims (expected ${expected}), ${wrong.length} without ${SOURCES_PER_CLAIM} sources and a verdict`);
  }
}

async function measureReport(
  child: Child,
  cpu: CpuMeter,
  reportPath: string,
  format: string,
  audience: 'public' | 'desk',
  headers: Record<string, string>,
  requests: number,
): Promise<ReportFigures> {
  const urlPath = `${reportPath}?format=${format}&audience=${audience}`;
  for (let i = 0; i < REPORT_WARMUP; i++) await timedGet(child, urlPath, headers);
  const samples: number[] = [];
  let bytes = 0;
  const cpuBefore = await cpu.read();
  const started = Date.now();
  for (let i = 0; i < requests && (samples.length < 3 || Date.now() - started < REPORT_BUDGET_MS); i++) {
    const { ms, body } = await timedGet(child, urlPath, headers);
    samples.push(ms);
    bytes = body.length;
  }
  return {
    format,
    audience,
    requests: samples.length,
    medianMs: round(median(samples), 1),
    p90Ms: round(percentile(samples, 90), 1),
    maxMs: round(Math.max(...samples), 1),
    bytes,
    ...(await cpuPer(cpu, cpuBefore, samples.length, 'Request')),
    samplesMs: samples.map((s) => round(s, 1)),
  };
}

async function cpuPer<K extends string>(cpu: CpuMeter, before: { service: number; database: number }, count: number, unit: K) {
  const after = await cpu.read();
  return {
    [`serviceCpuMsPer${unit}`]: round(((after.service - before.service) * 1000) / count),
    [`databaseCpuMsPer${unit}`]: round(((after.database - before.database) * 1000) / count),
  } as Record<`serviceCpuMsPer${K}` | `databaseCpuMsPer${K}`, number>;
}

/**
 * Streams the desk CSV, counting records as they arrive: a line feed outside a quoted field ends a record (the
 * source URLs cell holds bare line feeds inside quotes; "" inside a quoted field toggles twice, which is neutral).
 */
async function streamDeskCsv(child: Child, headers: Record<string, string>): Promise<{ rows: number; bytes: number; ms: number }> {
  const start = process.hrtime.bigint();
  const res = await fetch(`${child.url}/api/reports?format=csv&audience=desk`, { headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  if (res.status !== 200 || !res.body) throw new Error(`desk CSV: ${res.status} ${(await res.text()).slice(0, 500)}`);
  let records = 0;
  let bytes = 0;
  let quoted = false;
  let last = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === 0x22) quoted = !quoted;
      else if (b === 0x0a && !quoted) records++;
    }
    if (chunk.length) last = chunk[chunk.length - 1];
  }
  const ms = elapsedMs(start);
  if (quoted || last !== 0x0a) throw new Error('desk CSV: the stream ended inside a record');
  return { rows: records - 1, bytes, ms };
}

async function measureDesk(child: Child, cpu: CpuMeter, headers: Record<string, string>, expectedRows: number, runs: number): Promise<DeskFigures> {
  // Warm-up: one whole export (its count checked too), then a second's rest and the idle size. The growth from
  // there depends on whether V8 shrank its heap meanwhile (its memory reducer): if it did, the heap grows back during
  // the next export (by some 100-150 MiB here: V8 lets the old generation reach a few times its live size before a
  // full collection); if not, a streaming export stays within some 10-30 MiB of idle. An export that held the
  // whole file (87 MB) before sending it grows by hundreds of MiB either way.
  const warm = await streamDeskCsv(child, headers);
  if (warm.rows !== expectedRows) throw new Error(`desk CSV warm-up: ${warm.rows} rows, expected ${expectedRows}`);
  await sleep(1000);
  const idleSamples: number[] = [];
  for (let i = 0; i < 10; i++) {
    idleSamples.push(child.rssMiB());
    await sleep(100);
  }
  const idle = median(idleSamples);
  const results: DeskFigures['runs'] = [];
  const cpuBefore = await cpu.read();
  for (let run = 0; run < runs; run++) {
    let peak = child.rssMiB();
    let samples = 1;
    const sampler = setInterval(() => {
      peak = Math.max(peak, child.rssMiB());
      samples++;
    }, RSS_SAMPLE_MS);
    try {
      const r = await streamDeskCsv(child, headers);
      peak = Math.max(peak, child.rssMiB());
      if (r.rows !== expectedRows) throw new Error(`desk CSV: ${r.rows} rows, expected ${expectedRows}`);
      results.push({ ...r, ms: round(r.ms), rowsPerSec: round(r.rows / (r.ms / 1000)), peakMiB: round(peak), growthMiB: round(peak - idle, 1), samples });
    } finally {
      clearInterval(sampler);
    }
  }
  return {
    expectedRows,
    runs: results,
    rowsPerSecMedian: round(median(results.map((r) => r.rowsPerSec))),
    idleMiB: round(idle),
    growthMiBMax: Math.max(...results.map((r) => r.growthMiB)),
    ...(await cpuPer(cpu, cpuBefore, runs, 'Run')),
  };
}

export async function runExportBench(server: BenchServer, options: ExportBenchOptions): Promise<{ rows: Row[]; details?: ExportDetails }> {
  if (server.kind !== 'postgresql') return { rows: skippedRows() };
  const headers = { Authorization: `Bearer ${options.token}` };
  let child: Child | undefined;
  let admin: Client | undefined;
  // Cached between runs like the large desk (read only here): generating it takes about half a minute.
  const reviewDesk = await createDatabase(
    server,
    'review',
    { spec: REVIEW_DESK, generatorFile: 'review-desk.ts', generate: (client, passwordHash) => generateReviewDesk(client, REVIEW_DESK, BENCH_EDITOR_ID, passwordHash) },
    true,
  );
  const { name, url, claims, generationMs } = reviewDesk;
  try {
    log(`export desk: ${REVIEW_DESK.articles} articles, ${claims} checked claims, ${reviewDesk.reused ? 'reused' : `generated in ${generationMs} ms`}`);
    if (claims < MIN_DESK_CLAIMS) throw new Error(`export bench: ${claims} claims generated, expected at least ${MIN_DESK_CLAIMS}`);

    admin = new Client({ connectionString: server.adminUrl });
    await admin.connect();
    const adminClient = admin;
    const cpuOf = (service: Child): CpuMeter => ({
      read: async () => ({ service: cpuSecondsOf(service.pid), database: await backendCpuSeconds(adminClient, service.appName!) }),
    });
    const start = async (name: string) => {
      child = await startService(name, { databaseUrl: url, jwtSecret: options.jwtSecret, poolSize: options.poolSize, cpuProfileDir: options.cpuProfileDir });
      return child;
    };

    const reportService = await start('ours-export-report');
    const reportPath = `/api/articles/${reviewArticleId(REPORT_ARTICLE)}/report`;
    await verifyReport(reportService, reportPath, headers);
    const reports: ReportFigures[] = [];
    for (const [format, audience] of [['html', 'public'], ['json', 'public'], ['html', 'desk'], ['json', 'desk']] as const) {
      reports.push(await measureReport(reportService, cpuOf(reportService), reportPath, format, audience, headers, options.reportRequests ?? 9));
      const r = reports[reports.length - 1];
      log(`  report ${format} (${audience}): median ${r.medianMs} ms, p90 ${r.p90Ms} ms, max ${r.maxMs} ms, ${(r.bytes / 1e6).toFixed(2)} MB; CPU ${r.serviceCpuMsPerRequest} ms service + ${r.databaseCpuMsPerRequest} ms database`);
    }
    await reportService.stop();
    // The desk export in a process of its own, so its memory is not measured on top of the reports' heap.
    const deskService = await start('ours-export-desk');
    const desk = await measureDesk(deskService, cpuOf(deskService), headers, claims, options.deskRuns ?? 3);
    await deskService.stop();
    log(`  desk CSV: ${desk.rowsPerSecMedian} rows/s, RSS +${desk.growthMiBMax} MiB over ${desk.idleMiB} MiB idle; CPU ${desk.serviceCpuMsPerRun} ms service + ${desk.databaseCpuMsPerRun} ms database per export`);

    const rows: Row[] = reports.map((r) => ({
      id: `export-${r.format}-${r.audience}`,
      title: `Article report, ${REVIEW_DESK.claimsPerArticle.toLocaleString('en')} claims with ${SOURCES_PER_CLAIM} sources each: ${r.format.toUpperCase()}, ${r.audience} edition (${(r.bytes / 1e6).toFixed(1)} MB)`,
      ours: `median ${r.medianMs} ms, p90 ${r.p90Ms} ms (${r.requests} requests)`,
      baseline: '',
      ratio: '',
      target: `median < ${REPORT_TARGET_MS} ms`,
      pass: r.medianMs < REPORT_TARGET_MS,
      details: r,
    }));
    rows.push({
      id: 'export-desk-csv',
      title: `Streamed desk CSV, ${claims.toLocaleString('en')} claims (${(desk.runs[0].bytes / 1e6).toFixed(0)} MB)`,
      ours: `${desk.rowsPerSecMedian.toLocaleString('en')} rows/s, RSS +${desk.growthMiBMax} MiB (${desk.idleMiB} MiB idle)`,
      baseline: '',
      ratio: '',
      target: `≥ ${DESK_TARGET_ROWS_PER_SEC.toLocaleString('en')} rows/s, ≤ +${DESK_TARGET_GROWTH_MIB} MiB`,
      pass: desk.rowsPerSecMedian >= DESK_TARGET_ROWS_PER_SEC && desk.growthMiBMax <= DESK_TARGET_GROWTH_MIB,
      details: desk,
    });
    return { rows, details: { database: name, desk: { ...REVIEW_DESK, claims, generationMs }, reports, desk_csv: desk } };
  } finally {
    await admin?.end();
    await child?.stop();
  }
}

if (require.main === module) {
  (async () => {
    const secret = 'bench-secret-bench-secret-bench-secret-bench';
    const token = createTokenService({ secret, ttlSeconds: 3600, issuer: 'checkmate', audience: 'checkmate-api' }).issue({ userId: BENCH_EDITOR_ID, tokenVersion: 0 }).token;
    const server = await openBenchServer();
    try {
      const started = Date.now();
      const profileDir = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : undefined;
      const { rows, details } = await runExportBench(server, { jwtSecret: secret, token, poolSize: 10, cpuProfileDir: profileDir });
      console.log(JSON.stringify(details, null, 2));
      for (const r of rows) console.log(`${r.id}: ${r.ours} | target ${r.target} | ${r.pass === null ? '—' : r.pass ? 'pass' : 'MISS'}`);
      console.log(`export bench: ${Math.round((Date.now() - started) / 1000)} s`);
      process.exitCode = rows.some((r) => r.pass === false) ? 1 : 0;
    } finally {
      await server.stop();
    }
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
