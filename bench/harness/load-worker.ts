/**
 * The load generator, a process of its own (forked by the bench, so the load never shares a core's event loop
 * with the service or the orchestrator). It takes jobs over IPC and answers with the measured figures:
 *   { kind: 'cannon' }: autocannon on 127.0.0.1 for a fixed duration (and a request count cap);
 *   { kind: 'walk' }:   N clients that each read an article and then page through all its claims, in a loop.
 */
import autocannon from 'autocannon';

export interface LoadRequest {
  method?: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface CannonJob {
  kind: 'cannon';
  url: string;
  connections: number;
  seconds: number;
  requests: LoadRequest[];
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

function cannon(job: CannonJob): Promise<CannonResult> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        connections: job.connections,
        duration: job.seconds,
        maxOverallRequests: MAX_REQUESTS_PER_RUN,
        requests: job.requests.map((r) => ({ method: r.method ?? 'GET', path: r.path, headers: r.headers, body: r.body })),
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
