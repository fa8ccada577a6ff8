// Pure spatial statistics for the safety map (rate smoothing, hot spots, clusters, trends, classes),
// kept free of I/O so every number can be checked against PySAL (esda, mapclassify) in unit tests.

import { mulberry32 } from './random.ts';

export type Quadrant = 'HH' | 'LL' | 'HL' | 'LH';
export type HotspotClass = 'hot99' | 'hot95' | 'hot90' | 'cold90' | 'cold95' | 'cold99' | 'none';

// ---------------------------------------------------------------------------
// Normal distribution
// ---------------------------------------------------------------------------

const SQRT_2PI = Math.sqrt(2 * Math.PI);

function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / SQRT_2PI;
}

/**
 * Upper tail Q(x) = 1 - Phi(x) for x >= 0, accurate to ~1e-16 absolute.
 * Below 3 the Taylor series of Phi converges fast and has no cancellation worth
 * mentioning; above 3 the Laplace continued fraction for the Mills ratio keeps
 * full relative accuracy in the far tail, where 1 - Phi(x) would cancel.
 */
function upperTail(x: number): number {
  if (x === 0) return 0.5;
  if (x > 40) return 0;
  if (x < 3) {
    // Phi(x) - 1/2 = pdf(x) * sum_k x^(2k+1) / (1*3*5*...*(2k+1))
    const x2 = x * x;
    let term = x;
    let sum = x;
    for (let k = 1; k < 500; k++) {
      term *= x2 / (2 * k + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 0.5 - normalPdf(x) * sum;
  }
  // Mills ratio R(x) = 1/(x+ 1/(x+ 2/(x+ 3/(x+ ...)))), evaluated with modified Lentz.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 5000; k++) {
    d = x + k * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = x + k / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return normalPdf(x) / f;
}

/** Standard normal CDF Phi(x) (|error| < 1e-15). Exported for tests and callers needing p-values. */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  return x < 0 ? upperTail(-x) : 1 - upperTail(x);
}

/** Two-sided p-value 2*(1 - Phi(|z|)), computed from the tail to avoid cancellation. */
function twoSidedP(z: number): number {
  return Math.min(1, 2 * upperTail(Math.abs(z)));
}

// ---------------------------------------------------------------------------
// Input checks and helpers
// ---------------------------------------------------------------------------

function checkRates(events: number[], population: number[]): void {
  if (events.length !== population.length) {
    throw new RangeError(
      `events (${events.length}) and population (${population.length}) must have the same length`,
    );
  }
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const n = population[i];
    if (!Number.isFinite(e) || e < 0) throw new RangeError(`events[${i}] must be a finite number >= 0, got ${e}`);
    if (!Number.isFinite(n) || n < 0) {
      throw new RangeError(`population[${i}] must be a finite number >= 0, got ${n}`);
    }
  }
}

/**
 * Validates neighbour lists and returns them deduplicated and without self links:
 * a duplicate would silently double a binary weight, and Gi* adds the self weight itself.
 */
function cleanNeighbours(neighbours: number[][], n: number): number[][] {
  if (neighbours.length !== n) {
    throw new RangeError(`neighbours has ${neighbours.length} entries, expected ${n}`);
  }
  return neighbours.map((list, i) => {
    const seen = new Set<number>();
    for (const j of list) {
      if (!Number.isInteger(j) || j < 0 || j >= n) {
        throw new RangeError(`neighbours[${i}] contains invalid index ${j} (n = ${n})`);
      }
      if (j !== i) seen.add(j);
    }
    return [...seen];
  });
}

function mean(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : 0;
}

/**
 * Population standard deviation (ddof = 0, as numpy's default used by PySAL), reported
 * as 0 when the spread is only rounding noise of an all-equal vector; otherwise a
 * "standardised" vector of ±1e16 garbage would come out.
 */
function populationStd(xs: number[], m: number): number {
  let ss = 0;
  let scale = 0;
  for (const x of xs) {
    ss += (x - m) * (x - m);
    scale = Math.max(scale, Math.abs(x));
  }
  const sd = xs.length ? Math.sqrt(ss / xs.length) : 0;
  return sd <= 1e-12 * scale ? 0 : sd;
}

// ---------------------------------------------------------------------------
// Rate smoothing
// ---------------------------------------------------------------------------

