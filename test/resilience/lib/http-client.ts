/**
 * A small HTTP client over node:http that says exactly what happened to each request: a complete response
 * (status and parsed body), a response cut off after its headers, or no response at all (refused, reset,
 * timed out). Scenarios judge these outcomes; nothing here retries.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';

export interface Outcome {
  /** What the request was for ("import", "list", ...). */
  op: string;
  method: string;
  path: string;
  requestId: string;
  /** Date.now() when sent and how long it took until the outcome was known. */
  startedAt: number;
  ms: number;
  /** Set only when a complete response arrived. */
  status?: number;
  body?: unknown;
  headers?: http.IncomingHttpHeaders;
  /** No complete response: ECONNREFUSED, ECONNRESET, TIMEOUT, CUT_OFF (headers arrived, body did not), ... */
  error?: string;
}

export interface RequestOptions {
  op: string;
  method?: string;
  path: string;
  token?: string;
  json?: unknown;
  headers?: Record<string, string>;
  /** Give up after this long and record TIMEOUT (a hang). */
  timeoutMs?: number;
}

export class HttpClient {
  readonly agent: http.Agent;

  constructor(
    readonly base: string,
    maxSockets = 64,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /** Points the client at another instance (same agent settings). */
  withBase(base: string): HttpClient {
    return new HttpClient(base, this.agent.maxSockets);
  }

  close(): void {
    this.agent.destroy();
  }

  request(options: RequestOptions): Promise<Outcome> {
    const requestId = randomUUID();
    const startedAt = Date.now();
    const method = options.method ?? (options.json === undefined ? 'GET' : 'POST');
    const url = new URL(options.path, this.base);
    const payload = options.json === undefined ? undefined : Buffer.from(JSON.stringify(options.json));
    const headers: Record<string, string> = { 'X-Request-Id': requestId, Accept: 'application/json', ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (payload) {
      headers['Content-Type'] = 'application/json';
      headers['Content-Length'] = String(payload.length);
    }
    const base = { op: options.op, method, path: options.path, requestId, startedAt };

    return new Promise<Outcome>((resolve) => {
      let settled = false;
      const finish = (outcome: Partial<Outcome>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ ...base, ms: Date.now() - startedAt, ...outcome });
      };
      const req = http.request(
        { host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, agent: this.agent },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', () => undefined);
          res.on('close', () => {
            if (!res.complete) return finish({ error: 'CUT_OFF', status: undefined, headers: res.headers });
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = text;
            if ((res.headers['content-type'] ?? '').includes('json') && text) {
              try {
                body = JSON.parse(text);
              } catch {
                return finish({ error: 'CUT_OFF', headers: res.headers });
              }
            }
            finish({ status: res.statusCode, body, headers: res.headers });
          });
        },
      );
      const timer = setTimeout(() => {
        finish({ error: 'TIMEOUT' });
        req.destroy();
      }, options.timeoutMs ?? 15_000);
      req.on('error', (error: NodeJS.ErrnoException) => finish({ error: error.code ?? error.message }));
      req.end(payload);
    });
  }
}

/** `{ "201": 10, "503": 3, "ECONNREFUSED": 1 }` */
export function countByStatus(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) {
    const key = o.status !== undefined ? String(o.status) : (o.error ?? 'unknown');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}

export function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([key, n]) => `${key}:${n}`)
    .join(' ');
}
