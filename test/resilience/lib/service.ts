/**
 * The real service as a child process: `src/server.ts` with tsx's loader, exactly as `npm start` runs it
 * (`node --import tsx src/server.ts`, one process), with the environment a scenario gives it. Knows its pid (for
 * SIGKILL, SIGTERM and RSS samples) and keeps its output.
 *
 * Not through the `tsx` command: its launcher relays SIGTERM to the node process it starts and SIGKILLs it when
 * that process has not acknowledged the signal within 2 × 30 ms, which a busy event loop cannot do; a graceful
 * stop under load would be a crash.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { freePort } from './postgres-cluster';

export const ROOT = path.resolve(__dirname, '../../..');

export const JWT_SECRET = 'resilience-only-secret-resilience-only-secret-0123';
export const ADMIN = { email: 'resilience-admin@desk.example', password: 'Quartz-Meadow-Lantern-8421' };

export interface ServiceOptions {
  /** Unset: the embedded database in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  port?: number;
  env?: NodeJS.ProcessEnv;
  label?: string;
  /** Extra node flags (diagnostics such as --trace-gc). */
  nodeArgs?: string[];
}

export class Service {
  private output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
    readonly label: string,
  ) {
    child.stdout!.on('data', (chunk) => (this.output += chunk));
    child.stderr!.on('data', (chunk) => (this.output += chunk));
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  static async start(options: ServiceOptions): Promise<Service> {
    const port = options.port ?? (await freePort());
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { DATA_DIR: options.dataDir }),
      ...options.env,
    };
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'src/server.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const service = new Service(child, port, options.label ?? 'service');
    await service.waitUntilReady();
    return service;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  logs(): string {
    return this.output;
  }

  /** Lines of the log at level error or fatal (pino levels 50, 60) and anything that is not JSON (stack traces). */
  errorLines(): string[] {
    return this.output.split('\n').filter((line) => {
      if (!line.trim()) return false;
      try {
        return (JSON.parse(line) as { level?: number }).level! >= 50;
      } catch {
        return true;
      }
    });
  }

  async waitUntilReady(timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.alive) throw new Error(`${this.label} exited during start:\n${this.output.slice(-3000)}`);
      try {
        const res = await fetch(`${this.base}/readyz`, { signal: AbortSignal.timeout(2_000) });
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    throw new Error(`${this.label} was not ready within ${timeoutMs} ms:\n${this.output.slice(-3000)}`);
  }

  /** Resident memory of the application process in KiB, from /proc/<pid>/status. */
  rssKiB(): number | undefined {
    try {
      const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return match ? Number(match[1]) : undefined;
    } catch {
      return undefined;
    }
  }

  kill(signal: NodeJS.Signals): void {
    if (this.alive) this.child.kill(signal);
  }

  /**
   * SIGKILL: a crash, with no chance to clean up. Resolves once the process is gone (a dead process not yet
   * reaped, a zombie, counts as gone).
   */
  async crash(): Promise<void> {
    this.kill('SIGKILL');
    await this.exited;
    const deadline = Date.now() + 10_000;
    while (isLive(this.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** SIGTERM, and SIGKILL if it is still running after `graceMs`. */
  async stop(graceMs = 15_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.alive) return this.exited;
    this.kill('SIGTERM');
    const timer = setTimeout(() => this.kill('SIGKILL'), graceMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}

function isLive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return false;
  }
}
