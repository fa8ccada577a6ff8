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
