// What GIS tools need from a GeoJSON export beyond valid JSON: RFC 7946 winding (exterior rings
// counter-clockwise, holes clockwise; our boundary files mix both) and flat properties (GDAL reads a JSON
// array as a list field that a Shapefile cannot hold, and fiona crashes on an empty one).
import { rewind } from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';

/** The geometry with RFC 7946 winding (a new object; the boundaries the app keeps are not touched). */
export function rfc7946(geometry: Geometry | null): Geometry | null {
  if (!geometry) return null;
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return geometry;
  // turf's rewind is typed as returning any GeoJSON; given a geometry it returns one of the same type.
  return rewind(geometry, { mutate: false }) as Polygon | MultiPolygon;
}

/** Properties a Shapefile, a GeoPackage and fiona all take: lists become one comma-separated text. */
export function flatProperties(props: Record<string, unknown>): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) out[k] = v.map(String).join(',');
    else if (v !== null && typeof v === 'object') out[k] = JSON.stringify(v);
    else out[k] = v as string | number | boolean | null;
  }
  return out;
}

/** Signed area of a ring (shoelace, in coordinate units): positive when counter-clockwise. */
export function ringArea(ring: number[][]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return a / 2;
}
