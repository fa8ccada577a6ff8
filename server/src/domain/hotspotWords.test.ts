import { describe, expect, it } from 'vitest';
import { hotspotClassLabel, hotspotClassShort, hotspotSentence } from './hotspotWords.ts';

const words = { area: 'buurt', areas: 'buurten', measure: 'registraties per km²', historyMonths: 12 };
const base = { method: 'gistar' as const, monthsSignificant: 0, trend: 'none' as const, excluded: null };

describe('hotspot wording', () => {
  it('names the FDR level, never a per-area certainty', () => {
    expect(hotspotClassLabel('hot95')).toBe('Hotspot, duidelijk (FDR 5%)');
    expect(hotspotClassLabel('cold99')).toBe('Koude plek, zeer duidelijk (FDR 1%)');
    expect(hotspotClassShort('hot90')).toBe('Hotspot (FDR 10%)');
    for (const k of ['hot99', 'hot95', 'hot90', 'cold90', 'cold95', 'cold99', 'none'] as const) {
      expect(hotspotClassLabel(k)).not.toMatch(/betrouwbaar|zeker|9\d ?%/);
    }
  });

  it('says in one sentence what a Gi* hotspot means, with its history', () => {
    expect(hotspotSentence({ ...base, class: 'hot99', monthsSignificant: 9, trend: 'persistent' }, words)).toBe(
      'Deze buurt en de buurten eromheen hebben samen zeer duidelijk meer registraties per km² dan gemiddeld in de gemeente; in 9 van de laatste 12 maanden een hotspot (aanhoudend).',
    );
    expect(hotspotSentence({ ...base, class: 'cold95' }, words)).toBe('Deze buurt en de buurten eromheen hebben samen duidelijk minder registraties per km² dan gemiddeld in de gemeente.');
  });

  it('words Local Moran results as likeness to the neighbours, outliers included', () => {
    const lisa = { ...base, method: 'lisa' as const };
    const w = { ...words, measure: 'registraties per 1.000 inwoners' };
    expect(hotspotSentence({ ...lisa, class: 'hot95', quadrant: 'HH' }, w)).toBe('Deze buurt heeft duidelijk veel registraties per 1.000 inwoners, net als de buurten eromheen.');
    expect(hotspotSentence({ ...lisa, class: 'none', quadrant: 'HL' }, w)).toBe('Hoger dan de buurten eromheen, maar geen duidelijk patroon in deze periode.');
  });

  it('explains areas that were not tested and months that were hotspots before', () => {
    expect(hotspotSentence({ ...base, class: 'none', excluded: 'lowPopulation' }, words)).toMatch(/^Niet getest: te weinig inwoners/);
    expect(hotspotSentence({ ...base, class: 'none', monthsSignificant: 3 }, words)).toBe('Geen duidelijk patroon in deze periode; wel in 3 van de laatste 12 maanden een hotspot.');
  });
});
