// Bivariate classes: an objective measure (x) crossed with a subjective one (y), each cut in terciles.
// Terciles are taken over the areas that have BOTH values, so every row and column of the 3×3 grid holds
// about a third of the classified areas; class 1 = lowest third, 3 = highest third (for a survey indicator
// where higher is better, such as the rapportcijfer, the axis is reversed so that 3 is always "worse").
import { quantileSorted } from 'd3-array';

/**
 * Joshua Stevens' 3×3 scheme (teal for x, pink for y, dark blue-violet where both are high), as used in his
 * "Bivariate Choropleth Maps: A How-to Guide" and Bostock's bivariate example. Index [y-1][x-1].
 * Lightness falls from 1-1 to 3-3, so "both high" is darkest in greyscale too; the off-diagonal corners
 * (3-1, 1-3) are of similar lightness, which is why the class code is printed in the legend, table and tooltip.
 */
export const BIVARIATE_COLOURS: readonly (readonly string[])[] = [
  ['#e8e8e8', '#ace4e4', '#5ac8c8'],
  ['#dfb0d6', '#a5add3', '#5698b9'],
  ['#be64ac', '#8c62aa', '#3b4994'],
];

export type Tercile = 1 | 2 | 3;

export interface BivariateInput {
  code: string;
  x: number | null;
  y: number | null;
}

export interface BivariateClass {
  x: Tercile;
  y: Tercile;
  /** "x-y", e.g. "3-1" = highest third of x, lowest third of y. */
  label: string;
  colour: string;
}

export interface BivariateResult {
  /** Two thresholds per axis: class 2 starts at [0], class 3 at [1] (on the reversed scale when reversed). */
  xBreaks: [number, number] | null;
  yBreaks: [number, number] | null;
  classes: Map<string, BivariateClass>;
  /** counts[y-1][x-1] */
  counts: number[][];
  noDataCount: number;
}

export function bivariateColour(x: Tercile, y: Tercile): string {
  return BIVARIATE_COLOURS[y - 1][x - 1];
}

function terciles(sorted: number[]): [number, number] | null {
  if (sorted.length === 0) return null;
  return [quantileSorted(sorted, 1 / 3)!, quantileSorted(sorted, 2 / 3)!];
}

function tercileOf(v: number, breaks: [number, number]): Tercile {
  // Upper tercile starts above the 2/3 quantile, middle above the 1/3 quantile; ties go down, so equal
  // values always share a class.
  return v > breaks[1] ? 3 : v > breaks[0] ? 2 : 1;
}

const finite = (v: number | null): v is number => v !== null && Number.isFinite(v);

/** Assigns each area to one of nine classes; areas without both values are counted as no data. */
export function classifyBivariate(rows: BivariateInput[], opts: { reverseY?: boolean } = {}): BivariateResult {
  const sign = opts.reverseY ? -1 : 1;
  const both = rows.filter((r) => finite(r.x) && finite(r.y));
  const xs = both.map((r) => r.x as number).sort((a, b) => a - b);
  const ys = both.map((r) => sign * (r.y as number)).sort((a, b) => a - b);
  const xBreaks = terciles(xs);
  const yBreaks = terciles(ys);
  const counts = [0, 1, 2].map(() => [0, 0, 0]);
  const classes = new Map<string, BivariateClass>();
  for (const r of both) {
    const x = tercileOf(r.x as number, xBreaks!);
    const y = tercileOf(sign * (r.y as number), yBreaks!);
    counts[y - 1][x - 1]++;
    classes.set(r.code, { x, y, label: `${x}-${y}`, colour: bivariateColour(x, y) });
  }
  return { xBreaks, yBreaks, classes, counts, noDataCount: rows.length - both.length };
}

/** Short y-axis title of the bivariate legend ("% onveilig" rather than the full indicator label). */
export function bivariateYTitle(meta: { indicator: string; indicatorLabel: string } | null | undefined): string {
  if (!meta) return 'Veiligheidsmonitor';
  if (meta.indicator === 'onveilig_buurt_pct') return '% onveilig';
  return meta.indicatorLabel;
}
