/**
 * The service as a newcomer runs it: `npm start`'s entry point on the embedded default in a fresh data
 * folder, then a restart on the same folder, then a clean SIGTERM. Slow-ish (a real PGlite initdb).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_ACCOUNTS } from '../../seed/demo-data';
import { isEmbedded } from '../support/db';

jest.setTimeout(120_000);

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

interface Running {
  child: ChildProcess;
  base: string;
  output: () => string;
  exited: Promise<number | null>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startServer(env: NodeJS.ProcessEnv): Promise<Running> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info', NODE_ENV: 'development', PORT: String(port), ...env };
  delete childEnv.DATABASE_URL;
  if (env.DATABASE_URL) childEnv.DATABASE_URL = env.DATABASE_URL;
  const child = spawn(tsx, ['src/server.ts'], { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, base: `http://127.0.0.1:${port}`, output: () => output, exited };
}

async function waitForHealth(server: Running, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    try {
      if ((await fetch(`${server.base}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no /healthz within ${timeoutMs} ms:\n${server.output()}`);
}

async function stop(server: Running): Promise<number | null> {
  server.child.kill('SIGTERM');
  return server.exited;
}

async function login(base: string, email: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, body: (await res.json()) as { token: string } };
}

describe('npm start on the embedded default', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'checkmate-e2e-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts with no configuration, loads the demo data, keeps data across restarts and stops cleanly', async () => {
    const first = await startServer({ DATA_DIR: dataDir });
    await waitForHealth(first);
    expect(first.output()).toContain(`Checkmate listening on http://localhost:${new URL(first.base).port}`);
    expect((await fetch(`${first.base}/readyz`)).status).toBe(200);

    const editor = DEMO_ACCOUNTS.find((a) => a.role === 'editor')!;
    const session = await login(first.base, editor.email, editor.password);
    expect(session.status).toBe(200);
    const auth = { Authorization: `Bearer ${session.body.token}`, 'Content-Type': 'application/json' };
    const listed = (await (await fetch(`${first.base}/api/articles`, { headers: auth })).json()) as { items: unknown[] };
    expect(listed.items).toHaveLength(1);
    const imported = await fetch(`${first.base}/api/articles`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ title: 'Kept', body: 'This survives a restart. So does this.' }),
    });
    expect(imported.status).toBe(201);
    expect(await stop(first)).toBe(0);
    expect(first.output()).toContain('stopped');

    const second = await startServer({ DATA_DIR: dataDir });
    await waitForHealth(second);
    const again = await login(second.base, editor.email, editor.password);
    expect(again.status).toBe(200);
    // The generated JWT secret is kept in the data folder, so a token from before the restart still works.
    const listedAgain = (await (await fetch(`${second.base}/api/articles`, { headers: auth })).json()) as { items: unknown[] };
    expect(listedAgain.items).toHaveLength(2);
    expect(await stop(second)).toBe(0);
  });

  it('refuses to start with bad configuration, naming each variable', async () => {
    const server = await startServer({ DATA_DIR: dataDir, PORT: 'eighty', DATABASE_POOL_SIZE: '4' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('PORT:');
    expect(server.output()).toContain('DATABASE_POOL_SIZE:');
  });
});

describe('a port that is already taken', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'checkmate-e2e-busy-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is a clean fatal error: exit 1, a message naming the port, and never a "listening" line', async () => {
    const port = await freePort();
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
    try {
      // The database is opened (and migrated) before listening; use the quickest one available.
      const database = isEmbedded()
        ? { DATA_DIR: dataDir }
        : { DATABASE_URL: process.env.TEST_DATABASE_URL, JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret' };
      const server = await startServer({ ...database, HOST: '127.0.0.1', PORT: String(port) });

      expect(await server.exited).toBe(1);
      expect(server.output()).toContain(`port ${port} is already in use`);
      expect(server.output()).not.toMatch(/listening/i);
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});

(isEmbedded() ? describe.skip : describe)('npm start with DATABASE_URL', () => {
  it('migrates the server and loads no demo data', async () => {
    const server = await startServer({
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-e2e-secret',
      ADMIN_EMAIL: 'e2e-admin@desk.example',
      ADMIN_PASSWORD: 'Tidal-Ledger-Quartz-42',
    });
    try {
      await waitForHealth(server);
      expect((await login(server.base, DEMO_ACCOUNTS[0].email, DEMO_ACCOUNTS[0].password)).status).toBe(401);
      expect((await login(server.base, 'e2e-admin@desk.example', 'Tidal-Ledger-Quartz-42')).status).toBe(200);
    } finally {
      expect(await stop(server)).toBe(0);
    }
  });
});
