// Attention areas as the application sees them: the buurten an area covers (from codes, or from a
// GeoJSON polygon in WGS84 or RD New, reprojected here: a buurt counts when its point-on-surface lies
// inside, stored with the area so figures stay stable), and the /stats answer scoped to one area.
import proj4 from 'proj4';
import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Dataset } from '../store/dataset.ts';
import type { AreaGeometry } from '../store/geometry.ts';
import type { AttentionAreaStore, AttentionKind } from '../store/attentionAreas.ts';
import { RD_NEW } from '../../../geodata/sources.ts';
import { computeStats, type AreaFigures } from '../domain/stats.ts';
import type { Level, StatsRow } from '../domain/model.ts';
import { ApiError } from './errors.ts';
import { checkCodes } from './scope.ts';

export type Geo = Polygon | MultiPolygon;

const mapPositions = (g: Geo, fn: (p: Position) => Position): Geo =>
  g.type === 'Polygon' ? { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(fn)) } : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(fn))) };

function allPositions(g: Geo): Position[] {
  return g.type === 'Polygon' ? g.coordinates.flat() : g.coordinates.flat(2);
}

/** RD New metres are far outside degree ranges; inside the Netherlands RD x is 0–300 km, y 289–629 km. */
function toWgs84(g: Geo, crs: 'EPSG:4326' | 'EPSG:28992' | undefined): Geo {
  const pts = allPositions(g);
  const looksRd = pts.some((p) => Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90);
  const rd = crs ? crs === 'EPSG:28992' : looksRd;
  if (!rd) {
    if (looksRd) throw new ApiError(400, 'geometry: coordinates are not degrees; give crs EPSG:28992 for RD New', 'geometry');
    return mapPositions(g, (p) => [p[0], p[1]]);
  }
  if (pts.some((p) => p[0] < -7000 || p[0] > 300_000 || p[1] < 289_000 || p[1] > 629_000)) {
    throw new ApiError(400, 'geometry: RD New coordinates outside the Netherlands (x 0–300000, y 289000–629000 m)', 'geometry');
  }
  const t = proj4(RD_NEW, 'EPSG:4326');
  return mapPositions(g, (p) => {
    const [x, y] = t.forward([p[0], p[1]]);
    return [Math.round(x * 1e7) / 1e7, Math.round(y * 1e7) / 1e7];
  });
}

/** Buurten of the gemeente whose point-on-surface lies inside the polygon. */
export function buurtenInside(geometry: AreaGeometry, gm: string, g: Geo): string[] {
  return geometry
    .features(gm, 'buurt')
    .filter((f) => booleanPointInPolygon(pointOnFeature(f), g))
    .map((f) => f.properties.code);
}

/** Wijk codes expand to their buurten, so an attention area is always a set of buurten. */
function expandToBuurten(ds: Dataset, gm: string, codes: string[]): string[] {
  const out = new Set<string>();
  for (const c of codes) {
    if (c.startsWith('WK')) for (const b of ds.areas(gm, 'buurt')) { if (b.wijkcode === c) out.add(b.code); }
    else out.add(c);
  }
  return [...out];
}

/**
 * The buurten of a new attention area: its codes (wijken expand to their buurten) or the buurten
 * inside its polygon; with the polygon in WGS84 to store (null for a code list).
 */
export function attentionAreaCodes(ds: Dataset, geometry: AreaGeometry, body: { gemeente: string; codes?: string[]; geometry?: Geo; crs?: 'EPSG:4326' | 'EPSG:28992' }): { codes: string[]; geometry: Geo | null } {
  if (body.codes) return { codes: expandToBuurten(ds, body.gemeente, checkCodes(ds, body.gemeente, body.codes)), geometry: null };
  const geo = toWgs84(body.geometry!, body.crs);
  const codes = buurtenInside(geometry, body.gemeente, geo);
  if (codes.length === 0) throw new ApiError(400, `geometry: covers no buurt of ${body.gemeente} (a buurt counts when its interior point lies inside)`, 'geometry');
  return { codes, geometry: geo };
}

export interface AttentionAreaSummary {
  id: number;
  name: string;
  kind: AttentionKind;
  kindNaam: string;
  codes: string[];
  /** The attention area as a whole: the sum of its buurten (ratePer1000Smoothed is null: one area has no prior). */
  total: StatsRow;
}

/**
 * `/stats?area=<id>`: keeps the rows inside the attention area (buurten it covers; wijken that
 * contain at least one of them; the gemeente row as is) and sums its buurten into one total row.
 */
export function attentionScope(
  ds: Dataset,
  store: AttentionAreaStore | undefined,
  id: number,
  q: { gemeente: string; level: Level; category: string; from: string; to: string },
  rows: StatsRow[],
  opts: { lowPopulationThreshold: number; months: number },
): { rows: StatsRow[]; summary: AttentionAreaSummary } {
  const area = store?.get(id);
  if (!area) throw new ApiError(404, `area: attention area ${id} does not exist`, 'area');
  if (area.gemeente !== q.gemeente) throw new ApiError(400, `area: attention area ${id} belongs to ${area.gemeente}, not ${q.gemeente}`, 'area');
  const inside = new Set(area.codes);
  const wijken = new Set(ds.areas(q.gemeente, 'buurt').filter((b) => inside.has(b.code)).map((b) => b.wijkcode));
  const kept = q.level === 'buurt' ? rows.filter((r) => inside.has(r.code)) : q.level === 'wijk' ? rows.filter((r) => wijken.has(r.code)) : rows;
  const buurtFigures = ds.figures(q.gemeente, 'buurt', q.category, q.from, q.to).figures.filter((f) => inside.has(f.code));
  // One cell of its own: under disclosure control the union is rounded on its own, not summed from
  // its rounded buurten, so "total minus the visible buurten" gives no hidden buurt back.
  const sums = ds.unionSums(q.gemeente, buurtFigures.map((f) => f.code), q.category, q.from, q.to);
  const pops = buurtFigures.map((f) => f.population);
  const combined: AreaFigures = {
    code: `AA${area.id}`,
    naam: area.name,
    population: pops.every((p) => p === null) ? null : pops.reduce<number>((s, p) => s + (p ?? 0), 0),
    km2: buurtFigures.reduce((s, f) => s + f.km2, 0),
    visitors: buurtFigures.some((f) => f.visitors),
    current: sums.current,
    previous: sums.previous,
  };
  const total = { ...computeStats([combined], opts).rows[0], ratePer1000Smoothed: null };
  return { rows: kept, summary: { id: area.id, name: area.name, kind: area.kind, kindNaam: area.kindNaam, codes: area.codes, total } };
}
