// Classes and colours of the kernel-density grid: one sequential scale for the cells, shared by map and legend.
import type { FeatureCollection, Polygon } from 'geojson';
import type { DensityResponse } from '../../api/client.ts';
import { classify, computeBreaks, type Classification } from '../../lib/classes.ts';

/** ColorBrewer Purples (5): distinct from the yellow–red choropleth underneath, light to dark. */
export const DENSITY_PALETTE = ['#efedf5', '#bcbddc', '#9e9ac8', '#756bb1', '#54278f'];

export interface DensityLayer {
  cells: FeatureCollection<Polygon, { density: number; colour: string }>;
  classification: Classification;
}

/** Natural-breaks classes over the cells' densities (per km²) and each cell's colour. */
export function densityLayer(res: DensityResponse, classes = DENSITY_PALETTE.length): DensityLayer {
  const values = res.features.map((f) => f.properties.density);
  const breaks = computeBreaks(values, 'jenks', classes);
  const classification = classify(values, breaks, (b) => DENSITY_PALETTE.slice(DENSITY_PALETTE.length - (b.length + 1)));
  return {
    classification,
    cells: {
      type: 'FeatureCollection',
      features: res.features.map((f) => ({
        type: 'Feature',
        geometry: f.geometry,
        properties: { density: f.properties.density, colour: classification.colourFor(f.properties.density) ?? DENSITY_PALETTE[0] },
      })),
    },
  };
}

/** Grid cell size: coarser for a whole gemeente so the answer stays small (about 0.5 MB instead of 2 MB). */
export function densityCell(wijk: string | null): number {
  return wijk ? 50 : 100;
}
