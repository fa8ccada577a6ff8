// When a figure may be shown as a percentage: a change against a year earlier, or a share of a total, needs a base
// of at least MIN_BASE registrations. Below it one registration more or less moves the figure by more than ten points
// (3 against 2 is +50 %, 2 of 9 is 22 %): the counts are shown instead. One rule for the reports and the client.

/** The smallest base (the count a year earlier, or the total a share is taken of) a percentage is shown on. */
export const MIN_BASE = 10;

/**
 * How a change between two counts may be shown:
 * - 'percent': the base is large enough for a percentage;
 * - 'smallBase': fewer than MIN_BASE registrations a year earlier: the counts, not a percentage;
 * - 'noBase': none a year earlier: there is no percentage at all, yet these are figures, not missing data;
 * - 'unknown': either count is missing or hidden.
 */
export type ChangeBasis = 'percent' | 'smallBase' | 'noBase' | 'unknown';

export function changeBasis(count: number | null, previousCount: number | null): ChangeBasis {
  if (count === null || previousCount === null) return 'unknown';
  if (previousCount === 0) return 'noBase';
  return previousCount < MIN_BASE ? 'smallBase' : 'percent';
}

/** Whether shares (in %) of a total of `total` registrations may be shown. */
export const shareShown = (total: number): boolean => total >= MIN_BASE;
