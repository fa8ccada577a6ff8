import { describe, expect, it } from 'vitest';
import { area, polygon } from '@turf/turf';
import { joinPieces } from './tilePieces.ts';

const rect = (x0: number, y0: number, x1: number, y1: number) => polygon([[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]).geometry;

describe('joinPieces', () => {
  it('joins the pieces of an area cut by two tiles (overlapping in the buffer) into one polygon without the cut', () => {
    // An area from x 0 to 2, cut at x = 1 with a buffer of 0.1 on either side.
    const joined = joinPieces([{ geometry: rect(0, 0, 1.1, 1) }, { geometry: rect(0.9, 0, 2, 1) }]);
    expect(joined?.type).toBe('Polygon');
    expect(joined?.coordinates).toHaveLength(1);
    expect(area(joined!)).toBeCloseTo(area(rect(0, 0, 2, 1)), 0);
  });

  it('keeps a single piece as it is and has nothing for no pieces (the tiles are not loaded yet)', () => {
    expect(joinPieces([{ geometry: rect(0, 0, 1, 1) }])).toEqual(rect(0, 0, 1, 1));
    expect(joinPieces([])).toBeNull();
    expect(joinPieces([{ geometry: { type: 'Point', coordinates: [0, 0] } }])).toBeNull();
  });
});
