// Deterministic DEMO split of real yearly totals per buurt into crime type x month.
// Open data has only yearly totals per buurt; the split is invented but always sums exactly
// to the real total, so every aggregate of a whole year is real. Labelled DEMO wherever shown.
import { gaussian, hashSeed, mulberry32 } from './random.ts';

/** Relative monthly level per crime-type prefix (Jan..Dec); the shape of common Dutch patterns:
 * burglary peaks in the dark months, bike theft in autumn, violence and nuisance in summer. */
const SEASONAL: Record<string, number[]> = {
  '1.1': [1.3, 1.15, 1.0, 0.85, 0.8, 0.75, 0.8, 0.85, 0.9, 1.1, 1.2, 1.3],
  '1.2.3': [0.8, 0.75, 0.85, 0.95, 1.05, 1.05, 1.0, 1.0, 1.2, 1.25, 1.15, 0.95],
  '1.4': [0.9, 0.85, 0.95, 1.0, 1.1, 1.1, 1.1, 1.05, 1.0, 0.95, 0.95, 1.05],
  '2.2': [1.2, 0.9, 0.95, 1.0, 1.0, 1.0, 1.0, 1.0, 0.95, 0.95, 0.95, 1.1],
  default: [1.0, 0.92, 1.0, 0.98, 1.02, 1.0, 1.0, 1.0, 1.0, 1.03, 1.0, 1.05],
};

function seasonalFor(code: string): number[] {
  return SEASONAL[code] ?? SEASONAL[code.split('.').slice(0, 2).join('.')] ?? SEASONAL.default;
}

export interface DemoModel {
  /** Crime types in cube order. */
  types: string[];
  /** National counts per type (2023), used as the base type mix. */
  nationalCounts: number[];
}

/** The buurt's own type mix: national mix with a stable per-buurt deviation, so that buurten differ
 * from each other but keep their character from year to year. */
export function buurtTypeWeights(model: DemoModel, area: string): Float64Array {
  const rand = mulberry32(hashSeed(`mix:${area}`));
  const w = new Float64Array(model.types.length);
  for (let t = 0; t < w.length; t++) {
    w[t] = model.nationalCounts[t] > 0 ? model.nationalCounts[t] * Math.exp(0.45 * gaussian(rand)) : 0;
  }
  return w;
}

/**
 * Splits `total` registrations of one area and year into month x type counts.
 * Returns an Int32Array of 12 * types.length (month-major) that sums exactly to `total`.
 */
export function splitYear(
  model: DemoModel,
  area: string,
  year: number,
  total: number,
  typeWeights = buurtTypeWeights(model, area),
  monthCum = seasonalCumulative(model),
): Int32Array {
  const T = model.types.length;
  const out = new Int32Array(12 * T);
  if (total <= 0) return out;
  const cum = new Float64Array(T);
  let acc = 0;
  for (let t = 0; t < T; t++) cum[t] = acc += typeWeights[t];
  if (acc <= 0) return out;
  const rand = mulberry32(hashSeed(`${area}:${year}`));
  // One draw per registration: exact sums by construction, natural month-to-month noise.
  for (let i = 0; i < total; i++) {
    const t = upperBound(cum, rand() * acc);
    const mc = monthCum[t];
    const m = upperBound(mc, rand() * mc[11]);
    out[m * T + t]++;
  }
  return out;
}

/** Cumulative seasonal pattern per type of the model; the same for every area and year, so a caller
 * splitting many areas computes it once and passes it to splitYear. */
export function seasonalCumulative(model: DemoModel): Float64Array[] {
  return model.types.map((code) => {
    const s = seasonalFor(code);
    const c = new Float64Array(12);
    let a = 0;
    for (let m = 0; m < 12; m++) c[m] = a += s[m];
    return c;
  });
}

/** Splits a known per-type yearly count (e.g. from a 47018NED import) over the months only. */
export function splitTypeOverMonths(code: string, area: string, year: number, count: number): Int32Array {
  const out = new Int32Array(12);
  const s = seasonalFor(code);
  const cum = new Float64Array(12);
  let a = 0;
  for (let m = 0; m < 12; m++) cum[m] = a += s[m];
  const rand = mulberry32(hashSeed(`${area}:${year}:${code}`));
  for (let i = 0; i < count; i++) out[upperBound(cum, rand() * a)]++;
  return out;
}

function upperBound(cum: Float64Array, x: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Splits the yearly totals of several areas of one gemeente at once so that, for every type in
 * `fixed` (model type index -> count), the areas together hold exactly that count; the rest of each
 * total goes to the other types by the area's own mix. Each registration is drawn from what is left
 * of the gemeente's figures (weighted by the area's mix), so the sums are exact by construction.
 * The caller guarantees sum(fixed) <= sum(totals). Returns per area the same layout as splitYear.
 */
export function splitYearConstrained(
  model: DemoModel,
  areas: { area: string; total: number; weights: Float64Array }[],
  year: number,
  fixed: Map<number, number>,
  monthCum = seasonalCumulative(model),
): Int32Array[] {
  const T = model.types.length;
  const K = [...fixed.keys()];
  const isFixed = new Uint8Array(T);
  for (const k of K) isFixed[k] = 1;
  const firstOther = Math.max(0, isFixed.indexOf(0));
  const left = K.map((k) => fixed.get(k)!);
  let leftOther = areas.reduce((s, x) => s + Math.max(0, x.total), 0) - left.reduce((s, n) => s + n, 0);
  const w = new Float64Array(K.length + 1);
  return areas.map(({ area, total, weights }) => {
    const out = new Int32Array(12 * T);
    const rand = mulberry32(hashSeed(`${area}:${year}`));
    // The area's affinity for each fixed type and for "any other type"; never exactly 0, so a
    // figure the national mix lacks can still be placed.
    const aff = K.map((k) => weights[k] + 1e-9);
    const otherCum = new Float64Array(T);
    let affOther = 0;
    for (let t = 0; t < T; t++) otherCum[t] = affOther += isFixed[t] ? 0 : weights[t];
    const affOtherDraw = affOther + 1e-9;
    const perType = new Int32Array(T);
    for (let i = 0; i < total; i++) {
      let sum = 0;
      for (let j = 0; j < K.length; j++) sum += w[j] = aff[j] * left[j];
      sum += w[K.length] = affOtherDraw * leftOther;
      if (sum <= 0) break;
      let x = rand() * sum;
      let j = 0;
      while (j < K.length && x >= w[j]) x -= w[j++];
      // Rounding can run past the last weight: take the last kind that still has something left.
      if (j === K.length && leftOther <= 0) { j = K.length - 1; while (j > 0 && left[j] <= 0) j--; }
      if (j < K.length) {
        left[j]--;
        perType[K[j]]++;
      } else {
        leftOther--;
        perType[affOther > 0 ? upperBound(otherCum, rand() * affOther) : firstOther]++;
      }
    }
    for (let t = 0; t < T; t++) {
      const mc = monthCum[t];
      for (let i = 0; i < perType[t]; i++) out[upperBound(mc, rand() * mc[11]) * T + t]++;
    }
    return out;
  });
}
