import { expectNoBlowUp } from '../../support/timing';
import { checkWorthinessHint, explainCheckWorthiness } from '../../../src/triage/check-worthiness';

const SIZE = 100_000;
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

/**
 * ~100 KB sentences aimed at each pattern's repetition: unclosed quotes, digit runs, words between
 * "more" and a "than" that never comes, spaces before a final mark. A regex with unbounded nested
 * repetition would take seconds or hang on some of these. The bound is generous so a busy machine
 * does not make the test flaky; typical times are a few milliseconds.
 */
const PATHOLOGICAL: Array<[name: string, input: string]> = [
  ['digits', fill('1')],
  ['digit groups', fill('1,')],
  ['currency signs before digit groups', fill('$1,')],
  ['unclosed straight quotes', fill('"a')],
  ['unclosed curly quotes', fill('“ab ')],
  ['"more" without "than"', fill('more jobs ')],
  ['lowercase then capital', fill('a B')],
  ['"I said"', fill('I said ')],
  ['clock times', fill('1:1')],
  ['lone surrogates', fill('\ud800')],
  ['spaces before a question mark', fill(' ') + '?'],
  ['news words', fill('The 3.5% "rise" of $2,000,000 — more than ever? ')],
];

describe('checkWorthinessHint: pathological input', () => {
  const ordinary = Array.from({ length: 2_000 }, (_, i) => `Unemployment fell to ${i}.5% in May, officials said. `).join('').slice(0, 100_000);
  it.each(PATHOLOGICAL)('stays linear on a 100 KB sentence of %s', (_name, input) => {
    const score = checkWorthinessHint(input);
    expectNoBlowUp(
      () => {
        checkWorthinessHint(input);
        explainCheckWorthiness(input);
      },
      () => {
        checkWorthinessHint(ordinary);
        explainCheckWorthiness(ordinary);
      },
      30,
      // A quadratic scan of 100 KB is billions of steps (many seconds); 1.5 s absorbs a busy machine's stalls.
      1500,
    );
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThanOrEqual(1);
  });
});
