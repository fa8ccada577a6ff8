import { describe, expect, it } from 'vitest';
import type { StatsRow } from '../../../../server/src/domain/model.ts';
import { unclassed } from '../../lib/unclassed.ts';
import { classifyMeasure, gemeenteTotalText, presentationRows, TOO_FEW_FILL } from './police.tsx';
import type { SourceContext } from './types.ts';
import { policeColours } from './policeColours.ts';

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

/** A row whose change is `count` against `previous` a year earlier, as the server computes it. */
const change = (code: string, count: number, previous: number, significant: boolean | null) => ({
  ...row(code, 2000, 10),
  count,
  previousCount: previous,
  changePct: previous === 0 ? null : Math.round(((count - previous) / previous) * 1000) / 10,
  changeSignificant: significant,
});

describe('changes that chance alone explains', () => {
  // 30 against 12 is +150 % and not significant; 600 against 400 is +50 % and is.
  const changes = [change('KLEIN', 30, 12, false), change('GROOT', 600, 400, true), change('DAL', 70, 100, true), change('GEEN', 50, 50, null)];

  it('get no colour on the change map, do not stretch its classes, and have their own legend line', () => {
    const c = classifyMeasure(changes, { ...ctx, measure: 'changePct' });
    expect(unclassed(changes[0], 'changePct')).toBe('notSignificant');
    expect(Math.max(...c.breaks)).toBeLessThan(150);
    expect(c.bins.reduce((n, b) => n + b.count, 0)).toBe(3);
    expect(c.excluded).toMatchObject({ label: 'binnen toeval (niet significant)', count: 1 });
  });

  it('keep their class on every other measure', () => {
    expect(unclassed(changes[0], 'count')).toBe(null);
    expect(classifyMeasure(changes, { ...ctx, measure: 'count' }).excluded).toBeUndefined();
  });
});

describe('changes on too small a base for a percentage, and changes against nothing', () => {
  // December 2025, G1.1: 3 against 2 (+50 %), 1 against 7 (-85,7 %), 0 against 4 (-100 %); Belvédère 1 against 0.
  const changes = [
    change('A', 3, 2, false),
    change('B', 1, 7, false),
    change('C', 0, 4, false),
    change('BELVEDERE', 1, 0, false),
    change('GROOT', 600, 400, true),
    change('DAL', 70, 100, true),
    change('ZELFDE', 40, 38, false),
    { ...change('AFGESCHERMD', 0, 0, null), count: null, previousCount: null, changePct: null },
  ];
  const c = classifyMeasure(changes, { ...ctx, measure: 'changePct' });

  it('are grey on the map, not coloured as large rises or falls, and do not shape the classes', () => {
    expect(changes.slice(0, 4).map((r) => unclassed(r, 'changePct'))).toEqual(['smallBase', 'smallBase', 'smallBase', 'noBase']);
    const colours = policeColours(changes, c, { measure: 'changePct', codes: changes.map((r) => r.code), restricted: false });
    for (const code of ['A', 'B', 'C', 'BELVEDERE']) expect(colours.get(code)).toBe(TOO_FEW_FILL);
    expect(colours.get('AFGESCHERMD')).toBeNull();
    expect(Math.min(...c.breaks)).toBeGreaterThan(-85);
    expect(c.bins.reduce((n, b) => n + b.count, 0)).toBe(2);
  });

  it('count "no comparison" apart from "no data" in the legend, each reason on its own line', () => {
    expect(c.noDataCount).toBe(1);
    expect(c.excluded).toMatchObject({ colour: TOO_FEW_FILL, count: 5 });
    expect(c.excluded?.parts).toEqual([
      { label: 'geen vergelijking (vorig jaar 0)', count: 1 },
      { label: 'te weinig registraties (vorig jaar minder dan 10)', count: 3 },
      { label: 'binnen toeval (niet significant)', count: 1 },
    ]);
    expect(c.excluded?.label).toBe('geen kleur: geen vergelijking (vorig jaar 0), te weinig registraties (vorig jaar minder dan 10) of binnen toeval (niet significant)');
    expect(c.excluded?.note).toMatch(/^Geen vergelijking: .* Te weinig registraties: .* Binnen toeval \(niet significant\): /);
  });
});

describe('the gemeente as a whole beside the map', () => {
  it('says count, rate and change, and when the change is what chance gives', () => {
    const total = { ...row('GM0935', 125_000, 66.19), count: 8293, changePct: 3.14, changeSignificant: false };
    expect(gemeenteTotalText('Maastricht', total)).toBe('Heel Maastricht: 8.293 registraties · 66,2 per 1.000 inwoners · +3,1 % t.o.v. een jaar eerder (niet significant)');
    expect(gemeenteTotalText('Maastricht', { ...total, count: null })).toBeNull();
    expect(gemeenteTotalText('Maastricht', undefined)).toBeNull();
  });

  it('gives the counts instead of a percentage on too small a base', () => {
    const small = { ...change('GM0935', 3, 2, false), naam: 'Maastricht' };
    expect(gemeenteTotalText('Maastricht', small)).toBe('Heel Maastricht: 3 registraties · 10,0 per 1.000 inwoners · 3 (was 2) t.o.v. een jaar eerder (te weinig registraties)');
  });
});

describe('the table beside a presentation', () => {
  const presentation = (measure: 'ratePer1000' | 'changePct' | 'count') => ({ measure, inFocus: () => true }) as unknown as SourceContext;

  it('never ranks a rate of an area with too few inhabitants: it reads "te weinig inwoners" and comes last', () => {
    // Buitenwijk Noordoost on the big screen put Beatrixhaven (15 inhabitants) first at 4.666,7 per 1.000.
    const shown = presentationRows([rows[0], rows[9], rows[8]], presentation('ratePer1000'));
    expect(shown.map((r) => [r.code, r.value, r.note])).toEqual([
      ['BU8', 100, undefined],
      ['BU0', 20, undefined],
      ['HAVEN', null, 'te weinig inwoners'],
    ]);
    // A count says something at any size.
    expect(presentationRows([rows[9]], presentation('count'))[0]).toMatchObject({ value: rows[9].count });
    expect(presentationRows([rows[9]], presentation('count'))[0].note).toBeUndefined();
  });

  it('gives no percentage on a few registrations, and marks a change within chance', () => {
    const shown = presentationRows([change('DRIE', 3, 2, false), change('KLEIN', 30, 12, false), change('GROOT', 600, 400, true)], presentation('changePct'));
    expect(shown.map((r) => [r.code, r.value, r.note])).toEqual([
      ['KLEIN', 150, 'niet significant'],
      ['GROOT', 50, undefined],
      ['DRIE', null, 'te weinig registraties'],
    ]);
  });
});
