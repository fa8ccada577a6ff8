import { describe, expect, it } from 'vitest';
import { computeStats, type AreaFigures } from './stats.ts';

const area = (code: string, count: number, population: number | null, prev: number | null = null, extra: Partial<AreaFigures> = {}): AreaFigures => ({
  code,
  naam: code,
  population,
  km2: 2,
  visitors: false,
  current: { count, withheld: false, demo: false, missingMonths: 0 },
  previous: prev === null ? null : { count: prev, withheld: false, demo: false, missingMonths: 0 },
  ...extra,
});

describe('computeStats', () => {
  it('computes rate per 1,000, density and change', () => {
    const { rows } = computeStats([area('A', 50, 1000, 40), area('B', 10, 2000, 0)], { lowPopulationThreshold: 200, months: 12 });
    expect(rows[0]).toMatchObject({ count: 50, ratePer1000: 50, densityPerKm2: 25, changePct: 25, previousCount: 40 });
    // No change can be computed against zero.
    expect(rows[1].changePct).toBeNull();
  });

  it('flags low and missing populations; no rate without inhabitants', () => {
    const { rows } = computeStats([area('A', 67, 15), area('B', 5, 0), area('C', 100, 5000)], { lowPopulationThreshold: 200, months: 12 });
    expect(rows[0].flags).toContain('lowPopulation');
    expect(rows[1].flags).toContain('noPopulation');
    expect(rows[1].ratePer1000).toBeNull();
    expect(rows[1].ratePer1000Smoothed).toBeNull();
  });

  it('shrinks small areas towards the overall rate (Marshall EB)', () => {
    const { rows, referenceRatePer1000 } = computeStats(
      [area('big1', 100, 5000), area('big2', 150, 6000), area('big3', 80, 4000), area('tiny', 3, 10)],
      { lowPopulationThreshold: 200, months: 12 },
    );
    const tiny = rows[3];
    expect(tiny.ratePer1000).toBe(300);
    expect(tiny.ratePer1000Smoothed!).toBeLessThan(300);
    expect(tiny.ratePer1000Smoothed!).toBeGreaterThan(referenceRatePer1000! - 1e-9);
  });

  it('reports areas without figures as noData, not as zero', () => {
    const a = area('A', 0, 1000);
    a.current.missingMonths = 12;
    const { rows } = computeStats([a, area('B', 4, 1000)], { lowPopulationThreshold: 200, months: 12 });
    expect(rows[0].count).toBeNull();
    expect(rows[0].flags).toContain('noData');
  });

  it('passes withheld, visitor and demo conditions on as flags', () => {
    const a = area('A', 10, 1000, null, { visitors: true });
    a.current.withheld = true;
    a.current.demo = true;
    const { rows, demo } = computeStats([a], { lowPopulationThreshold: 200, months: 12 });
    expect(rows[0].flags).toEqual(expect.arrayContaining(['withheld', 'visitors', 'demo']));
    expect(demo).toBe(true);
  });
});
