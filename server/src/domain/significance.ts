// Is a change between two counts more than chance? For two Poisson counts over equal exposure (the same
// area, population and number of months a year apart), the current count given the total is
// Binomial(n, 1/2) under "no change": the exact conditional binomial test, two-sided. Pure.

/** Two-sided p-value of the exact conditional test of x1 against x2 (equal exposure). For p = 1/2 the
 * distribution is symmetric, so "outcomes at most as likely" is twice the smaller tail (capped at 1). */
export function poissonChangeP(x1: number, x2: number): number {
  if (!Number.isInteger(x1) || !Number.isInteger(x2) || x1 < 0 || x2 < 0) throw new RangeError(`counts must be whole numbers ≥ 0 (got ${x1}, ${x2})`);
  const n = x1 + x2;
  if (n === 0) return 1;
  const k = Math.min(x1, x2);
  // log C(n, i) built up term by term; the tail summed in log space (n can be tens of thousands).
  const LN2N = n * Math.LN2;
  let logC = 0;
  let maxLog = -Infinity;
  const logs: number[] = [];
  for (let i = 0; i <= k; i++) {
    if (i > 0) logC += Math.log(n - i + 1) - Math.log(i);
    const l = logC - LN2N;
    logs.push(l);
    if (l > maxLog) maxLog = l;
  }
  const tail = Math.exp(maxLog) * logs.reduce((s, l) => s + Math.exp(l - maxLog), 0);
  return Math.min(1, 2 * tail);
}

/** Whether the change from `previous` to `current` is significant at `alpha` (two-sided); null when
 * either count is unknown or hidden. */
export function changeSignificant(current: number | null, previous: number | null, alpha = 0.05): boolean | null {
  if (current === null || previous === null) return null;
  return poissonChangeP(current, previous) < alpha;
}
