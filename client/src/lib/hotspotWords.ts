// Hotspot classes, trends, methods and measures in plain Dutch; shared by the hotspot legend and the workbench.
// Class, trend and sentence wording is the server's (the exports and the wijkbrief use the same words).
export { FDR_EXPLANATION, hotspotClassShort as classShort, hotspotSentence, HOTSPOT_TREND_WORDS as TREND_WORDS } from '../../../server/src/domain/hotspotWords.ts';
export type { EmergingTrend as HotspotTrendKey } from '../../../server/src/domain/hotspots.ts';

export const METHOD_NAMES: Record<'gistar' | 'lisa', string> = {
  gistar: 'Getis-Ord Gi*',
  lisa: "Local Moran's I",
};

export const HOTSPOT_MEASURE_NAMES: Record<string, string> = {
  densityPerKm2: 'registraties per km²',
  ratePer1000Smoothed: 'registraties per 1.000 inwoners (EB-gecorrigeerd)',
  count: 'aantal registraties',
};
