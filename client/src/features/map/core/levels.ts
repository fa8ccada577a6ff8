// The base area levels: which source and TopoJSON object each one has, and from which zoom its detail is drawn.
import type { AreaLevel } from '../../../lib/level.ts';

/** Every level, in the order their layers are stacked (the gemeente level exists at the country view only). */
export const LEVELS = ['gemeente', 'wijk', 'buurt'] as const satisfies readonly AreaLevel[];
export const SOURCES: Record<AreaLevel, string> = { buurt: 'buurten', wijk: 'wijken', gemeente: 'gemeenten' };
/** The TopoJSON object of each level ('gemeente' also draws the gemeente borders at every level). */
export const OBJECTS: Record<AreaLevel, string> = { buurt: 'buurten', wijk: 'wijken', gemeente: 'gemeente' };
/** The source with the gemeente borders drawn over every level. */
export const BORDER_SOURCE = 'gemeente';
export const BORDER_LAYER = 'gemeente-outline';

/**
 * Below this zoom an area is a few pixels wide (a buurt at the whole-country view is 1-2 px): its outline, the
 * fill's antialiasing edge and the no-data hatch add nothing a reader can see, but in software rendering they are
 * most of the cost of a frame (measured at NL: outlines ~1.5 s, antialiasing ~0.4 s of a ~2 s frame). So the
 * country view draws the fills and the gemeente borders only; every gemeente view (zoom 10 and up) is unchanged.
 * The gemeente level (the country view's default) has no outline layer or hatch below zoom 7: there its fill's
 * antialiasing edge, drawn in the border colour, is the gemeente border instead of the borders layer (baseLayers,
 * borderZooms), so that each tile of the first national map is one fill for MapLibre's worker to cut, not a fill and
 * a line.
 * See docs/decisions/0004.
 */
export const DETAIL_ZOOM: Record<AreaLevel, number> = { buurt: 9, wijk: 8, gemeente: 7 };

/**
 * Where a level's base layers read their areas: a GeoJSON source (a gemeente's TopoJSON) has no source-layer, a
 * vector-tile source (the country, served as tiles) has one layer named after the level.
 */
export interface BaseSource {
  source: string;
  'source-layer'?: string;
}

export const fillLayer = (level: AreaLevel) => `${SOURCES[level]}-fill`;
export const outlineLayer = (level: AreaLevel) => `${SOURCES[level]}-outline`;
/** The layers of one level that show and hide with it. */
export const levelLayers = (level: AreaLevel) => [fillLayer(level), `${SOURCES[level]}-nodata`, outlineLayer(level)];
