// Reads an uploaded GeoJSON file into the one Polygon/MultiPolygon the attention-area API takes. Errors are
// Dutch sentences for the analyst; the server checks the geometry again, so this only has to be helpful, not final.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { formatNumber } from '../../lib/format.ts';

export const MAX_POLYGON_FILE_BYTES = 5 * 1024 * 1024;

export interface ParsedPolygon {
  geometry: Polygon | MultiPolygon;
  /** Only when the file declares RD New; otherwise the server tells RD from degrees by the coordinates. */
  crs?: 'EPSG:28992';
  /** RD New metres (declared, or coordinates outside degree ranges as the server reads them). */
  rd: boolean;
  /** Outer polygons in the geometry. */
  polygons: number;
  /** Features of a FeatureCollection that had no polygon and were left out. */
  skipped: number;
}

export class PolygonFileError extends Error {
  override name = 'PolygonFileError';
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const NO_POLYGON = 'Het bestand bevat geen polygoon (GeoJSON Polygon of MultiPolygon).';

/** GeoJSON 2008's `crs` member; RFC 7946 dropped it, but QGIS and ArcGIS still write it for RD New. */
function declaredCrs(root: Json): 'EPSG:28992' | 'EPSG:4326' | undefined {
  const crs = root.crs;
  if (!isObject(crs) || !isObject(crs.properties) || typeof crs.properties.name !== 'string') return undefined;
  const name = crs.properties.name.trim();
  if (/EPSG:{1,2}28992$/i.test(name)) return 'EPSG:28992';
  if (/EPSG:{1,2}4326$/i.test(name) || /CRS84$/i.test(name)) return 'EPSG:4326';
  throw new PolygonFileError(`Het bestand gebruikt coördinatenstelsel "${name}". Alleen WGS84 (EPSG:4326) en RD New (EPSG:28992) worden ondersteund.`);
}

// Positions are cut to [x, y]: the server ignores heights, and M values (a 4th number) it would refuse.
function position(p: unknown): Position {
  if (!Array.isArray(p) || p.length < 2 || !p.slice(0, 2).every((n) => typeof n === 'number' && Number.isFinite(n))) {
    throw new PolygonFileError('De polygoon in het bestand heeft ongeldige coördinaten (verwacht: paren getallen [x, y]).');
  }
  return [p[0] as number, p[1] as number];
}

function ring(r: unknown): Position[] {
  if (!Array.isArray(r)) throw new PolygonFileError('De polygoon in het bestand heeft ongeldige coördinaten (verwacht: ringen van punten).');
  const pts = r.map(position);
  if (pts.length < 4) throw new PolygonFileError('Een ring van de polygoon heeft minder dan 4 punten.');
  const [first, last] = [pts[0], pts[pts.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) throw new PolygonFileError('Een ring van de polygoon is niet gesloten: het eerste en het laatste punt moeten gelijk zijn.');
  return pts;
}

function rings(poly: unknown): Position[][] {
  if (!Array.isArray(poly) || poly.length === 0) throw new PolygonFileError('De polygoon in het bestand heeft geen buitenrand.');
  return poly.map(ring);
}

/** The polygons (each a list of rings) of a Polygon/MultiPolygon geometry; null for any other geometry. */
function polygonsOf(g: unknown): Position[][][] | null {
  if (!isObject(g)) return null;
  if (g.type === 'Polygon') return [rings(g.coordinates)];
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) throw new PolygonFileError('De MultiPolygon in het bestand is leeg.');
    return g.coordinates.map(rings);
  }
  return null;
}

function typeOf(g: unknown): string {
  return isObject(g) && typeof g.type === 'string' ? g.type : 'geen geometrie';
}

