/**
 * One load scenario (or `ingest`), quickly, for working on a fix: `npx tsx bench/try-scenario.ts <id>[,<id>…] [seconds] [runs]`
 * (BENCH_DATABASE_URL required; reuses the cached large desk, which `npm run bench` creates, for the read scenarios;
 * `ingest` and `writes` need only the small desk). Also reports the CPU
 * seconds the service and the baseline used, and writes a CPU profile of ours when BENCH_PROFILE=dir is set.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTokenService } from '../src/auth/tokens';
import { runIngestBench } from './ingest.bench';
import { BENCH_EDITOR_ID, BENCH_EMAIL, createDesk, dropDesk, openBenchServer } from './harness/database';
import { startLoadGenerator, startRaw, startService, type Child } from './harness/processes';
import { runLoadScenario } from './harness/runner';
import { prepareWriteClaims } from './harness/write-desk';
import { DESK_LARGE, DESK_SMALL, LOAD_SCENARIOS, WRITE_SCENARIO, type BenchContext, type ServerName } from './scenarios';

const SECRET = 'bench-secret-bench-secret-bench-secret-bench';
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

async function main() {
  const [ids = 'read-article', secondsArg = '3', runsArg = '3'] = process.argv.slice(2);
  if (!process.env.BENCH_DATABASE_URL) throw new Error('set BENCH_DATABASE_URL');
  const server = await openBenchServer();
  const scenarios = [...LOAD_SCENARIOS, WRITE_SCENARIO].filter((s) => ids.split(',').includes(s.id));
  const ingest = ids.split(',').includes('ingest');
  const writes = scenarios.includes(WRITE_SCENARIO);
  const needsSmall = ingest || writes || scenarios.some((s) => s.baselineLabel.includes('100 articles'));
  const large = scenarios.some((s) => s !== WRITE_SCENARIO) ? await createDesk(server, 'large', DESK_LARGE, true) : undefined;
  const small = needsSmall ? await createDesk(server, `small_${process.pid}`, DESK_SMALL) : undefined;
  const token = createTokenService({ secret: SECRET, ttlSeconds: 3600, issuer: 'checkmate', audience: 'checkmate-api' }).issue({ userId: BENCH_EDITOR_ID, tokenVersion: 0 }).token;
  const actor = { userId: BENCH_EDITOR_ID, email: BENCH_EMAIL, name: 'Bench Editor', role: 'editor' };
  const profileDir = process.env.BENCH_PROFILE ? path.resolve(process.env.BENCH_PROFILE) : undefined;
  const load = startLoadGenerator();
  const children: Partial<Record<ServerName, Child>> = {
    ...(large && {
      ours: await startService('ours', { databaseUrl: large.url, jwtSecret: SECRET, poolSize: Number(process.env.BENCH_POOL_OURS ?? 10), cpuProfileDir: profileDir }),
      'ours-noauth': await startService('ours-noauth', { databaseUrl: large.url, jwtSecret: SECRET, poolSize: 10, noAuth: { actor } }),
      raw: await startRaw('raw', large.url, 10, profileDir && path.join(profileDir, 'raw')),
    }),
    ...(small ? { 'ours-small': await startService('ours-small', { databaseUrl: small.url, jwtSecret: SECRET, poolSize: 10, cpuProfileDir: profileDir }) } : {}),
    ...(small && writes ? { 'raw-small': await startRaw('raw-small', small.url, 10) } : {}),
  };
  const ctx: BenchContext = { auth: { Authorization: `Bearer ${token}` }, largeArticles: DESK_LARGE.articles, smallArticles: DESK_SMALL.articles };
  try {
    if (small && writes) ctx.writes = { url: small.url, pools: await prepareWriteClaims(small.url, BENCH_EDITOR_ID, 15_000) };
    if (ingest) {
      const { row } = await runIngestBench(children['ours-small']!, small!.url, token, { runs: Number(runsArg), typicalImports: 0, loginSamples: 0 });
      console.log(`ingest: ours ${row.ours} | ${row.baseline} | ${row.ratio} | ${row.pass ? 'pass' : 'MISS'} | ${JSON.stringify(row.details)}`);
    }
    for (const scenario of scenarios) {
      const before = Object.fromEntries(Object.entries(children).map(([k, c]) => [k, cpuSeconds(c!.pid)]));
      const row = await runLoadScenario(
        scenario,
        ctx,
        children as Record<ServerName, Child>,
        load,
        { connections: 50, seconds: Number(secondsArg), warmupSeconds: 1, runs: Number(runsArg), slices: 4, adminUrl: server.adminUrl },
      );
      const cpu = Object.entries(children).map(([k, c]) => `${k} ${(cpuSeconds(c!.pid) - before[k]).toFixed(1)} s`);
      type Cpu = { cpuMsPerRequest: number; dbCpuMsPerRequest: number };
      const d = row.details as { ours: Cpu; raw?: Cpu; baselineRuns?: Cpu };
      const b = (d.raw ?? d.baselineRuns)!;
      console.log(`${row.id}: ours ${row.ours} | baseline ${row.baseline} | ${row.ratio} | ${row.pass ? 'pass' : 'MISS'} | CPU ${cpu.join(', ')}`);
      console.log(`   CPU ms/request (process + database): ours ${d.ours.cpuMsPerRequest} + ${d.ours.dbCpuMsPerRequest}, baseline ${b.cpuMsPerRequest} + ${b.dbCpuMsPerRequest}`);
      if ((d as { stored?: unknown }).stored) console.log(`   stored: ${JSON.stringify((d as { stored?: unknown }).stored)}`);
    }
  } finally {
    await load.stop();
    for (const child of Object.values(children)) await child!.stop();
    if (small) await dropDesk(server, small);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
