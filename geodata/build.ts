// Build step: official boundary + population files -> one TopoJSON per gemeente (objects buurten,
// wijken, gemeente; shared arcs) plus an index of every area with inhabitants and surface.
// Output goes to DATA_DIR/geodata (git-ignored); the server only ever reads that output.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createHash } from 'node:crypto';
import area from '@turf/area';
import bbox from '@turf/bbox';
import { topology } from 'topojson-server';
import { merge } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import { isApproximation, locate, ownBoundaryFiles, readBoundaries, readCsv, readJson, SourceError, SOURCE_FILES, type SourceKey } from './sources.ts';

import type { Level } from '../server/src/domain/model.ts';

export type { Level };

export interface AreaInfo {
  code: string;
  naam: string;
  level: Level;
  gemeentecode: string;
  wijkcode?: string;
  inwoners: number | null;
  oppervlakteKm2: number;
}

export interface GemeenteInfo {
  code: string;
  naam: string;
  bbox: [number, number, number, number];
  buurten: number;
  wijken: number;
  /**
   * Where its buurt boundaries come from: the gemeente's own detailed files, an official CBS file, or the shipped
   * approximation (see isApproximation), which users are told about: a buurt's edge may be off by some distance.
   */
  boundaries: BoundaryKind;
}

export type BoundaryKind = 'eigen' | 'cbs' | 'benadering';

export interface GeodataIndex {
  formatVersion: number;
  builtAt: string;
  populationYear: number;
  sourceStamp: string;
  gemeenten: GemeenteInfo[];
  areas: AreaInfo[];
}

/** Bumped when the derived files change for the same sources (4: a gemeente with own buurten gets their outline;
 * 5: where each gemeente's buurt boundaries come from). */
export const FORMAT_VERSION = 5;
/** Pseudo gemeente code of the whole-country view: areas/NL.topojson and `gemeente=NL` in the API. */
export const NATIONAL = 'NL';
export const POPULATION_YEAR = 2024;

export function outputDir(dataDir: string): string {
  return path.join(dataDir, 'geodata');
}

/** A cheap fingerprint of the source files, so a changed source triggers a rebuild. */
export function sourceStamp(sourceDir: string): string {
  const h = createHash('sha1');
  h.update(String(FORMAT_VERSION));
  for (const key of Object.keys(SOURCE_FILES) as SourceKey[]) {
    try {
      const f = locate(sourceDir, key);
      const st = fs.statSync(f);
      h.update(`${f}:${st.size}:${st.mtimeMs}`);
    } catch {
      h.update(`${key}:missing`);
    }
  }
  for (const { file } of ownBoundaryFiles(sourceDir)) {
    const st = fs.statSync(file);
    h.update(`${file}:${st.size}:${st.mtimeMs}`);
  }
  return h.digest('hex');
}

export function isBuilt(sourceDir: string, dataDir: string): boolean {
  const idx = path.join(outputDir(dataDir), 'index.json');
  if (!fs.existsSync(idx)) return false;
  try {
    const parsed = JSON.parse(fs.readFileSync(idx, 'utf8')) as GeodataIndex;
    return parsed.formatVersion === FORMAT_VERSION && parsed.sourceStamp === sourceStamp(sourceDir);
  } catch {
    return false;
  }
}

type Props = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const num = (v: unknown): number | null => {
  if (v === null || v === undefined || v === '' || v === 'NA') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};
const km2 = (f: Feature) => Math.round((area(f) / 1e6) * 1000) / 1000;

