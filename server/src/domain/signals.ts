// Signals (signalering): how surprising an area's registrations in a month (or window of months) are
// against its own history. Per area a quasi-Poisson GLM with a month-of-year effect and a linear trend
// is fitted on the months before the window; the window's count is compared with the predictive
// distribution (model uncertainty included), and Benjamini-Hochberg controls the false discovery
// rate over the areas. docs/decisions/0008-signals-and-evaluation.md explains the choices.
import { bhAdjust } from './hotspots.ts';
import { countQuantiles, fitQuasiPoisson, momentMatched, twoSidedCountP, type CountDistribution } from './countModels.ts';

export type SignalDirection = 'higher' | 'lower';

export interface SignalOptions {
  /** Months of history used at most (the most recent ones before the window). */
  historyMonths: number;
  /** Fewer known months of history than this: no test. */
  minHistoryMonths: number;
  /** Fewer registrations than this in the whole history: no test (the model has nothing to go on). */
  minHistoryCount: number;
  /** False discovery rate over the areas. */
  alpha: number;
  /** Coverage of the lower..upper interval of expected counts. */
  intervalLevel: number;
  /** Ridge penalty on each month-of-year effect (log scale). */
  seasonPenalty: number;
}

export const SIGNAL_DEFAULTS: SignalOptions = {
  historyMonths: 60,
  minHistoryMonths: 24,
  minHistoryCount: 5,
  alpha: 0.05,
  intervalLevel: 0.95,
  seasonPenalty: 1,
};

/** One month of an area's series: its calendar month (1-12) and count (null = unknown). */
export interface MonthCount {
  month: number;
  count: number | null;
}

export type ForecastReason = 'tooFewMonths' | 'tooFewCounts' | 'modelFailed';

export interface Forecast {
  expected: number;
  distribution: CountDistribution;
  /** Known months of history the model was fitted on. */
  historyMonths: number;
  dispersion: number;
}

/**
 * The predictive distribution of the summed count of `window` from `history` (both in calendar
 * order, history ending the month before the window starts).
 */
export function forecastWindow(history: MonthCount[], window: { month: number }[], opts: SignalOptions = SIGNAL_DEFAULTS): Forecast | { reason: ForecastReason; historyMonths: number } {
  const recent = history.slice(Math.max(0, history.length - opts.historyMonths));
  // t in years, counted from the first month of the history; the window continues the same clock.
  const rows: { t: number; month: number; y: number }[] = [];
  recent.forEach((h, i) => {
    if (h.count !== null) rows.push({ t: i / 12, month: h.month, y: h.count });
  });
  const known = rows.length;
  if (known < opts.minHistoryMonths) return { reason: 'tooFewMonths', historyMonths: known };
  const total = rows.reduce((s, r) => s + r.y, 0);
  if (total < opts.minHistoryCount) return { reason: 'tooFewCounts', historyMonths: known };
  const tMean = rows.reduce((s, r) => s + r.t, 0) / known;
  // Intercept, trend, and an effect for each calendar month but January (the reference).
  const design = (t: number, month: number) => {
    const x = new Array<number>(13).fill(0);
    x[0] = 1;
    x[1] = t - tMean;
    if (month > 1) x[month] = 1;
    return x;
  };
  const X = rows.map((r) => design(r.t, r.month));
  const penalty = [0, 0, ...new Array<number>(11).fill(opts.seasonPenalty)];
  const fit = fitQuasiPoisson(X, rows.map((r) => r.y), penalty);
  if (!fit) return { reason: 'modelFailed', historyMonths: known };
  let expected = 0;
  const grad = new Array<number>(13).fill(0);
  window.forEach((w, k) => {
    const x = design(recent.length / 12 + k / 12, w.month);
    const mu = Math.exp(x.reduce((s, v, j) => s + v * fit.beta[j], 0));
    expected += mu;
    for (let j = 0; j < 13; j++) grad[j] += mu * x[j];
  });
  // Var(observed - estimate) = phi * mu (the count's own noise) + Var(estimate) by the delta method.
  let estimateVar = 0;
  for (let i = 0; i < 13; i++) for (let j = 0; j < 13; j++) estimateVar += grad[i] * fit.cov[i][j] * grad[j];
  const variance = fit.dispersion * expected + estimateVar;
  // A trend fitted to a history of nearly all zeros (e.g. rounded or hidden counts) can forecast millions with a
  // variance beyond any count: such a forecast says nothing, and testing against it would call any month "lower".
  const windowMax = Math.max(...rows.map((r) => r.y)) * window.length;
  if (!Number.isFinite(expected) || !Number.isFinite(variance) || expected > 10 * (windowMax + 10) || Math.sqrt(variance) > 3 * (expected + 10)) {
    return { reason: 'modelFailed', historyMonths: known };
  }
  return { expected, distribution: momentMatched(expected, variance), historyMonths: known, dispersion: fit.dispersion };
}

export interface SignalArea {
  code: string;
  naam: string;
  /** Series of the history followed by the window (calendar order). */
  history: MonthCount[];
  window: MonthCount[];
}

export interface SignalRow {
  code: string;
  naam: string;
  /** Registrations in the window; null when some month of it is unknown. */
  observed: number | null;
  expected: number | null;
  /** Interval of ordinary counts (intervalLevel of the predictive distribution). */
  lower: number | null;
  upper: number | null;
  p: number | null;
  q: number | null;
  signal: SignalDirection | null;
  historyMonths: number;
  /** Why there is no test, when there is none. */
  reason: ForecastReason | 'windowUnknown' | null;
}

/** Tests every area's window against its forecast; FDR (BH) over the areas that could be tested. */
export function computeSignals(areas: SignalArea[], opts: SignalOptions = SIGNAL_DEFAULTS): SignalRow[] {
  const tail = (1 - opts.intervalLevel) / 2;
  const rows: SignalRow[] = areas.map((a) => {
    const observed = a.window.some((w) => w.count === null) ? null : a.window.reduce((s, w) => s + (w.count ?? 0), 0);
    const f = forecastWindow(a.history, a.window, opts);
    const base = { code: a.code, naam: a.naam, observed, q: null, signal: null };
    if ('reason' in f) return { ...base, expected: null, lower: null, upper: null, p: null, historyMonths: f.historyMonths, reason: f.reason };
    const [lower, upper] = countQuantiles(f.distribution, [tail, 1 - tail]);
    const p = observed === null ? null : twoSidedCountP(f.distribution, observed);
    return { ...base, expected: f.expected, lower, upper, p, historyMonths: f.historyMonths, reason: observed === null ? 'windowUnknown' : null };
  });
  const tested = rows.filter((r) => r.p !== null);
  const q = bhAdjust(tested.map((r) => r.p!));
  tested.forEach((r, i) => {
    r.q = q[i];
    if (q[i] <= opts.alpha) r.signal = r.observed! > r.expected! ? 'higher' : 'lower';
  });
  return rows;
}
