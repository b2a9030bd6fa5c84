/** Child processes of the bench: our service, the raw baseline and the load generator. Each one is bounded. */
import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Client } from 'pg';
import { BENCH_EDITOR_ID } from './database';
import type { CannonJob, CannonResult, WalkJob, WalkResult } from './load-worker';

const START_TIMEOUT_MS = 60_000;
const JOB_TIMEOUT_MS = 120_000;
const TSX = ['--import', 'tsx'];

export interface Child {
  name: string;
  /** application_name of its database connections, to find their backends. */
  appName?: string;
  url: string;
  pid: number;
  /** Resident set size now, from /proc (MiB). */
  rssMiB(): number;
  stop(): Promise<void>;
}

/** The services' own log lines (warn and above) go here, not to the bench's output. */
export const SERVICE_LOG = path.join(tmpdir(), 'checkmate-bench-services.log');

function startChild(name: string, script: string, env: NodeJS.ProcessEnv, execArgv: string[] = [], appName?: string): Promise<Child> {
  const log = openSync(SERVICE_LOG, 'a');
  const child = fork(path.join(__dirname, script), [], {
    env: { ...process.env, ...env },
    execArgv: [...TSX, ...execArgv],
    stdio: ['ignore', log, 'inherit', 'ipc'],
  });
  closeSync(log);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${START_TIMEOUT_MS} ms`));
    }, START_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it listened`));
    });
    child.once('message', (message: { port: number }) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        name,
        appName,
        url: `http://127.0.0.1:${message.port}`,
        pid: child.pid!,
        rssMiB: () => rssOf(child.pid!),
        stop: () => stopChild(child),
      });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** CPU seconds (user + system) a process has used so far, from /proc. */
export function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * CPU seconds used so far by the PostgreSQL backends serving `appName` (a local server: their pids are ours to
 * read in /proc). Backends that exited meanwhile are missed, so it is a floor; the pools keep theirs under load.
 */
export async function backendCpuSeconds(admin: Client, appName: string): Promise<number> {
  const { rows } = await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [appName]);
  let sum = 0;
  for (const { pid } of rows) {
    try {
      sum += cpuSecondsOf(pid);
    } catch {
      // the backend exited between the query and the read
    }
  }
  return sum;
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export interface ServiceOptions {
  databaseUrl: string;
  jwtSecret: string;
  poolSize: number;
  /** Replace the token check by a fixed actor. */
  noAuth?: { actor: unknown };
  /** Write a V8 CPU profile into this folder when the process exits. */
  cpuProfileDir?: string;
}

/** The database URL with an application_name, so the bench can find the backends serving this process. */
function tagged(databaseUrl: string, appName: string): string {
  const url = new URL(databaseUrl);
  url.searchParams.set('application_name', appName);
  return url.toString();
}

export function startService(name: string, options: ServiceOptions): Promise<Child> {
  const appName = `checkmate-bench-${name}`;
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: tagged(options.databaseUrl, appName),
    DATABASE_POOL_SIZE: String(options.poolSize),
    JWT_SECRET: options.jwtSecret,
    MIGRATE_ON_START: 'false',
    // The sign-in timing makes more attempts than the default limits allow, and must not be delayed.
    LOGIN_PAIR_MAX_FAILURES: '1000',
    LOGIN_ADDRESS_MAX_FAILURES_PER_DAY: '1000000',
    LOGIN_DELAY_STEP_MS: '0',
    SEED_DEMO_DATA: 'false',
    BENCH_AUTH: options.noAuth ? 'off' : 'on',
    BENCH_ACTOR: options.noAuth ? JSON.stringify(options.noAuth.actor) : '',
  };
  const execArgv = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  return startChild(name, 'service.ts', env, execArgv, appName);
}

export function startRaw(name: string, databaseUrl: string, poolSize: number, cpuProfileDir?: string): Promise<Child> {
  const execArgv = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const appName = `checkmate-bench-${name}`;
  const env = { DATABASE_URL: tagged(databaseUrl, appName), POOL_SIZE: String(poolSize), ACTOR_ID: BENCH_EDITOR_ID };
  return startChild(name, 'raw-server.ts', env, execArgv, appName);
}

export interface LoadGenerator {
  cannon(job: Omit<CannonJob, 'kind'>): Promise<CannonResult>;
  walk(job: Omit<WalkJob, 'kind'>): Promise<WalkResult>;
  stop(): Promise<void>;
}

export function startLoadGenerator(): LoadGenerator {
  const child = fork(path.join(__dirname, 'load-worker.ts'), [], { execArgv: TSX, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const run = <T>(job: CannonJob | WalkJob): Promise<T> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`load job did not finish within ${JOB_TIMEOUT_MS} ms`)), JOB_TIMEOUT_MS);
      child.once('message', (reply: { ok: boolean; result?: T; error?: string }) => {
        clearTimeout(timer);
        if (reply.ok) resolve(reply.result as T);
        else reject(new Error(reply.error));
      });
      child.send(job);
    });
  return {
    cannon: (job) => run<CannonResult>({ kind: 'cannon', ...job }),
    walk: (job) => run<WalkResult>({ kind: 'walk', ...job }),
    stop: () => stopChild(child),
  };
}