export function parsePolygonFile(text: string): ParsedPolygon {
  // A byte-order mark (Windows editors) makes JSON.parse fail on an otherwise good file.
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new PolygonFileError('Het bestand is leeg.');
  let root: unknown;
  try {
    root = JSON.parse(body);
  } catch {
    throw new PolygonFileError('Het bestand is geen geldige JSON. Kies een GeoJSON-bestand (.geojson of .json).');
  }
  if (!isObject(root)) throw new PolygonFileError(NO_POLYGON);
  const crs = declaredCrs(root);

  let polygons: Position[][][];
  let skipped = 0;
  let single = false;
  if (root.type === 'FeatureCollection') {
    if (!Array.isArray(root.features)) throw new PolygonFileError(NO_POLYGON);
    polygons = [];
    const others = new Set<string>();
    for (const f of root.features) {
      const geometry = isObject(f) ? f.geometry : undefined;
      const found = polygonsOf(geometry);
      if (found) polygons.push(...found);
      else {
        skipped++;
        others.add(typeOf(geometry));
      }
    }
    if (polygons.length === 0) throw new PolygonFileError(others.size ? `${NO_POLYGON} Gevonden: ${[...others].join(', ')}.` : `${NO_POLYGON} De FeatureCollection is leeg.`);
  } else {
    const geometry = root.type === 'Feature' ? root.geometry : root;
    const found = polygonsOf(geometry);
    if (!found) throw new PolygonFileError(`${NO_POLYGON} Gevonden: ${typeOf(geometry)}.`);
    polygons = found;
    single = isObject(geometry) && geometry.type === 'Polygon';
  }

  const looksRd = polygons.some((p) => p.some((r) => r.some(([x, y]) => Math.abs(x) > 180 || Math.abs(y) > 90)));
  return {
    geometry: single ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons },
    ...(crs === 'EPSG:28992' ? { crs } : {}),
    rd: crs === 'EPSG:28992' || looksRd,
    polygons: polygons.length,
    skipped,
  };
}

/** Checks the size before reading, so a wrong pick (a huge export) does not freeze the tab. */
export async function readPolygonFile(file: Blob): Promise<ParsedPolygon> {
  if (file.size > MAX_POLYGON_FILE_BYTES) {
    throw new PolygonFileError(`Het bestand is te groot (${formatNumber(file.size / 1024 / 1024, 1)} MB); het mag hoogstens 5 MB zijn. Vereenvoudig de polygoon of laat overbodige objecten weg.`);
  }
  return parsePolygonFile(await file.text());
}

/** "1 polygoon, coördinaten in RD New (meters)". */
export function describePolygon(p: ParsedPolygon): string {
  const parts = [`${formatNumber(p.polygons)} ${p.polygons === 1 ? 'polygoon' : 'polygonen'}`, `coördinaten in ${p.rd ? 'RD New (meters)' : 'WGS84 (graden)'}`];
  if (p.skipped > 0) parts.push(`${formatNumber(p.skipped)} ${p.skipped === 1 ? 'object' : 'objecten'} zonder polygoon overgeslagen`);
  return parts.join(', ');
}

/** Dutch for the server's 400s on an uploaded geometry; null when there is no translation (show the server's text). */
export function geometryErrorText(serverMessage: string, gemeenteNaam: string): string | null {
  if (/covers no buurt/.test(serverMessage)) {
    return `Het bestand bedekt geen enkele buurt van ${gemeenteNaam}. Een buurt telt mee als een punt midden in die buurt binnen de polygoon ligt.`;
  }
  if (/outside the Netherlands/.test(serverMessage)) return 'De coördinaten zijn als RD New (meters) gelezen, maar liggen buiten Nederland. Controleer het coördinatenstelsel van het bestand.';
  if (/not degrees/.test(serverMessage)) return 'De coördinaten zijn geen graden (WGS84). Sla het bestand op in WGS84 of RD New (EPSG:28992).';
  if (/ring must be closed/.test(serverMessage)) return 'Een ring van de polygoon is niet gesloten: het eerste en het laatste punt moeten gelijk zijn.';
  if (/at least 4 positions/.test(serverMessage)) return 'Een ring van de polygoon heeft minder dan 4 punten.';
  return null;
}