export function buildGeodata(sourceDir: string, dataDir: string, log: (m: string) => void = () => {}): GeodataIndex {
  const t0 = Date.now();
  const buurtFile = locate(sourceDir, 'buurten');
  const wijkFile = locate(sourceDir, 'wijken');
  const gemFile = locate(sourceDir, 'gemeenten');
  const own = readOwnBoundaries(sourceDir);
  const buurten = replaceOwn(readBoundaries(buurtFile), own, 'buurt');
  const wijken = replaceOwn(readBoundaries(wijkFile), own, 'wijk');
  const gemeenten = readBoundaries(gemFile);

  // Inhabitants: buurt figures from 85984NED; wijk and gemeente figures are CBS's own (rounded)
  // totals, not sums of buurten, so they match StatLine to the unit.
  const buurtPop = new Map<string, number>();
  for (const r of readCsv(locate(sourceDir, 'buurtInwoners'))) {
    const n = num(r.population);
    if (r.nhood_id && n !== null) buurtPop.set(str(r.nhood_id), n);
  }
  const kern = readJson(locate(sourceDir, 'kerncijfers')) as Record<string, Record<string, number | null>>;

  const buurtCode = (p: Props) => str(p.buurtcode ?? p.statcode ?? p.code);
  const wijkCode = (p: Props) => str(p.wijkcode ?? p.statcode ?? p.code);
  const gemCode = (p: Props) => str(p.gemeentecode ?? p.statcode ?? p.code);

  const byGem = new Map<string, { buurten: Feature<Geometry, Props>[]; wijken: Feature<Geometry, Props>[]; gemeente?: Feature<Geometry, Props> }>();
  const slot = (gm: string) => {
    let s = byGem.get(gm);
    if (!s) byGem.set(gm, (s = { buurten: [], wijken: [] }));
    return s;
  };
  const areas: AreaInfo[] = [];
  const gemNames = new Map<string, string>();

  for (const f of buurten) {
    const p = f.properties ?? {};
    const code = buurtCode(p);
    if (!/^BU\d{4}[0-9A-Z]{4}$/.test(code)) throw new SourceError(buurtFile, `feature without a valid buurtcode (got '${code}')`, 'Expected a property buurtcode like BU09350000.');
    const gm = 'GM' + code.slice(2, 6);
    const wk = 'WK' + code.slice(2, 8);
    const inwoners = buurtPop.get(code) ?? num(p.inwoners_2024);
    const info: AreaInfo = { code, naam: str(p.buurtnaam ?? p.statnaam), level: 'buurt', gemeentecode: gm, wijkcode: wk, inwoners, oppervlakteKm2: km2(f) };
    areas.push(info);
    if (p.gemeentenaam) gemNames.set(gm, str(p.gemeentenaam));
    slot(gm).buurten.push({ type: 'Feature', id: code, properties: { code, naam: info.naam, wijkcode: wk, inwoners, oppervlakteKm2: info.oppervlakteKm2 }, geometry: f.geometry });
  }
  for (const f of wijken) {
    const p = f.properties ?? {};
    const code = wijkCode(p);
    if (!/^WK\d{4}[0-9A-Z]{2}$/.test(code)) throw new SourceError(wijkFile, `feature without a valid wijkcode (got '${code}')`, 'Expected a property wijkcode like WK093500.');
    const gm = 'GM' + code.slice(2, 6);
    const k = kern[code];
    const inwoners = num(k?.AantalInwoners_5) ?? num(p.inwoners_2024);
    const land = num(k?.OppervlakteLand_123);
    const info: AreaInfo = { code, naam: str(p.wijknaam ?? p.statnaam), level: 'wijk', gemeentecode: gm, inwoners, oppervlakteKm2: land !== null ? land / 100 : km2(f) };
    areas.push(info);
    slot(gm).wijken.push({ type: 'Feature', id: code, properties: { code, naam: info.naam, inwoners, oppervlakteKm2: info.oppervlakteKm2 }, geometry: f.geometry });
  }
  for (const f of gemeenten) {
    const code = gemCode(f.properties ?? {});
    if (byGem.has(code)) byGem.get(code)!.gemeente = f;
    if (f.properties?.gemeentenaam) gemNames.set(code, gemNames.get(code) ?? str(f.properties.gemeentenaam));
  }

  const out = outputDir(dataDir);
  const tmp = `${out}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(path.join(tmp, 'areas'), { recursive: true });

  const gemInfos: GemeenteInfo[] = [];
  const national = { buurten: [] as Feature<Geometry, Props>[], wijken: [] as Feature<Geometry, Props>[], gemeenten: [] as Feature<Geometry, Props>[] };
  const nationalKind: BoundaryKind = isApproximation(buurtFile) ? 'benadering' : 'cbs';
  for (const [gm, s] of [...byGem].sort(([a], [b]) => a.localeCompare(b))) {
    if (s.buurten.length === 0) continue; // e.g. GM0998 "Buitenland"
    const naam = gemNames.get(gm) ?? gm;
    const k = kern[gm];
    const inwoners = num(k?.AantalInwoners_5);
    const land = num(k?.OppervlakteLand_123);
    const gemArea = land !== null ? land / 100 : s.buurten.reduce((a, f) => a + km2(f), 0);
    const boundaries: BoundaryKind = own.get(gm)?.buurten.length ? 'eigen' : nationalKind;
    const gemFeature: Feature<Geometry, Props> = {
      type: 'Feature',
      id: gm,
      properties: { code: gm, naam, inwoners, oppervlakteKm2: gemArea },
      // A gemeente with its own buurten is outlined by them (dissolved): the national polygon comes from another,
      // generalised source, and drawn over detailed buurten it cut through them and left gaps at the edge (Breda).
      // Without a gemeente polygon in the source the buurten are dissolved too, so the layer always exists. The
      // national approximated buurten are not: simplified one by one, they leave slits between neighbours, which
      // would become border lines inside the gemeente.
      geometry: boundaries === 'eigen' ? dissolve(s.buurten) : (s.gemeente?.geometry ?? dissolve(s.buurten)),
    };
    const topo = areaTopology(s.buurten, s.wijken, [gemFeature]);
    national.buurten.push(...s.buurten);
    national.wijken.push(...s.wijken);
    national.gemeenten.push(gemFeature);
    areas.push({ code: gm, naam, level: 'gemeente', gemeentecode: gm, inwoners, oppervlakteKm2: gemArea });
    const b = bbox({ type: 'FeatureCollection', features: s.buurten }) as [number, number, number, number];
    gemInfos.push({ code: gm, naam, bbox: b, buurten: s.buurten.length, wijken: s.wijken.length, boundaries });
    writeCompressed(path.join(tmp, 'areas', `${gm}.topojson`), JSON.stringify(topo));
  }
  // The whole country in one quantized TopoJSON (same objects and properties as a gemeente file,
  // `gemeente` holding every gemeente). ~5 MB raw, ~1 MB brotli: light enough to load once, and
  // MapLibre's geojson-vt simplifies per zoom level in its worker (README, "National view").
  writeCompressed(path.join(tmp, 'areas', `${NATIONAL}.topojson`), JSON.stringify(areaTopology(national.buurten, national.wijken, national.gemeenten)));

  const index: GeodataIndex = {
    formatVersion: FORMAT_VERSION,
    builtAt: new Date().toISOString(),
    populationYear: POPULATION_YEAR,
    sourceStamp: sourceStamp(sourceDir),
    gemeenten: gemInfos,
    areas,
  };
  fs.writeFileSync(path.join(tmp, 'index.json'), JSON.stringify(index));
  // Swap in atomically: a crashed build never leaves a half-written output folder behind.
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.renameSync(tmp, out);
  log(`geodata: ${gemInfos.length} gemeenten, ${areas.filter((a) => a.level === 'buurt').length} buurten, ${areas.filter((a) => a.level === 'wijk').length} wijken in ${((Date.now() - t0) / 1000).toFixed(1)} s -> ${out}`);
  return index;
}

interface OwnBoundaries {
  file: string;
  buurten: Feature<Geometry, Props>[];
  wijken: Feature<Geometry, Props>[];
}

/** The gemeenten's own boundary files, by gemeente (several files of one gemeente are combined). */
function readOwnBoundaries(sourceDir: string): Map<string, OwnBoundaries> {
  const out = new Map<string, OwnBoundaries>();
  for (const { gemeente, file } of ownBoundaryFiles(sourceDir)) {
    const o = out.get(gemeente) ?? out.set(gemeente, { file, buurten: [], wijken: [] }).get(gemeente)!;
    for (const f of readBoundaries(file)) {
      const p = f.properties ?? {};
      const bu = str(p.buurtcode ?? (String(p.statcode ?? '').startsWith('BU') ? p.statcode : ''));
      const wk = str(p.wijkcode ?? p.statcode);
      const code = bu || wk;
      if (!code.startsWith('BU') && !code.startsWith('WK')) {
        throw new SourceError(file, `feature without a buurtcode or wijkcode (got '${code}')`, 'Give every feature a property buurtcode (BU…) or, for wijken, wijkcode (WK…).');
      }
      if (code.slice(2, 6) !== gemeente.slice(2)) {
        throw new SourceError(file, `${code} does not belong to ${gemeente} (the file name's gemeente)`, 'A gemeente supplies boundaries for itself only.');
      }
      (bu ? o.buurten : o.wijken).push({ ...f, properties: { ...p, ...(bu ? { buurtcode: bu } : { wijkcode: wk }) } });
    }
  }
  return out;
}

