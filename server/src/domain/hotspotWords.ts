// Hotspot classes, trends and results in plain Dutch: one wording for the map legend, the tables, the
// PNG export, the CSV/GeoJSON export and the wijkbrief (the client imports this module).
//
// A class is the strictest Benjamini–Hochberg FDR level (1 %, 5 %, 10 %) at which the area is still
// significant. "FDR 5 %" is a statement about the set of flagged areas (of all areas flagged at that
// level, at most about 5 % are expected to be chance), not a confidence about one area: "95 %
// betrouwbaar" would say the latter, so no wording here says it.
import type { EmergingTrend } from './hotspots.ts';
import type { HotspotClass, Quadrant } from './spatial.ts';

type Significant = Exclude<HotspotClass, 'none'>;

const STRENGTH: Record<'99' | '95' | '90', { word: string; fdr: string }> = {
  '99': { word: 'zeer duidelijk', fdr: '1%' },
  '95': { word: 'duidelijk', fdr: '5%' },
  '90': { word: 'zwak', fdr: '10%' },
};

const level = (key: Significant) => STRENGTH[key.slice(-2) as '99' | '95' | '90'];
const kind = (key: Significant) => (key.startsWith('hot') ? 'Hotspot' : 'Koude plek');

/** Legend text: "Hotspot, duidelijk (FDR 5%)". */
export function hotspotClassLabel(key: HotspotClass): string {
  if (key === 'none') return 'Niet significant';
  return `${kind(key)}, ${level(key).word} (FDR ${level(key).fdr})`;
}

/** Table text: "Hotspot (FDR 5%)", "niet significant". */
export function hotspotClassShort(key: HotspotClass): string {
  if (key === 'none') return 'niet significant';
  return `${kind(key)} (FDR ${level(key).fdr})`;
}

/** What the FDR level in a class means, for the note under every hotspot legend. */
export const FDR_EXPLANATION =
  'FDR 5% betekent: van alle gebieden die op dat niveau als hotspot of koude plek zijn aangewezen, is naar verwachting hooguit 5% toeval. Het is geen zekerheid over één gebied.';

export const HOTSPOT_TREND_WORDS: Record<EmergingTrend, string> = {
  new: 'nieuw',
  persistent: 'aanhoudend',
  intensifying: 'toenemend',
  diminishing: 'afnemend',
  none: 'geen patroon',
};

export interface HotspotSentenceInput {
  class: HotspotClass;
  method: 'gistar' | 'lisa';
  quadrant?: Quadrant | null;
  monthsSignificant: number;
  trend: EmergingTrend;
  excluded: 'lowPopulation' | 'noData' | null;
}

/**
 * One sentence per area that says what its result means, without statistics words:
 * "Deze buurt en de buurten eromheen hebben samen duidelijk meer registraties per km² dan gemiddeld
 * in de gemeente; in 9 van de laatste 12 maanden een hotspot (aanhoudend)."
 */
export function hotspotSentence(r: HotspotSentenceInput, words: { area: string; areas: string; measure: string; historyMonths: number }): string {
  if (r.excluded === 'lowPopulation') return `Niet getest: te weinig inwoners voor een cijfer per 1.000 inwoners.`;
  if (r.excluded === 'noData') return 'Niet getest: geen gegevens.';
  const history =
    r.monthsSignificant > 0
      ? `in ${r.monthsSignificant} van de laatste ${words.historyMonths} maanden een hotspot${r.trend !== 'none' ? ` (${HOTSPOT_TREND_WORDS[r.trend]})` : ''}`
      : '';
  if (r.class === 'none') {
    const outlier =
      r.method === 'lisa' && r.quadrant === 'HL'
        ? `Hoger dan de ${words.areas} eromheen, maar geen duidelijk patroon`
        : r.method === 'lisa' && r.quadrant === 'LH'
          ? `Lager dan de ${words.areas} eromheen, maar geen duidelijk patroon`
          : 'Geen duidelijk patroon';
    return history ? `${outlier} in deze periode; wel ${history}.` : `${outlier} in deze periode.`;
  }
  const more = r.class.startsWith('hot');
  const strength = level(r.class).word;
  const what =
    r.method === 'gistar'
      ? `Deze ${words.area} en de ${words.areas} eromheen hebben samen ${strength} ${more ? 'meer' : 'minder'} ${words.measure} dan gemiddeld in de gemeente`
      : `Deze ${words.area} heeft ${strength} ${more ? 'veel' : 'weinig'} ${words.measure}, net als de ${words.areas} eromheen`;
  return history ? `${what}; ${history}.` : `${what}.`;
}
