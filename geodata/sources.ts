// Finds and reads the official boundary and population files in GEODATA_SOURCE_DIR.
// Accepts GeoJSON or TopoJSON, in WGS84 or RD New (EPSG:28992; reprojected here, at build time,
// so the browser never has to). Every failure names the file and what to do about it.
import fs from 'node:fs';
import path from 'node:path';
import proj4 from 'proj4';
import { parse } from 'csv-parse/sync';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

export const RD_NEW =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 ' +
  '+ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';

export class SourceError extends Error {
  constructor(readonly file: string, reason: string, hint: string) {
    super(`${file}: ${reason}\n  ${hint}`);
  }
}

const DOWNLOAD_HINT =
  'Set GEODATA_SOURCE_DIR to a folder with the CBS Wijk- en Buurtkaart files (see README, "Data"). ' +
  'Official downloads: CBS "Wijk- en buurtkaart" (cbs.nl) or the PDOK service cbs/gebiedsindelingen.';

/** Candidate file names per layer, first match wins; a municipality can drop its own files in. */
export const SOURCE_FILES = {
  buurten: ['boundaries/buurten_2024.geojson', 'boundaries/buurten_2024.topojson', 'boundaries/buurten_2024_approx_wgs84_nl.geojson'],
  wijken: ['boundaries/wijken_2024.geojson', 'boundaries/wijken_2024.topojson', 'boundaries/wijken_2024_approx_wgs84_nl.geojson'],
  gemeenten: ['boundaries/gemeenten_2023.geojson', 'boundaries/gemeenten_2023.topojson', 'boundaries/gemeenten_2023_nl_wgs84.geojson'],
  buurtInwoners: ['population/buurten_inwoners_2024_85984NED_nl.csv'],
  kerncijfers: ['population/kwb_2024_gemeenten_wijken_nl_85984NED.json'],
  crimeTotals: ['crime/buurten_misdrijven_totaal_2021_2025_nl.csv'],
  gemeenteCrimeTotals: ['crime/gemeenten_misdrijven_totaal_2021_2025_nl.csv'],
  gemeenteCrimeTypes: ['crime/gemeenten_misdrijven_per_soort_2012_2025_47018NED_nl.csv'],
  crimeTypes: ['crime/soortmisdrijf_codes_47018NED.csv'],
  nationalTypeCounts: ['crime/nl_misdrijven_per_soort_2023_bernasco.csv'],
  nuisanceTypes: ['crime/overlast_codes_politie.csv'],
  /** Optional: published Veiligheidsmonitor values, loaded as survey data at start when present. */
  surveyMonitor: ['survey/veiligheidsmonitor_maastricht_2013_2019.csv'],
} as const;

export type SourceKey = keyof typeof SOURCE_FILES;

/**
 * The shipped buurt and wijk boundaries (the last candidates above) are a reconstruction: simplified per buurt and
 * fitted to the gemeente outline, off by 5-50 m at most edges and up to a few hundred metres at some (PROVENANCE).
 */
export const isApproximation = (file: string) => /_approx_/.test(path.basename(file));

/** A gemeente's own detailed boundaries: boundaries/gemeente-eigen/<GMcode>*.geojson (or .json/.topojson). */
export const OWN_BOUNDARIES_DIR = 'boundaries/gemeente-eigen';

/** The own-boundary files per gemeente code, sorted by name (none when the folder does not exist). */
export function ownBoundaryFiles(sourceDir: string): { gemeente: string; file: string }[] {
  const dir = path.join(sourceDir, OWN_BOUNDARIES_DIR);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^GM\d{4}.*\.(geojson|json|topojson)$/i.test(f))
    .sort()
    .map((f) => ({ gemeente: f.slice(0, 6).toUpperCase(), file: path.join(dir, f) }));
}

export function locate(dir: string, key: SourceKey): string {
  if (!fs.existsSync(dir)) {
    throw new SourceError(dir, 'the geodata source folder does not exist', DOWNLOAD_HINT);
  }
  for (const rel of SOURCE_FILES[key]) {
    const p = path.join(dir, rel);
    if (fs.existsSync(p)) return p;
  }
  throw new SourceError(
    path.join(dir, SOURCE_FILES[key][0]),
    `no ${key} file found (looked for ${SOURCE_FILES[key].join(', ')})`,
    DOWNLOAD_HINT,
  );
}

export function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new SourceError(file, `cannot be read (${(e as Error).message})`, DOWNLOAD_HINT);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new SourceError(file, `is not valid JSON (${(e as Error).message})`, 'Re-download the file; it may be truncated.');
  }
}

/** Reads GeoJSON or TopoJSON (first object) and returns WGS84 features. */
export function readBoundaries(file: string): Feature<Geometry, Record<string, unknown>>[] {
  const data = readJson(file) as { type?: string; objects?: Record<string, unknown>; features?: unknown[]; crs?: unknown };
  let fc: FeatureCollection<Geometry, Record<string, unknown>>;
  if (data?.type === 'Topology' && data.objects) {
    const first = Object.keys(data.objects)[0];
    if (!first) throw new SourceError(file, 'TopoJSON has no objects', 'Use a TopoJSON with one boundary layer.');
    fc = topoFeature(data as unknown as Topology, first) as unknown as FeatureCollection<Geometry, Record<string, unknown>>;
  } else if (data?.type === 'FeatureCollection' && Array.isArray(data.features)) {
    fc = data as unknown as FeatureCollection<Geometry, Record<string, unknown>>;
  } else {
    throw new SourceError(file, 'is neither a GeoJSON FeatureCollection nor a TopoJSON Topology', 'Export the layer as GeoJSON (EPSG:4326 or EPSG:28992).');
  }
  const rd = isRdNew(data.crs, fc);
  const features = fc.features.filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'));
  if (features.length === 0) throw new SourceError(file, 'contains no polygons', 'Is this the right layer?');
  if (rd) {
    const toWgs = proj4(RD_NEW, 'EPSG:4326');
    for (const f of features) mapCoords(f.geometry, (p) => round6(toWgs.forward([p[0], p[1]])));
  }
  return features;
}

function round6(p: number[]): Position {
  return [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];
}

function isRdNew(crs: unknown, fc: FeatureCollection): boolean {
  const name = JSON.stringify(crs ?? '');
  if (/28992/.test(name)) return true;
  // No CRS member: judge by magnitude (RD metres are far outside lon/lat ranges).
  const g = fc.features.find((f) => f.geometry)?.geometry;
  let first: Position | undefined;
  if (g) mapCoords(g, (p) => (first ??= p, p));
  return !!first && (Math.abs(first[0]) > 360 || Math.abs(first[1]) > 360);
}

export function mapCoords(g: Geometry, fn: (p: Position) => Position): void {
  if (g.type === 'Polygon') g.coordinates = g.coordinates.map((r) => r.map(fn));
  else if (g.type === 'MultiPolygon') g.coordinates = g.coordinates.map((poly) => poly.map((r) => r.map(fn)));
}

/** Reads a small CSV (comma or semicolon, quoted, BOM) into records; for the build's own sources. */
export function readCsv(file: string): Record<string, string>[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    throw new SourceError(file, `cannot be read (${(e as Error).message})`, DOWNLOAD_HINT);
  }
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    return parse(text, { columns: true, delimiter, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  } catch (e) {
    throw new SourceError(file, `is not a readable CSV (${(e as Error).message})`, DOWNLOAD_HINT);
  }
}
