/**
 * `npm run bench`: every benchmark of issue 10 plus the splitter and check-worthiness figures, one table, and
 * bench/results.json. Exits non-zero when a target is missed.
 *
 * With BENCH_DATABASE_URL (a PostgreSQL server; the bench creates and drops its own databases there) it builds a
 * small desk (100 articles) and a large one (100,000 articles, 2,000,000 claims; kept between runs while the
 * migrations and the generator are unchanged), starts our service (NODE_ENV=production, LOG_LEVEL=warn) and the
 * raw node:http + pg baseline as child processes, and loads them from a third process (autocannon, 127.0.0.1).
 * Without it, an embedded PostgreSQL is used and only the single-connection scenarios run (the rest are marked).
 *
 * BENCH_SECONDS (default 2, so the whole bench stays under 5 minutes) is the length of one measured run; BENCH_PROFILE=dir writes a CPU profile of our
 * service under the read scenarios into dir.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { createTokenService } from '../src/auth/tokens';
import { runCheckWorthinessBench } from './checkworthiness.bench';
import { runExportBench } from './export.bench';
import { runIngestBench } from './ingest.bench';
import { runSplitBench } from './split.bench';
import { BENCH_EDITOR_ID, BENCH_EMAIL, createDesk, dropDesk, openBenchServer, withClient, type Desk } from './harness/database';
import { articleId, LARGEST_ARTICLE, SEARCH_TERM } from './harness/desk';
import { measureMemory } from './harness/memory';
import { explainHotQueries, type PlanSummary } from './harness/plans';
import { SERVICE_LOG, startLoadGenerator, startRaw, startService, type Child } from './harness/processes';
import { log, runLoadScenario, type Row } from './harness/runner';
import { prepareWriteClaims } from './harness/write-desk';
import { DESK_LARGE, DESK_SMALL, LOAD_SCENARIOS, WRITE_SCENARIO, type BenchContext, type ServerName } from './scenarios';

const SECRET = 'bench-secret-bench-secret-bench-secret-bench';
const POOL_SIZE = 10;
const CONNECTIONS = 50;
/** Each measured run is cut into this many slices per side, alternating ours and the baseline. */
const SLICES = 2;
const SPLIT_TARGET_MB_PER_SEC = 1;
const FROZEN_AP_FLOOR = 0.95;
const MEMORY_TARGET_MIB = 100;
const MEMORY_CLIENTS = 6;
/** Claims in review for each side of the write scenario: more than either side writes to in the bench's runs. */
const WRITE_CLAIMS_PER_SIDE = 15_000;
const seconds = Number(process.env.BENCH_SECONDS ?? 2);


