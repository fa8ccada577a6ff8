// Hotspot classes, trends, methods and measures in plain Dutch; shared by the hotspot legend and the workbench.
import type { HotspotClassKey } from './overlayStyles.ts';

export type HotspotTrendKey = 'new' | 'intensifying' | 'persistent' | 'diminishing' | 'none';

export const TREND_WORDS: Record<HotspotTrendKey, string> = {
  new: 'nieuw',
  persistent: 'aanhoudend',
  intensifying: 'toenemend',
  diminishing: 'afnemend',
  none: 'geen patroon',
};

/** Short form for tables: "Hotspot 99%", "Koude plek 95%", "–". */
export function classShort(key: HotspotClassKey): string {
  if (key === 'none') return 'niet significant';
  return `${key.startsWith('hot') ? 'Hotspot' : 'Koude plek'} ${key.slice(-2)}%`;
}

export const METHOD_NAMES: Record<'gistar' | 'lisa', string> = {
  gistar: 'Getis-Ord Gi*',
  lisa: "Local Moran's I",
};

export const HOTSPOT_MEASURE_NAMES: Record<string, string> = {
  densityPerKm2: 'registraties per km²',
  ratePer1000Smoothed: 'registraties per 1.000 inwoners (EB-gecorrigeerd)',
  count: 'aantal registraties',
};
