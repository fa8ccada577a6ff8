// The styles a map is made with: the blank offline background, and for the country the tile sources and base layers
// in the style itself. Pure (no MapLibre), so their tests can check them against the style specification: the map
// is made without MapLibre's own check (see ChoroplethMap).
import type { StyleSpecification } from 'maplibre-gl';
import type { AreaLevel } from '../../../lib/level.ts';
import { baseSources, layersWithoutImages, type TileSources } from './baseLayers.ts';

/** Offline default: no basemap, no glyphs, no network. Names show in the tooltip and the table instead of labels. */
export const BLANK_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1f4' } }],
};

/**
 * The country's own style: the blank background plus the tile sources and the base layers, so MapLibre fetches the
 * TileJSON and the tiles in view from the first frame instead of after 'load' (about half a second later while the
 * page renders; firstMapTiles). The hatch layers wait for the core, which adds their image with them.
 */
export function countryStyle(tiles: NonNullable<TileSources>, level: AreaLevel): StyleSpecification {
  return { ...BLANK_STYLE, sources: baseSources(tiles), layers: [...BLANK_STYLE.layers, ...layersWithoutImages(level, tiles)] };
}
