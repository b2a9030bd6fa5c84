import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CHECK_WORTHINESS_BIAS,
  CHECK_WORTHINESS_FEATURES,
  explainCheckWorthiness,
} from '../../../src/triage/check-worthiness';

const firedNames = (sentence: string) => explainCheckWorthiness(sentence).features.map((feature) => feature.name);

/** [feature, a sentence it fires on, a near miss it must not fire on]. */
type Case = [feature: string, fires: string, nearMiss: string];

const CASES: Case[] = [
  ['quantity', 'Prices rose 3.5% last year.', 'He has 3 kids.'],
  ['quantity', 'The plan costs $2 billion.', 'The plan costs a lot.'],
  ['quantity', 'One in five children lives in poverty.', 'One child lives next door.'],
  ['number', 'Seven people were hurt.', 'No one was hurt.'],
  ['year_or_period', 'The plant closed in 2009.', 'The plant closed at 90210 Ocean Drive.'],
  ['year_or_period', 'Sales fell for the third year in a row.', 'Sales fell for the third time today.'],
  ['day_or_month', 'Unemployment fell in May.', 'Unemployment may fall.'],
  ['day_or_month', 'The vote was held on Thursday.', 'Protesters will march on the capitol.'],
  ['comparison_or_change', 'Exports declined 5 percent.', 'The company declined to comment.'],
  ['comparison_or_change', 'Wind turbines kill more birds than cats do.', 'Wind turbines kill birds.'],
  ['record_or_superlative', 'Temperatures hit a record high in Phoenix.', 'Please enter my statement into the record.'],
  ['record_or_superlative', 'It was the deadliest storm since 1900.', 'It was a deadly storm.'],
  ['attribution', 'Officials said the road was closed.', 'As I said, the road was closed.'],
  ['attribution', 'Data show that wages grew.', 'Wages grew, and we are happy.'],
  ['institution', 'The Senate passed the bill.', 'They sold the house.'],
  ['institution', 'The Justice Department opened an inquiry.', 'The departure was delayed.'],
  ['proper_name', 'The plant is in Phoenix.', 'Phoenix is hot.'],
  ['proper_name', 'The deal was signed by the U.S. and Japan.', "Yes, and I'm here."],
  ['quoted_speech', '"We will not back down on this," she said.', 'She called it "fake."'],
  ['verifiable_action', 'The governor vetoed the bill.', 'The governor considered the bill.'],
  ['policy_topic', 'Unemployment is falling.', 'The weather is nice.'],
  ['question', 'Did the senator vote for it?', 'The senator asked why.'],
  ['question', 'Why now?" she asked him?"', 'She asked, "Why now?" and left.'],
  ['exclamation', 'We won the whole thing!', 'We won the whole thing.'],
  ['short', 'Next question.', 'The senator voted against the bill.'],
  ['first_person_opinion', 'I think taxes are too high.', 'Analysts expect taxes to stay high.'],
  ['evaluative_word', 'What a wonderful day.', 'What a windy day.'],
  ['obligation', 'We should cut taxes.', 'We shoulder the cost.'],
  ['future_or_speculation', 'Prices will rise.', 'Prices rose in May.'],
  ['future_or_speculation', "We'll see what happens.", 'We saw what happened.'],
  ['pleasantry', 'Thank you all for coming.', 'It is a thankless job.'],
  ['procedure', 'Let me finish my answer.', 'Police let the man go.'],
  ['procedure', 'The company declined to comment.', 'The company declined 5 percent.'],
  ['logistics', 'Doors open at 6 p.m. on Friday.', 'The store opened in 1996.'],
  ['personal_anecdote', 'My mother was a nurse.', 'Her mother was a nurse.'],
];

describe('check-worthiness features: each fires on its example and not on a near miss', () => {
  it.each(CASES)('%s fires on %j', (feature, fires) => {
    expect(firedNames(fires)).toContain(feature);
  });

  it.each(CASES)('%s does not fire on the near miss of %j: %j', (feature, _fires, nearMiss) => {
    expect(firedNames(nearMiss)).not.toContain(feature);
  });

  it('covers every feature in the table', () => {
    const tested = new Set(CASES.map(([feature]) => feature));
    expect(CHECK_WORTHINESS_FEATURES.map((feature) => feature.name).filter((name) => !tested.has(name))).toEqual([]);
  });
});

describe('check-worthiness explanations', () => {
  it('shows the matched text of each fired feature', () => {
    const { features } = explainCheckWorthiness('Unemployment fell to 3.5% in May, according to the Labor Department.');
    const matched = Object.fromEntries(features.map((feature) => [feature.name, feature.matched]));
    expect(matched).toMatchObject({
      quantity: ['3.5%'],
      number: ['3.5'],
      day_or_month: ['May'],
      comparison_or_change: ['fell'],
      attribution: ['according to'],
      institution: ['Department'],
      policy_topic: ['Unemployment'],
    });
  });

  it('reports weights exactly as in the feature table', () => {
    const weights = new Map(CHECK_WORTHINESS_FEATURES.map((feature) => [feature.name, feature.weight]));
    for (const feature of explainCheckWorthiness('I think the Senate will pass it on Friday, thank you!').features) {
      expect(feature.weight).toBe(weights.get(feature.name));
    }
  });

  it('caps the snippets listed per feature', () => {
    const { features } = explainCheckWorthiness('1 2 3 4 5 6 7 8 9 10 11 12 people voted.');
    expect(features.find((feature) => feature.name === 'number')?.matched).toHaveLength(5);
  });

  it('gives every feature a unique name, a one-line description and a finite non-zero weight', () => {
    const names = CHECK_WORTHINESS_FEATURES.map((feature) => feature.name);
    expect(new Set(names).size).toBe(names.length);
    for (const { description, weight } of CHECK_WORTHINESS_FEATURES) {
      expect(description).not.toMatch(/\n/);
      expect(description.length).toBeGreaterThan(10);
      expect(Number.isFinite(weight) && weight !== 0).toBe(true);
    }
  });
});

describe('docs/check-worthiness.md', () => {
  const doc = readFileSync(join(__dirname, '../../../docs/check-worthiness.md'), 'utf8');

  it('lists every feature with its weight and description, in table order', () => {
    const TABLE_ROW = /^\| `(\w+)` \| ([+−])(\d\.\d) \| (.+) \|$/gm;
    const rows = [...doc.matchAll(TABLE_ROW)].map(([, name, sign, weight, description]) => ({
      name,
      weight: (sign === '−' ? -1 : 1) * Number(weight),
      description,
    }));
    const table = CHECK_WORTHINESS_FEATURES.map(({ name, weight, description }) => ({ name, weight, description }));
    expect(rows).toEqual(table);
  });

  it('states the bias', () => {
    expect(doc).toContain(`\`CHECK_WORTHINESS_BIAS\` = ${String(CHECK_WORTHINESS_BIAS).replace('-', '−')}`);
  });
});
