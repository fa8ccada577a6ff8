// What each measure is called and how precisely it is shown; shared by legend, table, map tooltip and panel.
// The noun follows what is counted: police nuisance (overlast) is never called "misdrijven", since a
// legend that says crime over a nuisance map tells a decision maker something the data does not.
import type { Measure } from '../../../server/src/domain/model.ts';
import type { Category } from '../api/client.ts';

/** What the chosen category counts: crimes (47022NED/47018NED) or nuisance registrations (47024NED). */
export type Registrations = 'misdrijf' | 'overlast';

export interface MeasureInfo {
  key: Measure;
  /** Legend and map title, e.g. "Misdrijven per 1.000 inwoners". */
  title: string;
  /** Short label for selects and table headers. */
  short: string;
  decimals: number;
  diverging: boolean;
}

const NOUN: Record<Registrations, string> = { misdrijf: 'Misdrijven', overlast: 'Overlastregistraties' };

function measures(registrations: Registrations): MeasureInfo[] {
  const noun = NOUN[registrations];
  return [
    { key: 'ratePer1000', title: `${noun} per 1.000 inwoners`, short: 'per 1.000 inwoners', decimals: 1, diverging: false },
    { key: 'ratePer1000Smoothed', title: `${noun} per 1.000 inwoners (EB-gecorrigeerd)`, short: 'per 1.000 (EB-gecorrigeerd)', decimals: 1, diverging: false },
    { key: 'count', title: `Aantal ${noun.toLowerCase()}`, short: 'aantal', decimals: 0, diverging: false },
    { key: 'densityPerKm2', title: `${noun} per km²`, short: 'per km²', decimals: 1, diverging: false },
    { key: 'changePct', title: 'Verandering t.o.v. vorig jaar (%)', short: 'verandering t.o.v. vorig jaar', decimals: 1, diverging: true },
  ];
}

const BY_KIND: Record<Registrations, MeasureInfo[]> = { misdrijf: measures('misdrijf'), overlast: measures('overlast') };

/** The measures in the order the filters offer them. */
export const MEASURES: readonly MeasureInfo[] = BY_KIND.misdrijf;

export function measureInfo(key: Measure, registrations: Registrations = 'misdrijf'): MeasureInfo {
  const list = BY_KIND[registrations];
  return list.find((m) => m.key === key) ?? list[0];
}

/** Whether `code` counts nuisance or crime, from the server's category list (group 'overlast'). */
export function registrationsOf(categories: readonly Pick<Category, 'code' | 'groep'>[], code: string): Registrations {
  return categories.find((c) => c.code === code)?.groep === 'overlast' ? 'overlast' : 'misdrijf';
}

export function isMeasure(value: string): value is Measure {
  return MEASURES.some((m) => m.key === value);
}
