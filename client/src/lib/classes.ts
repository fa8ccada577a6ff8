// Choropleth classification: one threshold scale that both colours the map and writes the legend.
import { scaleQuantize, scaleThreshold } from 'd3-scale';
import { ckmeans } from 'simple-statistics';
import { formatNumber } from './format.ts';

export type ClassMethod = 'quantile' | 'jenks' | 'equal' | 'manual';

export const CLASS_METHODS: { key: ClassMethod; label: string }[] = [
  { key: 'quantile', label: 'Kwantielen (evenveel gebieden per klasse)' },
  { key: 'jenks', label: 'Natuurlijke grenzen (Jenks)' },
  { key: 'equal', label: 'Gelijke intervallen' },
  { key: 'manual', label: 'Handmatig' },
];

export const MIN_CLASSES = 3;
export const MAX_CLASSES = 7;

export function isClassMethod(value: string): value is ClassMethod {
  return CLASS_METHODS.some((m) => m.key === value);
}

function finite(values: Iterable<number | null | undefined>): number[] {
  const out: number[] = [];
  for (const v of values) if (v !== null && v !== undefined && Number.isFinite(v)) out.push(v);
  return out;
}

/** Ascending, unique thresholds strictly inside (min, max]; empty classes at the bottom are dropped. */
function tidy(thresholds: number[], min: number): number[] {
  const sorted = [...new Set(thresholds.filter((t) => Number.isFinite(t) && t > min))].sort((a, b) => a - b);
  return sorted;
}

/**
 * The k-1 class thresholds for `values`. Class i holds lower ≤ v < upper, so a threshold is the lowest value
 * of the class above it. Fewer thresholds come back when the data has fewer distinct values than classes.
 */
