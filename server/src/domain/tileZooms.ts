// Which levels are served as vector tiles and at which zooms: shared by the tile routes and the client's country
// map, which must not ask for (or promise) a level below the zoom its tiles start at.
import type { Level } from './model.ts';

export const TILE_LEVELS = ['buurt', 'wijk', 'gemeente'] as const satisfies readonly Level[];
export type TileLevel = (typeof TILE_LEVELS)[number];

/**
 * Lowest zoom a level is tiled at. Below zoom 6 the Netherlands fits in one tile, where 14,566 buurten
 * (a few pixels each) would be over the size budget on their codes alone; the map shows gemeenten there.
 */
export const TILE_MIN_ZOOM: Record<TileLevel, number> = { buurt: 6, wijk: 0, gemeente: 0 };

/** Tiles are served up to this zoom; MapLibre over-zooms beyond it (a buurt has ~10 vertices). */
export const TILE_MAX_ZOOM = 14;

/** The boundaries' credit line (the tiles' TileJSON `attribution`, and a gemeente map's own sources'), which the map shows. */
export const TILE_ATTRIBUTION = 'Bron: CBS, Kadaster/PDOK';

/**
 * Where a level's tiles are: the TileJSON's template, and the one the country map builds itself from the version in
 * /api/config (so its first tiles are asked for without a TileJSON round trip). `version` changes with the boundaries.
 */
export const tileUrlTemplate = (origin: string, level: TileLevel, version: string) => `${origin}/api/tiles/${level}/{z}/{x}/{y}.mvt?v=${version}`;
