/** Child processes of the bench: our service, the raw baseline and the load generator. Each one is bounded. */
import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CannonJob, CannonResult, WalkJob, WalkResult } from './load-worker';

const START_TIMEOUT_MS = 60_000;
const JOB_TIMEOUT_MS = 120_000;
const TSX = ['--import', 'tsx'];

export interface Child {
  name: string;
  url: string;
  pid: number;
  /** Resident set size now, from /proc (MiB). */
  rssMiB(): number;
  stop(): Promise<void>;
}

/** The services' own log lines (warn and above) go here, not to the bench's output. */
export const SERVICE_LOG = path.join(tmpdir(), 'checkmate-bench-services.log');

function startChild(name: string, script: string, env: NodeJS.ProcessEnv, execArgv: string[] = []): Promise<Child> {
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

export function startService(name: string, options: ServiceOptions): Promise<Child> {
  const env: NodeJS.ProcessEnv = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: options.databaseUrl,
    DATABASE_POOL_SIZE: String(options.poolSize),
    JWT_SECRET: options.jwtSecret,
    MIGRATE_ON_START: 'false',
    // The sign-in timing makes more attempts than the default limits allow.
    LOGIN_RATE_LIMIT_PER_ACCOUNT: '1000000',
    LOGIN_RATE_LIMIT_PER_IP: '1000000',
    SEED_DEMO_DATA: 'false',
    BENCH_AUTH: options.noAuth ? 'off' : 'on',
    BENCH_ACTOR: options.noAuth ? JSON.stringify(options.noAuth.actor) : '',
  };
  const execArgv = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  return startChild(name, 'service.ts', env, execArgv);
}

export function startRaw(name: string, databaseUrl: string, poolSize: number): Promise<Child> {
  return startChild(name, 'raw-server.ts', { DATABASE_URL: databaseUrl, POOL_SIZE: String(poolSize) });
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
