/**
 * `npm run export` as a user runs it: a client of the API beside a running service, signing in from the environment,
 * exporting one article to a file and every article to a folder, with exit codes for mistakes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestApp, type TestApp } from '../support/app';
import { createUser, type TestUser } from '../support/factories';
import { importArticle } from '../support/http';

jest.setTimeout(120_000);
const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

let t: TestApp;
let server: Server;
let editor: TestUser;
let base: string;
let dir: string;
beforeAll(async () => {
  t = await createTestApp();
  editor = await createUser(t.db.prisma, { role: 'editor' });
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(path.join(tmpdir(), 'checkmate-export-'));
});
afterAll(async () => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
  await t.close();
});

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  run(tsx, ['scripts/export.ts', ...args], {
    cwd: root,
    env: { ...process.env, CHECKMATE_URL: base, CHECKMATE_EMAIL: editor.email, CHECKMATE_PASSWORD: editor.password, ...env },
  }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

describe('npm run export', () => {
  it('exports one article to a file, and every article to a folder named from the titles', async () => {
    const first = await importArticle(t.app, editor, { title: 'Budget vote, 2025', body: `The council cut spending by 12% ${Date.now()}.` });
    await importArticle(t.app, editor, { title: 'Second piece', body: `Crime fell 5% last year ${Date.now()}.` });

    const one = await cli([first.id, '--format', 'csv', '--out', path.join(dir, 'one.csv')]);
    expect(one.code).toBe(0);
    expect(readFileSync(path.join(dir, 'one.csv'), 'utf8')).toContain('The council cut spending by 12%');

    const all = await cli(['--all', '--format', 'markdown', '--audience', 'public', '--out', path.join(dir, 'all')]);
    expect(all.code).toBe(0);
    expect(readdirSync(path.join(dir, 'all')).sort()).toEqual(expect.arrayContaining(['budget-vote-2025-public.md', 'second-piece-public.md']));
  });

  it.each([
    ['an unknown format', (id: string) => [id, '--format', 'pdf'], {}, 2],
    ['bad credentials', (id: string) => [id, '--format', 'json'], { CHECKMATE_PASSWORD: 'Wrong-Password-Guess-00' }, 4],
    ['an unknown article', () => ['00000000-0000-4000-8000-000000000000', '--format', 'json'], {}, 5],
    ['an unreachable service', (id: string) => [id, '--format', 'json'], { CHECKMATE_URL: 'http://127.0.0.1:9' }, 3],
  ])('exits with a clear message on %s', async (_label, args, env, code) => {
    const article = await importArticle(t.app, editor, { body: `Exit code article ${Date.now()}.` });
    const result = await cli(args(article.id), env);
    expect(result.code).toBe(code);
    expect(result.stderr.length).toBeGreaterThan(0);
  });
});
