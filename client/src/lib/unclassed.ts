// Which areas a measure cannot honestly rank or colour: the map gives them no class, the table puts
// them after the others when sorted by that measure, so no "highest" list starts with them.
import type { Measure, StatsRow } from '../../../server/src/domain/model.ts';
import { changeBasis } from './changeText.ts';

export type UnclassedReason = 'tooFew' | 'noBase' | 'smallBase' | 'notSignificant';

/**
 * Why an area gets no class on the map for this measure, or null when it gets one:
 * - a rate per 1,000 of an area with too few inhabitants says nothing (Beatrixhaven: 15 inhabitants,
 *   67 registrations = 4.466,7);
 * - a change against no registrations a year earlier has no percentage at all (1 against 0), which is
 *   a figure, not missing data;
 * - a change against fewer than MIN_BASE registrations a year earlier is not shown as a percentage
 *   (3 against 2 is +50 %), so it is not coloured as a large rise or fall either;
 * - a change that the test for two Poisson counts does not find significant (15 against 10 is +50 %)
 *   is what chance alone gives; colouring it like a real shift would tell a council something untrue.
 * Such areas do not shape the class breaks and have their own legend line; the table still shows the value.
 */
export function unclassed(r: StatsRow, measure: Measure): UnclassedReason | null {
  if ((measure === 'ratePer1000' || measure === 'ratePer1000Smoothed') && r.flags.includes('lowPopulation')) return 'tooFew';
  if (measure !== 'changePct') return null;
  const basis = changeBasis(r.count, r.previousCount);
  if (basis === 'noBase' || basis === 'smallBase') return basis;
  if (r.changePct !== null && r.changeSignificant === false) return 'notSignificant';
  return null;
}
