import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { flatProperties, rfc7946, ringArea } from './gisExport.ts';

const cw = [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]];
const ccwHole = [[0.2, 0.2], [0.8, 0.2], [0.8, 0.8], [0.2, 0.8], [0.2, 0.2]];

describe('rfc7946', () => {
  it('turns clockwise exteriors counter-clockwise and holes clockwise, without touching the input', () => {
    const input: Polygon = { type: 'Polygon', coordinates: [cw, ccwHole] };
    const out = rfc7946(input) as Polygon;
    expect(ringArea(out.coordinates[0])).toBeGreaterThan(0);
    expect(ringArea(out.coordinates[1])).toBeLessThan(0);
    expect(ringArea(input.coordinates[0])).toBeLessThan(0);
  });

  it('does every part of a MultiPolygon', () => {
    const out = rfc7946({ type: 'MultiPolygon', coordinates: [[cw], [cw.map(([x, y]) => [x + 2, y])]] }) as MultiPolygon;
    for (const p of out.coordinates) expect(ringArea(p[0])).toBeGreaterThan(0);
  });
});

describe('flatProperties', () => {
  it('writes lists as text (empty lists as an empty text) and objects as JSON', () => {
    expect(flatProperties({ flags: [], other: ['demo', 'visitors'], n: 1, s: null, o: { a: 1 }, u: undefined })).toEqual({ flags: '', other: 'demo,visitors', n: 1, s: null, o: '{"a":1}' });
  });
});
