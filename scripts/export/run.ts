import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { FORMATS, formatNames } from '../../src/export/formats';
import { CliError, EXIT, parseExportArgs, usage, type ExportOptions } from './args';
import { fileNameFromContentDisposition, uniqueFileName } from './file-names';

/**
 * `npm run export`: a client of the Checkmate API (never of the database), so it works beside a running service on
 * either database. Signs in with CHECKMATE_TOKEN, or CHECKMATE_EMAIL + CHECKMATE_PASSWORD (POST /api/auth/login),
 * fetches `GET /api/articles/:id/report?format=&audience=`, and writes the bytes as the service sent them.
 */

export interface Output {
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
}

export interface RunDeps {
  env: Record<string, string | undefined>;
  fetch: typeof fetch;
  stdout: Output;
  stderr: Output;
}

const DEFAULT_URL = 'http://localhost:3000';
const LIST_LIMIT = 200;

interface ApiError {
  error?: { code?: string; message?: string };
}

function baseUrl(env: RunDeps['env']): URL {
  const raw = env.CHECKMATE_URL?.trim() || DEFAULT_URL;
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
    return url;
  } catch {
    throw new CliError(`CHECKMATE_URL is not an http(s) URL: "${raw}"`, EXIT.usage);
  }
}

export class ApiClient {
  private token: string | null = null;

  constructor(
    private readonly base: URL,
    private readonly deps: RunDeps,
    private readonly timeoutMs = 120_000,
  ) {}

  url(pathAndQuery: string): string {
    return new URL(pathAndQuery, this.base).toString();
  }

  private async send(pathAndQuery: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.token) headers.set('Authorization', `Bearer ${this.token}`);
    try {
      return await this.deps.fetch(this.url(pathAndQuery), { ...init, headers, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? (error as Error).message;
      if ((error as Error).name === 'TimeoutError') {
        throw new CliError(`Checkmate at ${this.base.origin} did not answer within ${this.timeoutMs / 1000} s`, EXIT.unreachable);
      }
      throw new CliError(
        `cannot reach Checkmate at ${this.base.origin} (${reason}); is the service running? Set CHECKMATE_URL to its address.`,
        EXIT.unreachable,
      );
    }
  }

  /** Maps a refused response to a CliError with the service's own message. */
  async failure(response: Response, what: string): Promise<CliError> {
    let message = '';
    try {
      const body = (await response.json()) as ApiError;
      message = body.error?.message ?? '';
    } catch {
      // not JSON: the status says enough
    }
    const detail = message ? `: ${message}` : '';
    switch (response.status) {
      case 400:
        return new CliError(`the service refused ${what} (400)${detail}`, EXIT.usage);
      case 401:
        return new CliError(
          `not signed in (401)${detail}. Set CHECKMATE_TOKEN to a valid token, or CHECKMATE_EMAIL and CHECKMATE_PASSWORD.`,
          EXIT.auth,
        );
      case 403:
        return new CliError(`not allowed to read ${what} (403)${detail}`, EXIT.auth);
      case 404:
        return new CliError(`${what} was not found (404)${detail}`, EXIT.notFound);
      case 429: {
        const retry = response.headers.get('retry-after');
        return new CliError(`too many requests (429)${detail}${retry ? `; retry after ${retry} s` : ''}`, EXIT.failed);
      }
      default:
        return new CliError(`the service failed on ${what} (${response.status})${detail}`, EXIT.failed);
    }
  }

  async signIn(): Promise<void> {
    const { env } = this.deps;
    if (env.CHECKMATE_TOKEN?.trim()) {
      this.token = env.CHECKMATE_TOKEN.trim();
      return;
    }
    if (!env.CHECKMATE_EMAIL || !env.CHECKMATE_PASSWORD) {
      throw new CliError('no credentials: set CHECKMATE_TOKEN, or CHECKMATE_EMAIL and CHECKMATE_PASSWORD', EXIT.auth);
    }
    const response = await this.send('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: env.CHECKMATE_EMAIL, password: env.CHECKMATE_PASSWORD }),
    });
    if (response.status === 401 || response.status === 400) {
      throw new CliError(`sign-in as ${env.CHECKMATE_EMAIL} failed (${response.status}): check CHECKMATE_EMAIL and CHECKMATE_PASSWORD`, EXIT.auth);
    }
    if (!response.ok) throw await this.failure(response, 'the sign-in');
    const body = (await response.json()) as { token?: string };
    if (!body.token) throw new CliError('the sign-in answered without a token', EXIT.failed);
    this.token = body.token;
  }

