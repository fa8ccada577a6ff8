// One area of a vector-tile source as one shape. MapLibre hands out a feature once per loaded tile, cut at the
// tile's edge plus a small buffer; an outline drawn from those pieces would show every cut as a line through
// the area, so the pieces are joined first. Neighbouring tiles carry the same vertices where they overlap (one
// grid per zoom), so the union closes the cuts without slivers.
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { featureCollection, polygon, union } from '@turf/turf';

export function joinPieces(pieces: readonly { geometry: Geometry }[]): Polygon | MultiPolygon | null {
  const rings: Polygon['coordinates'][] = [];
  for (const { geometry: g } of pieces) {
    if (g.type === 'Polygon') rings.push(g.coordinates);
    else if (g.type === 'MultiPolygon') rings.push(...g.coordinates);
  }
  if (rings.length === 0) return null;
  if (rings.length === 1) return { type: 'Polygon', coordinates: rings[0] };
  return union(featureCollection(rings.map((r) => polygon(r))))?.geometry ?? null;
}
