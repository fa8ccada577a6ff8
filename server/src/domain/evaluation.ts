// Effect evaluation of an area-based approach: difference-in-differences of log counts between the
// treated buurten and matched control buurten, with a studentised placebo (permutation) distribution
// for the p-value and the interval. docs/decisions/0008-signals-and-evaluation.md explains the choices.
import { mulberry32 } from './random.ts';

export interface EvalSeries {
  code: string;
  /** Counts of the pre months followed by the post months. */
  counts: number[];
}

export interface EvaluationOptions {
  preMonths: number;
  postMonths: number;
  /** Control buurten matched to a group. */
  controls: number;
  /** Fewer usable candidate buurten than this (beyond the group itself): no estimate. */
  minControls: number;
  /** Placebo groups drawn from the candidates (all of them when there are fewer combinations). */
  placeboRuns: number;
  seed: number;
  /** Two-sided level of the interval and the test. */
  alpha: number;
}

export const EVALUATION_DEFAULTS: Omit<EvaluationOptions, 'preMonths' | 'postMonths' | 'seed'> = {
  controls: 10,
  minControls: 5,
  placeboRuns: 499,
  alpha: 0.05,
};

export interface Estimate {
  /** log(post/pre of the group) - log(post/pre of its controls). */
  logEffect: number;
  /** Delta-method standard error under Poisson counts (used to studentise, not as the interval). */
  se: number;
  controls: { code: string; weight: number }[];
}

export interface EffectResult {
  estimate: Estimate;
  estimatePct: number;
  lower: number;
  upper: number;
  p: number;
  placebo: { runs: number; groupSize: number; exhaustive: boolean; estimatesPct: { p05: number; p50: number; p95: number }; moreExtreme: number };
}

export type EvaluationFailure = 'tooFewControls' | 'emptyPre';

/** Mean per buurt of a group, month by month. */
function groupMean(group: EvalSeries[]): number[] {
  const n = group[0].counts.length;
  const out = new Array<number>(n).fill(0);
  for (const g of group) for (let t = 0; t < n; t++) out[t] += g.counts[t] / group.length;
  return out;
}

/** Pre-period level (log mean) and trend (slope of log counts per year): what controls are matched on. */
function features(series: number[], pre: number): [number, number] {
  let sum = 0;
  for (let t = 0; t < pre; t++) sum += series[t];
  const level = Math.log(sum / pre + 0.5);
  const tm = (pre - 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let ym = 0;
  for (let t = 0; t < pre; t++) ym += Math.log(series[t] + 0.5) / pre;
  for (let t = 0; t < pre; t++) {
    sxy += (t - tm) * (Math.log(series[t] + 0.5) - ym);
    sxx += (t - tm) * (t - tm);
  }
  return [level, sxx > 0 ? (12 * sxy) / sxx : 0];
}

const sum = (a: number[], from: number, to: number) => {
  let s = 0;
  for (let t = from; t < to; t++) s += a[t];
  return s;
};

interface Prepared {
  series: EvalSeries;
  pre: number;
  post: number;
  feat: [number, number];
}

function prepare(s: EvalSeries, pre: number): Prepared {
  return { series: s, pre: sum(s.counts, 0, pre), post: sum(s.counts, pre, s.counts.length), feat: features(s.counts, pre) };
}

/**
 * The difference-in-differences estimate for `group` against the `k` candidates nearest in pre-period
 * level and trend. Each control is scaled to the group's pre-period total and they weigh equally, so
 * the control line starts where the treated line does; a constant 0.5 keeps empty periods finite.
 */
function estimateFor(group: Prepared[], pool: Prepared[], k: number, pre: number, scale: [number, number]): Estimate | null {
  const usable = pool.filter((p) => p.pre > 0);
  if (usable.length < k) return null;
  const gm = groupMean(group.map((g) => g.series));
  const [gl, gt] = features(gm, pre);
  const ranked = usable
    .map((p) => ({ p, d: ((p.feat[0] - gl) / scale[0]) ** 2 + ((p.feat[1] - gt) / scale[1]) ** 2 }))
    .sort((a, b) => a.d - b.d || (a.p.series.code < b.p.series.code ? -1 : 1))
    .slice(0, k);
  const tPre = group.reduce((s, g) => s + g.pre, 0);
  const tPost = group.reduce((s, g) => s + g.post, 0);
  if (tPre <= 0) return null;
  const weights = ranked.map((r) => tPre / r.p.pre / ranked.length);
  const cPre = tPre;
  const cPost = ranked.reduce((s, r, i) => s + weights[i] * r.p.post, 0);
  const logEffect = Math.log((tPost + 0.5) / (tPre + 0.5)) - Math.log((cPost + 0.5) / (cPre + 0.5));
  // Var(log X) ~ Var(X) / X^2 with Poisson counts; the control sums are weighted sums of counts.
  const cPreVar = ranked.reduce((s, r, i) => s + weights[i] ** 2 * r.p.pre, 0);
  const cPostVar = ranked.reduce((s, r, i) => s + weights[i] ** 2 * r.p.post, 0);
  const se = Math.sqrt(1 / (tPost + 0.5) + 1 / (tPre + 0.5) + cPostVar / (cPost + 0.5) ** 2 + cPreVar / (cPre + 0.5) ** 2);
  return { logEffect, se, controls: ranked.map((r, i) => ({ code: r.p.series.code, weight: weights[i] })) };
}

function binomial(n: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (n - k + i)) / i;
  return c;
}

