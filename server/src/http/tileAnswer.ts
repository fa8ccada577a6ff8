// One answer to GET /api/tiles/{level}/{z}/{x}/{y}.mvt for a valid tile address: status, headers (shared,
// frozen records) and the tile's bytes. Shared by routes/tiles.ts and the node:http fast path in app.ts,
// so both answer alike; an invalid address gives undefined and the route's error.
import { isTileAddress, type TileSet } from '../compute/tiles.ts';
import { TILE_LEVELS, type TileLevel } from '../domain/tileZooms.ts';
import type { BytesAnswer } from './bytesAnswer.ts';

const TILE_PATH = /^\/api\/tiles\/([a-z]+)\/(\d{1,2})\/(\d{1,7})\/(\d{1,7})\.mvt$/;

export const isTileLevel = (s: string): s is TileLevel => (TILE_LEVELS as readonly string[]).includes(s);

/** The tile a path names, or undefined when it is not a valid tile path. */
export function tileAddress(pathname: string): { level: TileLevel; z: number; x: number; y: number } | undefined {
  const m = TILE_PATH.exec(pathname);
  if (!m || !isTileLevel(m[1])) return undefined;
  const [z, x, y] = [Number(m[2]), Number(m[3]), Number(m[4])];
  return isTileAddress(m[1], z, x, y) ? { level: m[1], z, x, y } : undefined;
}

/**
 * The security headers of a request for a tile: the two a binary subresource can act on. A tile is never a document
 * (MapLibre's worker fetches it; opened directly it is a download, not a page); the other security headers of the app
 * (Content-Security-Policy, framing, opener, referrer, DNS prefetch, XSS filter) govern documents only. On each of the
 * dozens of tiles of a map view they were ~700 bytes and a tenth of the server's time per tile (the `tiles` benchmark).
 */
export const TILE_SECURITY: Readonly<Record<string, string>> = Object.freeze({ 'Cross-Origin-Resource-Policy': 'same-origin', 'X-Content-Type-Options': 'nosniff' });

// Header records per (version, level, caching, encoding): a handful in all, made once.
const headerRecords = new Map<string, Readonly<Record<string, string>>>();
function headersFor(version: string, level: TileLevel, immutable: boolean, encoding: 'gzip' | null, body: boolean): Readonly<Record<string, string>> {
  const key = `${version}|${level}|${immutable}|${encoding}|${body}`;
  let h = headerRecords.get(key);
  if (!h) {
    if (headerRecords.size > 1000) headerRecords.clear(); // versions change only with a geodata rebuild
    const r: Record<string, string> = {
      ETag: `"${version}-${level}"`,
      Vary: 'Accept-Encoding',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
    };
    if (body) r['Content-Type'] = 'application/vnd.mapbox-vector-tile';
    if (encoding) r['Content-Encoding'] = encoding;
    headerRecords.set(key, (h = Object.freeze(r)));
  }
  return h;
}

export function tileAnswer(tiles: TileSet, a: { level: TileLevel; z: number; x: number; y: number }, v: string | undefined, ifNoneMatch: string | null | undefined, acceptEncoding: string | null | undefined): BytesAnswer {
  const version = tiles.version();
  // A URL with the current version never changes: the TileJSON hands out only such URLs.
  const immutable = v === version;
  if (ifNoneMatch === `"${version}-${a.level}"`) return { status: 304, headers: headersFor(version, a.level, immutable, null, false), body: null };
  const t = tiles.tile(a.level, a.z, a.x, a.y);
  const gzip = t.raw.length > 0 && /\bgzip\b/.test(acceptEncoding ?? '');
  return { status: 200, headers: headersFor(version, a.level, immutable, gzip ? 'gzip' : null, true), body: gzip ? t.gzip : t.raw };
}
