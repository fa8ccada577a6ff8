// Hot spots per area: Getis–Ord Gi* or Local Moran's I with Benjamini–Hochberg FDR, plus a
// month-by-month Gi* history that says how long and in which direction an area has been hot.
// Pure: counts, populations and neighbour lists in, rows out (see spatial.ts for the statistics).
import { classifyHotspot, ebStandardize, empiricalBayes, fdr, getisOrdGiStar, localMoranRate, mannKendall, type HotspotClass, type Quadrant } from './spatial.ts';

export type HotspotMethod = 'gistar' | 'lisa';

/**
 * What Gi* is computed on.
 * - ratePer1000Smoothed (default): Marshall's EB rate per 1,000, estimated over the areas with a
 *   reliable population only (>= minPopulation inhabitants). Areas below it are left out of the
 *   test (class 'none', `excluded: 'lowPopulation'`). Why: the business and transition areas
 *   (Beatrixhaven: 15 inhabitants, 67 crimes) have rates of thousands per 1,000 that even EB barely
 *   shrinks — their spread is so large that the prior variance is huge — so with them included
 *   the Gi* mean and variance are set by three or four near-empty areas, and the city centre,
 *   which an analyst knows to be the concentration of registered crime, comes out as "not
 *   significant". Excluding them is what the product already says about them: their rate is not
 *   meaningful; look at their count or density instead.
 * - densityPerKm2: registrations per km², every area with data takes part (where does it happen,
 *   regardless of who lives there; fair to business areas and the visitor-heavy centre).
 * - count: raw count, for equal-sized units only; offered for comparison.
 */
export type HotspotMeasure = 'ratePer1000Smoothed' | 'densityPerKm2' | 'count';

export type EmergingTrend = 'new' | 'intensifying' | 'persistent' | 'diminishing' | 'none';

export type ExcludedReason = 'lowPopulation' | 'noData';

export interface HotspotArea {
  code: string;
  naam: string;
  /** Registrations in the period; null = unknown. */
  count: number | null;
  population: number | null;
  km2: number;
}

export interface HotspotOptions {
  method: HotspotMethod;
  measure: HotspotMeasure;
  alpha: number;
  /** Below this many inhabitants an area takes no part in rate-based tests. */
  minPopulation: number;
  permutations: number;
  seed: number;
}

export interface HotspotRow {
  code: string;
  naam: string;
  /** The measure value the test ran on (null when excluded). */
  value: number | null;
  /** Gi*: the Gi* z-score. LISA: the area's standardised EB rate (Moran scatterplot x). */
  z: number | null;
  /** Unadjusted p-value (Gi*: two-sided normal; LISA: permutation pseudo p). */
  p: number | null;
  /** Benjamini–Hochberg adjusted p-value (q-value) over the areas tested. */
  q: number | null;
  significant: boolean;
  class: HotspotClass;
  /** LISA only */
  I?: number | null;
  lag?: number | null;
  quadrant?: Quadrant | null;
  /** Of the last `historyMonths` months ending at `to`: in how many a significant Gi* hot spot. */
  monthsSignificant: number;
  trend: EmergingTrend;
  /** Mann–Kendall z of the monthly Gi* z-scores (positive = heating up). */
  trendZ: number;
  excluded: ExcludedReason | null;
  /** The area's count is hidden (presentation role): `value` (and for LISA `z`, `I`) are null. */
  suppressed?: boolean;
}

const round = (x: number, d: number) => {
  const f = 10 ** d;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r; // no -0 in JSON
};
const sig4 = (x: number) => (x === 0 ? 0 : Number(x.toPrecision(4)));

/**
 * Benjamini–Hochberg adjusted p-values: q_(k) = min over j >= k of (m / j) p_(j), capped at 1.
 * q_i <= alpha exactly when fdr(p, alpha)[i] — which lets one FDR run give every confidence bin.
 */
export function bhAdjust(p: number[]): number[] {
  const m = p.length;
  const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b] || a - b);
  const q = new Array<number>(m).fill(1);
  let running = 1;
  for (let r = m; r >= 1; r--) {
    const i = order[r - 1];
    running = Math.min(running, (m / r) * p[i]);
    q[i] = Math.min(1, running);
  }
  return q;
}

