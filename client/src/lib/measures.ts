// What each measure is called and how precisely it is shown; shared by legend, table, map tooltip and panel.
import type { Measure } from '../../../server/src/domain/model.ts';

export interface MeasureInfo {
  key: Measure;
  /** Legend and map title, e.g. "Misdrijven per 1.000 inwoners". */
  title: string;
  /** Short label for selects and table headers. */
  short: string;
  decimals: number;
  diverging: boolean;
}

export const MEASURES: MeasureInfo[] = [
  { key: 'ratePer1000', title: 'Misdrijven per 1.000 inwoners', short: 'per 1.000 inwoners', decimals: 1, diverging: false },
  {
    key: 'ratePer1000Smoothed',
    title: 'Misdrijven per 1.000 inwoners (EB-gecorrigeerd)',
    short: 'per 1.000 (EB-gecorrigeerd)',
    decimals: 1,
    diverging: false,
  },
  { key: 'count', title: 'Aantal misdrijven', short: 'aantal', decimals: 0, diverging: false },
  { key: 'densityPerKm2', title: 'Misdrijven per km²', short: 'per km²', decimals: 1, diverging: false },
  { key: 'changePct', title: 'Verandering t.o.v. vorig jaar (%)', short: 'verandering t.o.v. vorig jaar', decimals: 1, diverging: true },
];

export function measureInfo(key: Measure): MeasureInfo {
  return MEASURES.find((m) => m.key === key) ?? MEASURES[0];
}

export function isMeasure(value: string): value is Measure {
  return MEASURES.some((m) => m.key === value);
}