export function computeBreaks(values: Iterable<number | null | undefined>, method: Exclude<ClassMethod, 'manual'>, k: number): number[] {
  // One typed-array sort (native numeric order) serves the distinct count, the extent and the quantiles: a recolour of
  // the whole country classifies 14,500 values, and a comparator sort of them was a visible part of it.
  const sorted = Float64Array.from(finite(values)).sort();
  if (sorted.length === 0) return [];
  let distinct = 1;
  for (let i = 1; i < sorted.length && distinct < k; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  const n = Math.max(1, Math.min(k, distinct));
  if (n === 1) return [];
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  switch (method) {
    case 'quantile':
      return tidy(
        Array.from({ length: n - 1 }, (_, i) => quantileSorted(sorted, (i + 1) / n)),
        min,
      );
    case 'equal': {
      const idx = Array.from({ length: n }, (_, i) => i);
      return tidy(scaleQuantize<number>().domain([min, max]).range(idx).thresholds(), min);
    }
    case 'jenks': {
      // ckmeans is the optimal (Jenks-style) 1-D clustering; each cluster's minimum starts a class.
      const clusters = ckmeans(Array.from(sorted), n);
      return tidy(clusters.slice(1).map((c) => c[0]), min);
    }
  }
}

/** The p-quantile of ascending values, interpolated as d3's scaleQuantile does (R-7), so the breaks stay the same. */
function quantileSorted(sorted: Float64Array, p: number): number {
  const i = (sorted.length - 1) * p;
  const i0 = Math.floor(i);
  return i0 + 1 >= sorted.length ? sorted[sorted.length - 1] : sorted[i0] + (sorted[i0 + 1] - sorted[i0]) * (i - i0);
}

/**
 * For a diverging measure (change in %): makes 0 a class boundary by moving the threshold nearest to zero
 * onto it, so that colours below and above zero never share a class. The number of classes stays the same.
 */
export function anchorAtZero(breaks: number[], values: Iterable<number | null | undefined>): number[] {
  const data = finite(values);
  if (breaks.length === 0 || breaks.includes(0) || data.length === 0) return breaks;
  if (Math.min(...data) >= 0 || Math.max(...data) < 0) return breaks;
  let nearest = 0;
  for (let i = 1; i < breaks.length; i++) if (Math.abs(breaks[i]) < Math.abs(breaks[nearest])) nearest = i;
  const out = [...breaks];
  out[nearest] = 0;
  return [...new Set(out)].sort((a, b) => a - b);
}

function extentOf(data: readonly number[]): [number, number] | null {
  if (data.length === 0) return null;
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of data) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

export interface ClassBin {
  index: number;
  colour: string;
  /** Threshold below this class (null for the first class: open-ended). */
  lower: number | null;
  /** Threshold above this class (null for the last class: open-ended). */
  upper: number | null;
  /** Smallest/largest value actually in the class (null when empty). */
  min: number | null;
  max: number | null;
  count: number;
}

export interface Classification {
  breaks: number[];
  bins: ClassBin[];
  noDataCount: number;
  /**
   * Areas left out of the classes on purpose (e.g. too few inhabitants for a rate), with their own fill and legend line.
   * `parts`: when they are left out for more than one reason (a change: no base, too small a base, chance), each
   * reason with its own count, so a legend can give each its own line; `label` and `count` then cover them all.
   */
  excluded?: { label: string; colour: string; count: number; note: string; parts?: { label: string; count: number }[] };
  /** Colour for a value; null for no data. The legend bins are derived from this same scale. */
  colourFor(value: number | null | undefined): string | null;
  /** Index into bins, or -1 for no data. */
  classOf(value: number | null | undefined): number;
}

/**
 * Classifies values with the given thresholds and palette factory (palette(breaks) must return
 * breaks.length + 1 colours; it also gets the values' extent, null when there are none).
 */
export function classify(
  values: Iterable<number | null | undefined>,
  breaks: number[],
  palette: (breaks: number[], extent: readonly [number, number] | null) => string[],
): Classification {
  const sortedBreaks = [...breaks].sort((a, b) => a - b);
  const list = [...values];
  const colours = palette(sortedBreaks, extentOf(finite(list)));
  const k = sortedBreaks.length + 1;
  const indices = Array.from({ length: k }, (_, i) => i);
  const scale = scaleThreshold<number, number>().domain(sortedBreaks).range(indices);
  const bins: ClassBin[] = indices.map((i) => ({
    index: i,
    colour: colours[i],
    lower: i === 0 ? null : sortedBreaks[i - 1],
    upper: i === k - 1 ? null : sortedBreaks[i],
    min: null,
    max: null,
    count: 0,
  }));
  const valid = (v: number | null | undefined): v is number => v !== null && v !== undefined && Number.isFinite(v);
  const classOf = (v: number | null | undefined) => (valid(v) ? (scale(v) ?? -1) : -1);
  let noDataCount = 0;
  for (const v of list) {
    const c = classOf(v);
    if (c < 0 || !valid(v)) {
      noDataCount++;
      continue;
    }
    const bin = bins[c];
    bin.count++;
    bin.min = bin.min === null ? v : Math.min(bin.min, v);
    bin.max = bin.max === null ? v : Math.max(bin.max, v);
  }
  return {
    breaks: sortedBreaks,
    bins,
    noDataCount,
    classOf,
    colourFor: (v) => {
      const c = classOf(v);
      return c < 0 ? null : colours[c];
    },
  };
}

/**
 * The legend's class lines, highest first. A scale without breaks and without a single classed value
 * (every change explained by chance, every area too small) has one open class "alle waarden (0)": a line
 * that says nothing and suggests a colour no area has, so it is left out; the other lines say why.
 */
export function legendBins(classification: Pick<Classification, 'bins'>): ClassBin[] {
  const bins = [...classification.bins].reverse();
  return bins.length === 1 && bins[0].count === 0 && bins[0].lower === null && bins[0].upper === null ? [] : bins;
}

/**
 * Legend text for a class: "12,5 – 20,0". Open ends show the data's own minimum/maximum when the class
 * has values, otherwise "< 12,5" / "≥ 40,0" — never a bound the scale does not use.
 */
export function binLabel(bin: ClassBin, decimals: number): string {
  const f = (v: number) => formatNumber(v, decimals);
  if (bin.lower === null && bin.upper === null) {
    if (bin.min === null || bin.max === null) return 'alle waarden';
    return bin.min === bin.max ? f(bin.min) : `${f(bin.min)} – ${f(bin.max)}`;
  }
  if (bin.lower === null) return bin.min !== null ? `${f(Math.min(bin.min, bin.upper!))} – ${f(bin.upper!)}` : `< ${f(bin.upper!)}`;
  if (bin.upper === null) return bin.max !== null ? `${f(bin.lower)} – ${f(Math.max(bin.max, bin.lower))}` : `≥ ${f(bin.lower)}`;
  return `${f(bin.lower)} – ${f(bin.upper)}`;
}