  /** Every article id, newest first, paging with the list's cursor. */
  async articleIds(): Promise<string[]> {
    const ids: string[] = [];
    const seen = new Set<string>();
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit: String(LIST_LIMIT) });
      if (cursor) query.set('cursor', cursor);
      const response = await this.send(`/api/articles?${query}`);
      if (!response.ok) throw await this.failure(response, 'the article list');
      const page = (await response.json()) as { items: Array<{ id: string }>; nextCursor: string | null };
      for (const item of page.items) ids.push(item.id);
      cursor = page.nextCursor;
      if (cursor !== null && seen.has(cursor)) throw new CliError('the article list repeated a page cursor', EXIT.failed);
      if (cursor !== null) seen.add(cursor);
    } while (cursor);
    return ids;
  }

  async report(articleId: string, options: Pick<ExportOptions, 'format' | 'audience'>) {
    const query = new URLSearchParams({ format: options.format });
    if (options.audience) query.set('audience', options.audience);
    const response = await this.send(`/api/articles/${encodeURIComponent(articleId)}/report?${query}`);
    if (!response.ok) throw await this.failure(response, `the report of article ${articleId}`);
    return {
      body: Buffer.from(await response.arrayBuffer()),
      contentDisposition: response.headers.get('content-disposition'),
    };
  }
}

async function isDirectory(target: string): Promise<boolean> {
  try {
    return (await stat(target)).isDirectory();
  } catch {
    return false;
  }
}

function extensionOf(format: string): string {
  return FORMATS[format]?.extension ?? format;
}

async function exportOne(client: ApiClient, options: ExportOptions & { target: { kind: 'one' } }, deps: RunDeps) {
  const { articleId } = options.target;
  const { body, contentDisposition } = await client.report(articleId, options);
  if (options.out === undefined) {
    deps.stdout.write(body);
    return;
  }
  let file = options.out;
  if (/[/\\]$/.test(file) || (await isDirectory(file))) {
    await mkdir(file, { recursive: true });
    file = path.join(file, fileNameFromContentDisposition(contentDisposition, `${articleId}.${extensionOf(options.format)}`));
  } else {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  }
  await writeFile(file, body);
  if (deps.stderr.isTTY) deps.stderr.write(`Wrote ${file} (${body.length} bytes)\n`);
}

async function exportAll(client: ApiClient, options: ExportOptions, deps: RunDeps): Promise<number> {
  const folder = options.out as string;
  if ((await stat(folder).catch(() => null))?.isFile()) {
    throw new CliError(`--out ${folder} is a file; --all needs a folder`, EXIT.usage);
  }
  await mkdir(folder, { recursive: true });
  const ids = await client.articleIds();
  const extension = extensionOf(options.format);
  const taken = new Set<string>();
  const failures: string[] = [];
  const bar =
    deps.stderr.isTTY && ids.length > 1
      ? new SingleBar(
          { stream: deps.stderr as NodeJS.WritableStream, format: 'Exporting {bar} {value}/{total} articles', hideCursor: true },
          Presets.shades_classic,
        )
      : null;
  bar?.start(ids.length, 0);
  try {
    for (const id of ids) {
      try {
        const { body, contentDisposition } = await client.report(id, options);
        const name = uniqueFileName(fileNameFromContentDisposition(contentDisposition, `${id}.${extension}`), taken, extension);
        await writeFile(path.join(folder, name), body);
      } catch (error) {
        // Signed out, not allowed, or the service is gone: every other article would fail the same way.
        if (!(error instanceof CliError) || error.exitCode === EXIT.auth || error.exitCode === EXIT.unreachable) throw error;
        failures.push(`${id}: ${error.message}`);
      }
      bar?.increment();
    }
  } finally {
    bar?.stop();
  }
  for (const failure of failures) deps.stderr.write(`export: ${failure}\n`);
  if (deps.stderr.isTTY || failures.length) {
    deps.stderr.write(`Exported ${ids.length - failures.length} of ${ids.length} articles to ${folder}\n`);
  }
  return failures.length ? EXIT.failed : EXIT.ok;
}

/** Runs the command; returns the exit code (never calls process.exit, so stdout is flushed). */
export async function runExport(argv: readonly string[], deps: RunDeps): Promise<number> {
  try {
    const args = parseExportArgs(argv, formatNames);
    if (args.help) {
      deps.stdout.write(`${usage(formatNames)}\n`);
      return EXIT.ok;
    }
    const client = new ApiClient(baseUrl(deps.env), deps);
    await client.signIn();
    if (args.target.kind === 'one') {
      await exportOne(client, { ...args, target: args.target }, deps);
      return EXIT.ok;
    }
    return await exportAll(client, args, deps);
  } catch (error) {
    if (error instanceof CliError) {
      deps.stderr.write(`export: ${error.message}\n`);
      if (error.exitCode === EXIT.usage) deps.stderr.write('Run `npm run export -- --help` for usage.\n');
      return error.exitCode;
    }
    deps.stderr.write(`export: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.failed;
  }
}
