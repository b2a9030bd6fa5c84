import { averagePrecision } from '../../../src/triage/average-precision';

const items = (...pairs: Array<[score: number, label: 0 | 1]>) => pairs.map(([score, label]) => ({ score, label }));

describe('averagePrecision', () => {
  it('is 1 when every positive ranks above every negative', () => {
    expect(averagePrecision(items([0.9, 1], [0.8, 1], [0.1, 0]))).toBe(1);
  });

  it('averages precision at the rank of each positive', () => {
    // Ranked: 1 (0.9), 0 (0.8), 1 (0.7), 0 (0.2), 1 (0.1) → (1/1 + 2/3 + 3/5) / 3.
    const ap = averagePrecision(items([0.2, 0], [0.7, 1], [0.1, 1], [0.9, 1], [0.8, 0]));
    expect(ap).toBeCloseTo((1 + 2 / 3 + 3 / 5) / 3, 12);
  });

  it('puts negatives first within a tie, whatever the input order', () => {
    // All tied: ranked 0, 0, 1, 1 → (1/3 + 2/4) / 2.
    const expected = (1 / 3 + 2 / 4) / 2;
    expect(averagePrecision(items([0.5, 1], [0.5, 1], [0.5, 0], [0.5, 0]))).toBeCloseTo(expected, 12);
    expect(averagePrecision(items([0.5, 0], [0.5, 1], [0.5, 0], [0.5, 1]))).toBeCloseTo(expected, 12);
  });

  it('breaks only ties pessimistically, not the order of distinct scores', () => {
    // Ranked: 1 (0.9), then the 0.5 tie as 0, 1 → (1/1 + 2/3) / 2.
    expect(averagePrecision(items([0.5, 1], [0.9, 1], [0.5, 0]))).toBeCloseTo((1 + 2 / 3) / 2, 12);
  });

  it('is the worst possible value when every positive ranks last', () => {
    // Ranked: 0, 0, 1 → 1/3.
    expect(averagePrecision(items([0.1, 1], [0.5, 0], [0.6, 0]))).toBeCloseTo(1 / 3, 12);
  });

  it('is 0 without positives and does not modify its input', () => {
    expect(averagePrecision([])).toBe(0);
    expect(averagePrecision(items([0.3, 0], [0.2, 0]))).toBe(0);
    const input = items([0.1, 1], [0.9, 0]);
    const copy = structuredClone(input);
    averagePrecision(input);
    expect(input).toEqual(copy);
  });
});
