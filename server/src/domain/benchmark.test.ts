import { describe, expect, it } from 'vitest';
import { ratePer1000, weightedAverage } from './benchmark.ts';

describe('weightedAverage', () => {
  it('is the sum of registrations over the sum of inhabitants, not the mean of the rates', () => {
    const avg = weightedAverage([
      { code: 'GM0001', count: 100, population: 1000 }, // 100 per 1,000
      { code: 'GM0002', count: 900, population: 99000 }, // ~9.09 per 1,000
    ]);
    expect(avg).toEqual({ ratePer1000: 10, count: 1000, population: 100000, members: 2 });
  });

  it('skips members without a count or inhabitants; none left gives null', () => {
    expect(weightedAverage([{ code: 'a', count: null, population: 10 }, { code: 'b', count: 5, population: 0 }]).ratePer1000).toBeNull();
    expect(weightedAverage([{ code: 'a', count: null, population: 10 }, { code: 'b', count: 5, population: 1000 }]).members).toBe(1);
  });

  it('ratePer1000 rounds to two decimals', () => {
    expect(ratePer1000(8293, 125285)).toBe(66.19);
    expect(ratePer1000(1, null)).toBeNull();
  });
});