/**
 * Replaces the national features of every gemeente with own boundaries of `level` by those, after
 * checking that the codes are exactly the CBS codes of that gemeente (unknown and missing ones named).
 * Own buurten without own wijken: the wijken are the own buurten dissolved per wijk, so both layers agree.
 */
function replaceOwn(national: Feature<Geometry, Props>[], own: Map<string, OwnBoundaries>, level: 'buurt' | 'wijk'): Feature<Geometry, Props>[] {
  if (own.size === 0) return national;
  const codeOf = (f: Feature<Geometry, Props>) => str(level === 'buurt' ? (f.properties?.buurtcode ?? f.properties?.statcode ?? f.properties?.code) : (f.properties?.wijkcode ?? f.properties?.statcode ?? f.properties?.code));
  let out = national;
  for (const [gm, o] of own) {
    const prefix = (level === 'buurt' ? 'BU' : 'WK') + gm.slice(2);
    const mine = national.filter((f) => codeOf(f).startsWith(prefix));
    const byCode = new Map(mine.map((f) => [codeOf(f), f]));
    let features: Feature<Geometry, Props>[];
    if (level === 'buurt' || o.wijken.length > 0) {
      const given = level === 'buurt' ? o.buurten : o.wijken;
      if (given.length === 0) continue;
      const codes = given.map(codeOf);
      const unknown = [...new Set(codes.filter((c) => !byCode.has(c)))];
      const missing = [...byCode.keys()].filter((c) => !codes.includes(c));
      const dupes = [...new Set(codes.filter((c, i) => codes.indexOf(c) !== i))];
      if (unknown.length || missing.length || dupes.length) {
        const parts = [];
        if (unknown.length) parts.push(`unknown ${level} code(s) ${unknown.join(', ')}`);
        if (missing.length) parts.push(`missing ${level} code(s) ${missing.join(', ')}`);
        if (dupes.length) parts.push(`duplicate ${level} code(s) ${dupes.join(', ')}`);
        throw new SourceError(o.file, `${parts.join('; ')} (compared with the CBS ${level} codes of ${gm})`, `Use the CBS ${level} codes of the current division, one feature per ${level}.`);
      }
      // Names, wijk and other attributes stay the CBS ones; only the geometry is the gemeente's own.
      features = given.map((f) => ({ ...byCode.get(codeOf(f))!, geometry: f.geometry }));
    } else {
      if (o.buurten.length === 0) continue;
      const groups = new Map<string, Feature<Geometry, Props>[]>();
      for (const b of o.buurten) {
        const wk = 'WK' + str(b.properties?.buurtcode).slice(2, 8);
        (groups.get(wk) ?? groups.set(wk, []).get(wk)!).push(b);
      }
      features = mine.map((w) => {
        const parts = groups.get(codeOf(w));
        return parts ? { ...w, geometry: dissolve(parts) } : w;
      });
    }
    out = [...out.filter((f) => !codeOf(f).startsWith(prefix)), ...features];
  }
  return out;
}

function areaTopology(buurten: Feature<Geometry, Props>[], wijken: Feature<Geometry, Props>[], gemeenten: Feature<Geometry, Props>[]) {
  return topology(
    {
      buurten: { type: 'FeatureCollection', features: buurten },
      wijken: { type: 'FeatureCollection', features: wijken },
      gemeente: { type: 'FeatureCollection', features: gemeenten },
    } as Parameters<typeof topology>[0],
    1e5,
  );
}

function dissolve(features: Feature<Geometry, Props>[]): Geometry {
  const topo = topology({ b: { type: 'FeatureCollection', features } } as Parameters<typeof topology>[0]) as unknown as Topology;
  return merge(topo, (topo.objects.b as GeometryCollection).geometries as never) as Geometry;
}

/** Precompressed variants so the server can answer with a ready Buffer (no per-request gzip). */
function writeCompressed(file: string, text: string) {
  const buf = Buffer.from(text);
  fs.writeFileSync(file, buf);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(buf, { level: 9 }));
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }));
}
