/**
 * Memory under load: a fresh process, warmed up by one client walking the largest article (its detail, then all
 * of its claims page by page), then idle; its resident set size at idle is the base. Six clients then walk it
 * in a loop while the RSS is sampled every 100 ms; the growth is the peak minus the idle base.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Child, LoadGenerator } from './processes';
import { median } from './runner';

export interface MemoryResult {
  idleMiB: number;
  peakMiB: number;
  growthMiB: number;
  requests: number;
  errors: number;
  pagesPerWalk: number;
}

const SAMPLE_MS = 100;

export async function measureMemory(
  server: Child,
  load: LoadGenerator,
  articlePath: string,
  headers: Record<string, string>,
  options: { clients: number; seconds: number },
): Promise<MemoryResult> {
  await load.walk({ url: server.url, clients: 1, seconds: 2, articlePath, headers });
  await sleep(1000);
  const idleSamples: number[] = [];
  for (let i = 0; i < 10; i++) {
    idleSamples.push(server.rssMiB());
    await sleep(SAMPLE_MS);
  }
  const idle = median(idleSamples);
  let peak = idle;
  const sampler = setInterval(() => {
    peak = Math.max(peak, server.rssMiB());
  }, SAMPLE_MS);
  try {
    const walked = await load.walk({ url: server.url, clients: options.clients, seconds: options.seconds, articlePath, headers });
    peak = Math.max(peak, server.rssMiB());
    const r = (v: number) => Math.round(v);
    return { idleMiB: r(idle), peakMiB: r(peak), growthMiB: r(peak - idle), ...walked };
  } finally {
    clearInterval(sampler);
  }
}
