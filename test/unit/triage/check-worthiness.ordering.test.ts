import { checkWorthinessHint } from '../../../src/triage/check-worthiness';

/** Each list runs from most to least check-worthy; every score must be strictly below the one before. */
const ORDERINGS: string[][] = [
  [
    'Unemployment fell to 3.5% in May, according to the Labor Department.',
    'The senator voted against the bill.',
    'I think we can do better.',
    'Thank you all for coming!',
  ],
  [
    'The city council approved a $2.3 billion budget on Tuesday, a 4 percent increase.',
    'The council met on Tuesday.',
    'The meeting begins at 7 p.m.',
  ],
  [
    'Violent crime rose 12 percent last year, FBI data show.',
    'Crime has gone up in every city run by Democrats.',
    'Crime is the number one issue, I believe.',
    'What will you do about crime?',
  ],
  [
    'The company laid off 4,000 workers in 2023.',
    'The company will hire more workers next year.',
    'I hope the company hires more workers.',
  ],
];

describe('checkWorthinessHint: ordering', () => {
  it.each(ORDERINGS.map((list) => [list[0], list]))('ranks the list that starts with %j in order', (_first, list) => {
    const scores = (list as string[]).map(checkWorthinessHint);
    for (let k = 1; k < scores.length; k++) expect(scores[k]).toBeLessThan(scores[k - 1]);
  });

  it.each([
    ['a statistic', 'Median household income rose to $74,580 in 2022, the Census Bureau reported.'],
    ['a voting record', 'She voted to cut Medicare by $716 billion.'],
    ['a sourced death toll', 'At least 37 people were killed when the ferry capsized, officials said.'],
  ])('scores %s above one half', (_kind, sentence) => {
    expect(checkWorthinessHint(sentence)).toBeGreaterThan(0.5);
  });

  it.each([
    ['a greeting', 'Good evening, and welcome to the debate.'],
    ['a question', 'How are you going to pay for it?'],
    ['an opinion', 'I feel like people are just exhausted.'],
    ['a promise', 'We are going to bring those jobs back, believe me.'],
    ['procedure', 'Senator, you have one minute for rebuttal.'],
    ['numbers in an anecdote', 'I have 2 kids and I love them.'],
    ['numbers in logistics', 'Chapter 3 begins at 9 a.m.'],
  ])('scores %s below one quarter', (_kind, sentence) => {
    expect(checkWorthinessHint(sentence)).toBeLessThan(0.25);
  });
});
