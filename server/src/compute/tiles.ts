// Vector tiles (MVT) of the whole country's boundaries, one layer per level, cut from the national
// TopoJSON the app already serves. Borders are simplified on the topology's shared arcs, once per zoom,
// before the features are cut: both neighbours of a border get the same simplified line, so no slivers
// open between them at low zoom (per-feature simplification, which geojson-vt does on its own, would
// drop different vertices on each side). Each tile is encoded and gzipped once and kept.
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { feature } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import { TILE_MAX_ZOOM, TILE_MIN_ZOOM, type TileLevel } from '../domain/tileZooms.ts';

/** Above this zoom the topology is used as it is: simplifying would remove nothing visible. */
const SIMPLIFY_UNTIL_ZOOM = 12;
const EXTENT = 4096;
/** Bump when the tile content changes for the same boundaries (part of every tile's version). */
const TILE_FORMAT = 2;
/**
 * Largest tile, before compression, the boundaries may produce at any zoom. The national buurt layer
 * at zoom 5-6 is the largest; detailed municipal boundaries are simplified to the same pixel tolerance.
 */
export const TILE_BUDGET_BYTES = 500 * 1024;
/** Encoded tiles kept in memory; beyond this the oldest go (they are cheap to cut again). */
const CACHE_LIMIT_BYTES = 256 * 1024 * 1024;

const OBJECT_OF: Record<TileLevel, string> = { buurt: 'buurten', wijk: 'wijken', gemeente: 'gemeente' };

export interface EncodedTile {
  raw: Uint8Array<ArrayBuffer>;
  gzip: Uint8Array<ArrayBuffer>;
}

export interface TileSetSource {
  /** The national TopoJSON (objects buurten, wijken, gemeente; properties code, naam, ...). */
  topologyJson(): Buffer;
  /** Changes whenever the boundaries change (the national file's ETag). */
  etag(): string;
}

type Props = { code: string };
type Topo = Topology<Objects<Props>>;

export class TileSet {
  private topo: Topo | null = null;
  private presimplified: Topo | null = null;
  private versionOf = '';
  private versionHash = '';
  private readonly indexes = new Map<string, GeoJSONVT>();
  private readonly cache = new Map<string, EncodedTile>();
  private cacheBytes = 0;

  constructor(private readonly source: TileSetSource) {}

  /** Changes with the boundaries and with the tile format; used in tile URLs and ETags. */
  version(): string {
    const etag = this.source.etag();
    if (this.versionOf !== etag) {
      // New boundaries (a rebuilt geodata folder): everything derived from the old ones goes.
      this.versionOf = etag;
      this.topo = null;
      this.presimplified = null;
      this.indexes.clear();
      this.cache.clear();
      this.cacheBytes = 0;
      this.versionHash = createHash('sha1').update(`${etag} ${TILE_FORMAT}`).digest('base64url').slice(0, 12);
    }
    return this.versionHash;
  }

  bounds(): [number, number, number, number] {
    const t = this.topology();
    const b = t.bbox;
    if (b && b.length >= 4) return [b[0], b[1], b[2], b[3]];
    return [3.2, 50.7, 7.3, 53.6];
  }

