// Kernel density: grid cells in their own source, because their geometry legitimately changes with the data
// (setData here, never on the area sources). Drawn between the fills and the outlines of the level on show.
import type { FeatureCollection, Polygon } from 'geojson';
import type { FillLayer } from '../styleTypes.ts';
import { outlineLayer } from '../core/levels.ts';
import { EMPTY, setSourceData, visibility } from '../core/mapLike.ts';
import { removeOwn, type BaseChange, type MapOverlay, type OverlayContext } from './types.ts';

const SOURCE = 'density';
const LAYER: FillLayer = {
  id: 'density-fill',
  type: 'fill',
  source: SOURCE,
  layout: { visibility: 'none' },
  paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.9, 'fill-antialias': false },
};

/** Kernel-density grid cells, each with the colour of its class in `properties.colour`. */
export type DensityCells = FeatureCollection<Polygon, { density: number; colour: string }>;

export class DensityOverlay implements MapOverlay<DensityCells | null> {
  readonly id = 'density';

  add({ map, level }: OverlayContext): void {
    map.addSource(SOURCE, { type: 'geojson', data: EMPTY });
    map.addLayer(LAYER, outlineLayer(level));
  }

  /** New cells; null hides the layer (the old cells stay in the source until new ones come). */
  update({ map, counters }: OverlayContext, cells: DensityCells | null): void {
    if (cells && setSourceData(map, SOURCE, cells)) counters.densityDataCalls++;
    map.setLayoutProperty(LAYER.id, 'visibility', visibility(cells !== null));
  }

  refresh({ map, level }: OverlayContext, change: BaseChange): void {
    if (change === 'level') map.moveLayer(LAYER.id, outlineLayer(level));
  }

  remove({ map }: OverlayContext): void {
    removeOwn(map, [LAYER.id], [SOURCE]);
  }
}
