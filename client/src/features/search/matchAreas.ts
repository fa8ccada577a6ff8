// The offline half of the search: buurten and wijken of the gemeente on show, matched by name or CBS code while the
// user types. Pure; the areas come from the topology the map already has.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { feature } from 'topojson-client';
import type { GeoJsonProperties } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { z } from 'zod/mini';
import { dutchComparison } from '../../lib/format.ts';

export type AreaKind = 'buurt' | 'wijk';

export interface SearchArea {
  level: AreaKind;
  code: string;
  naam: string;
  /** The wijk's name for a buurt (its place in the gemeente); null for a wijk or when unknown. */
  wijkNaam: string | null;
}

export interface AreaSuggestion extends SearchArea {
  kind: 'area';
  /** Short description shown under the name, e.g. "buurt in Wijk 01 Buitenwijk Zuidwest". */
  detail: string;
}

export const MAX_AREA_SUGGESTIONS = 8;

const areaProps = z.object({ code: z.string().check(z.minLength(1)), naam: z.string().check(z.trim(), z.minLength(1)), wijkcode: z.optional(z.string()) });

/** code, naam (and wijkcode) of an area; null for an area without them. */
function propsOf(g: { properties?: unknown }): z.infer<typeof areaProps> | null {
  const parsed = areaProps.safeParse(g.properties);
  return parsed.success ? parsed.data : null;
}

function areaObject(topology: Topology, name: 'buurten' | 'wijken'): GeometryCollection<GeoJsonProperties> | null {
  const object = topology.objects[name];
  return object && object.type === 'GeometryCollection' ? object : null;
}

/** The buurten and wijken of a topology (properties code, naam, wijkcode), wijken first. */
export function searchAreas(topology: Topology | null): SearchArea[] {
  if (!topology) return [];
  const wijkNamen = new Map<string, string>();
  const out: SearchArea[] = [];
  for (const g of areaObject(topology, 'wijken')?.geometries ?? []) {
    const p = propsOf(g);
    if (!p) continue;
    const { code, naam } = p;
    wijkNamen.set(code, naam);
    out.push({ level: 'wijk', code, naam, wijkNaam: null });
  }
  for (const g of areaObject(topology, 'buurten')?.geometries ?? []) {
    const p = propsOf(g);
    if (!p) continue;
    const { code, naam, wijkcode } = p;
    out.push({ level: 'buurt', code, naam, wijkNaam: wijkcode ? (wijkNamen.get(wijkcode) ?? null) : null });
  }
  return out;
}

/** Lower case, accents and punctuation gone ("Sint-Pietersberg" and "sint pietersberg" are the same). */
export function normalise(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** 0: the name or code starts with the query; 1: a word of the name does; 2: the name contains it; null: no match. */
function rank(area: SearchArea, q: string): number | null {
  const naam = normalise(area.naam);
  const code = area.code.toLowerCase();
  if (naam.startsWith(q) || code.startsWith(q.replace(/ /g, ''))) return 0;
  if (naam.split(' ').some((w) => w.startsWith(q)) || naam.includes(` ${q}`)) return 1;
  if (naam.includes(q)) return 2;
  return null;
}

// Accents and case ignored, as in the matching above.
const compareNames = dutchComparison({ sensitivity: 'base', numeric: true });

/** The best matches for what the user typed: prefix matches before substring matches, buurten before wijken, then by name. */
export function matchAreas(areas: readonly SearchArea[], query: string, limit = MAX_AREA_SUGGESTIONS): AreaSuggestion[] {
  const q = normalise(query);
  if (q === '') return [];
  const hits: { area: SearchArea; rank: number }[] = [];
  for (const area of areas) {
    const r = rank(area, q);
    if (r !== null) hits.push({ area, rank: r });
  }
  hits.sort((a, b) => a.rank - b.rank || (a.area.level === b.area.level ? 0 : a.area.level === 'buurt' ? -1 : 1) || compareNames(a.area.naam, b.area.naam));
  return hits.slice(0, limit).map(({ area }) => ({ ...area, kind: 'area', detail: describe(area) }));
}

function describe(area: SearchArea): string {
  if (area.level === 'wijk') return `wijk, ${area.code}`;
  return area.wijkNaam ? `buurt in ${area.wijkNaam}` : `buurt, ${area.code}`;
}

/** The buurt of a topology whose polygon holds a point (lon, lat); null when none does. */
export function buurtAt(topology: Topology | null, at: [number, number]): string | null {
  const object = topology ? areaObject(topology, 'buurten') : null;
  if (!topology || !object) return null;
  for (const f of feature(topology, object).features) {
    const g = f.geometry;
    const code = propsOf(f)?.code;
    if (!code || !g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    if (booleanPointInPolygon(at, g)) return code;
  }
  return null;
}
