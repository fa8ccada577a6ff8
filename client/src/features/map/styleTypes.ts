// Style-layer types taken from MapLibre's own layer specification, so layers, paint, layout and filter
// expressions are checked by the compiler instead of cast.
import type { AddLayerObject } from 'maplibre-gl';

type LayerOf<T extends AddLayerObject['type']> = Extract<AddLayerObject, { type: T }>;
export type FillLayer = LayerOf<'fill'>;
export type LineLayer = LayerOf<'line'>;
export type SymbolLayer = LayerOf<'symbol'>;
export type CircleLayer = LayerOf<'circle'>;
export type LinePaint = NonNullable<LineLayer['paint']>;
/** A MapLibre expression (['get', 'code'], ['case', ...], ...). */
export type Expression = Extract<NonNullable<LinePaint['line-width']>, readonly unknown[]>;
