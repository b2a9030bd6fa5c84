import { splitSentences } from '../../../src/segmentation/sentence-splitter';
import { expectNoBlowUp } from '../../support/timing';

/**
 * Inputs that would take seconds to minutes if any look-around in the scanner were not bounded
 * (each is ~1 MB; a quadratic scan of them needs billions of steps). Each is timed against ordinary news copy
 * of the same size, measured alongside, so a loaded CI machine does not make them flaky.
 */
const ADVERSARIAL: Array<[name: string, input: string, sentences: number]> = [
  ['many short lines without terminators', 'abc def\n'.repeat(120_000) + 'end.', 120_001],
  ['brackets and lone periods only', '( . '.repeat(250_000), 1],
  ['one long spaced ellipsis', '. '.repeat(500_000), 1],
  ['one long run of periods', '.'.repeat(1_000_000), 1],
  ['initials without a sentence start', 'A. '.repeat(330_000), 1],
  ['periods glued inside one token', 'a.'.repeat(500_000) + ' B', 2],
  ['a numbered list line', '1. ' + 'x 2 y '.repeat(160_000), 1],
  ['closing brackets before a period', ')'.repeat(1_000_000) + '. A', 1],
  ['capitalised segments glued into one token', 'x' + '.Ab'.repeat(330_000), 1],
  ['colons before numbers that never continue as a list', 'a: 1. B '.repeat(120_000), 120_001],
  ['quoted questions after an introduced quotation', ('He asked, "' + 'a '.repeat(300) + 'b?" C said. ').repeat(1_500), 1_500],
];

/** Ordinary news copy of the given size, the yardstick the adversarial inputs are timed against. */
const newsOfLength = (length: number) =>
  'Sen. J. R. Smith said on Tuesday that the U.S. budget grew 3.5% to $1.2 billion. "It is fair," he added. '.repeat(Math.ceil(length / 100)).slice(0, length);

describe('splitSentences: adversarial input', () => {
  it.each(ADVERSARIAL)('stays linear on %s', (_name, input, sentences) => {
    const ordinary = newsOfLength(input.length);
    expect(splitSentences(input)).toHaveLength(sentences);
    expectNoBlowUp(() => splitSentences(input), () => splitSentences(ordinary), 30, 1000);
  });
});
