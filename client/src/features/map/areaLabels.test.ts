import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { labelAnchor } from './areaLabels.ts';

const square: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]] };
// A U: the centroid falls in the notch, outside the area.
const u: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [6, 0], [6, 6], [5, 6], [5, 1], [1, 1], [1, 6], [0, 6], [0, 0]]] };

function inside([x, y]: number[], ring: number[][]): boolean {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
}

describe('labelAnchor', () => {
  it('puts the name at the centroid when that is inside', () => {
    expect(labelAnchor(square)).toEqual({ at: [2, 2], area: 16 });
  });

  it("moves it inside an area whose centroid is not (a U-shaped buurt), never onto the edge", () => {
    const a = labelAnchor(u)!;
    expect(inside(a.at, u.coordinates[0])).toBe(true);
  });

  it('uses the largest part of a multipolygon', () => {
    const a = labelAnchor({ type: 'MultiPolygon', coordinates: [square.coordinates, [[[10, 10], [11, 10], [11, 11], [10, 11], [10, 10]]]] })!;
    expect(a.at).toEqual([2, 2]);
  });

  it('puts a merged area (an attention area of several buurten) inside its largest part, off every edge', () => {
    const small: Polygon = { type: 'Polygon', coordinates: [[[10, 10], [11, 10], [11, 11], [10, 11], [10, 10]]] };
    const a = labelAnchor({ type: 'MultiPolygon', coordinates: [small.coordinates, u.coordinates] })!;
    expect(a.area).toBe(16);
    expect(inside(a.at, u.coordinates[0])).toBe(true);
    expect(u.coordinates[0]).not.toContainEqual(a.at);
  });

  it('gives no anchor for a degenerate shape', () => {
    expect(labelAnchor({ type: 'Polygon', coordinates: [[[0, 0], [1, 1], [2, 2], [0, 0]]] })).toBeNull();
  });
});
