// Survey indicator as choropleth: the same threshold classes as the crime map, but "worse" is always darker
// (the palette is reversed for indicators where higher is better, such as the rapportcijfer) and areas
// whose sample is too small are not coloured: they get the no-data hatch and a note.
import type { SurveyResponse } from '../../api/client.ts';
import { classify, computeBreaks, type ClassMethod, type Classification } from '../../lib/classes.ts';
import { sequentialPalette } from '../../lib/palette.ts';

type SurveyRow = SurveyResponse['rows'][number];

/** A value that may be shown in the table but not classified: too few respondents, or withheld. */
export function isUnreliable(r: SurveyRow): boolean {
  return r.value === null || r.flags.includes('smallSample') || r.flags.includes('suppressed');
}

export interface SurveyChoropleth {
  classification: Classification;
  /** code -> colour; null = no data / sample too small (hatched). */
  colours: Map<string, string | null>;
  /** Areas not coloured because of a small sample (they have or had respondents, unlike "noData"). */
  smallSampleCount: number;
}

export function surveyChoropleth(
  response: SurveyResponse,
  codes: readonly string[],
  method: Exclude<ClassMethod, 'manual'>,
  classes: number,
): SurveyChoropleth {
  const usable = response.rows.map((r) => (isUnreliable(r) ? null : r.value));
  const breaks = computeBreaks(usable, method, classes);
  const higherIsBetter = response.meta.betterWhen === 'higher';
  const palette = (b: number[]) => {
    const p = sequentialPalette(b.length + 1);
    return higherIsBetter ? p.reverse() : p;
  };
  const classification = classify(usable, breaks, palette);
  const colours = new Map<string, string | null>();
  for (const code of codes) colours.set(code, null);
  for (const r of response.rows) colours.set(r.code, isUnreliable(r) ? null : classification.colourFor(r.value));
  const smallSampleCount = response.rows.filter((r) => r.flags.includes('smallSample') || r.flags.includes('suppressed')).length;
  return { classification, colours, smallSampleCount };
}

/** "%"-values and rapportcijfers both with one decimal; the unit word for legends and tables. */
export function surveyUnit(unit: SurveyResponse['meta']['unit']): { short: string; word: string } {
  return unit === 'percentage' ? { short: '%', word: 'percentage' } : { short: '', word: 'rapportcijfer (1–10)' };
}
