// Area geometry per gemeente read from the derived TopoJSON: GeoJSON features (for export and
// point-in-polygon) and queen contiguity (for the hotspot statistics), computed once per
// (gemeente, level) and kept in this instance, not in module state.
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { queenNeighbours } from '../domain/neighbours.ts';
import type { Dataset } from './dataset.ts';
import type { MapLevel } from '../domain/model.ts';


export type AreaFeature = Feature<Polygon | MultiPolygon, { code: string; naam: string; [k: string]: unknown }>;

export interface NeighbourGraph {
  /** Area codes in the order of `lists`. */
  codes: string[];
  /** lists[i] = indexes (into codes) of the neighbours of codes[i], ascending, never i itself. */
  lists: number[][];
}

/**
 * Snapping tolerance in metres. The shipped boundaries are simplified to ~10 vertices per buurt, and
 * simplification moves shared borders independently on both sides: gaps and overlaps of 10–60 m
 * between areas that really touch are common (measured on Maastricht, Amsterdam and Terschelling).
 * 75 m bridges those, yet stays far below the width of any buurt, so areas separated by another
 * buurt never become neighbours. Areas still without a neighbour (islands, enclaves across water)
 * get their nearest area from queenNeighbours, so the local statistics never see an island.
 */
export const SNAP_TOLERANCE_M = 75;

const OBJECT_OF: Record<MapLevel, string> = { buurt: 'buurten', wijk: 'wijken' };
const EARTH_RADIUS_M = 6_371_008.8;

export class AreaGeometry {
  private readonly featureCache = new Map<string, AreaFeature[]>();
  private readonly graphCache = new Map<string, NeighbourGraph>();

  constructor(private readonly ds: Dataset) {}

  /** GeoJSON features (WGS84) of one level of a gemeente, in TopoJSON order. */
  features(gm: string, level: MapLevel): AreaFeature[] {
    const key = `${gm}|${level}`;
    let hit = this.featureCache.get(key);
    if (!hit) {
      const topo = JSON.parse(this.ds.areaFile(gm).raw.toString('utf8')) as Topology;
      const obj = topo.objects[OBJECT_OF[level]] as GeometryCollection | undefined;
      const fc = obj ? feature(topo, obj) : { features: [] };
      hit = (fc.features as AreaFeature[]).filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'));
      for (const f of hit) f.properties.code ??= String(f.id);
      this.featureCache.set(key, hit);
    }
    return hit;
  }

  /** Queen contiguity with snapping; every area with geometry has at least one neighbour. */
  neighbours(gm: string, level: MapLevel): NeighbourGraph {
    const key = `${gm}|${level}`;
    let hit = this.graphCache.get(key);
    if (!hit) {
      const feats = this.features(gm, level);
      const project = localProjection(feats);
      const polygons = feats.map((f) => {
        const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
        return polys.flatMap((rings) => rings.map((ring) => ring.map(project)));
      });
      hit = { codes: feats.map((f) => f.properties.code), lists: queenNeighbours(polygons, SNAP_TOLERANCE_M) };
      this.graphCache.set(key, hit);
    }
    return hit;
  }

  /** Neighbour indexes aligned with `codes` (areas unknown to the geometry get []). */
  neighboursFor(gm: string, level: MapLevel, codes: string[]): number[][] {
    const g = this.neighbours(gm, level);
    const pos = new Map(codes.map((c, i) => [c, i]));
    const byCode = new Map(g.codes.map((c, i) => [c, g.lists[i]]));
    return codes.map((c) => (byCode.get(c) ?? []).map((j) => pos.get(g.codes[j])).filter((j): j is number => j !== undefined));
  }
}

/**
 * Equirectangular projection around the centre of the areas, in metres. Over a gemeente
 * (< 50 km) its distance error is well under 1 %, far below the snapping tolerance's slack, and
 * it needs no CRS definitions; RD New would do equally well but only inside the Netherlands.
 */
function localProjection(feats: AreaFeature[]): (p: Position) => [number, number] {
  return localPlane(feats).forward;
}

/** The same plane with its inverse, for grids computed in metres and drawn in lon/lat. */
export function localPlane(feats: AreaFeature[]): { forward: (p: Position) => [number, number]; inverse: (x: number, y: number) => [number, number] } {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const f of feats) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polys) for (const ring of rings) for (const [x, y] of ring) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  const lon0 = Number.isFinite(minX) ? (minX + maxX) / 2 : 0;
  const lat0 = Number.isFinite(minY) ? (minY + maxY) / 2 : 0;
  const kx = (EARTH_RADIUS_M * Math.PI * Math.cos((lat0 * Math.PI) / 180)) / 180;
  const ky = (EARTH_RADIUS_M * Math.PI) / 180;
  return { forward: (p) => [(p[0] - lon0) * kx, (p[1] - lat0) * ky], inverse: (x, y) => [lon0 + x / kx, lat0 + y / ky] };
}
