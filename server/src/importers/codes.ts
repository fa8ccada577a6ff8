// Shared validation of CBS area codes and code lists.

import type { Level } from '../domain/model.ts';

/** Options shared by all importers; each parser uses the subset it needs. */
export interface ImportOptions {
  /** Crime type codes (SoortMisdrijf, e.g. '1.1.1'); trailing spaces are ignored. '0.0.0' is always accepted as the total. */
  knownCodes: ReadonlySet<string>;
  /** Police nuisance codes (SoortOverlast, e.g. 'E35'); trailing spaces are ignored. */
  knownNuisanceCodes: ReadonlySet<string>;
  /** Survey indicator keys accepted in survey files. */
  knownIndicators: ReadonlySet<string>;
}

export const TOTAL_CODE = '0.0.0';

export function trimmedSet(s: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const c of s) out.add(c.trim());
  return out;
}

/** A CBS code's level; `land` is the national total (NL01). */
export type CodeLevel = Level | 'land';

// Amsterdam uses letters in the wijk/buurt part (BU0363AA01, WK0363AA), so those positions are alphanumeric.
const BU = /^BU\d{4}[0-9A-Z]{4}$/;
const WK = /^WK\d{4}[0-9A-Z]{2}$/;
const GM = /^GM\d{4}$/;
const NL = /^NL0[01]$/;

export const AREA_CODE_HELP =
  'verwacht een buurtcode (BU + 8 tekens, zoals BU09350000), wijkcode (WK + 6 tekens, zoals WK093500), gemeentecode (GM + 4 cijfers, zoals GM0935) of NL00/NL01 voor Nederland';

/** Level of a trimmed, upper-cased area code, or null when it is not a valid CBS area code. */
export function areaLevel(code: string): CodeLevel | null {
  if (BU.test(code)) return 'buurt';
  if (WK.test(code)) return 'wijk';
  if (GM.test(code)) return 'gemeente';
  if (NL.test(code)) return 'land';
  return null;
}
