// How the reports print a change against the comparison period. The rule itself (a percentage only on a
// base of at least MIN_BASE registrations) is domain/percentBase.ts, shared with the app; this module
// gives every table and sentence of the reports the same words for it.
import { changeBasis, MIN_BASE } from '../domain/percentBase.ts';
import { num, pct } from './format.ts';

export { MIN_BASE };

/** What a report prints instead of a percentage on a base below MIN_BASE. */
export const TOO_FEW_FOR_PERCENT = 'te weinig registraties voor een percentage';

/** Words for a change that chance explains (exact test, see domain/significance.ts). */
export const NOT_SIGNIFICANT = 'binnen toeval (niet significant)';

/** True when both counts are known and the comparison count is large enough for a percentage. */
export const percentAllowed = (count: number | null, previous: number | null): boolean => changeBasis(count, previous) === 'percent';

export interface Change {
  count: number | null;
  previousCount: number | null;
  changePct: number | null;
  changeSignificant: boolean | null;
}

/** "+12" / "−3" / "0". */
export const signed = (x: number) => (x > 0 ? `+${num(x)}` : x < 0 ? `−${num(-x)}` : '0');

/**
 * The change in plain text, in parts a table cell or a sentence can lay out: the main figure (a percentage,
 * or the difference in counts on a small base) and, when needed, the words that qualify it.
 */
export function changeParts(c: Change): { figure: string; words: string | null } {
  if (c.count === null || c.previousCount === null) return { figure: '–', words: null };
  if (!percentAllowed(c.count, c.previousCount) || c.changePct === null) {
    const diff = c.count - c.previousCount;
    // No change needs no percentage, so no words about a missing one.
    return { figure: signed(diff), words: diff === 0 ? null : TOO_FEW_FOR_PERCENT };
  }
  return { figure: pct(c.changePct), words: c.changeSignificant === false ? NOT_SIGNIFICANT : null };
}