  /** The encoded tile; an empty tile (no features) is a valid, empty MVT. */
  tile(level: TileLevel, z: number, x: number, y: number): EncodedTile {
    this.version();
    const key = `${level}/${z}/${x}/${y}`;
    const hit = this.cache.get(key);
    if (hit) {
      // Map keeps insertion order: re-inserting makes this the most recently used.
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const t = this.index(level, z).getTile(z, x, y);
    // Copies into buffers of their own: the answers hand them to node:http as they are.
    const raw = t && t.features.length > 0 ? new Uint8Array(fromGeojsonVt({ [level]: t }, { version: 2, extent: EXTENT })) : new Uint8Array(0);
    const encoded: EncodedTile = { raw, gzip: raw.length > 0 ? new Uint8Array(zlib.gzipSync(raw, { level: 6 })) : raw };
    this.cache.set(key, encoded);
    this.cacheBytes += encoded.raw.length + encoded.gzip.length;
    for (const [k, v] of this.cache) {
      if (this.cacheBytes <= CACHE_LIMIT_BYTES) break;
      this.cache.delete(k);
      this.cacheBytes -= v.raw.length + v.gzip.length;
    }
    return encoded;
  }

  private topology(): Topo {
    this.topo ??= JSON.parse(this.source.topologyJson().toString('utf8')) as Topo;
    return this.topo;
  }

  /** One cut index per level and simplification zoom, made when first asked for. */
  private index(level: TileLevel, z: number): GeoJSONVT {
    const sz = Math.min(z, SIMPLIFY_UNTIL_ZOOM);
    const key = `${level}/${sz}`;
    let idx = this.indexes.get(key);
    if (!idx) {
      const topo = sz < SIMPLIFY_UNTIL_ZOOM ? simplify(this.presimplify(), minWeight(sz)) : this.topology();
      const fc = feature(topo, topo.objects[OBJECT_OF[level]] as GeometryCollection<Props>) as FeatureCollection<Geometry, Props>;
      // Only the CBS code (promoteId): names come with every answer that lists areas, and 14,566 names
      // would be half of a national tile's bytes.
      for (const f of fc.features) {
        f.properties = { code: f.properties.code };
        // Without an id of its own the encoder writes every feature as id 0.
        f.id = featureId(f.properties.code);
      }
      // tolerance 0: the arcs are simplified already; geojson-vt only cuts. maxZoom: this index serves
      // zooms from sz up (all of them for the unsimplified one).
      idx = new GeoJSONVT(fc, { maxZoom: sz < SIMPLIFY_UNTIL_ZOOM ? sz : TILE_MAX_ZOOM, indexMaxZoom: Math.min(sz, 4), tolerance: 0, extent: EXTENT, buffer: 64 });
      this.indexes.set(key, idx);
    }
    return idx;
  }

  private presimplify(): Topo {
    this.presimplified ??= presimplify(this.topology());
    return this.presimplified;
  }
}

/**
 * Triangle area (degrees squared, as presimplify measures) below which a vertex is dropped at zoom z:
 * half a screen pixel on a side at 512 px tiles, invisible at that zoom.
 */
function minWeight(z: number): number {
  const unit = 360 / (2 ** z * EXTENT); // one tile unit in degrees of longitude
  const side = 4 * unit; // a 512 px tile has 8 units per pixel: half a pixel
  return side * side;
}

/**
 * The id of an area's features in the tiles: the digits of its CBS code (BU09350006 -> 9350006), unique within a level.
 * The Mapbox Vector Tile format allows only numbers as feature ids, and a GIS reading the tiles lists the features by
 * it; the code itself is the `code` property, which the app's map keys its colours by. Undefined (no id) for a code
 * that is not two capitals and digits.
 */
function featureId(code: string): number | undefined {
  return /^[A-Z]{2}\d{1,15}$/.test(code) ? Number(code.slice(2)) : undefined;
}

/** Every tile coordinate is an integer in range for its zoom and level; anything else is not a tile. */
export function isTileAddress(level: TileLevel, z: number, x: number, y: number): boolean {
  if (!Number.isInteger(z) || !Number.isInteger(x) || !Number.isInteger(y)) return false;
  if (z < TILE_MIN_ZOOM[level] || z > TILE_MAX_ZOOM) return false;
  const n = 2 ** z;
  return x >= 0 && x < n && y >= 0 && y < n;
}

// One tile set per boundaries source (a Dataset in the app): the route and the node:http fast path share it.
const tileSets = new WeakMap<object, TileSet>();
export function tileSetOf(owner: object, source: TileSetSource): TileSet {
  let t = tileSets.get(owner);
  if (!t) tileSets.set(owner, (t = new TileSet(source)));
  return t;
}