/** Every k-subset of 0..n-1 (only called when there are few). */
function subsets(n: number, k: number): number[][] {
  const out: number[][] = [];
  const cur: number[] = [];
  const rec = (start: number) => {
    if (cur.length === k) return void out.push([...cur]);
    for (let i = start; i < n; i++) {
      cur.push(i);
      rec(i + 1);
      cur.pop();
    }
  };
  rec(0);
  return out;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

const pct = (logEffect: number) => 100 * (Math.exp(logEffect) - 1);

/**
 * Effect of the approach on `treated` against controls from `candidates` (buurten neither treated nor,
 * when displacement is plausible, next to a treated one). The placebo distribution re-runs the same
 * estimate with groups of the same size drawn from the candidates, each matched to controls from the
 * remaining candidates; the studentised placebo estimates give the p-value (permutation test) and the
 * interval (test inversion), so heterogeneous trends between buurten widen the interval as they should.
 */
export function evaluateEffect(treated: EvalSeries[], candidates: EvalSeries[], opts: EvaluationOptions): EffectResult | { reason: EvaluationFailure } {
  const pre = opts.preMonths;
  const T = treated.map((s) => prepare(s, pre));
  const C = candidates.map((s) => prepare(s, pre)).filter((p) => p.pre > 0);
  if (T.reduce((s, g) => s + g.pre, 0) <= 0) return { reason: 'emptyPre' };
  const k = Math.min(opts.controls, C.length - T.length);
  if (k < opts.minControls) return { reason: 'tooFewControls' };
  // Distances in units of the candidates' own spread, so level and trend count equally.
  const sd = (i: 0 | 1) => {
    const v = C.map((c) => c.feat[i]);
    const m = v.reduce((s, x) => s + x, 0) / v.length;
    return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, v.length - 1)) || 1;
  };
  const scale: [number, number] = [sd(0), sd(1)];
  const estimate = estimateFor(T, C, k, pre, scale);
  if (!estimate) return { reason: 'tooFewControls' };

  const n = T.length;
  const combos = binomial(C.length, n);
  const exhaustive = combos <= opts.placeboRuns;
  const rand = mulberry32(opts.seed);
  const draws: number[][] = exhaustive
    ? subsets(C.length, n)
    : Array.from({ length: opts.placeboRuns }, () => {
        // Partial Fisher-Yates: the first n of a shuffled index list.
        const idx = C.map((_, i) => i);
        for (let i = 0; i < n; i++) {
          const j = i + Math.floor(rand() * (idx.length - i));
          [idx[i], idx[j]] = [idx[j], idx[i]];
        }
        return idx.slice(0, n);
      });
  const placeboT: number[] = [];
  const placeboLog: number[] = [];
  for (const d of draws) {
    const inGroup = new Set(d);
    const e = estimateFor(d.map((i) => C[i]), C.filter((_, i) => !inGroup.has(i)), k, pre, scale);
    if (!e) continue;
    placeboT.push(e.logEffect / e.se);
    placeboLog.push(e.logEffect);
  }
  const t = estimate.logEffect / estimate.se;
  const moreExtreme = placeboT.filter((x) => Math.abs(x) >= Math.abs(t) - 1e-12).length;
  const p = (1 + moreExtreme) / (1 + placeboT.length);
  const sortedT = [...placeboT].sort((a, b) => a - b);
  const sortedLog = [...placeboLog].sort((a, b) => a - b);
  // Test inversion: effects d for which (estimate - d) / se is an ordinary placebo value.
  const lowerLog = estimate.logEffect - estimate.se * quantile(sortedT, 1 - opts.alpha / 2);
  const upperLog = estimate.logEffect - estimate.se * quantile(sortedT, opts.alpha / 2);
  return {
    estimate,
    estimatePct: pct(estimate.logEffect),
    lower: pct(lowerLog),
    upper: pct(upperLog),
    p,
    placebo: {
      runs: placeboT.length,
      groupSize: n,
      exhaustive,
      estimatesPct: { p05: pct(quantile(sortedLog, 0.05)), p50: pct(quantile(sortedLog, 0.5)), p95: pct(quantile(sortedLog, 0.95)) },
      moreExtreme,
    },
  };
}

/** Month-by-month series of a group and of its weighted controls (for the chart and the table). */
export function groupSeries(group: EvalSeries[], controls: EvalSeries[], weights: number[]): { treated: number[]; control: number[] } {
  const n = group[0]?.counts.length ?? 0;
  const treated = new Array<number>(n).fill(0);
  const control = new Array<number>(n).fill(0);
  for (const g of group) for (let t = 0; t < n; t++) treated[t] += g.counts[t];
  controls.forEach((c, i) => {
    for (let t = 0; t < n; t++) control[t] += weights[i] * c.counts[t];
  });
  return { treated, control };
}
