// The base layers of each level (fill coloured by feature-state, no-data hatch, outline) and the gemeente
// borders over them: typed style specifications, added once; afterwards only feature-state changes.
import type { AddLayerObject, SourceSpecification } from 'maplibre-gl';
import { TILE_ATTRIBUTION } from '../../../../../server/src/domain/tileZooms.ts';
import type { AreaLevel } from '../../../lib/level.ts';
import { PENDING_FILL } from '../../../lib/palette.ts';
import type { FillLayer, LineLayer } from '../styleTypes.ts';
import { BORDER_LAYER, BORDER_SOURCE, DETAIL_ZOOM, fillLayer, LEVELS, outlineLayer, SOURCES, type BaseSource } from './levels.ts';
import { EMPTY, type MapLike, type RawImage } from './mapLike.ts';

/**
 * Where each level's vector tiles are when the areas are tiles (the country): the tile URLs themselves, or (when the
 * tiles' version is not known) the TileJSON that names them. Null for a gemeente's TopoJSON.
 */
export type TileSources = Record<AreaLevel, TileSource> | null;
export type TileSource = { url: string } | { tiles: string[]; minzoom: number; maxzoom: number; attribution: string };

/** Where a level's layers read their areas: the level's source, and for tiles its layer (named after the level). */
export function baseOf(level: AreaLevel, tiles: TileSources): BaseSource {
  return tiles ? { source: SOURCES[level], 'source-layer': level } : { source: SOURCES[level] };
}

/** The sources of the areas: a vector source per level for tiles, GeoJSON sources (and the borders') otherwise. */
export function baseSources(tiles: TileSources): Record<string, SourceSpecification> {
  const out: Record<string, SourceSpecification> = {};
  // A gemeente's TopoJSON is the same CBS/PDOK boundaries as the tiles: credited the same way in the map's corner.
  for (const lvl of LEVELS) out[SOURCES[lvl]] = tiles ? { type: 'vector', ...tiles[lvl], promoteId: 'code' } : { type: 'geojson', data: EMPTY, promoteId: 'code', attribution: TILE_ATTRIBUTION };
  // The tiles' gemeente layer is always loaded (the borders show at every level); a TopoJSON has its own.
  if (!tiles) out[BORDER_SOURCE] = { type: 'geojson', data: EMPTY };
  return out;
}

/** Every base layer, bottom first: per level fill, no-data hatch and outline, then the gemeente borders. */
export function baseLayers(level: AreaLevel, tiles: TileSources): (FillLayer | LineLayer)[] {
  return [...LEVELS.flatMap((lvl) => levelLayerSpecs(lvl, lvl === level, baseOf(lvl, tiles))), borderSpec(tiles ? baseOf('gemeente', tiles) : { source: BORDER_SOURCE }, level)];
}

/**
 * The zooms the borders layer draws at a level: at the gemeente level (the country view) the gemeenten's fill
 * outlines them below its detail zoom, so the borders layer starts there. MapLibre's worker then cuts no line
 * geometry for the country's first map; cold, that was about a third of the first tiles' time (firstMapTiles).
 * Both ends are given, so that setting the same range again is no change (MapLibre re-cuts a source's tiles when a
 * layer's range changes).
 */
export function borderZooms(level: AreaLevel): { minzoom: number; maxzoom: number } {
  return { minzoom: level === 'gemeente' ? DETAIL_ZOOM.gemeente : 0, maxzoom: 24 };
}

/** The base layers a map can be made with, before the core adds its images: all but the hatch layers. */
export function layersWithoutImages(level: AreaLevel, tiles: TileSources): (FillLayer | LineLayer)[] {
  return baseLayers(level, tiles).filter((l) => !(l.type === 'fill' && l.paint && 'fill-pattern' in l.paint));
}

/**
 * Adds the layers of `specs` (bottom first) the map does not have yet, each right under the next one, so a map whose
 * style already holds some of them (the country map is made with them) ends with all of them in this order.
 */
export function ensureLayers(map: Pick<MapLike, 'getLayer' | 'addLayer'>, specs: readonly AddLayerObject[]): void {
  let above: string | undefined;
  for (let i = specs.length - 1; i >= 0; i--) {
    if (!map.getLayer(specs[i].id)) map.addLayer(specs[i], above);
    above = specs[i].id;
  }
}

export const HATCH = 'bvk-hatch';
const BORDER_COLOUR = '#154273';
export const FILL_OPACITY = 0.9;

function levelLayerSpecs(level: AreaLevel, shown: boolean, base: BaseSource): [FillLayer, FillLayer, LineLayer] {
  const visibility = shown ? 'visible' : 'none';
  return [
    {
      id: fillLayer(level),
      type: 'fill',
      ...base,
      layout: { visibility },
      paint: {
        'fill-color': ['to-color', ['coalesce', ['feature-state', 'fill'], PENDING_FILL]],
        'fill-opacity': FILL_OPACITY,
        // The gemeente level (the country view only) draws its borders as the fill's own outline below its detail
        // zoom, where the borders layer waits for it (borderZooms): one bucket per tile instead of a fill and a line.
        ...(level === 'gemeente'
          ? { 'fill-antialias': true, 'fill-outline-color': BORDER_COLOUR }
          : { 'fill-antialias': ['step', ['zoom'], false, DETAIL_ZOOM[level], true] as const }),
      },
    },
    // No-data areas get a hatch on top of grey so "geen gegevens" does not depend on colour alone.
    {
      id: `${base.source}-nodata`,
      type: 'fill',
      ...base,
      minzoom: DETAIL_ZOOM[level],
      layout: { visibility },
      paint: {
        'fill-pattern': HATCH,
        'fill-opacity': ['case', ['boolean', ['feature-state', 'noData'], false], 1, 0],
      },
    },
    {
      id: outlineLayer(level),
      type: 'line',
      ...base,
      minzoom: DETAIL_ZOOM[level],
      layout: { visibility, 'line-join': 'round' },
      paint: { 'line-color': '#4a4a4a', 'line-width': 0.8, 'line-opacity': 0.8 },
    },
  ];
}

/** The gemeente borders over every level, read from `base` (the gemeente areas of the geometry on show). */
function borderSpec(base: BaseSource, level: AreaLevel): LineLayer {
  return {
    id: BORDER_LAYER,
    type: 'line',
    ...base,
    ...borderZooms(level),
    // Thin at the country view, where 342 borders would otherwise cover the buurten between them.
    paint: { 'line-color': BORDER_COLOUR, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.8, 10, 2.5] },
  };
}

/** Diagonal hatch for "geen gegevens", drawn in code so no sprite has to be fetched. */
export function hatchImage(): RawImage {
  const size = 16;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const on = (x + y) % 8 < 2;
      const i = (y * size + x) * 4;
      data[i] = 85;
      data[i + 1] = 85;
      data[i + 2] = 85;
      data[i + 3] = on ? 255 : 0;
    }
  }
  return { width: size, height: size, data };
}