async function main() {
  const started = Date.now();
  const rows: Row[] = [];
  const extra: Record<string, unknown> = {};

  const split = runSplitBench();
  console.log(JSON.stringify(split));
  rows.push({
    id: 'split',
    title: `Sentence splitting, ${(split.bytes / 1e6).toFixed(1)} MB of news text (one core)`,
    ours: `${split.mbPerSec} MB/s`,
    baseline: '',
    ratio: '',
    target: `≥ ${SPLIT_TARGET_MB_PER_SEC} MB/s`,
    pass: split.mbPerSec >= SPLIT_TARGET_MB_PER_SEC,
  });
  const worthiness = runCheckWorthinessBench();
  console.log(JSON.stringify(worthiness));
  rows.push({
    id: 'checkworthiness',
    title: `Check-worthiness hint, average precision on the frozen half (${worthiness.frozenSentences} sentences)`,
    ours: `AP ${worthiness.averagePrecision.toFixed(3)}, ${worthiness.microsecondsPerSentence} µs/sentence`,
    baseline: `AP ${worthiness.baselineContainsNumberAP.toFixed(3)} ("contains a digit")`,
    ratio: '',
    target: `AP ≥ ${FROZEN_AP_FLOOR}`,
    pass: worthiness.averagePrecision >= FROZEN_AP_FLOOR,
  });

  writeFileSync(SERVICE_LOG, '');
  const server = await openBenchServer();
  const children: Child[] = [];
  const load = startLoadGenerator();
  let small: Desk | undefined;
  let plans: PlanSummary[] = [];
  try {
    log(`database: ${server.kind}`);
    small = await createDesk(server, `small_${process.pid}`, DESK_SMALL);
    log(`small desk: ${small.spec.articles} articles, ${small.claims} claims in ${small.generationMs} ms`);
    const token = createTokenService({ secret: SECRET, ttlSeconds: 3600, issuer: 'checkmate', audience: 'checkmate-api' }).issue({
      userId: BENCH_EDITOR_ID,
      tokenVersion: 0,
    }).token;
    const auth = { Authorization: `Bearer ${token}` };
    const actor = { userId: BENCH_EDITOR_ID, email: BENCH_EMAIL, name: 'Bench Editor', role: 'editor' };
    const start = async (child: Promise<Child>) => {
      const c = await child;
      children.push(c);
      return c;
    };
    const poolSize = server.kind === 'embedded' ? 1 : POOL_SIZE;
    const oursSmall = await start(startService('ours-small', { databaseUrl: small.url, jwtSecret: SECRET, poolSize }));

    if (server.kind === 'postgresql') {
      const large = await createDesk(server, 'large', DESK_LARGE, true);
      log(`large desk: ${large.spec.articles} articles, ${large.claims} claims, ${large.reused ? 'reused' : `generated in ${large.generationMs} ms`}`);
      extra.desks = { small: describeDesk(small), large: describeDesk(large) };
      const profileDir = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : undefined;
      const servers: Record<ServerName, Child> = {
        'ours-small': oursSmall,
        ours: await start(startService('ours', { databaseUrl: large.url, jwtSecret: SECRET, poolSize, cpuProfileDir: profileDir })),
        'ours-noauth': await start(startService('ours-noauth', { databaseUrl: large.url, jwtSecret: SECRET, poolSize, noAuth: { actor } })),
        raw: await start(startRaw('raw', large.url, poolSize)),
        'raw-small': await start(startRaw('raw-small', small.url, poolSize)),
      };

      plans = await explainHotQueries(large.url, large.spec.articles);
      for (const plan of plans) log(`plan: ${plan.query}: ${plan.executionMs} ms, ${plan.nodes.join('/')}, ${plan.indexes.join(', ') || 'no index'}`);
      const search = plans.find((p) => p.query.startsWith('title search'))!;
      rows.push({
        id: 'search-plan',
        title: `Title search uses the trigram index (EXPLAIN on 100,000 articles)`,
        ours: `${search.indexes.join(', ') || 'no index'}, ${search.executionMs} ms`,
        baseline: '',
        ratio: '',
        target: 'articles_title_idx',
        pass: search.indexes.includes('articles_title_idx'),
      });

      const ctx: BenchContext = { auth, largeArticles: large.spec.articles, smallArticles: small.spec.articles };
      for (const scenario of [...LOAD_SCENARIOS, WRITE_SCENARIO]) {
        log(`scenario ${scenario.id}`);
        // Writes last, on claims added to the small desk only now: the flat-cost scenarios read that desk as it was.
        if (scenario === WRITE_SCENARIO) ctx.writes = { url: small.url, pools: await prepareWriteClaims(small.url, BENCH_EDITOR_ID, WRITE_CLAIMS_PER_SIDE) };
        rows.push(await runLoadScenario(scenario, ctx, servers, load, { connections: CONNECTIONS, seconds, warmupSeconds: 1, runs: 3, slices: SLICES, adminUrl: server.adminUrl }));
        log(`  ${rows[rows.length - 1].ours} | ${rows[rows.length - 1].baseline} | ${rows[rows.length - 1].ratio}`);
      }
      for (const name of ['ours', 'ours-noauth', 'raw', 'raw-small'] as const) await servers[name].stop();

      log('memory');
      const articlePath = `/api/articles/${articleId(LARGEST_ARTICLE)}`;
      const oursMem = await start(startService('ours-memory', { databaseUrl: large.url, jwtSecret: SECRET, poolSize }));
      const ours = await measureMemory(oursMem, load, articlePath, auth, { clients: MEMORY_CLIENTS, seconds: seconds * 2 });
      await oursMem.stop();
      const rawMem = await start(startRaw('raw-memory', large.url, poolSize));
      const raw = await measureMemory(rawMem, load, articlePath, {}, { clients: MEMORY_CLIENTS, seconds: seconds * 2 });
      await rawMem.stop();
      rows.push({
        id: 'memory',
        title: `RSS growth over idle, ${MEMORY_CLIENTS} clients reading the 20,000-claim article (its detail, then its claims 200 a page)`,
        ours: `+${ours.growthMiB} MiB (${ours.idleMiB} → ${ours.peakMiB}), ${ours.requests} requests`,
        baseline: `+${raw.growthMiB} MiB (${raw.idleMiB} → ${raw.peakMiB}) raw`,
        ratio: '',
        target: `≤ +${MEMORY_TARGET_MIB} MiB, 0 errors`,
        pass: ours.growthMiB <= MEMORY_TARGET_MIB && ours.errors === 0,
        details: { ours, raw },
      });
    } else {
      for (const scenario of [...LOAD_SCENARIOS, WRITE_SCENARIO]) rows.push(skipped(scenario.id, scenario.title));
      rows.push(skipped('memory', 'RSS growth, six clients reading the 20,000-claim article'));
    }

    log('ingest');
    const { row, ingest } = await runIngestBench(oursSmall, small.url, token, { runs: 5, typicalImports: 20, loginSamples: 8 });
    console.log(JSON.stringify({ ...ingest, database: server.kind }));
    rows.push(row);
    log('export');
    const exported = await runExportBench(server, { jwtSecret: SECRET, token, poolSize: POOL_SIZE });
    rows.push(...exported.rows);
    extra.export = exported.details;
    extra.ingest = ingest;
  } finally {
    await load.stop();
    for (const child of children) await child.stop();
    if (small) await dropDesk(server, small);
    await server.stop();
  }

  const machine = await describeMachine(server.kind === 'postgresql' ? process.env.BENCH_DATABASE_URL! : undefined);
  const table = renderTable(rows);
  console.log(`\n${table}\n`);
  const serviceLogLines = readFileSync(SERVICE_LOG, 'utf8').split('\n').filter((line) => /"level":[56]\d/.test(line)).length;
  console.log(`${machine.summary}; ${Math.round((Date.now() - started) / 1000)} s; service error log lines: ${serviceLogLines} (${SERVICE_LOG})`);
  const results = {
    date: new Date().toISOString(),
    database: server.kind,
    machine,
    settings: { connections: CONNECTIONS, secondsPerRun: seconds, runsPerSide: 3, slicesPerRun: SLICES, poolSize: POOL_SIZE },
    rows,
    split,
    checkworthiness: worthiness,
    plans,
    serviceErrorLogLines: serviceLogLines,
    ...extra,
    durationSeconds: Math.round((Date.now() - started) / 1000),
  };
  writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

  const missed = rows.filter((r) => r.pass === false);
  if (missed.length > 0) {
    console.error(`Targets missed: ${missed.map((r) => r.id).join(', ')}`);
    process.exit(1);
  }
  console.log('All benchmark targets met.');
  process.exit(0);
}

function skipped(id: string, title: string): Row {
  return { id, title, ours: 'skipped (embedded database: one connection)', baseline: '', ratio: '', target: 'set BENCH_DATABASE_URL', pass: null };
}

function describeDesk(desk: Desk) {
  return { database: desk.name, ...desk.spec, reused: desk.reused, generationMs: desk.generationMs, searchTerm: SEARCH_TERM };
}

async function describeMachine(url: string | undefined) {
  const postgres = url
    ? await withClient(url, async (c) => (await c.query('SHOW server_version')).rows[0].server_version as string)
    : 'embedded (PGlite)';
  const info = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres,
  };
  return { ...info, summary: `${info.cpus} cores (${info.cpuModel}), ${info.memoryGiB} GiB, Node ${info.node}, PostgreSQL ${info.postgres}` };
}

function renderTable(rows: Row[]): string {
  const head = ['scenario', 'ours', 'raw / baseline', 'ratio', 'target', 'pass'];
  const body = rows.map((r) => [r.title, r.ours, r.baseline, r.ratio, r.target, r.pass === null ? '—' : r.pass ? 'yes' : 'NO']);
  return [head, head.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
