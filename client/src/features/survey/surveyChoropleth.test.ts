import { describe, expect, it } from 'vitest';
import type { SurveyResponse } from '../../api/client.ts';
import { sequentialPalette } from '../../lib/palette.ts';
import { surveyChoropleth } from './surveyChoropleth.ts';

function response(betterWhen: 'lower' | 'higher'): SurveyResponse {
  const row = (code: string, value: number | null, respondents: number, flags: SurveyResponse['rows'][number]['flags'] = ['demo']) => ({
    code, naam: code, value, lower: null, upper: null, respondents, demo: true, flags,
  });
  return {
    meta: {
      demo: true, bron: 'DEMO', gemeente: 'GM0935', level: 'buurt', indicator: 'x', indicatorLabel: 'x', unit: 'percentage', betterWhen,
      year: 2014, years: [2014], gemeenteValue: 30, smallSampleThreshold: 30, notes: [],
    },
    rows: [
      row('a', 10, 100), row('b', 20, 100), row('c', 30, 100), row('d', 40, 100),
      row('e', 25, 20, ['smallSample', 'demo']), row('f', null, 5, ['suppressed', 'smallSample', 'demo']),
    ],
  };
}

describe('surveyChoropleth', () => {
  it('leaves small samples uncoloured (hatched) and counts them as no data', () => {
    const s = surveyChoropleth(response('lower'), ['a', 'b', 'c', 'd', 'e', 'f', 'g'], 'quantile', 3);
    expect(s.colours.get('e')).toBeNull();
    expect(s.colours.get('f')).toBeNull();
    expect(s.colours.get('g')).toBeNull(); // area without a row
    expect(s.classification.noDataCount).toBe(2);
    expect(s.smallSampleCount).toBe(2);
  });

  it('makes "worse" darker: reversed palette when higher is better', () => {
    const pal = sequentialPalette(3);
    const lower = surveyChoropleth(response('lower'), [], 'quantile', 3);
    const higher = surveyChoropleth(response('higher'), [], 'quantile', 3);
    expect(lower.colours.get('d')).toBe(pal[2]);
    expect(higher.colours.get('d')).toBe(pal[0]);
    expect(higher.colours.get('a')).toBe(pal[2]);
  });
});
