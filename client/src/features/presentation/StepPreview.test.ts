// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { StatsRow } from '../../../../server/src/domain/model.ts';
import { gemeenteOf, summariseStep } from './StepPreview.tsx';

const row = (code: string, count: number | null, flags: StatsRow['flags'] = []): StatsRow =>
  ({ code, naam: code, count, population: 1000, ratePer1000: count, ratePer1000Smoothed: count, densityPerKm2: count, changePct: null, previousCount: null, changeSignificant: null, flags }) as StatsRow;

describe('what the editor says about a step before it is shown', () => {
  it('warns when the presentation would hide half or more of the areas', () => {
    const rows = [row('A', null, ['suppressed']), row('B', null, ['suppressed']), row('C', 12), row('D', 30)];
    const s = summariseStep(rows, 'buurt');
    expect(s).toMatchObject({ areas: 4, suppressed: 2, empty: 0 });
    expect(s.warning).toBe('Let op: bij presentatie worden 2 van de 4 buurten afgeschermd (kleine aantallen). Kies wijken, een langere periode of een bredere soort.');
    expect(summariseStep(rows.slice(1), 'buurt').warning).toBeNull();
  });

  it('says when a step shows nothing at all', () => {
    expect(summariseStep([row('A', 0), row('B', null)], 'wijk').warning).toMatch(/^Deze weergave toont geen cijfers: geen registraties in deze periode/);
    expect(summariseStep([row('A', null, ['suppressed']), row('B', 0)], 'wijk').warning).toMatch(/alle wijken worden bij presentatie afgeschermd/);
    expect(summariseStep([], 'buurt').warning).toMatch(/geen registraties in dit gebied/);
  });

  it('finds the gemeente of any CBS code', () => {
    expect(['GM0935', 'BU09350000', 'WK093500'].map(gemeenteOf)).toEqual(['GM0935', 'GM0935', 'GM0935']);
  });
});