/**
 * Moments shared by Marshall's EB and Assunção–Reis: b = prior mean rate, a = prior
 * variance (method of moments, unclamped). Areas without population carry no rate
 * information (r = e/0 is undefined), so they are left out of the sums and of N.
 */
function ebMoments(events: number[], population: number[]): { b: number; a: number; used: number } {
  let eSum = 0;
  let nSum = 0;
  let used = 0;
  for (let i = 0; i < events.length; i++) {
    if (population[i] > 0) {
      eSum += events[i];
      nSum += population[i];
      used++;
    }
  }
  if (used === 0) return { b: 0, a: 0, used: 0 };
  const b = eSum / nSum;
  let s = 0;
  for (let i = 0; i < events.length; i++) {
    const n = population[i];
    if (n > 0) {
      const d = events[i] / n - b;
      s += n * d * d;
    }
  }
  const s2 = s / nSum;
  return { b, a: s2 - b / (nSum / used), used };
}

/**
 * Marshall (1991) global Empirical Bayes rate per inhabitant, as PySAL
 * esda.smoothing.Empirical_Bayes whenever the moment estimate a >= 0.
 *
 * Deliberate deviation: PySAL does not clamp a; for a < 0 (rates less dispersed than
 * Poisson noise alone explains) its weights leave [0, 1] and can divide by zero.
 * Marshall's paper sets a = 0 then, which shrinks every area fully to the prior mean b.
 *
 * Population 0: the area has no observed rate to shrink, so the best estimate is the
 * prior mean b itself; it is also excluded from the estimation of b and a. All
 * populations 0 → all 0 (no prior can be formed).
 */
export function empiricalBayes(events: number[], population: number[]): number[] {
  checkRates(events, population);
  const { b, a: aRaw, used } = ebMoments(events, population);
  if (used === 0) return events.map(() => 0);
  const a = Math.max(0, aRaw);
  return events.map((e, i) => {
    const n = population[i];
    if (!(n > 0)) return b;
    const denom = a + b / n;
    // denom is 0 only when a = 0 and b = 0, i.e. no events anywhere: every rate is b.
    const w = denom > 0 ? a / denom : 0;
    return w * (e / n) + (1 - w) * b;
  });
}

/**
 * Assunção & Reis (1999) EB-standardised rates, exactly PySAL esda.smoothing.assuncao_rate
 * (the input of Moran_Rate / Moran_Local_Rate):
 *   v_i = a + b/n_i, replaced by b/n_i where v_i < 0;  z_i = (r_i - b) / sqrt(v_i).
 * Deviations (PySAL yields NaN/Inf there): population 0 → z = 0 and the area is left out
 * of b and a; v_i == 0 exactly is treated like v_i < 0; no events anywhere → all 0.
 */
export function ebStandardize(events: number[], population: number[]): number[] {
  checkRates(events, population);
  const { b, a, used } = ebMoments(events, population);
  if (used === 0) return events.map(() => 0);
  return events.map((e, i) => {
    const n = population[i];
    if (!(n > 0)) return 0;
    const vRaw = a + b / n;
    const v = vRaw > 0 ? vRaw : b / n;
    if (!(v > 0)) return 0;
    return (e / n - b) / Math.sqrt(v);
  });
}

// ---------------------------------------------------------------------------
// Getis–Ord Gi*
// ---------------------------------------------------------------------------

/**
 * Getis–Ord Gi* with binary weights and self weight 1: the z-values equal PySAL
 * esda.G_Local(y, w, transform='B', star=True).Zs for data with a positive mean.
 * (PySAL's ratio form divides by |mean|, flipping the sign for a negative mean and
 * giving NaN for a zero mean; the textbook form used here has neither problem.)
 * p is two-sided normal, 2*(1 - Phi(|z|)) — PySAL's p_norm is the one-sided sf(|z|).
 * Degenerate input (n < 2, no variance, an area neighbouring everything) → z 0, p 1.
 */
export function getisOrdGiStar(values: number[], neighbours: number[][]): { z: number[]; p: number[] } {
  const n = values.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i])) throw new RangeError(`values[${i}] must be finite, got ${values[i]}`);
  }
  const nb = cleanNeighbours(neighbours, n);
  const z = new Array<number>(n).fill(0);
  const p = new Array<number>(n).fill(1);
  if (n < 2) return { z, p };
  const xbar = mean(values);
  const S = populationStd(values, xbar);
  if (S === 0) return { z, p };
  for (let i = 0; i < n; i++) {
    let lag = values[i];
    for (const j of nb[i]) lag += values[j];
    const W = nb[i].length + 1;
    const S1 = W; // binary weights: sum of squares equals the sum
    const varFactor = (n * S1 - W * W) / (n - 1);
    if (!(varFactor > 0)) continue;
    const zi = (lag - xbar * W) / (S * Math.sqrt(varFactor));
    z[i] = zi;
    p[i] = twoSidedP(zi);
  }
  return { z, p };
}

