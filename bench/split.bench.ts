/**
 * Throughput benchmark for the sentence splitter.
 *
 *   npx tsx bench/split.bench.ts
 *
 * Builds a deterministic news-like corpus of at least 1 MB (the seed article plus edge-case
 * paragraphs, with varied numbers and names), warms up, then times several full splits and
 * reports the median. `runSplitBench()` returns the same numbers for other scripts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { splitSentences } from '../src/segmentation/sentence-splitter';

export interface SplitBenchResult {
  bench: 'split';
  bytes: number;
  sentences: number;
  msMedian: number;
  mbPerSec: number;
  sentencesPerSec: number;
}

export interface SplitBenchOptions {
  /** Minimum corpus size in UTF-8 bytes (default 2 MiB). */
  minBytes?: number;
  warmupRuns?: number;
  measuredRuns?: number;
}

const EDGE_CASE_PARAGRAPHS = [
  'WASHINGTON (AP) — Sen. Chuck Schumer, D-N.Y., said Tuesday that the U.S. Army would respond. Shares of Apple Inc. rose 2.5% to $187.30. The company, based in Cupertino, Calif. The firm declined to comment.',
  '"We won. We will win again," Gov. Gavin Newsom said at 9 a.m. Tuesday. "Is it over?" she asked. “Not yet,” he replied… Then the crowd left.',
  'The meeting, set for 5 p.m. Eastern time on Jan. 6, was moved to Washington, D.C. The next day Dr. Anthony Fauci testified (This was new.) and Mr. Smith, a.k.a. "The Boss," left for the U.K. at approx. 3 p.m.',
  'Visit www.example.com or email john.doe@gmail.com for the report.pdf file. See https://x.org/a.b?c=d. Version 1.2.3 ships Monday; the server at 192.168.1.1 failed. No. 2 seed J. R. Smith lost in St. Louis.',
  '1. Inflation rose to 3.5 percent. 2. Wages fell. 3. The Fed, i.e. the central bank, held rates — etc. It was over... The markets closed 🎉 higher!',
];

const NAMES = ['Smith', 'Garcia', 'Nguyen', 'Okafor', 'Kowalski', 'Haddad', 'Tanaka', 'Rossi'];

/** Makes paragraph copies distinct so the corpus is not one string repeated verbatim. */
function vary(paragraph: string, round: number): string {
  const name = NAMES[round % NAMES.length];
  return paragraph.replace(/\d+/g, (digits) => String((Number(digits) + round) % 10_000)).replace(/Smith/g, name);
}

export function buildCorpus(minBytes: number): string {
  const seed = readFileSync(join(__dirname, '../seed/seed-article.txt'), 'utf8').trim().split('\n');
  const paragraphs = [...seed, ...EDGE_CASE_PARAGRAPHS];
  const out: string[] = [];
  let bytes = 0;
  for (let round = 0; bytes < minBytes; round++) {
    for (const paragraph of paragraphs) {
      const line = vary(paragraph, round);
      out.push(line);
      bytes += Buffer.byteLength(line, 'utf8') + 1;
    }
    out.push(''); // a blank line between article copies
    bytes += 1;
  }
  return out.join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function runSplitBench(options: SplitBenchOptions = {}): SplitBenchResult {
  const { minBytes = 2 * 1024 * 1024, warmupRuns = 3, measuredRuns = 9 } = options;
  const corpus = buildCorpus(minBytes);
  const bytes = Buffer.byteLength(corpus, 'utf8');

  let sentences = 0;
  for (let run = 0; run < warmupRuns; run++) sentences = splitSentences(corpus).length;

  const timings: number[] = [];
  for (let run = 0; run < measuredRuns; run++) {
    const started = performance.now();
    sentences = splitSentences(corpus).length;
    timings.push(performance.now() - started);
  }

  const msMedian = median(timings);
  const seconds = msMedian / 1000;
  return {
    bench: 'split',
    bytes,
    sentences,
    msMedian: Number(msMedian.toFixed(2)),
    mbPerSec: Number((bytes / 1e6 / seconds).toFixed(2)),
    sentencesPerSec: Math.round(sentences / seconds),
  };
}

if (require.main === module) {
  const result = runSplitBench();
  console.log(
    `split: ${(result.bytes / 1e6).toFixed(2)} MB, ${result.sentences} sentences, median ${result.msMedian} ms ` +
      `→ ${result.mbPerSec} MB/s, ${result.sentencesPerSec.toLocaleString('en-US')} sentences/s`,
  );
  console.log(JSON.stringify(result));
}
