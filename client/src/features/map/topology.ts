// Codes and bounding boxes of the areas in a TopoJSON topology (camera fits, search, the codes to colour).
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { AreaLevel } from '../../lib/level.ts';
import { OBJECTS } from './core/levels.ts';

export type BBox = [number, number, number, number];

const codesOf = new WeakMap<Topology, Partial<Record<AreaLevel, readonly string[]>>>();

/** Codes of the buurten or wijken of a topology, in its order; computed once per topology (every recolour asks). */
export function topologyCodes(topology: Topology | null, level: AreaLevel): readonly string[] {
  if (!topology) return [];
  const cached = codesOf.get(topology) ?? {};
  const known = cached[level];
  if (known) return known;
  const obj = topology.objects[OBJECTS[level]] as GeometryCollection | undefined;
  const codes = (obj?.geometries ?? []).map((g) => String((g.properties as { code?: string } | null)?.code ?? g.id));
  codesOf.set(topology, { ...cached, [level]: codes });
  return codes;
}

/** Bounding box of a (possibly quantized) topology, in lon/lat. */
export function topologyBBox(topology: Topology): BBox | null {
  if (topology.bbox && topology.bbox.length >= 4) return [topology.bbox[0], topology.bbox[1], topology.bbox[2], topology.bbox[3]];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const name of Object.keys(topology.objects)) {
    const fc = feature(topology, topology.objects[name] as GeometryCollection) as FeatureCollection;
    for (const f of fc.features) {
      visitCoords(f.geometry, (x, y) => {
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      });
    }
  }
  return Number.isFinite(minX) ? [minX, minY, maxX, maxY] : null;
}

/** Bounding box of the areas with these codes (buurten or wijken of the topology); null when none is found. */
export function areasBBox(topology: Topology, codes: string[]): BBox | null {
  const wanted = new Set(codes);
  let box: BBox | null = null;
  for (const name of ['buurten', 'wijken', 'gemeente']) {
    const obj = topology.objects[name] as GeometryCollection | undefined;
    if (!obj) continue;
    const fc = feature(topology, obj) as FeatureCollection;
    for (const f of fc.features) {
      if (!wanted.has(String(f.properties?.code ?? f.id))) continue;
      visitCoords(f.geometry, (x, y) => {
        box = box ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)] : [x, y, x, y];
      });
    }
    if (box) return box;
  }
  return box;
}

function visitCoords(g: Geometry | null, fn: (x: number, y: number) => void): void {
  if (!g) return;
  if (g.type === 'GeometryCollection') {
    for (const c of g.geometries) visitCoords(c, fn);
    return;
  }
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') fn(c[0] as number, c[1] as number);
    else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  walk(g.coordinates);
}

