import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CliError, EXIT, parseExportArgs } from '../../../scripts/export/args';
import { fileNameFromContentDisposition, safeFileName, uniqueFileName } from '../../../scripts/export/file-names';
import { runExport, type Output, type RunDeps } from '../../../scripts/export/run';
import '../../../scripts/export'; // the entry point: importing it runs nothing (and type-checks it)
import { formatNames } from '../../../src/export/formats';

const ID = '3f2c9a4e-1b7d-4c3a-9e8f-0a1b2c3d4e5f';
const ID2 = '7a1e0000-0000-4000-8000-000000000002';

function usageError(argv: string[]): string {
  try {
    parseExportArgs(argv, formatNames);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(EXIT.usage);
    return (error as Error).message;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
}

describe('export CLI: arguments', () => {
  it('one article to stdout, to a file; every article to a folder', () => {
    expect(parseExportArgs([ID, '--format', 'csv'], formatNames)).toEqual({ help: false, target: { kind: 'one', articleId: ID }, format: 'csv' });
    expect(parseExportArgs(['-f', 'html', ID, '--audience', 'public', '-o', 'out.html'], formatNames)).toEqual({
      help: false,
      target: { kind: 'one', articleId: ID },
      format: 'html',
      audience: 'public',
      out: 'out.html',
    });
    expect(parseExportArgs(['--all', '--format=markdown', '--out', 'reports/'], formatNames)).toEqual({
      help: false,
      target: { kind: 'all' },
      format: 'markdown',
      out: 'reports/',
    });
    expect(parseExportArgs(['--help'], formatNames)).toEqual({ help: true });
  });

  it('refuses bad arguments with a message that says what to fix', () => {
    expect(usageError(['--format', 'csv'])).toMatch(/article id, or --all/);
    expect(usageError([ID, '--all', '--format', 'csv', '--out', 'x'])).toMatch(/not both/);
    expect(usageError([ID, ID2, '--format', 'csv'])).toMatch(/one article id/);
    expect(usageError(['42', '--format', 'csv'])).toMatch(/not an article id/);
    expect(usageError([ID])).toMatch(/--format is required: one of json, csv/);
    expect(usageError([ID, '--format', 'pdf'])).toMatch(/unknown format "pdf"/);
    expect(usageError([ID, '--format', 'csv', '--audience', 'everyone'])).toMatch(/desk or public/);
    expect(usageError(['--all', '--format', 'csv'])).toMatch(/give a folder with --out/);
    expect(usageError([ID, '--format', 'csv', '--verbose'])).toMatch(/Unknown option '--verbose'/);
    expect(usageError([ID, '--format'])).toMatch(/argument missing/);
    expect(usageError([ID, '--format', 'csv', '--out', ' '])).toMatch(/--out needs a path/);
  });
});

describe('export CLI: file names', () => {
  it("takes the service's name, preferring filename* (RFC 8187)", () => {
    expect(fileNameFromContentDisposition('attachment; filename="budget.csv"', 'x.csv')).toBe('budget.csv');
    expect(fileNameFromContentDisposition("attachment; filename=\"budget.csv\"; filename*=UTF-8''Budget%20%C3%A9t%C3%A9%20%F0%9F%93%8A.csv", 'x.csv')).toBe(
      'Budget été 📊.csv',
    );
    expect(fileNameFromContentDisposition('attachment; filename=plain.md', 'x.md')).toBe('plain.md');
    expect(fileNameFromContentDisposition('attachment; filename="a \\"quoted\\"; name.html"', 'x.html')).toBe('a _quoted_; name.html');
    expect(fileNameFromContentDisposition('attachment', 'x.csv')).toBe('x.csv');
    expect(fileNameFromContentDisposition(null, 'x.csv')).toBe('x.csv');
    expect(fileNameFromContentDisposition("attachment; filename*=ISO-8859-1''caf%E9.csv", 'x.csv')).toBe('x.csv');
    expect(fileNameFromContentDisposition("attachment; filename*=UTF-8''%E0%A4%A.csv", 'x.csv')).toBe('x.csv');
  });

  it('never leaves the folder and never makes an unsafe name', () => {
    expect(fileNameFromContentDisposition('attachment; filename="../../etc/passwd"', 'x.csv')).toBe('passwd');
    expect(fileNameFromContentDisposition("attachment; filename*=UTF-8''..%2F..%2Fevil.csv", 'x.csv')).toBe('evil.csv');
    expect(safeFileName('C:\\Windows\\system.ini', 'x')).toBe('system.ini');
    expect(safeFileName('a<b>c:d|e?f*g\u0000h\u001fi.csv', 'x')).toBe('a_b_c_d_e_f_g_h_i.csv');
    expect(safeFileName('..', 'x.csv')).toBe('x.csv');
    expect(safeFileName('.hidden.csv', 'x.csv')).toBe('hidden.csv');
    expect(safeFileName('   ', 'x.csv')).toBe('x.csv');
    expect(safeFileName('CON.csv', 'x.csv')).toBe('_CON.csv');
    expect(safeFileName('nul', 'x.csv')).toBe('_nul');
    const long = safeFileName(`${'é'.repeat(300)}.claimreview.jsonld`, 'x');
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(200);
    expect(long.endsWith('.jsonld')).toBe(true);
  });

  it('numbers names already written in this run (case-insensitively), keeping the extension', () => {
    const taken = new Set<string>();
    expect(uniqueFileName('budget.csv', taken, 'csv')).toBe('budget.csv');
    expect(uniqueFileName('Budget.csv', taken, 'csv')).toBe('Budget-2.csv');
    expect(uniqueFileName('budget.csv', taken, 'csv')).toBe('budget-3.csv');
    expect(uniqueFileName('J. R. Smith.claimreview.jsonld', taken, 'claimreview.jsonld')).toBe('J. R. Smith.claimreview.jsonld');
    expect(uniqueFileName('J. R. Smith.claimreview.jsonld', taken, 'claimreview.jsonld')).toBe('J. R. Smith-2.claimreview.jsonld');
    expect(uniqueFileName('noext', taken)).toBe('noext');
    expect(uniqueFileName('noext', taken)).toBe('noext-2');
  });
});

// ---- The command against a fake service ----------------------------------------------------------------------------

class Sink implements Output {
  chunks: Buffer[] = [];
  constructor(readonly isTTY = false) {}
  write(chunk: string | Uint8Array) {
    this.chunks.push(Buffer.from(chunk));
    return true;
  }
  get text() {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

interface Call {
  method: string;
  url: URL;
  headers: Headers;
  body: string | null;
}

type Handler = (call: Call) => Response | Promise<Response>;

function fakeService(handler: Handler) {
  const calls: Call[] = [];
  const fetchFn = (async (input: string | URL | Request, init?: RequestInit) => {
    const call = {
      method: init?.method ?? 'GET',
      url: new URL(String(input)),
      headers: new Headers(init?.headers),
      body: (init?.body as string | undefined) ?? null,
    };
    calls.push(call);
    return handler(call);
  }) as typeof fetch;
  return { calls, fetchFn };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function reportResponse(id: string, name: string | null) {
  return new Response(Buffer.from(`\uFEFFreport of ${id}\r\n`, 'utf8'), {
    status: 200,
    headers: { 'Content-Type': 'text/csv; charset=utf-8', ...(name ? { 'Content-Disposition': `attachment; filename="${name}"` } : {}) },
  });
}

async function run(argv: string[], handler: Handler, env: RunDeps['env'] = { CHECKMATE_TOKEN: 'tok' }, tty = false) {
  const { calls, fetchFn } = fakeService(handler);
  const stdout = new Sink();
  const stderr = new Sink(tty);
  const code = await runExport(argv, { env, fetch: fetchFn, stdout, stderr });
  return { code, calls, stdout, stderr };
}

describe('export CLI: against the API', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'checkmate-export-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one report to stdout byte for byte, with the token and the query', async () => {
    const { code, calls, stdout, stderr } = await run([ID, '--format', 'csv', '--audience', 'public'], () => reportResponse(ID, 'b.csv'));
    expect([code, stderr.text]).toEqual([EXIT.ok, '']);
    expect(stdout.chunks[0].subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(stdout.text).toBe(`\uFEFFreport of ${ID}\r\n`);
    expect(calls).toHaveLength(1);
    expect(calls[0].url.origin).toBe('http://localhost:3000');
    expect(calls[0].url.pathname).toBe(`/api/articles/${ID}/report`);
    expect(Object.fromEntries(calls[0].url.searchParams)).toEqual({ format: 'csv', audience: 'public' });
    expect(calls[0].headers.get('authorization')).toBe('Bearer tok');
  });

  it('signs in with e-mail and password when there is no token, at CHECKMATE_URL', async () => {
    const env = { CHECKMATE_URL: 'https://checkmate.example:8443/', CHECKMATE_EMAIL: 'ed@x.example', CHECKMATE_PASSWORD: 'pw' };
    const { code, calls } = await run(
      [ID, '-f', 'json'],
      (call) => (call.url.pathname === '/api/auth/login' ? json(200, { token: 'jwt', tokenType: 'Bearer' }) : reportResponse(ID, null)),
      env,
    );
    expect(code).toBe(EXIT.ok);
    expect(calls[0]).toMatchObject({ method: 'POST' });
    expect(calls[0].url.toString()).toBe('https://checkmate.example:8443/api/auth/login');
    expect(JSON.parse(calls[0].body as string)).toEqual({ email: 'ed@x.example', password: 'pw' });
    expect(calls[1].headers.get('authorization')).toBe('Bearer jwt');
    expect(calls[1].url.searchParams.has('audience')).toBe(false);
  });

  it('writes to a file, or into a folder under the service-given name', async () => {
    const file = path.join(dir, 'sub', 'one.csv');
    expect((await run([ID, '-f', 'csv', '-o', file], () => reportResponse(ID, 'ignored.csv'))).code).toBe(EXIT.ok);
    expect(readFileSync(file, 'utf8')).toBe(`\uFEFFreport of ${ID}\r\n`);
    expect((await run([ID, '-f', 'csv', '-o', dir], () => reportResponse(ID, 'named.csv'))).code).toBe(EXIT.ok);
    expect(readFileSync(path.join(dir, 'named.csv'), 'utf8')).toContain(ID);
    const folder = `${path.join(dir, 'new-folder')}/`;
    expect((await run([ID, '-f', 'csv', '-o', folder], () => reportResponse(ID, null))).code).toBe(EXIT.ok);
    expect(readdirSync(folder)).toEqual([`${ID}.csv`]);
  });

  it('--all pages through the article list and writes one file per article, names made unique', async () => {
    const ids = [ID, ID2, '7a1e0000-0000-4000-8000-000000000003'];
    const { code, calls, stderr } = await run(['--all', '-f', 'csv', '-o', dir], (call) => {
      if (call.url.pathname === '/api/articles') {
        const cursor = call.url.searchParams.get('cursor');
        return cursor === null ? json(200, { items: [{ id: ids[0] }, { id: ids[1] }], nextCursor: 'c2' }) : json(200, { items: [{ id: ids[2] }], nextCursor: null });
      }
      const id = call.url.pathname.split('/')[3];
      return reportResponse(id, id === ids[2] ? null : 'same-title.csv');
    });
    expect([code, stderr.text]).toEqual([EXIT.ok, '']);
    expect(calls.filter((c) => c.url.pathname === '/api/articles').map((c) => c.url.search)).toEqual(['?limit=200', '?limit=200&cursor=c2']);
    expect(readdirSync(dir).sort()).toEqual([`${ids[2]}.csv`, 'same-title-2.csv', 'same-title.csv']);
  });

  it('--all skips an article that fails, reports it and exits 1', async () => {
    const { code, stderr } = await run(['--all', '-f', 'csv', '-o', dir], (call) => {
      if (call.url.pathname === '/api/articles') return json(200, { items: [{ id: ID }, { id: ID2 }], nextCursor: null });
      return call.url.pathname.includes(ID2) ? json(404, { error: { code: 'NOT_FOUND', message: 'Article not found' } }) : reportResponse(ID, 'a.csv');
    });
    expect(code).toBe(EXIT.failed);
    expect(stderr.text).toContain(`${ID2}: the report of article ${ID2} was not found (404): Article not found`);
    expect(stderr.text).toContain('Exported 1 of 2 articles');
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });

  it('--all draws a progress bar on a terminal only', async () => {
    const handler: Handler = (call) =>
      call.url.pathname === '/api/articles' ? json(200, { items: [{ id: ID }, { id: ID2 }], nextCursor: null }) : reportResponse(ID, null);
    const quiet = await run(['--all', '-f', 'csv', '-o', dir], handler);
    expect(quiet.stderr.text).toBe('');
    const tty = await run(['--all', '-f', 'csv', '-o', path.join(dir, 'b')], handler, { CHECKMATE_TOKEN: 't' }, true);
    expect(tty.code).toBe(EXIT.ok);
    expect(tty.stderr.text).toContain('2/2 articles');
  });

  it.each([
    [401, EXIT.auth, /not signed in \(401\): Token expired\. Set CHECKMATE_TOKEN/],
    [403, EXIT.auth, /not allowed to read the report of article .* \(403\): Token expired/],
    [404, EXIT.notFound, /was not found \(404\)/],
    [400, EXIT.usage, /refused .* \(400\)/],
    [500, EXIT.failed, /failed on .* \(500\)/],
  ])('maps HTTP %i to exit code %i with the service message', async (status, exitCode, message) => {
    const { code, stderr, stdout } = await run([ID, '-f', 'csv'], () => json(status, { error: { code: 'X', message: 'Token expired' } }));
    expect(code).toBe(exitCode);
    expect(stderr.text).toMatch(message);
    expect(stdout.text).toBe('');
  });

  it('reports an unreachable service with exit code 3', async () => {
    const { code, stderr } = await run([ID, '-f', 'csv'], () => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    });
    expect(code).toBe(EXIT.unreachable);
    expect(stderr.text).toMatch(/cannot reach Checkmate at http:\/\/localhost:3000 \(ECONNREFUSED\).*CHECKMATE_URL/);
  });

  it('refuses to start without credentials, with a bad URL, or when sign-in fails', async () => {
    const never: Handler = () => {
      throw new Error('no request expected');
    };
    expect((await run([ID, '-f', 'csv'], never, {})).code).toBe(EXIT.auth);
    expect((await run([ID, '-f', 'csv'], never, { CHECKMATE_URL: 'ftp://x', CHECKMATE_TOKEN: 't' })).code).toBe(EXIT.usage);
    const failed = await run([ID, '-f', 'csv'], () => json(401, { error: { code: 'INVALID_CREDENTIALS', message: 'no' } }), {
      CHECKMATE_EMAIL: 'a@b.example',
      CHECKMATE_PASSWORD: 'wrong',
    });
    expect(failed.code).toBe(EXIT.auth);
    expect(failed.stderr.text).toMatch(/sign-in as a@b\.example failed \(401\)/);
  });

  it('bad arguments exit 2 before any request; --help prints the usage', async () => {
    const bad = await run(['--format', 'csv'], () => {
      throw new Error('no request expected');
    });
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr.text).toMatch(/--help/);
    const help = await run(['--help'], () => json(500, {}));
    expect(help.code).toBe(EXIT.ok);
    expect(help.stdout.text).toMatch(/^Usage: npm run export/);
    expect(help.stdout.text).toContain(formatNames.join(', '));
  });

  it('--all refuses a file as its folder', async () => {
    const file = path.join(dir, 'file');
    writeFileSync(file, '');
    const { code, stderr } = await run(['--all', '-f', 'csv', '-o', file], () => json(200, { items: [], nextCursor: null }));
    expect(code).toBe(EXIT.usage);
    expect(stderr.text).toMatch(/is a file/);
  });
});
