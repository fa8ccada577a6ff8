// Colour-blind-safe palettes (ColorBrewer YlOrRd sequential, RdBu-like diverging) and the no-data style.
// One definition for the browser map (client/src/lib/palette.ts re-exports it) and the printed report maps
// (server/src/reports/map.ts), so a report's legend and the screen never disagree on a class colour.

/** ColorBrewer YlOrRd, light to dark, per number of classes (3–7). */
const YL_OR_RD: Record<number, string[]> = {
  1: ['#fd8d3c'],
  2: ['#feb24c', '#f03b20'],
  3: ['#ffeda0', '#feb24c', '#f03b20'],
  4: ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'],
  5: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
  6: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'],
  7: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026'],
};

/** Light to dark; the diverging palette picks from these for the classes below / above zero. */
const BLUES = ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'];
const REDS = ['#fee5d9', '#fcbba1', '#fc9272', '#fb6a4a', '#ef3b2c', '#cb181d', '#99000d'];
export const NEUTRAL = '#f7f7f7';

/** Fill for areas without a value; the map and legend add a hatch on top of it. */
export const NO_DATA_FILL = '#d9d9d9';
/** Fill used before any values arrived. */
export const PENDING_FILL = '#eeeeee';

export function sequentialPalette(n: number): string[] {
  const k = Math.max(1, Math.min(7, n));
  return YL_OR_RD[k].slice();
}

function spread(ramp: string[], n: number): string[] {
  if (n <= 0) return [];
  if (n === 1) return [ramp[3]];
  // Skip the palest shade unless all seven are needed, so classes stay apart from the neutral one.
  const lo = n >= ramp.length ? 0 : 1;
  const hi = ramp.length - 1;
  return Array.from({ length: n }, (_, i) => ramp[Math.round(lo + (i * (hi - lo)) / (n - 1))]);
}

/**
 * Diverging colours for threshold breaks around zero: classes wholly below zero are blue (darker further
 * from zero), wholly above are red, a class that straddles zero is neutral.
 *
 * `extent` (smallest and largest value classified) closes the open-ended first and last class. Without it,
 * when every buurt rose, the lowest class "< +20 %" would count as straddling zero and a significant +13 %
 * would be drawn in the neutral near-white that reads as "no change".
 */
export function divergingPalette(breaks: number[], extent: readonly [number, number] | null = null): string[] {
  const k = breaks.length + 1;
  const side: Array<-1 | 0 | 1> = [];
  for (let i = 0; i < k; i++) {
    const lower = i === 0 ? (extent?.[0] ?? -Infinity) : breaks[i - 1];
    const upper = i === k - 1 ? (extent?.[1] ?? Infinity) : breaks[i];
    side.push(upper <= 0 ? -1 : lower >= 0 ? 1 : 0);
  }
  const nNeg = side.filter((s) => s === -1).length;
  const nPos = side.filter((s) => s === 1).length;
  const neg = spread(BLUES, nNeg).reverse(); // darkest first (most negative class first)
  const pos = spread(REDS, nPos);
  let ni = 0;
  let pi = 0;
  return side.map((s) => (s === -1 ? neg[ni++] : s === 1 ? pos[pi++] : NEUTRAL));
}
