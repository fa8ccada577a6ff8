// The base layers of each level (fill coloured by feature-state, no-data hatch, outline) and the gemeente
// borders over them: typed style specifications, added once; afterwards only feature-state changes.
import type { AreaLevel } from '../../../lib/level.ts';
import { PENDING_FILL } from '../../../lib/palette.ts';
import type { FillLayer, LineLayer } from '../styleTypes.ts';
import { BORDER_LAYER, DETAIL_ZOOM, fillLayer, outlineLayer, type BaseSource } from './levels.ts';
import type { RawImage } from './mapLike.ts';

export const HATCH = 'bvk-hatch';
export const FILL_OPACITY = 0.9;

export function levelLayerSpecs(level: AreaLevel, shown: boolean, base: BaseSource): [FillLayer, FillLayer, LineLayer] {
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
        'fill-antialias': ['step', ['zoom'], false, DETAIL_ZOOM[level], true],
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
export function borderSpec(base: BaseSource): LineLayer {
  return {
    id: BORDER_LAYER,
    type: 'line',
    ...base,
    // Thin at the country view, where 342 borders would otherwise cover the buurten between them.
    paint: { 'line-color': '#154273', 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.8, 10, 2.5] },
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
