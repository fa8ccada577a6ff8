// The place the search found (an address): a ring on top of the areas and the other overlays.
import type { CircleLayer } from '../styleTypes.ts';
import { EMPTY, setSourceData } from '../core/mapLike.ts';
import { removeOwn, type MapOverlay, type OverlayContext } from './types.ts';

const SOURCE = 'search-place';
const LAYER: CircleLayer = {
  id: SOURCE,
  type: 'circle',
  source: SOURCE,
  paint: { 'circle-radius': 7, 'circle-color': '#ffffff', 'circle-stroke-color': '#000000', 'circle-stroke-width': 3 },
};

/** Longitude and latitude of the place; null removes the mark. */
export type PlaceProps = [number, number] | null;

export class PlaceOverlay implements MapOverlay<PlaceProps> {
  readonly id = 'place';

  add({ map }: OverlayContext): void {
    map.addSource(SOURCE, { type: 'geojson', data: EMPTY });
    map.addLayer(LAYER);
  }

  update({ map }: OverlayContext, at: PlaceProps): void {
    setSourceData(map, SOURCE, at ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: at } }] } : EMPTY);
  }

  /** A point does not depend on the areas or the level. */
  refresh(): void {}

  remove({ map }: OverlayContext): void {
    removeOwn(map, [LAYER.id], [SOURCE]);
  }
}
