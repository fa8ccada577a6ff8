import { describe, expect, it } from 'vitest';
import { defaultBandwidth, quarticDensity, densityWorkProblem } from './kde.ts';

describe('quartic kernel density', () => {
  it('integrates to the number of points (per km² × cell area)', () => {
    const pts = [{ x: 500, y: 500 }, { x: 520, y: 480 }, { x: 700, y: 650 }];
    const g = quarticDensity(pts, [0, 0, 1200, 1200], 10, 150);
    const total = g.values.reduce((a, b) => a + b, 0) * (10 * 10) / 1e6;
    expect(total).toBeCloseTo(3, 1);
  });

  it('peaks at the point and is zero beyond the bandwidth', () => {
    const g = quarticDensity([{ x: 505, y: 505 }], [0, 0, 1000, 1000], 10, 100);
    const at = (x: number, y: number) => g.values[Math.floor(y / 10) * g.cols + Math.floor(x / 10)];
    // Centre of the kernel: 3/(π h²) per m² = 95.5 per km²... ×1e6/1e4 -> 3/(π·0.01) ≈ 95.49 per km².
    expect(at(505, 505)).toBeCloseTo((3 / (Math.PI * 100 * 100)) * 1e6, 6);
    expect(at(505 + 150, 505)).toBe(0);
  });

  it('has a stated default bandwidth with a floor', () => {
    expect(defaultBandwidth([])).toBe(100);
    const spread = Array.from({ length: 100 }, (_, i) => ({ x: (i % 10) * 300, y: Math.floor(i / 10) * 300 }));
    const h = defaultBandwidth(spread);
    expect(h).toBeGreaterThan(100);
    expect(h).toBeLessThan(2000);
  });
});

describe('density work bound', () => {
  it('refuses more cells or kernel steps than one request may take, naming the smallest cell that fits', () => {
    const city: [number, number, number, number] = [0, 0, 12_000, 14_000];
    expect(densityWorkProblem(city, 50, 200, 20_000)).toBeNull();
    expect(densityWorkProblem(city, 10, 200, 20_000)).toMatch(/use at least \d+ m/);
    const fit = Number(/use at least (\d+) m/.exec(densityWorkProblem(city, 10, 200, 20_000)!)![1]);
    expect(densityWorkProblem(city, fit, 200, 20_000)).toBeNull();
    expect(densityWorkProblem(city, fit - 10, 200, 20_000)).not.toBeNull();
    // Few cells, but a wide bandwidth over many points is as much work.
    expect(densityWorkProblem([0, 0, 1000, 1000], 10, 1000, 20_000)).toMatch(/kernel steps/);
  });
});
