// Suppression of small counts (1 up to the threshold) so that a presentation on a public screen never
// shows a figure that could point to a person. Zero stays visible: it reveals nobody.
import type { StatsRow } from './model.ts';

export const DEFAULT_SUPPRESSION_THRESHOLD = 4;

export function isSmall(count: number | null | undefined, threshold: number): boolean {
  return typeof count === 'number' && count >= 1 && count <= threshold;
}

/** A suppressed row keeps its identity and population but loses every figure derived from the count. */
export function suppressStatsRow<T extends StatsRow>(row: T, threshold: number): T & { suppressed?: boolean } {
  const small = isSmall(row.count, threshold);
  const prevSmall = isSmall(row.previousCount, threshold);
  if (!small && !prevSmall) return row;
  return {
    ...row,
    ...(small ? { count: null, ratePer1000: null, ratePer1000Smoothed: null, densityPerKm2: null, suppressed: true } : {}),
    previousCount: prevSmall ? null : row.previousCount,
    changePct: null,
    changeSignificant: null,
    flags: small && !row.flags.includes('suppressed') ? [...row.flags, 'suppressed' as const] : row.flags,
  };
}
