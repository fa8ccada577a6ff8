import { describe, expect, it } from 'vitest';
import { changeBasis, MIN_BASE, shareShown } from './percentBase.ts';

describe('when a percentage may be shown', () => {
  it('needs at least MIN_BASE registrations a year earlier for a change', () => {
    expect(changeBasis(3, 2)).toBe('smallBase');
    expect(changeBasis(1, 7)).toBe('smallBase');
    expect(changeBasis(0, 9)).toBe('smallBase');
    expect(changeBasis(9, 10)).toBe('percent');
    expect(changeBasis(1, 0)).toBe('noBase');
    expect(changeBasis(0, 0)).toBe('noBase');
    expect(changeBasis(null, 12)).toBe('unknown');
    expect(changeBasis(12, null)).toBe('unknown');
  });

  it('needs a total of at least MIN_BASE for shares', () => {
    expect(shareShown(9)).toBe(false);
    expect(shareShown(MIN_BASE)).toBe(true);
  });
});
