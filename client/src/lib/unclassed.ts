// Which areas a measure cannot honestly rank or colour: the map gives them no class, the table puts
// them after the others when sorted by that measure, so no "highest" list starts with them.
import type { Measure, StatsRow } from '../../../server/src/domain/model.ts';

/**
 * Why an area gets no class on the map for this measure, or null when it gets one:
 * - a rate per 1,000 of an area with too few inhabitants says nothing (Beatrixhaven: 15 inhabitants,
 *   67 registrations = 4.466,7);
 * - a change that the test for two Poisson counts does not find significant (6 against 1 is +500 %)
 *   is what chance alone gives; colouring it like a real shift would tell a council something untrue.
 * Such areas do not shape the class breaks and have their own legend line; the table still shows the value.
 */
export function unclassed(r: StatsRow, measure: Measure): 'tooFew' | 'notSignificant' | null {
  if ((measure === 'ratePer1000' || measure === 'ratePer1000Smoothed') && r.flags.includes('lowPopulation')) return 'tooFew';
  if (measure === 'changePct' && r.changePct !== null && r.changeSignificant === false) return 'notSignificant';
  return null;
}
