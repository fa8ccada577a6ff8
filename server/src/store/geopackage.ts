// A GeoPackage (OGC 12-128r18) of polygon features: the GIS format whose field names survive, where a
// Shapefile cuts every name to ten characters ('percentile_smoothedRate' → 'percenti_1'). A GeoPackage is
// a SQLite file, so it is written with the store's own engine, in memory, and handed out as bytes.
import Database from 'better-sqlite3';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';

export interface GpkgFeature {
  geometry: Geometry | null;
  properties: Record<string, string | number | boolean | null>;
}

type Ring = number[][];

/** Well-known binary (little endian) of a polygon or multipolygon, as a multipolygon; null for anything else. */
function wkb(g: Geometry | null): Buffer | null {
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return null;
  const polygons: Ring[][] = g.type === 'Polygon' ? [(g as Polygon).coordinates] : (g as MultiPolygon).coordinates;
  const size = (rings: Ring[]) => 9 + rings.reduce((s, r) => s + 4 + r.length * 16, 0);
  // Always a MultiPolygon, the table's declared type (a buurt of one part is a multipolygon of one).
  const buf = Buffer.alloc(9 + polygons.reduce((s, p) => s + size(p), 0));
  let o = 0;
  const header = (type: number, n: number) => {
    buf.writeUInt8(1, o);
    buf.writeUInt32LE(type, o + 1);
    buf.writeUInt32LE(n, o + 5);
    o += 9;
  };
  header(6, polygons.length);
  for (const rings of polygons) {
    header(3, rings.length);
    for (const ring of rings) {
      buf.writeUInt32LE(ring.length, o);
      o += 4;
      for (const [x, y] of ring) {
        buf.writeDoubleLE(x, o);
        buf.writeDoubleLE(y, o + 8);
        o += 16;
      }
    }
  }
  return buf;
}

/** The GeoPackage geometry blob: 'GP', version 0, little endian with an [minx, maxx, miny, maxy] envelope, SRS 4326, WKB. */
function gpkgGeometry(g: Geometry | null): Buffer | null {
  const body = wkb(g);
  if (!body || !g) return null;
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  const rings = g.type === 'Polygon' ? g.coordinates : (g as MultiPolygon).coordinates.flat();
  for (const [x, y] of rings.flat()) [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
  const head = Buffer.alloc(8 + 32);
  head.write('GP', 0, 'ascii');
  head.writeUInt8(0, 2);
  head.writeUInt8(0b0000_0011, 3); // little endian, envelope kind 1
  head.writeInt32LE(4326, 4);
  [x0, x1, y0, y1].forEach((v, i) => head.writeDoubleLE(v, 8 + i * 8));
  return Buffer.concat([head, body]);
}

const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]';

/** A column's SQLite type from its values (the first non-null decides; booleans are stored as 0/1). */
function columnType(features: GpkgFeature[], key: string): 'INTEGER' | 'REAL' | 'TEXT' {
  for (const f of features) {
    const v = f.properties[key];
    if (v === null || v === undefined) continue;
    if (typeof v === 'boolean') return 'INTEGER';
    if (typeof v === 'number') return features.every((g) => typeof g.properties[key] !== 'number' || Number.isInteger(g.properties[key])) ? 'INTEGER' : 'REAL';
    return 'TEXT';
  }
  return 'TEXT';
}

/**
 * One feature table `table` (WGS84 polygons, column `geom`) with one column per property key, in the
 * order of the first feature's keys, and `description` in its contents entry.
 */
export function geopackage(table: string, description: string, features: GpkgFeature[]): Buffer {
  const db = new Database(':memory:');
  try {
    db.pragma(`application_id = ${0x47504b47}`);
    db.pragma('user_version = 10200');
    db.exec(`
      CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
        organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
      CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
        description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER REFERENCES gpkg_spatial_ref_sys(srs_id));
      CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
        srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name));
    `);
    const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
    srs.run('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', null);
    srs.run('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', null);
    srs.run('WGS 84 geodetic', 4326, 'EPSG', 4326, WGS84_WKT, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
    const keys = Object.keys(features[0]?.properties ?? {});
    const types = new Map(keys.map((k) => [k, columnType(features, k)]));
    const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
    db.exec(`CREATE TABLE ${quote(table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom MULTIPOLYGON${keys.map((k) => `, ${quote(k)} ${types.get(k)}`).join('')})`);
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    const insert = db.prepare(`INSERT INTO ${quote(table)} (geom${keys.map((k) => `, ${quote(k)}`).join('')}) VALUES (?${keys.map(() => ', ?').join('')})`);
    db.transaction(() => {
      for (const f of features) {
        const blob = gpkgGeometry(f.geometry);
        if (blob) {
          x0 = Math.min(x0, blob.readDoubleLE(8));
          x1 = Math.max(x1, blob.readDoubleLE(16));
          y0 = Math.min(y0, blob.readDoubleLE(24));
          y1 = Math.max(y1, blob.readDoubleLE(32));
        }
        insert.run(blob, ...keys.map((k) => {
          const v = f.properties[k];
          return typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
        }));
      }
    })();
    const bounds = Number.isFinite(x0) ? [x0, y0, x1, y1] : [null, null, null, null];
    db.prepare('INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 4326)').run(table, 'features', table, description, ...bounds);
    db.prepare('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, 4326, 0, 0)').run(table, 'geom', 'MULTIPOLYGON');
    return db.serialize();
  } finally {
    db.close();
  }
}
