// Ranking of areas on weighted criteria for the selection workbench (gebiedsgerichte aanpak).
// Pure: a criterion is a value per area plus a direction; each is normalised to a percentile rank
// within the gemeente so criteria with different units (rates, %, months) can be weighed together.

export interface CriterionDef {
  id: string;
  naam: string;
  description: string;
  /** 1: a higher value means more reason for attention; -1: a lower value does (e.g. a survey grade). */
  direction: 1 | -1;
}

export interface RankingInput {
  code: string;
  naam: string;
  /** Raw criterion values by criterion id; null/undefined = unknown or unreliable. */
  values: Record<string, number | null | undefined>;
}

export interface RankingRow {
  rank: number;
  code: string;
  naam: string;
  /** Weighted mean of the components, 0 … 1 (1 = most reason for attention). */
  score: number;
  /** Per weighted criterion: percentile rank 0 … 1 in the attention direction; null = unknown (counted as 0.5). */
  components: Record<string, number | null>;
  values: Record<string, number | null>;
  /** Criteria (weight > 0) without a value for this area: they count as the median (0.5). */
  missing: string[];
}

/**
 * Mid-rank percentile in [0, 1]: (number below + half the number equal − 0.5) / (n − 1) style is
 * avoided for its edge cases; we use (below + (equal − 1) / 2) / (n − 1), so the lowest value is 0,
 * the highest 1, ties share the mean of their positions, and a single value is 0.5.
 */
export function percentileRanks(values: (number | null)[]): (number | null)[] {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  const n = known.length;
  return values.map((v) => {
    if (v === null || !Number.isFinite(v)) return null;
    if (n < 2) return 0.5;
    let lo = 0;
    while (lo < n && known[lo] < v) lo++;
    let hi = lo;
    while (hi < n && known[hi] === v) hi++;
    return (lo + (hi - lo - 1) / 2) / (n - 1);
  });
}

const round = (x: number, d: number) => {
  const f = 10 ** d;
  const r = Math.round(x * f) / f;
  return r === 0 ? 0 : r;
};

/** Ranks areas by the weighted mean of their normalised criteria (competition ranking: 1, 2, 2, 4). */
export function rankAreas(areas: RankingInput[], criteria: CriterionDef[], weights: Record<string, number>): RankingRow[] {
  const used = criteria.filter((c) => (weights[c.id] ?? 0) > 0);
  const totalWeight = used.reduce((s, c) => s + weights[c.id], 0);
  const norm = new Map<string, (number | null)[]>();
  for (const c of used) {
    const raw = areas.map((a) => {
      const v = a.values[c.id];
      return v === null || v === undefined || !Number.isFinite(v) ? null : c.direction * v;
    });
    norm.set(c.id, percentileRanks(raw));
  }
  const rows = areas.map((a, i) => {
    const components: Record<string, number | null> = {};
    const missing: string[] = [];
    let sum = 0;
    for (const c of used) {
      const v = norm.get(c.id)![i];
      components[c.id] = v === null ? null : round(v, 4);
      if (v === null) missing.push(c.id);
      sum += weights[c.id] * (v ?? 0.5);
    }
    const values: Record<string, number | null> = {};
    for (const c of criteria) {
      const v = a.values[c.id];
      values[c.id] = v === null || v === undefined || !Number.isFinite(v) ? null : v;
    }
    return { rank: 0, code: a.code, naam: a.naam, score: totalWeight > 0 ? round(sum / totalWeight, 4) : 0, components, values, missing };
  });
  rows.sort((x, y) => y.score - x.score || x.code.localeCompare(y.code));
  rows.forEach((r, i) => (r.rank = i > 0 && rows[i - 1].score === r.score ? rows[i - 1].rank : i + 1));
  return rows;
}

/** How a criterion's raw value reads: "+12,5 %", "38,0 %", "7 mnd", "1.294", "41,6". */
export function criterionUnit(id: string): { decimals: number; suffix: string; signed: boolean } {
  if (id === 'change') return { decimals: 1, suffix: ' %', signed: true };
  if (id === 'hicShare') return { decimals: 1, suffix: ' %', signed: false };
  if (id === 'hotspot') return { decimals: 0, suffix: ' mnd', signed: false };
  if (id === 'count') return { decimals: 0, suffix: '', signed: false };
  return { decimals: 1, suffix: '', signed: false };
}

export class WeightsError extends Error {}

/** Parses `smoothedRate:2,change:1` against the known criterion ids. */
export function parseWeights(text: string, known: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length === 0) throw new WeightsError('no criteria given; expected e.g. smoothedRate:2,change:1');
  for (const part of parts) {
    const m = /^([A-Za-z][A-Za-z0-9_.-]*)\s*(?::\s*(.*))?$/.exec(part);
    if (!m) throw new WeightsError(`'${part}' is not criterion:weight`);
    const id = m[1];
    if (!known.includes(id)) throw new WeightsError(`unknown criterion '${id}' (known: ${known.join(', ')})`);
    const w = m[2] === undefined ? 1 : Number(m[2]);
    if (m[2] !== undefined && (m[2].trim() === '' || !Number.isFinite(w) || w < 0)) throw new WeightsError(`weight of '${id}' must be a number >= 0, got '${m[2]}'`);
    if (id in out) throw new WeightsError(`criterion '${id}' is given twice`);
    out[id] = w;
  }
  if (!Object.values(out).some((w) => w > 0)) throw new WeightsError('at least one weight must be greater than 0');
  return out;
}
