import { describe, expect, it } from 'vitest';
import { changeSignificant, poissonChangeP } from './significance.ts';

describe('poissonChangeP: exact conditional binomial test, two-sided (values of R binom.test(x, n, 0.5))', () => {
  it.each([
    [6, 1, 0.125],
    [1, 7, 0.0703125],
    [0, 10, 0.001953125],
    [2, 12, 0.012939453125],
    [10, 20, 0.09873714670538902],
    [5, 5, 1],
    [100, 130, 0.055613577781392386],
    [1000, 1100, 0.030720707864242296],
    [0, 0, 1],
    [0, 5, 0.0625],
    [0, 6, 0.03125],
  ])('%i vs %i: p = %f', (a, b, p) => {
    expect(poissonChangeP(a, b)).toBeCloseTo(p, 10);
    expect(poissonChangeP(b, a)).toBeCloseTo(p, 10);
  });

  it('stays finite and exact enough for large counts', () => {
    const p = poissonChangeP(8293, 8000);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(0.05);
    expect(poissonChangeP(20000, 20000)).toBe(1);
  });

  it('refuses counts that are not whole numbers ≥ 0', () => {
    expect(() => poissonChangeP(-1, 3)).toThrow(RangeError);
    expect(() => poissonChangeP(1.5, 3)).toThrow(RangeError);
  });
});

describe('changeSignificant', () => {
  it('6 vs 1 (+500 %) is not significant at 5 %; 0 vs 6 and 1000 vs 1100 are', () => {
    expect(changeSignificant(6, 1)).toBe(false);
    expect(changeSignificant(0, 6)).toBe(true);
    expect(changeSignificant(1000, 1100)).toBe(true);
    expect(changeSignificant(100, 130)).toBe(false);
  });

  it('null when a count is unknown or hidden', () => {
    expect(changeSignificant(null, 5)).toBeNull();
    expect(changeSignificant(5, null)).toBeNull();
  });
});
