import { describe, expect, it } from 'vitest';
import type { StatsRow } from '../../../../server/src/domain/model.ts';
import { classifyMeasure, TOO_FEW_FILL, tooFewInhabitants } from './police.tsx';

const row = (code: string, population: number, rate: number, flags: StatsRow['flags'] = []): StatsRow => ({
  code, naam: code, count: Math.round((rate * population) / 1000), population, ratePer1000: rate, ratePer1000Smoothed: rate,
  densityPerKm2: rate, changePct: 0, previousCount: null, changeSignificant: null, flags,
});

// Nine ordinary buurten and Beatrixhaven-like business areas with a handful of inhabitants.
const rows = [
  ...Array.from({ length: 9 }, (_, i) => row(`BU${i}`, 2000 + i * 100, 20 + i * 10)),
  row('HAVEN', 15, 4466.7, ['lowPopulation']),
  row('PARK', 40, 2325, ['lowPopulation']),
];
const ctx = { measure: 'ratePer1000' as const, method: 'quantile' as const, classes: 5, fixed: false, breaks: [] };

describe('areas with too few inhabitants on the map', () => {
  it('do not shape the class breaks of a rate, and are counted apart in the legend', () => {
    const c = classifyMeasure(rows, ctx);
    expect(Math.max(...c.breaks)).toBeLessThan(200);
    expect(c.bins.reduce((n, b) => n + b.count, 0)).toBe(9);
    expect(c.noDataCount).toBe(0);
    expect(c.excluded).toMatchObject({ label: 'te weinig inwoners', colour: TOO_FEW_FILL, count: 2 });
  });

  it('keep their place for a count, a density or a change, which say something at any size', () => {
    for (const measure of ['count', 'densityPerKm2', 'changePct'] as const) {
      expect(tooFewInhabitants(rows[9], measure)).toBe(false);
      expect(classifyMeasure(rows, { ...ctx, measure }).excluded).toBeUndefined();
    }
    expect(tooFewInhabitants(rows[9], 'ratePer1000Smoothed')).toBe(true);
  });
});
