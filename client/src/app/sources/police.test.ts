import { describe, expect, it } from 'vitest';
import type { StatsRow } from '../../../../server/src/domain/model.ts';
import { unclassed } from '../../lib/unclassed.ts';
import { classifyMeasure, gemeenteTotalText, TOO_FEW_FILL } from './police.tsx';

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
    expect(c.excluded).toMatchObject({ label: 'te weinig inwoners voor een cijfer per 1.000', colour: TOO_FEW_FILL, count: 2 });
  });

  it('keep their place for a count, a density or a change, which say something at any size', () => {
    for (const measure of ['count', 'densityPerKm2', 'changePct'] as const) {
      expect(unclassed(rows[9], measure)).toBe(null);
      expect(classifyMeasure(rows, { ...ctx, measure }).excluded).toBeUndefined();
    }
    expect(unclassed(rows[9], 'ratePer1000Smoothed')).toBe('tooFew');
  });
});

describe('changes that chance alone explains', () => {
  // 6 against 1 is +500 % and not significant; 600 against 400 is +50 % and is.
  const change = (code: string, pct: number, significant: boolean | null) => ({ ...row(code, 2000, 10), changePct: pct, changeSignificant: significant });
  const changes = [change('KLEIN', 500, false), change('GROOT', 50, true), change('DAL', -30, true), change('GEEN', 0, null)];

  it('get no colour on the change map, do not stretch its classes, and have their own legend line', () => {
    const c = classifyMeasure(changes, { ...ctx, measure: 'changePct' });
    expect(unclassed(changes[0], 'changePct')).toBe('notSignificant');
    expect(Math.max(...c.breaks)).toBeLessThan(500);
    expect(c.bins.reduce((n, b) => n + b.count, 0)).toBe(3);
    expect(c.excluded).toMatchObject({ label: 'klein aantal / niet significant', count: 1 });
  });

  it('keep their class on every other measure', () => {
    expect(unclassed(changes[0], 'count')).toBe(null);
    expect(classifyMeasure(changes, { ...ctx, measure: 'count' }).excluded).toBeUndefined();
  });
});

describe('the gemeente as a whole beside the map', () => {
  it('says count, rate and change, and when the change is what chance gives', () => {
    const total = { ...row('GM0935', 125_000, 66.19), count: 8293, changePct: 3.14, changeSignificant: false };
    expect(gemeenteTotalText('Maastricht', total)).toBe('Heel Maastricht: 8.293 registraties · 66,2 per 1.000 inwoners · +3,1 % t.o.v. een jaar eerder (niet significant)');
    expect(gemeenteTotalText('Maastricht', { ...total, count: null })).toBeNull();
    expect(gemeenteTotalText('Maastricht', undefined)).toBeNull();
  });
});
