// The part of MapLibre's Map that the core and the overlays use. A real map satisfies it; the unit tests
// pass a small recording fake, so what the map is asked to do can be checked without WebGL.
import type { AddLayerObject, FeatureIdentifier, FilterSpecification, SourceSpecification } from 'maplibre-gl';
import type { FeatureCollection, Geometry } from 'geojson';

/** An image drawn in code (patterns, badges), as MapLibre's addImage takes it. */
export interface RawImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface MapLike {
  addSource(id: string, source: SourceSpecification): unknown;
  removeSource(id: string): unknown;
  getSource(id: string): unknown;
  addLayer(layer: AddLayerObject, beforeId?: string): unknown;
  removeLayer(id: string): unknown;
  getLayer(id: string): unknown;
  moveLayer(id: string, beforeId?: string): unknown;
  /** Layer ids, bottom first. */
  getLayersOrder(): string[];
  setLayoutProperty(layer: string, name: 'visibility', value: 'visible' | 'none'): unknown;
  setLayerZoomRange(layer: string, minzoom: number, maxzoom: number): unknown;
  setPaintProperty(layer: string, name: string, value: unknown): unknown;
  addImage(id: string, image: RawImage, options?: { pixelRatio?: number }): unknown;
  hasImage(id: string): boolean;
  removeImage(id: string): unknown;
  setFeatureState(feature: FeatureIdentifier, state: object): unknown;
  removeFeatureState(target: FeatureIdentifier, key?: string): unknown;
  /** The features of a source's loaded tiles (a feature that spans tiles comes once per tile, cut at its edge). */
  querySourceFeatures(source: string, params: { sourceLayer?: string; filter?: FilterSpecification }): readonly { geometry: Geometry }[];
}

/** New data for a GeoJSON source; false when the source is not there (or not GeoJSON). */
export function setSourceData(map: MapLike, id: string, data: FeatureCollection): boolean {
  const src = map.getSource(id);
  if (!src || typeof src !== 'object' || !('setData' in src) || typeof src.setData !== 'function') return false;
  src.setData(data);
  return true;
}

export const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export function visibility(on: boolean): 'visible' | 'none' {
  return on ? 'visible' : 'none';
}
