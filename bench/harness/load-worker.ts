/**
 * The load generator, a process of its own (forked by the bench, so the load never shares a core's event loop
 * with the service or the orchestrator). It takes jobs over IPC and answers with the measured figures:
 *   { kind: 'cannon' }: autocannon on 127.0.0.1 for a fixed duration (and a request count cap);
 *   { kind: 'walk' }:   N clients that each read an article and then page through all its claims, in a loop.
 */
import autocannon from 'autocannon';

export interface LoadRequest {
  method?: 'GET' | 'POST' | 'PUT';
  /** With a claim pool, `{claim}` stands for the claim of the current cycle. */
  path: string;
  headers?: Record<string, string>;
  /** With a claim pool, `{claim}` as in the path and `{n}` for a number never used before (e.g. a new URL). */
  body?: string;
}

/**
 * Writes that must not collide: each connection's cycle through `requests` takes the next unused claim of the pool
 * (shared by every connection and kept across the jobs of one side, under `key`), so no two requests ever write to
 * the same claim. A job sends at most as many requests as the pool has claims left, so it can never run dry.
 */
export interface ClaimPool {
  key: string;
  claims: string[];
}

export interface CannonJob {
  kind: 'cannon';
  url: string;
  connections: number;
  seconds: number;
  requests: LoadRequest[];
  pool?: ClaimPool;
}

export interface WalkJob {
  kind: 'walk';
  url: string;
  clients: number;
  seconds: number;
  articlePath: string;
  headers: Record<string, string>;
}

export interface CannonResult {
  rps: number;
  p50: number;
  p99: number;
  /** Responses with a 2xx status, and the run's length in seconds. */
  ok: number;
  seconds: number;
  requests: number;
  errors: number;
  non2xx: number;
  /** Every response time (ms), so runs split into slices can be merged into one percentile. */
  latencies: number[];
}

export interface WalkResult {
  requests: number;
  errors: number;
  pagesPerWalk: number;
}

/** Hard cap on requests per run, so a run is bounded in count as well as in time. */
const MAX_REQUESTS_PER_RUN = 500_000;

/** Where each pool stands: its next unused claim. */
const pools = new Map<string, { next: number }>();
/** The next number `{n}` stands for: unique across pools, so two sides never write the same new URL. */
let unique = 0;

interface CycleContext {
  claim?: string;
}

function cannonRequests(job: CannonJob) {
  const plain = job.requests.map((r) => ({ method: r.method ?? 'GET', path: r.path, headers: r.headers, body: r.body }));
  const pool = job.pool;
  if (!pool) return { requests: plain, cap: MAX_REQUESTS_PER_RUN };
  const state = pools.get(pool.key) ?? { next: 0 };
  pools.set(pool.key, state);
  const fill = (template: string, claim: string) => template.replaceAll('{claim}', claim).replaceAll('{n}', () => String(unique++));
  const requests = plain.map((request, index) => ({
    ...request,
    setupRequest: (req: { path: string; body?: string }, context: CycleContext) => {
      if (index === 0) context.claim = pool.claims[state.next++];
      const claim = context.claim!;
      return { ...req, path: fill(request.path, claim), body: request.body === undefined ? undefined : fill(request.body, claim) };
    },
  }));
  // A claim is taken when a connection is set up and when it starts a cycle (each cycle sends at least one request,
  // and the next request is prepared before the cap is checked): capping requests at the claims left, less two per
  // connection, caps the claims taken.
  const cap = pool.claims.length - state.next - 2 * job.connections;
  if (cap < 1) throw new Error(`claim pool ${pool.key} is used up`);
  return { requests, cap: Math.min(MAX_REQUESTS_PER_RUN, cap) };
}

function cannon(job: CannonJob): Promise<CannonResult> {
  const latencies: number[] = [];
  const { requests, cap } = cannonRequests(job);
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        duration: job.seconds,
        maxOverallRequests: cap,
        requests,
        timeout: 10,
      },
      (error: Error | null, result: any) => {
        if (error) return reject(error);
        const ok = result['2xx'] as number;
        resolve({
          rps: ok / result.duration,
          p50: result.latency.p50,
          p99: result.latency.p99,
          ok,
          seconds: result.duration,
          latencies,
          requests: result.requests.total,
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
        });
      },
    ) as { on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void };
    instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}

async function walk(job: WalkJob): Promise<WalkResult> {
  const deadline = Date.now() + job.seconds * 1000;
  let requests = 0;
  let errors = 0;
  let pagesPerWalk = 0;
  const get = async (path: string) => {
    requests++;
    const res = await fetch(job.url + path, { headers: job.headers });
    if (res.status !== 200) {
      errors++;
      await res.arrayBuffer();
      return undefined;
    }
    return res.json() as Promise<{ nextCursor?: string | null; claimsNextCursor?: string | null }>;
  };
  const client = async () => {
    // Bounded: at most 200 walks of at most 1,000 pages each, and the deadline.
    for (let w = 0; w < 200 && Date.now() < deadline; w++) {
      const article = await get(job.articlePath);
      let cursor = article?.claimsNextCursor ?? null;
      let pages = 1;
      while (cursor && pages < 1000 && Date.now() < deadline) {
        const page = await get(`${job.articlePath}/claims?limit=200&cursor=${cursor}`);
        cursor = page?.nextCursor ?? null;
        pages++;
      }
      if (!cursor) pagesPerWalk = pages;
    }
  };
  await Promise.all(Array.from({ length: job.clients }, client));
  return { requests, errors, pagesPerWalk };
}

process.on('message', (job: CannonJob | WalkJob) => {
  const run = job.kind === 'cannon' ? cannon(job) : walk(job);
  run.then(
    (result) => process.send!({ ok: true, result }),
    (error) => process.send!({ ok: false, error: String(error?.stack ?? error) }),
  );
});
