import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { BuurtLocator } from './locate.ts';

const square = (code: string, x0: number, y0: number, d: number): Feature<Polygon, { code: string }> => ({
  type: 'Feature',
  properties: { code },
  geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x0 + d, y0], [x0 + d, y0 + d], [x0, y0 + d], [x0, y0]]] },
});

// Two buurten with a 0.0004° (~28 m) gap between them, like neighbours in simplified boundaries.
const loc = new BuurtLocator([square('BU1', 5.68, 50.84, 0.01), square('BU2', 5.6904, 50.84, 0.01)]);

describe('BuurtLocator', () => {
  it('finds the buurt a point lies in', () => {
    expect(loc.locate(5.685, 50.845, 50)).toEqual({ code: 'BU1', distanceM: 0 });
    expect(loc.locate(5.695, 50.845, 50)).toEqual({ code: 'BU2', distanceM: 0 });
  });

  it('gives a point in the sliver between two buurten to the nearest one within the tolerance', () => {
    const r = loc.locate(5.69005, 50.845, 50)!;
    expect(r.code).toBe('BU1');
    expect(r.distanceM).toBeGreaterThan(0);
    expect(r.distanceM).toBeLessThan(10);
  });

  it('returns null for a point outside every buurt beyond the tolerance', () => {
    expect(loc.locate(5.8, 50.9, 50)).toBeNull();
  });
});
