import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../../../src/segmentation/sentence-splitter';
import { expectOffsetsSliceBack } from '../../support/split-assertions';

const ARTICLE = readFileSync(join(__dirname, '../../../seed/seed-article.txt'), 'utf8');

/**
 * Counted by hand: 15 non-empty lines (the file has 14 newlines and no trailing one), 29 sentences.
 * Each row is [paragraph, first three words, last three words].
 */
const EXPECTED: Array<[paragraph: number, first: string, last: string]> = [
  [1, 'Defense Secretary Pete', 'the secret instructions.'],
  [1, 'The move is', 'the United States.'],
  [2, 'Hegseth’s instructions, part', 'been publicly explained.'],
  [2, 'However, they were', 'on February 28.'],
  [2, 'The precise scope', 'is often blurred.'],
  [3, 'Retaining access to', 'and potential concessions.'],
  [4, 'Former officials note', 'avoid derailing them.'],
  [4, 'However, for Trump', 'a significant gamble.'],
  [4, 'It essentially counts', 'allies in Europe.'],
  [5, 'US officials have', 'the Trump administration.'],
  [5, 'Over the past', 'Russian intelligence agencies.'],
  [6, 'Sabotage efforts in', 'the past year.'],
  [6, 'The US has', 'be in jeopardy.'],
  [7, 'Many of these', 'extent, by Canada.'],
  [7, 'It is possible', 'adversary in cyberspace.'],
  [8, 'Russia also ran', 'the Biden administration.'],
  [8, 'In recent election', 'those influence efforts.'],
  [9, 'However, the Trump', 'about Russian propaganda.'],
  [9, 'The Pentagon’s order', 'Russian influence campaigns.'],
  [10, 'Secretary of State', 'make a deal.'],
  [10, 'Rubio defended the', 'to the table.'],
  [11, 'The order from', 'from Recorded Future.'],
  [11, 'The Pentagon and', 'in cyber operations.'],
  [12, 'Democratic Senate Minority', 'critical American infrastructure.'],
  [13, 'As the Trump', 'and espionage operations.'],
  [14, 'During Trump’s first', 'the 2017 election.'],
  [14, 'Trump gave the', 'Presidential Memorandum 13.'],
  [15, 'One of those', 'crucial US infrastructure.'],
  [15, 'Trump denounced the', 'relationship with Putin.'],
];

function firstWords(text: string, n: number): string {
  return text.split(/\s+/).slice(0, n).join(' ');
}

function lastWords(text: string, n: number): string {
  return text.split(/\s+/).slice(-n).join(' ');
}

describe('splitSentences: seed article', () => {
  const spans = splitSentences(ARTICLE);

  it('finds exactly 29 sentences in 15 paragraphs', () => {
    expect(spans).toHaveLength(29);
    expect(spans[spans.length - 1].paragraph).toBe(15);
  });

  it('splits at the hand-counted sentence boundaries', () => {
    expect(spans.map((s) => [s.paragraph, firstWords(s.text, 3), lastWords(s.text, 3)])).toEqual(EXPECTED);
  });

  it('keeps quoted phrases inside their sentences', () => {
    const texts = spans.map((s) => s.text);
    expect(texts).toContain(
      'It essentially counts on Putin to reciprocate by easing what many call the “shadow war” against the US and its traditional allies in Europe.',
    );
    expect(texts).toContain(
      'The Pentagon and US Cyber Command declined to comment on the record, but a senior defense official stated that Hegseth had “no greater priority” than the safety of military members, including in cyber operations.',
    );
    expect(texts).toContain(
      'Democratic Senate Minority Leader Chuck Schumer criticized the move, stating that Trump appeared to be giving Putin “a free pass” as Russia continues to launch cyber operations and ransomware attacks against critical American infrastructure.',
    );
    expect(texts).toContain(
      'During Trump’s first term, US cyber operations against Russia were ramped up, with the National Security Agency creating a “Russia Small Group” after Russian interference in the 2017 election.',
    );
    expect(texts).toContain(
      'Trump denounced the reporting of this operation as “a virtual act of treason,” but his former aides later said he was concerned the revelation would affect his relationship with Putin.',
    );
  });

  it('reports offsets that slice back to each sentence and cover the whole article', () => {
    expectOffsetsSliceBack(ARTICLE, spans);
    const covered = spans.map((s) => s.text).join('').replace(/\s/g, '');
    expect(covered).toBe(ARTICLE.replace(/\s/g, ''));
  });
});