// ---------------------------------------------------------------------------
// Local Moran's I on EB-standardised rates
// ---------------------------------------------------------------------------

/**
 * Local Moran's I of Assunção–Reis EB rates, as PySAL
 * esda.Moran_Local_Rate(e, b, w, transformation='r', permutations=P):
 *   y = ebStandardize(e, b); z = (y - mean) / std (ddof 0); lag = row-standardised mean of
 *   neighbour z; I_i = (n-1) z_i lag_i / sum z^2.
 * p: conditional permutation pseudo p-value with PySAL's folding
 *   larger = #(sim >= I_i); if P - larger < larger then larger = P - larger; p = (larger+1)/(P+1),
 * drawing |N(i)| of the other n-1 values without replacement ("sim >= I" uses a 1e-12 relative
 * slack so float noise cannot decide ties). Our PRNG differs from numpy's,
 * so p agrees with PySAL in distribution, not digit for digit; it is deterministic per seed.
 * Quadrant follows PySAL's tie rule (a value counts as "high" only when > 0): z = 0 is L,
 * lag = 0 is L, so e.g. z > 0 with lag 0 → 'HL', and z = lag = 0 → 'LL'.
 * Islands (no neighbours): I = 0, p = 1 (PySAL would report p = 1/(P+1) because every
 * simulated value ties with the observed 0 — a false positive we do not reproduce).
 * Zero-population areas enter with y = 0 (the EB mean) rather than NaN.
 */
export function localMoranRate(
  events: number[],
  population: number[],
  neighbours: number[][],
  opts: { permutations: number; seed: number },
): { I: number[]; p: number[]; quadrant: Quadrant[] } {
  const { permutations, seed } = opts;
  if (!Number.isInteger(permutations) || permutations < 0) {
    throw new RangeError(`permutations must be a non-negative integer, got ${permutations}`);
  }
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const y = ebStandardize(events, population);
  const n = y.length;
  const nb = cleanNeighbours(neighbours, n);
  const I = new Array<number>(n).fill(0);
  const p = new Array<number>(n).fill(1);
  const quadrant = new Array<Quadrant>(n).fill('LL');
  if (n < 2) return { I, p, quadrant };

  const m = mean(y);
  const sd = populationStd(y, m);
  const z = sd > 0 ? y.map((v) => (v - m) / sd) : y.map(() => 0);
  let den = 0;
  for (const v of z) den += v * v;
  const lagSum = nb.map((list) => {
    let s = 0;
    for (const j of list) s += z[j];
    return s;
  });
  const lag = lagSum.map((s, i) => (nb[i].length ? s / nb[i].length : 0));
  for (let i = 0; i < n; i++) {
    const hi = z[i] > 0;
    const lagHi = lag[i] > 0;
    quadrant[i] = hi ? (lagHi ? 'HH' : 'HL') : lagHi ? 'LH' : 'LL';
  }
  if (!(den > 0)) return { I, p, quadrant };
  const scale = (n - 1) / den;
  for (let i = 0; i < n; i++) {
    // same operation order as the simulated values below, so ties compare consistently
    const v = nb[i].length ? ((scale * z[i]) / nb[i].length) * lagSum[i] : 0;
    I[i] = v === 0 ? 0 : v; // no -0 for islands with z < 0
  }
  if (permutations === 0) return { I, p, quadrant };

  const rand = mulberry32(seed);
  const zf = Float64Array.from(z);
  // pool holds 0..n-2 in some order; slot value v stands for area v (v < i) or v + 1 (v >= i),
  // i.e. "everyone but i". A partial Fisher–Yates over any arrangement draws a uniform
  // k-subset, so the pool never needs resetting between draws or areas.
  const others = n - 1;
  const pool = new Int32Array(others);
  for (let v = 0; v < others; v++) pool[v] = v;
  for (let i = 0; i < n; i++) {
    const k = nb[i].length;
    if (k === 0) continue;
    const factor = (scale * zf[i]) / k;
    // Summing in draw order can put a draw equal to the observed set 1 ulp below I[i];
    // the slack makes such ties count as "at least as large", as intended by >=.
    const obs = I[i] - 1e-12 * Math.abs(I[i]);
    let larger = 0;
    for (let r = 0; r < permutations; r++) {
      let s = 0;
      for (let t = 0; t < k; t++) {
        const pick = t + Math.floor(rand() * (others - t));
        const v = pool[pick];
        pool[pick] = pool[t];
        pool[t] = v;
        s += zf[v < i ? v : v + 1];
      }
      if (factor * s >= obs) larger++;
    }
    if (permutations - larger < larger) larger = permutations - larger;
    p[i] = (larger + 1) / (permutations + 1);
  }
  return { I, p, quadrant };
}

