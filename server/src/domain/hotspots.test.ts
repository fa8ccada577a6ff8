import { describe, expect, it } from 'vitest';
import { bhAdjust, computeHotspots, emergingTrend, measureValues, type HotspotArea, type HotspotOptions } from './hotspots.ts';
import { fdr } from './spatial.ts';

const opts: HotspotOptions = { method: 'gistar', measure: 'densityPerKm2', alpha: 0.05, minPopulation: 200, permutations: 99, seed: 1 };

/** A 5 x 5 grid of unit squares with rook+queen neighbours. */
function grid(values: (i: number) => number): { areas: HotspotArea[]; nb: number[][] } {
  const areas: HotspotArea[] = [];
  const nb: number[][] = [];
  for (let r = 0; r < 5; r++) for (let c = 0; c < 5; c++) {
    const i = r * 5 + c;
    areas.push({ code: `A${i}`, naam: `A${i}`, count: values(i), population: 1000, km2: 1 });
    const list: number[] = [];
    for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) {
      const rr = r + dr, cc = c + dc;
      if ((dr || dc) && rr >= 0 && rr < 5 && cc >= 0 && cc < 5) list.push(rr * 5 + cc);
    }
    nb.push(list);
  }
  return { areas, nb };
}

describe('bhAdjust', () => {
  it('q <= alpha exactly where fdr(p, alpha) is true', () => {
    let s = 7;
    const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647);
    for (let trial = 0; trial < 50; trial++) {
      const p = Array.from({ length: 30 }, () => rand() ** 3);
      const q = bhAdjust(p);
      for (const alpha of [0.01, 0.05, 0.1, 0.2]) expect(q.map((x) => x <= alpha)).toEqual(fdr(p, alpha));
      q.forEach((x, i) => expect(x).toBeGreaterThanOrEqual(p[i]));
    }
  });

  it('matches a hand calculation', () => {
    // sorted p: 0.01 0.02 0.03 0.5 ; m = 4 → 0.04, 0.04, 0.04, 0.5
    bhAdjust([0.03, 0.5, 0.01, 0.02]).forEach((q, i) => expect(q).toBeCloseTo([0.04, 0.5, 0.04, 0.04][i], 12));
  });
});

describe('emergingTrend', () => {
  const z = (xs: number[]) => xs;
  it('new: hot only in the last month', () => {
    expect(emergingTrend([false, false, false, true], z([0, 0.1, 0.2, 3])).trend).toBe('new');
  });
  it('persistent: hot (nearly) always, no trend', () => {
    const hot = Array(12).fill(true);
    expect(emergingTrend(hot, z([3, 3.2, 3.1, 3, 3.3, 2.9, 3, 3.1, 3.2, 3, 2.9, 3.1])).trend).toBe('persistent');
  });
  it('intensifying / diminishing: hot always with a significant monotone trend', () => {
    const hot = Array(12).fill(true);
    expect(emergingTrend(hot, z(Array.from({ length: 12 }, (_, i) => 2 + i / 4))).trend).toBe('intensifying');
    expect(emergingTrend(hot, z(Array.from({ length: 12 }, (_, i) => 5 - i / 4))).trend).toBe('diminishing');
  });
  it('none: sporadic, or not hot at all', () => {
    expect(emergingTrend([true, false, true, false, true, false, true, false, true, false, true, false], z(Array(12).fill(2))).trend).toBe('none');
    expect(emergingTrend([], []).trend).toBe('none');
  });
});

describe('computeHotspots', () => {
  it('finds a planted cluster in the corner as hot, with its history', () => {
    const { areas, nb } = grid((i) => ([0, 1, 5, 6].includes(i) ? 100 : 10));
    const history = Array.from({ length: 12 }, () => areas.map((a) => a.count));
    const r = computeHotspots(areas, nb, history, opts);
    expect(r.rows[0].class).toMatch(/^hot/);
    expect(r.rows[0].monthsSignificant).toBe(12);
    expect(r.rows[0].trend).toBe('persistent');
    expect(r.rows[24].class).toBe('none');
  });

  it('all zeros, one area, no neighbours, zero population: defined, nothing significant', () => {
    const zeros = grid(() => 0);
    for (const method of ['gistar', 'lisa'] as const) {
      const r = computeHotspots(zeros.areas, zeros.nb, [zeros.areas.map(() => 0)], { ...opts, method, measure: method === 'lisa' ? 'ratePer1000Smoothed' : 'densityPerKm2' });
      for (const row of r.rows) {
        expect(row.class).toBe('none');
        for (const v of [row.z, row.p, row.q, row.trendZ]) if (v !== null) expect(Number.isFinite(v)).toBe(true);
      }
    }
    const one = computeHotspots([{ code: 'X', naam: 'X', count: 5, population: 0, km2: 0 }], [[]], [[5]], opts);
    expect(one.rows[0]).toMatchObject({ class: 'none', excluded: 'noData' });
    const rate = computeHotspots([{ code: 'X', naam: 'X', count: 5, population: 0, km2: 1 }], [[]], [[5]], { ...opts, measure: 'ratePer1000Smoothed' });
    expect(rate.rows[0]).toMatchObject({ class: 'none', excluded: 'lowPopulation', z: null });
  });

  it('LISA is deterministic for the seed and labels quadrants', () => {
    const { areas, nb } = grid((i) => ([0, 1, 5, 6].includes(i) ? 100 : 10 + (i % 3)));
    const o = { ...opts, method: 'lisa' as const, measure: 'ratePer1000Smoothed' as const, permutations: 199 };
    const a = computeHotspots(areas, nb, [], o);
    const b = computeHotspots(areas, nb, [], o);
    expect(a.rows).toEqual(b.rows);
    expect(a.rows[0].quadrant).toBe('HH');
  });
});

describe('measureValues', () => {
  it('EB rate over reliable areas only; density needs a surface', () => {
    const areas: HotspotArea[] = [
      { code: 'a', naam: 'a', count: 10, population: 1000, km2: 1 },
      { code: 'b', naam: 'b', count: 50, population: 10, km2: 2 },
      { code: 'c', naam: 'c', count: null, population: 1000, km2: 1 },
    ];
    const eb = measureValues(areas, 'ratePer1000Smoothed', 200);
    expect(eb.excluded).toEqual([null, 'lowPopulation', 'noData']);
    expect(eb.values[0]).toBeCloseTo(10, 9); // the only reliable area: its own rate is the prior
    expect(measureValues(areas, 'densityPerKm2', 200).values).toEqual([10, 25, null]);
  });
});
