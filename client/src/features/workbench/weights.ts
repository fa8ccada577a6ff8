// Criterion weights as the ranking API and the URL write them: "smoothedRate:2,change:1".

export const MAX_WEIGHT = 5;
export const WEIGHT_STEP = 0.5;

/**
 * Reads a weights string against the known criteria. Unknown ids, malformed parts and out-of-range
 * numbers are dropped (a stale link must still open); weights are clamped to 0…5 on the step.
 * Returns null when nothing usable is left or no weight is above 0.
 */
export function parseWeights(text: string | null | undefined, known: string[]): Record<string, number> | null {
  if (!text) return null;
  const out: Record<string, number> = {};
  for (const part of text.split(',')) {
    const m = /^\s*([A-Za-z][A-Za-z0-9_.-]*)\s*:\s*(\d+(?:\.\d+)?)\s*$/.exec(part);
    if (!m || !known.includes(m[1]) || m[1] in out) continue;
    const w = Number(m[2]);
    if (!Number.isFinite(w)) continue;
    out[m[1]] = clampWeight(w);
  }
  return Object.values(out).some((w) => w > 0) ? out : null;
}

export function clampWeight(w: number): number {
  const stepped = Math.round(w / WEIGHT_STEP) * WEIGHT_STEP;
  return Math.min(MAX_WEIGHT, Math.max(0, stepped));
}

/** Stable order (the criteria's order), zero weights left out; null when no weight is above 0. */
export function serializeWeights(weights: Record<string, number>, order: string[]): string | null {
  const parts = order.filter((id) => (weights[id] ?? 0) > 0).map((id) => `${id}:${Number(weights[id].toFixed(2))}`);
  return parts.length ? parts.join(',') : null;
}
