// The background map under the choropleth: raster tiles (the PDOK BRT-Achtergrondkaart by default) in their own
// source and layer below everything the app draws; its source's credit shows in the map's corner with the others'
// (ChoroplethMap's attribution control). Without a route to the tile
// server the map works as without a background; the first failed tile calls `onUnavailable` once (the page
// says so quietly), and MapLibre's own error log stays silent for this source.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Basemap } from '../../api/client.ts';

const SOURCE = 'basemap';
export const BASEMAP_LAYER = 'basemap';

export class BasemapLayer {
  private current: string | null = null;
  private warned = false;

  constructor(
    private readonly map: MapLibreMap,
    /** Called when the choropleth should let the background show through (true) or not (false). */
    private readonly seeThrough: (on: boolean) => void,
    private readonly onUnavailable: () => void,
  ) {
    map.on('error', (e) => {
      if ((e as { sourceId?: string }).sourceId === SOURCE) {
        if (!this.warned) this.onUnavailable();
        this.warned = true;
        return;
      }
      // Every other error as MapLibre would have reported it without this listener.
      console.error(e.error);
    });
  }

  set(b: Basemap | null): void {
    const tiles = b?.tiles ?? null;
    if (tiles === this.current) return;
    if (this.map.getLayer(BASEMAP_LAYER)) this.map.removeLayer(BASEMAP_LAYER);
    if (this.map.getSource(SOURCE)) this.map.removeSource(SOURCE);
    this.current = tiles;
    this.seeThrough(tiles !== null);
    if (!tiles || !b) return;
    this.map.addSource(SOURCE, { type: 'raster', tiles: [tiles], tileSize: 256, maxzoom: 19, attribution: b.attribution });
    // Right above the plain background, under the areas and everything else.
    const above = this.map.getStyle().layers.find((l) => l.type !== 'background');
    this.map.addLayer({ id: BASEMAP_LAYER, type: 'raster', source: SOURCE, paint: { 'raster-fade-duration': 0 } }, above?.id);
  }
}
