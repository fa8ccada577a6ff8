import { describe, expect, it } from 'vitest';
import { clampWeight, parseWeights, serializeWeights } from './weights.ts';

const known = ['smoothedRate', 'change', 'hotspot', 'hicShare'];

describe('weights', () => {
  it('parses the API form against known criteria', () => {
    expect(parseWeights('smoothedRate:2,change:1', known)).toEqual({ smoothedRate: 2, change: 1 });
    expect(parseWeights(' hotspot : 1.5 ', known)).toEqual({ hotspot: 1.5 });
  });

  it('drops unknown, repeated and malformed parts, and clamps to 0…5 in steps of 0,5', () => {
    expect(parseWeights('foo:3,change:9,change:1,hicShare:x,hotspot:1.3', known)).toEqual({ change: 5, hotspot: 1.5 });
    expect(clampWeight(-2)).toBe(0);
    expect(clampWeight(2.74)).toBe(2.5);
  });

  it('returns null when nothing usable or no weight above zero', () => {
    expect(parseWeights(null, known)).toBeNull();
    expect(parseWeights('', known)).toBeNull();
    expect(parseWeights('change:0,hotspot:0', known)).toBeNull();
    expect(parseWeights('count:2', known)).toBeNull();
  });

  it('serialises in criterion order without zero weights, and round-trips', () => {
    const w = { hicShare: 1, smoothedRate: 2.5, change: 0 };
    const s = serializeWeights(w, known);
    expect(s).toBe('smoothedRate:2.5,hicShare:1');
    expect(parseWeights(s, known)).toEqual({ smoothedRate: 2.5, hicShare: 1 });
    expect(serializeWeights({ change: 0 }, known)).toBeNull();
  });
});
