// Kernel density of incident points with the quartic (biweight) kernel, as in ArcGIS Kernel
// Density and most police hot-spot mapping. Works in a local metric plane (metres).

export interface Pt { x: number; y: number }

export interface DensityGrid {
  /** Lower-left corner of the grid and the cell size, in the same metric plane as the input. */
  x0: number;
  y0: number;
  cell: number;
  cols: number;
  rows: number;
  /** Registrations per km², row-major from the bottom row. */
  values: Float64Array;
  bandwidth: number;
}

/**
 * Default search radius (ArcGIS's rule, after Silverman): h = 0.9 · min(SD, √(1/ln 2) · Dm) · n^-0.2,
 * with SD the standard distance of the points and Dm the median distance to their mean centre.
 * A floor keeps a handful of points from producing needle-thin peaks.
 */
export function defaultBandwidth(points: Pt[], floor = 100): number {
  const n = points.length;
  if (n < 2) return floor;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const d2 = points.map((p) => (p.x - mx) ** 2 + (p.y - my) ** 2);
  const sd = Math.sqrt(d2.reduce((a, b) => a + b, 0) / n);
  const sorted = d2.map(Math.sqrt).sort((a, b) => a - b);
  const dm = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  const h = 0.9 * Math.min(sd, Math.sqrt(1 / Math.LN2) * dm) * n ** -0.2;
  return Math.max(floor, h);
}

/** Quartic kernel density on a grid covering `extent` (minX, minY, maxX, maxY). */
export function quarticDensity(points: Pt[], extent: [number, number, number, number], cell: number, bandwidth: number): DensityGrid {
  const [minX, minY, maxX, maxY] = extent;
  const cols = Math.max(1, Math.ceil((maxX - minX) / cell));
  const rows = Math.max(1, Math.ceil((maxY - minY) / cell));
  const values = new Float64Array(cols * rows);
  const h2 = bandwidth * bandwidth;
  // 3/(π h²) makes each kernel integrate to one point; ×1e6 gives points per km².
  const norm = (3 / (Math.PI * h2)) * 1e6;
  const reach = Math.ceil(bandwidth / cell);
  for (const p of points) {
    const ci = Math.floor((p.x - minX) / cell);
    const ri = Math.floor((p.y - minY) / cell);
    for (let r = Math.max(0, ri - reach); r <= Math.min(rows - 1, ri + reach); r++) {
      const cy = minY + (r + 0.5) * cell;
      for (let c = Math.max(0, ci - reach); c <= Math.min(cols - 1, ci + reach); c++) {
        const cx = minX + (c + 0.5) * cell;
        const d2 = (cx - p.x) ** 2 + (cy - p.y) ** 2;
        if (d2 < h2) values[r * cols + c] += norm * (1 - d2 / h2) ** 2;
      }
    }
  }
  return { x0: minX, y0: minY, cell, cols, rows, values, bandwidth };
}

/** At most this many grid cells per density answer (each becomes a GeoJSON square). */
export const MAX_DENSITY_CELLS = 100_000;
/** At most this many kernel evaluations (points × cells within the bandwidth of each point). */
export const MAX_KERNEL_OPS = 40_000_000;

/**
 * Why this grid is too much work for one request, with the smallest cell that fits, or null. A tiny cell over
 * a large gemeente once took 31 s and 190 MB while every other user waited; the work is known before it starts.
 */
export function densityWorkProblem(extent: [number, number, number, number], cell: number, bandwidth: number, points: number): string | null {
  const [minX, minY, maxX, maxY] = extent;
  const w = Math.max(0, maxX - minX);
  const h = Math.max(0, maxY - minY);
  const cells = Math.max(1, Math.ceil(w / cell)) * Math.max(1, Math.ceil(h / cell));
  const reach = Math.ceil(bandwidth / cell);
  const ops = points * (2 * reach + 1) ** 2;
  if (cells <= MAX_DENSITY_CELLS && ops <= MAX_KERNEL_OPS) return null;
  // The smallest cell (in whole tens of metres) that keeps both within bounds.
  let fit = Math.ceil(cell / 10) * 10;
  const fits = (c: number) =>
    Math.max(1, Math.ceil(w / c)) * Math.max(1, Math.ceil(h / c)) <= MAX_DENSITY_CELLS && points * (2 * Math.ceil(bandwidth / c) + 1) ** 2 <= MAX_KERNEL_OPS;
  while (!fits(fit) && fit < 10_000) fit += 10;
  return `a ${cell} m cell over this area is ${cells.toLocaleString('en')} cells and ${ops.toLocaleString('en')} kernel steps, more than one request may take: use at least ${fit} m`;
}
