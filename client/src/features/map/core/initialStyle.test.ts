import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { TILE_ATTRIBUTION, TILE_MAX_ZOOM, TILE_MIN_ZOOM } from '../../../../../server/src/domain/tileZooms.ts';
import { LEVELS } from './levels.ts';
import type { TileSources } from './baseLayers.ts';
import { BLANK_STYLE, countryStyle } from './initialStyle.ts';

// The map is made with validateStyle off (a check of the country's style cost the first map about 40 ms): these are
// the checks MapLibre would have made.
const byUrls: NonNullable<TileSources> = {
  buurt: { tiles: ['http://x/api/tiles/buurt/{z}/{x}/{y}.mvt?v=1'], minzoom: TILE_MIN_ZOOM.buurt, maxzoom: TILE_MAX_ZOOM, attribution: TILE_ATTRIBUTION },
  wijk: { tiles: ['http://x/api/tiles/wijk/{z}/{x}/{y}.mvt?v=1'], minzoom: TILE_MIN_ZOOM.wijk, maxzoom: TILE_MAX_ZOOM, attribution: TILE_ATTRIBUTION },
  gemeente: { tiles: ['http://x/api/tiles/gemeente/{z}/{x}/{y}.mvt?v=1'], minzoom: TILE_MIN_ZOOM.gemeente, maxzoom: TILE_MAX_ZOOM, attribution: TILE_ATTRIBUTION },
};
const byTileJson: NonNullable<TileSources> = {
  buurt: { url: 'http://x/api/tiles/buurt.json' },
  wijk: { url: 'http://x/api/tiles/wijk.json' },
  gemeente: { url: 'http://x/api/tiles/gemeente.json' },
};

describe('the styles a map is made with', () => {
  it('the blank style is a valid MapLibre style', () => {
    expect(validateStyleMin(BLANK_STYLE)).toEqual([]);
  });

  it.each(LEVELS)('the country style opening on the %s level is a valid MapLibre style, with tile URLs or TileJSON', (level) => {
    expect(validateStyleMin(countryStyle(byUrls, level))).toEqual([]);
    expect(validateStyleMin(countryStyle(byTileJson, level))).toEqual([]);
  });

  it('a broken layer would be caught (the check is not vacuous)', () => {
    const style = countryStyle(byUrls, 'gemeente');
    const broken = { ...style, layers: [...style.layers, { id: 'x', type: 'fill', source: 'nowhere', paint: { 'fill-colour': 'red' } }] };
    expect(validateStyleMin(broken as typeof style).map((e) => e.message).join('\n')).toMatch(/nowhere|fill-colour/);
  });

  it('at the country view the gemeenten are outlined by their fill below zoom 7, where the borders layer starts', () => {
    const layers = countryStyle(byUrls, 'gemeente').layers;
    expect(layers.find((l) => l.id === 'gemeenten-fill')).toMatchObject({ paint: { 'fill-antialias': true, 'fill-outline-color': '#154273' } });
    expect(layers.find((l) => l.id === 'gemeente-outline')).toMatchObject({ minzoom: 7 });
    // Over buurten or wijken the borders are drawn at every zoom: their fills do not outline gemeenten.
    expect(countryStyle(byUrls, 'buurt').layers.find((l) => l.id === 'gemeente-outline')).toMatchObject({ minzoom: 0 });
  });
});
