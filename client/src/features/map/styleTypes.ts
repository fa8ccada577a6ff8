// Style-layer property types taken from MapLibre's own layer specification, so paint, layout and filter
// expressions are checked by the compiler instead of cast.
import type { AddLayerObject } from 'maplibre-gl';

type LayerOf<T extends AddLayerObject['type']> = Extract<AddLayerObject, { type: T }>;
export type FillPaint = NonNullable<LayerOf<'fill'>['paint']>;
export type LinePaint = NonNullable<LayerOf<'line'>['paint']>;
/** A MapLibre expression (['get', 'code'], ['case', ...], ...). */
export type Expression = Extract<NonNullable<LinePaint['line-width']>, readonly unknown[]>;
