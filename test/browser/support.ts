/** Starting the real server and Chromium for the browser tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Screenshots go into docs/screenshots/ (committed, shown in the README) only with UPDATE_SCREENSHOTS=1; otherwise
 * into test/browser/output/ (git-ignored), so a normal run leaves `git status` clean.
 */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs/screenshots') : path.join(ROOT, 'test/browser/output');
/** Downloads the tests make (reports) land here. */
export const DOWNLOADS = path.join(ROOT, 'test/browser/output/downloads');

/** Flags for Chromium on a machine without outside network: it must not try to phone home. */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export const inCi = () => Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';
export const chromiumInstalled = () => existsSync(CHROMIUM);

export interface RunningServer {
  base: string;
  output: () => string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `npm start`'s entry point on a fresh embedded database in a temporary folder: the demo accounts exist there. */
export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'checkmate-browser-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.JWT_SECRET;
  const child: ChildProcess = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/server.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${output}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no /healthz within 90 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Set by global-setup.ts: the one server every browser test file uses. */
export const SHARED_SERVER_ENV = 'CHECKMATE_BROWSER_BASE';

/** The server the global setup started (each file uses it; the demo accounts and seed article are there). */
export function sharedServer(): { base: string } {
  const base = process.env[SHARED_SERVER_ENV];
  if (!base) throw new Error(`${SHARED_SERVER_ENV} is not set: run the browser tests with npm run test:browser (test/browser/jest.config.js)`);
  return { base };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** What each browser context saw that it should not have: requests to other origins, CSP violations, page errors. */
export interface Watch {
  offOrigin: string[];
  problems: string[];
}

export async function newContext(browser: Browser, base: string, watch: Watch, viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, baseURL: base, reducedMotion: 'reduce', acceptDownloads: true });
  // axe-core arrives as an init script (DevTools, not the page), so the app's CSP needs no exception for it.
  await context.addInitScript({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
  context.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${base}/`) && !url.startsWith('data:')) watch.offOrigin.push(url);
  });
  context.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) watch.problems.push(`CSP: ${message.text()}`);
    if (message.type() === 'error' && !/status of (401|400|409|412) /.test(message.text())) watch.problems.push(`console error: ${message.text()}`);
  });
  context.on('weberror', (error) => watch.problems.push(`page error: ${error.error().message}`));
  context.setDefaultTimeout(10_000);
  return context;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core on the page as it is now: the serious and critical violations, described. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
}

export async function apiLogin(base: string, email: string, password: string): Promise<{ token: string; user: { id: string } }> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { token: string; user: { id: string } };
}

export async function apiCall<T>(base: string, token: string, method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