// ---------------------------------------------------------------------------
// Multiple testing and hot-spot classes
// ---------------------------------------------------------------------------

/**
 * Benjamini–Hochberg step-up: with p sorted ascending, the largest k with
 * p_(k) <= k/m * alpha makes ranks 1..k significant. Returned in input order.
 * NaN p-values are never significant (they sort last).
 */
export function fdr(p: number[], alpha: number): boolean[] {
  if (!(alpha > 0 && alpha <= 1)) throw new RangeError(`alpha must be in (0, 1], got ${alpha}`);
  const m = p.length;
  const order = p.map((_, i) => i).sort((a, b) => {
    const pa = Number.isNaN(p[a]) ? Infinity : p[a];
    const pb = Number.isNaN(p[b]) ? Infinity : p[b];
    return pa - pb || a - b;
  });
  let kMax = 0;
  for (let r = 1; r <= m; r++) {
    if (p[order[r - 1]] <= (r / m) * alpha) kMax = r;
  }
  const out = new Array<boolean>(m).fill(false);
  for (let r = 0; r < kMax; r++) out[order[r]] = true;
  return out;
}

/**
 * ArcGIS-style Gi* bins (99/95/90 % confidence, hot if z > 0, cold if z < 0).
 * Intended use: `significant` comes from a multiple-testing correction done at the
 * widest level shown, i.e. `fdr(p, 0.10)`, so that the 90 % classes can exist at all
 * (an FDR at 0.05 would make 'hot90'/'cold90' unreachable). The confidence bin is then
 * read from p. For ArcGIS's stricter per-level FDR thresholds, pass the BH-adjusted
 * q-value as `p`: q <= L exactly when the area survives fdr(p, L).
 */
export function classifyHotspot(z: number, p: number, significant: boolean): HotspotClass {
  if (!significant || !Number.isFinite(z) || Number.isNaN(p) || z === 0) return 'none';
  const hot = z > 0;
  if (p <= 0.01) return hot ? 'hot99' : 'cold99';
  if (p <= 0.05) return hot ? 'hot95' : 'cold95';
  if (p <= 0.1) return hot ? 'hot90' : 'cold90';
  return 'none';
}

// ---------------------------------------------------------------------------
// Trend: Mann–Kendall
// ---------------------------------------------------------------------------

const Z_975 = 1.959963984540054; // Phi^-1(0.975): two-sided alpha 0.05

/**
 * Mann–Kendall trend test as pymannkendall.original_test: S = sum_{i<j} sign(x_j - x_i),
 * Var(S) with tie correction, continuity-corrected z, two-sided normal p,
 * tau = S / (n(n-1)/2), trend when |z| > z_0.975. Fewer than 2 points → no trend.
 */
export function mannKendall(series: number[]): {
  S: number;
  z: number;
  p: number;
  tau: number;
  trend: 'increasing' | 'decreasing' | 'none';
} {
  const n = series.length;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(series[i])) throw new RangeError(`series[${i}] must be finite, got ${series[i]}`);
  }
  if (n < 2) return { S: 0, z: 0, p: 1, tau: 0, trend: 'none' };
  let S = 0;
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) S += Math.sign(series[j] - series[i]);
  }
  const counts = new Map<number, number>();
  for (const x of series) counts.set(x, (counts.get(x) ?? 0) + 1);
  let tieTerm = 0;
  for (const t of counts.values()) tieTerm += t * (t - 1) * (2 * t + 5);
  const varS = (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  let z = 0;
  if (varS > 0) {
    if (S > 0) z = (S - 1) / Math.sqrt(varS);
    else if (S < 0) z = (S + 1) / Math.sqrt(varS);
  }
  const p = twoSidedP(z);
  const tau = S / ((n * (n - 1)) / 2);
  const trend = Math.abs(z) > Z_975 ? (z > 0 ? 'increasing' : 'decreasing') : 'none';
  return { S, z, p, tau, trend };
}

