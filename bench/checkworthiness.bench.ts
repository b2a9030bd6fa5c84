/**
 * Quality and speed of the check-worthiness hint.
 *
 *   npx tsx bench/checkworthiness.bench.ts
 *
 * Quality: average precision of the hint on the hand-labelled held-out half
 * (test/fixtures/checkworthiness/frozen.tsv) and on the half the weights were tuned on, next to two
 * baselines on the frozen half: "contains a digit" (1 or 0) and random ranking, whose expected AP is
 * the share of positives. Speed: a 10,000-sentence request (the labelled sentences and the seed
 * article's sentences, numbers varied per copy), warmed up, median of several timed runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { splitSentences } from '../src/segmentation/sentence-splitter';
import { averagePrecision } from '../src/triage/average-precision';
import { checkWorthinessHint } from '../src/triage/check-worthiness';

export interface LabelledSentence {
  label: 0 | 1;
  sentence: string;
}

export interface CheckWorthinessBenchResult {
  bench: 'checkworthiness';
  frozenSentences: number;
  frozenPositives: number;
  averagePrecision: number;
  baselineContainsNumberAP: number;
  baselineRandomAP: number;
  tuneAveragePrecision: number;
  microsecondsPerSentence: number;
}

export interface CheckWorthinessBenchOptions {
  sentences?: number;
  warmupRuns?: number;
  measuredRuns?: number;
}

const FIXTURES = join(__dirname, '../test/fixtures/checkworthiness');

/** Reads `tune` or `frozen`: a TSV with the header `label<TAB>sentence`. */
export function loadLabelledSentences(half: 'tune' | 'frozen'): LabelledSentence[] {
  const [header, ...lines] = readFileSync(join(FIXTURES, `${half}.tsv`), 'utf8').trimEnd().split('\n');
  if (header !== 'label\tsentence') throw new Error(`${half}.tsv: unexpected header ${JSON.stringify(header)}`);
  return lines.map((line, index) => {
    const [label, sentence, extra] = line.split('\t');
    if ((label !== '0' && label !== '1') || !sentence || extra !== undefined) {
      throw new Error(`${half}.tsv line ${index + 2}: expected "0|1<TAB>sentence"`);
    }
    return { label: label === '1' ? 1 : 0, sentence };
  });
}

/** Average precision of `score` as a ranking of `rows` (ties broken pessimistically). */
export function rankingAveragePrecision(rows: LabelledSentence[], score: (sentence: string) => number): number {
  return averagePrecision(rows.map(({ label, sentence }) => ({ score: score(sentence), label })));
}

const containsDigit = (sentence: string) => (/\d/.test(sentence) ? 1 : 0);

function buildRequest(size: number): string[] {
  const seed = readFileSync(join(__dirname, '../seed/seed-article.txt'), 'utf8');
  const pool = [
    ...loadLabelledSentences('tune').map((row) => row.sentence),
    ...loadLabelledSentences('frozen').map((row) => row.sentence),
    ...splitSentences(seed).map((span) => span.text),
  ];
  const out: string[] = [];
  for (let round = 0; out.length < size; round++) {
    for (const sentence of pool) {
      if (out.length === size) break;
      // Distinct copies, so nothing can be cached by input string.
      out.push(sentence.replace(/\d+/g, (digits) => String((Number(digits) + round) % 10_000)));
    }
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function timePerSentence(sentences: string[], warmupRuns: number, measuredRuns: number): number {
  let sink = 0;
  for (let run = 0; run < warmupRuns; run++) for (const s of sentences) sink += checkWorthinessHint(s);
  const timings: number[] = [];
  for (let run = 0; run < measuredRuns; run++) {
    const started = performance.now();
    for (const s of sentences) sink += checkWorthinessHint(s);
    timings.push(performance.now() - started);
  }
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the scoring loop from being optimised away');
  return (median(timings) * 1000) / sentences.length;
}

const round3 = (value: number) => Number(value.toFixed(3));

export function runCheckWorthinessBench(options: CheckWorthinessBenchOptions = {}): CheckWorthinessBenchResult {
  const { sentences = 10_000, warmupRuns = 3, measuredRuns = 9 } = options;
  const frozen = loadLabelledSentences('frozen');
  const tune = loadLabelledSentences('tune');
  const frozenPositives = frozen.filter((row) => row.label === 1).length;
  return {
    bench: 'checkworthiness',
    frozenSentences: frozen.length,
    frozenPositives,
    averagePrecision: round3(rankingAveragePrecision(frozen, checkWorthinessHint)),
    baselineContainsNumberAP: round3(rankingAveragePrecision(frozen, containsDigit)),
    baselineRandomAP: round3(frozenPositives / frozen.length),
    tuneAveragePrecision: round3(rankingAveragePrecision(tune, checkWorthinessHint)),
    microsecondsPerSentence: Number(timePerSentence(buildRequest(sentences), warmupRuns, measuredRuns).toFixed(2)),
  };
}

if (require.main === module) {
  console.log(JSON.stringify(runCheckWorthinessBench()));
}
