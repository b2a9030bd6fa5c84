/**
 * A throwaway PostgreSQL cluster for one scenario: initdb into a temporary folder, a free port on 127.0.0.1, and
 * start/stop at will, so a scenario can take its database away without touching the machine's shared server.
 * initdb, pg_ctl and postgres refuse to run as root, so as root they run as the `postgres` user (runuser).
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PostgresTools {
  bin: string;
  /** Prefix for server binaries: `runuser -u postgres --` as root, nothing otherwise. */
  asServerUser: string[];
}

/** Finds initdb and pg_ctl (PATH, then the newest /usr/lib/postgresql/<v>/bin); a reason when they are missing. */
export function findPostgresTools(): PostgresTools | { missing: string } {
  const candidates: string[] = [];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) candidates.push(dir);
  const versioned = '/usr/lib/postgresql';
  if (existsSync(versioned)) {
    const versions = readdirSync(versioned).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(versioned, v, 'bin')));
  }
  const bin = candidates.find((dir) => ['initdb', 'pg_ctl', 'postgres'].every((name) => existsSync(path.join(dir, name))));
  if (!bin) return { missing: 'initdb, pg_ctl and postgres were not found in PATH or /usr/lib/postgresql/*/bin' };
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) return { bin, asServerUser: [] };
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((file) => existsSync(file));
  if (!runuser) return { missing: 'running as root, and runuser (needed to run the PostgreSQL server as `postgres`) was not found' };
  const passwd = existsSync('/etc/passwd') ? readFileSync('/etc/passwd', 'utf8') : '';
  if (!/^postgres:/m.test(passwd)) return { missing: 'running as root, and there is no `postgres` user to run the server as' };
  return { bin, asServerUser: [runuser, '-u', 'postgres', '--'] };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export class PostgresCluster {
  readonly url: string;
  private running = false;

  private constructor(
    private readonly tools: PostgresTools,
    readonly dir: string,
    readonly port: number,
  ) {
    this.url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  }

  /** initdb (trust auth, user postgres) into a new temporary folder, then start it on a free port. */
  static async create(tools: PostgresTools, label: string): Promise<PostgresCluster> {
    const dir = mkdtempSync(path.join(tmpdir(), `checkmate-${label}-`));
    chmodSync(dir, 0o777);
    const cluster = new PostgresCluster(tools, dir, await freePort());
    await cluster.exec('initdb', ['-D', cluster.dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    await cluster.start();
    return cluster;
  }

  get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** A database URL on this cluster. */
  urlFor(database: string): string {
    return `postgresql://postgres@127.0.0.1:${this.port}/${database}`;
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on`;
    await this.exec('pg_ctl', ['-D', this.dataDir, '-o', options, '-l', path.join(this.dir, 'log'), '-w', '-t', '30', 'start']);
    this.running = true;
  }

  /** `pg_ctl stop -m fast`: open sessions are terminated, in-flight transactions roll back. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.exec('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '30', 'stop']);
    this.running = false;
  }

  /** Stops the server (if running) and deletes the folder. Never throws. */
  async destroy(): Promise<void> {
    if (this.running) await this.stop('immediate').catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  log(): string {
    try {
      return readFileSync(path.join(this.dir, 'log'), 'utf8');
    } catch {
      return '';
    }
  }

  private async exec(tool: string, args: string[]): Promise<void> {
    const [command, ...prefix] = [...this.tools.asServerUser, path.join(this.tools.bin, tool)];
    try {
      await run(command, [...prefix, ...args], { cwd: this.dir, timeout: 60_000 });
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; message: string };
      throw new Error(`${tool} ${args.join(' ')} failed: ${e.stderr || e.stdout || e.message}\n${this.log().slice(-2000)}`);
    }
  }
}