// ---------------------------------------------------------------------------
// Classification: Fisher–Jenks natural breaks
// ---------------------------------------------------------------------------

/**
 * Optimal Fisher–Jenks breaks (minimum within-class sum of squares), as mapclassify
 * FisherJenks(y, k).bins: k ascending class upper bounds, the last one max(y).
 *
 * Runs the exact DP on the distinct values weighted by multiplicity (an optimum never
 * needs to split equal values, and this keeps breaks distinct) with the divide-and-conquer
 * speed-up, O(k u log u), so 15,000 areas classify instantly. Sums are in float64 around the
 * mean, whereas mapclassify accumulates in float32 and can therefore pick a slightly worse
 * partition on near-ties; on exact ties both prefer the earliest start of the last class.
 * Deviation by request: k >= number of distinct values returns the distinct values
 * (mapclassify raises).
 */
export function naturalBreaks(values: number[], k: number): number[] {
  if (!Number.isInteger(k) || k < 1) {
    throw new RangeError(`naturalBreaks: k must be an integer >= 1, got ${k}`);
  }
  if (values.length === 0) return [];
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new RangeError(`naturalBreaks: values[${i}] must be finite, got ${values[i]}`);
    }
  }
  const sorted = [...values].sort((a, b) => a - b);
  const uniq: number[] = [];
  const weight: number[] = [];
  for (const v of sorted) {
    if (uniq.length && uniq[uniq.length - 1] === v) weight[weight.length - 1]++;
    else {
      uniq.push(v);
      weight.push(1);
    }
  }
  const u = uniq.length;
  if (k >= u) return uniq;
  if (k === 1) return [uniq[u - 1]];

  const centre = mean(sorted);
  // Prefix sums over distinct values: W (count), S1 (sum), S2 (sum of squares), centred.
  const W = new Float64Array(u + 1);
  const S1 = new Float64Array(u + 1);
  const S2 = new Float64Array(u + 1);
  for (let i = 0; i < u; i++) {
    const c = uniq[i] - centre;
    W[i + 1] = W[i] + weight[i];
    S1[i + 1] = S1[i] + weight[i] * c;
    S2[i + 1] = S2[i] + weight[i] * c * c;
  }
  // Within-class sum of squares of distinct values [a, b).
  const cost = (a: number, b: number): number => {
    const w = W[b] - W[a];
    const s = S1[b] - S1[a];
    const v = S2[b] - S2[a] - (s * s) / w;
    return v > 0 ? v : 0;
  };

  // prev[j] = best cost of the first j distinct values in c-1 classes.
  let prev = new Float64Array(u + 1).fill(Infinity);
  for (let j = 1; j <= u; j++) prev[j] = cost(0, j);
  const splits: Int32Array[] = []; // splits[c][j] = start of the last class
  for (let c = 2; c <= k; c++) {
    const cur = new Float64Array(u + 1).fill(Infinity);
    const arg = new Int32Array(u + 1);
    const prevC = prev;
    // The optimal split is monotone in j (cost obeys the quadrangle inequality).
    const solve = (lo: number, hi: number, optLo: number, optHi: number): void => {
      if (lo > hi) return;
      const mid = (lo + hi) >> 1;
      let best = Infinity;
      let bestT = optLo;
      const tMax = Math.min(optHi, mid - 1);
      for (let t = optLo; t <= tMax; t++) {
        const v = prevC[t] + cost(t, mid);
        if (v < best) {
          best = v;
          bestT = t;
        }
      }
      cur[mid] = best;
      arg[mid] = bestT;
      solve(lo, mid - 1, optLo, bestT);
      solve(mid + 1, hi, bestT, optHi);
    };
    solve(c, u, c - 1, u - 1);
    splits[c] = arg;
    prev = cur;
  }
  const breaks = new Array<number>(k);
  let end = u;
  for (let c = k; c >= 2; c--) {
    breaks[c - 1] = uniq[end - 1];
    end = splits[c][end];
  }
  breaks[0] = uniq[end - 1];
  return breaks;
}