/** Which areas take part and the value each contributes (null = excluded, with the reason). */
export function measureValues(areas: HotspotArea[], measure: HotspotMeasure, minPopulation: number): { values: (number | null)[]; excluded: (ExcludedReason | null)[] } {
  const excluded = areas.map((a): ExcludedReason | null => {
    if (a.count === null) return 'noData';
    if (measure === 'ratePer1000Smoothed' && !((a.population ?? 0) >= Math.max(1, minPopulation))) return 'lowPopulation';
    if (measure === 'densityPerKm2' && !(a.km2 > 0)) return 'noData';
    return null;
  });
  const idx = areas.map((_, i) => i).filter((i) => excluded[i] === null);
  const values = new Array<number | null>(areas.length).fill(null);
  if (measure === 'ratePer1000Smoothed') {
    const eb = empiricalBayes(idx.map((i) => areas[i].count!), idx.map((i) => areas[i].population!));
    idx.forEach((i, k) => (values[i] = eb[k] * 1000));
  } else if (measure === 'densityPerKm2') {
    for (const i of idx) values[i] = areas[i].count! / areas[i].km2;
  } else {
    for (const i of idx) values[i] = areas[i].count!;
  }
  return { values, excluded };
}

/** Neighbour lists restricted to `keep` (indexes into the full list), re-indexed. */
function subgraph(neighbours: number[][], keep: number[]): number[][] {
  const pos = new Map(keep.map((i, k) => [i, k]));
  return keep.map((i) => neighbours[i].map((j) => pos.get(j)).filter((j): j is number => j !== undefined));
}

/** Gi* over the included areas; z/p/q/significant per area (null where excluded). */
export function giStarTest(values: (number | null)[], neighbours: number[][], alpha: number) {
  const keep = values.map((v, i) => (v === null ? -1 : i)).filter((i) => i >= 0);
  const n = values.length;
  const z = new Array<number | null>(n).fill(null);
  const p = new Array<number | null>(n).fill(null);
  const q = new Array<number | null>(n).fill(null);
  const significant = new Array<boolean>(n).fill(false);
  if (keep.length === 0) return { z, p, q, significant };
  const r = getisOrdGiStar(keep.map((i) => values[i]!), subgraph(neighbours, keep));
  const sig = fdr(r.p, alpha);
  const adj = bhAdjust(r.p);
  keep.forEach((i, k) => {
    z[i] = r.z[k];
    p[i] = r.p[k];
    q[i] = adj[k];
    significant[i] = sig[k];
  });
  return { z, p, q, significant };
}

/**
 * Emerging hot spot trend over the monthly window, after ESRI's Emerging Hot Spot Analysis
 * (hot = significant Gi* hot spot after FDR at alpha in that month; trend = Mann–Kendall on the
 * monthly Gi* z-scores, two-sided 5 %; "mostly" = in at least 90 % of the months of the window):
 * - 'new': hot in the final month and in none of the earlier months of the window;
 * - 'intensifying': mostly hot, hot in the final month, and z increasing significantly;
 * - 'diminishing': mostly hot, hot in the final month, and z decreasing significantly;
 * - 'persistent': mostly hot and no significant trend in z;
 * - 'none': anything else (including sporadic hot months: see monthsSignificant).
 * ESRI's 'consecutive', 'sporadic', 'oscillating' and 'historical' are not separated out.
 */
export function emergingTrend(hot: boolean[], z: number[]): { trend: EmergingTrend; trendZ: number } {
  const T = hot.length;
  if (T === 0) return { trend: 'none', trendZ: 0 };
  const mk = mannKendall(z);
  const last = hot[T - 1];
  const hotCount = hot.filter(Boolean).length;
  const mostly = hotCount >= Math.ceil(0.9 * T);
  let trend: EmergingTrend = 'none';
  if (last && hotCount === 1 && T > 1) trend = 'new';
  else if (mostly && last && mk.trend === 'increasing') trend = 'intensifying';
  else if (mostly && last && mk.trend === 'decreasing') trend = 'diminishing';
  else if (mostly && mk.trend === 'none') trend = 'persistent';
  return { trend, trendZ: round(mk.z, 3) };
}

export interface HotspotResult {
  rows: HotspotRow[];
  tested: number;
  significantCount: number;
}

/**
 * @param areas the areas of one level of a gemeente (the period's figures)
 * @param neighbours neighbour index lists aligned with `areas`
 * @param history per month of the window (oldest first), the counts aligned with `areas`
 */
export function computeHotspots(areas: HotspotArea[], neighbours: number[][], history: (number | null)[][], opts: HotspotOptions): HotspotResult {
  const { values, excluded } = measureValues(areas, opts.measure, opts.minPopulation);
  const n = areas.length;

  // Month-by-month Gi* (same measure and inclusion rule as the main test).
  const monthlyZ: number[][] = areas.map(() => []);
  const monthlyHot: boolean[][] = areas.map(() => []);
  for (const counts of history) {
    const month = areas.map((a, i) => ({ ...a, count: counts[i] }));
    const mv = measureValues(month, opts.measure, opts.minPopulation);
    const t = giStarTest(mv.values, neighbours, opts.alpha);
    for (let i = 0; i < n; i++) {
      const zi = t.z[i] ?? 0;
      monthlyZ[i].push(zi);
      monthlyHot[i].push(t.significant[i] && zi > 0);
    }
  }

  const base = (i: number) => {
    const { trend, trendZ } = excluded[i] ? { trend: 'none' as const, trendZ: 0 } : emergingTrend(monthlyHot[i], monthlyZ[i]);
    return {
      code: areas[i].code,
      naam: areas[i].naam,
      value: values[i] === null ? null : round(values[i]!, 3),
      monthsSignificant: monthlyHot[i].filter(Boolean).length,
      trend,
      trendZ,
      excluded: excluded[i],
    };
  };

  let rows: HotspotRow[];
  if (opts.method === 'gistar') {
    const t = giStarTest(values, neighbours, opts.alpha);
    rows = areas.map((_, i) => ({
      ...base(i),
      z: t.z[i] === null ? null : round(t.z[i]!, 3),
      p: t.p[i] === null ? null : sig4(t.p[i]!),
      q: t.q[i] === null ? null : sig4(t.q[i]!),
      significant: t.significant[i],
      // The bin is read from q, so hot99 means "significant under FDR at 1 %" (see meta).
      class: t.z[i] === null ? 'none' : classifyHotspot(t.z[i]!, t.q[i]!, t.significant[i]),
    }));
  } else {
    // LISA on Assunção–Reis EB-standardised rates of the areas with a reliable population.
    const keep = areas.map((_, i) => i).filter((i) => areas[i].count !== null && (areas[i].population ?? 0) >= Math.max(1, opts.minPopulation));
    const nb = subgraph(neighbours, keep);
    const r = localMoranRate(keep.map((i) => areas[i].count!), keep.map((i) => areas[i].population!), nb, { permutations: opts.permutations, seed: opts.seed });
    const sig = keep.length ? fdr(r.p, opts.alpha) : [];
    const q = bhAdjust(r.p);
    // Scatterplot coordinates: standardised EB value and the mean of its neighbours.
    const zStd = standardise(keep.map((i) => areas[i].count!), keep.map((i) => areas[i].population!));
    const lag = nb.map((list) => (list.length ? list.reduce((s, j) => s + zStd[j], 0) / list.length : 0));
    const at = new Map(keep.map((i, k) => [i, k]));
    rows = areas.map((a, i) => {
      const k = at.get(i);
      if (k === undefined) {
        return { ...base(i), excluded: a.count === null ? 'noData' : 'lowPopulation', value: null, z: null, p: null, q: null, significant: false, class: 'none', I: null, lag: null, quadrant: null };
      }
      const quad = r.quadrant[k];
      // Significant HH = hot spot, LL = cold spot; HL/LH are spatial outliers: class 'none', see quadrant.
      const cls: HotspotClass = sig[k] && (quad === 'HH' || quad === 'LL') ? classifyHotspot(quad === 'HH' ? 1 : -1, q[k], true) : 'none';
      return {
        ...base(i),
        excluded: null,
        z: round(zStd[k], 3),
        p: sig4(r.p[k]),
        q: sig4(q[k]),
        significant: sig[k],
        class: cls,
        I: round(r.I[k], 4),
        lag: round(lag[k], 3),
        quadrant: quad,
      };
    });
  }
  return { rows, tested: rows.filter((r) => r.excluded === null).length, significantCount: rows.filter((r) => r.significant).length };
}

/** The z used inside localMoranRate (EB-standardised, then mean 0 / sd 1), for the scatterplot. */
function standardise(events: number[], population: number[]): number[] {
  if (events.length === 0) return [];
  const y = ebStandardize(events, population);
  const m = y.reduce((s, v) => s + v, 0) / y.length;
  const sd = Math.sqrt(y.reduce((s, v) => s + (v - m) * (v - m), 0) / y.length);
  const scale = y.reduce((s, v) => Math.max(s, Math.abs(v)), 0);
  return y.map((v) => (sd > 1e-12 * scale ? (v - m) / sd : 0));
}
