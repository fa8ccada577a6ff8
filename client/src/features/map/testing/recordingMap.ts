// A stand-in for MapLibre's Map in unit tests: it records every call and keeps the sources, layers (in stacking
// order) and images, and throws where MapLibre would refuse (a duplicate id, a missing source or layer).
import type { AddLayerObject, FeatureIdentifier, FilterSpecification, SourceSpecification } from 'maplibre-gl';
import type { FeatureCollection, Geometry, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import type { Topology } from 'topojson-specification';
import type { MapLike, RawImage } from '../core/mapLike.ts';

export interface RecordedCall {
  method: string;
  args: unknown[];
}

export class RecordingMap implements MapLike {
  readonly calls: RecordedCall[] = [];
  readonly sources = new Map<string, { spec: SourceSpecification; setData: (data: FeatureCollection) => void }>();
  /** Layer ids, bottom first. */
  readonly layers: string[] = [];
  readonly layout = new Map<string, 'visible' | 'none'>();
  readonly images = new Set<string>();
  /** What the loaded tiles of a vector source hold: source -> pieces with their code (one per tile an area reaches). */
  readonly tilePieces = new Map<string, { code: string; geometry: Geometry }[]>();

  private record(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args });
  }

  /** The calls of one method (setData is recorded as ['setData', sourceId, data]). */
  named(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  /** Forgets the calls so far (not the sources, layers and images). */
  forget(): void {
    this.calls.length = 0;
  }

  addSource(id: string, spec: SourceSpecification): void {
    this.record('addSource', id, spec);
    if (this.sources.has(id)) throw new Error(`source ${id} exists`);
    this.sources.set(id, { spec, setData: (data) => this.record('setData', id, data) });
  }

  removeSource(id: string): void {
    this.record('removeSource', id);
    if (!this.sources.delete(id)) throw new Error(`no source ${id}`);
  }

  getSource(id: string) {
    return this.sources.get(id);
  }

  addLayer(layer: AddLayerObject, beforeId?: string): void {
    this.record('addLayer', layer, beforeId);
    if (this.layers.includes(layer.id)) throw new Error(`layer ${layer.id} exists`);
    if ('source' in layer && typeof layer.source === 'string' && !this.sources.has(layer.source)) throw new Error(`no source ${layer.source}`);
    const at = beforeId === undefined ? this.layers.length : this.layers.indexOf(beforeId);
    if (at < 0) throw new Error(`no layer ${beforeId}`);
    this.layers.splice(at, 0, layer.id);
    const visibility = 'layout' in layer ? layer.layout?.visibility : undefined;
    this.layout.set(layer.id, visibility === 'none' ? 'none' : 'visible');
  }

  removeLayer(id: string): void {
    this.record('removeLayer', id);
    const at = this.layers.indexOf(id);
    if (at < 0) throw new Error(`no layer ${id}`);
    this.layers.splice(at, 1);
  }

  getLayer(id: string) {
    return this.layers.includes(id) ? { id } : undefined;
  }

  getLayersOrder(): string[] {
    return [...this.layers];
  }

  moveLayer(id: string, beforeId?: string): void {
    this.record('moveLayer', id, beforeId);
    this.layers.splice(this.layers.indexOf(id), 1);
    const at = beforeId === undefined ? this.layers.length : this.layers.indexOf(beforeId);
    if (at < 0) throw new Error(`no layer ${beforeId}`);
    this.layers.splice(at, 0, id);
  }

  setLayoutProperty(layer: string, name: 'visibility', value: 'visible' | 'none'): void {
    this.record('setLayoutProperty', layer, name, value);
    if (!this.layers.includes(layer)) throw new Error(`no layer ${layer}`);
    this.layout.set(layer, value);
  }

  setLayerZoomRange(layer: string, minzoom: number, maxzoom: number): void {
    this.record('setLayerZoomRange', layer, minzoom, maxzoom);
    if (!this.layers.includes(layer)) throw new Error(`no layer ${layer}`);
  }

  setPaintProperty(layer: string, name: string, value: unknown): void {
    this.record('setPaintProperty', layer, name, value);
    if (!this.layers.includes(layer)) throw new Error(`no layer ${layer}`);
  }

  addImage(id: string, image: RawImage): void {
    this.record('addImage', id, image);
    if (this.images.has(id)) throw new Error(`image ${id} exists`);
    this.images.add(id);
  }

  hasImage(id: string): boolean {
    return this.images.has(id);
  }

  removeImage(id: string): void {
    this.record('removeImage', id);
    this.images.delete(id);
  }

  setFeatureState(feature: FeatureIdentifier, state: object): void {
    this.record('setFeatureState', feature, state);
    if (!this.sources.has(feature.source)) throw new Error(`no source ${feature.source}`);
  }

  removeFeatureState(target: FeatureIdentifier, key?: string): void {
    this.record('removeFeatureState', target, key);
  }

  /** Answers the one filter the core asks (['==', ['get', 'code'], code]) from `tilePieces`. */
  querySourceFeatures(source: string, params: { sourceLayer?: string; filter?: FilterSpecification }): { geometry: Geometry }[] {
    this.record('querySourceFeatures', source, params);
    const code = Array.isArray(params.filter) ? params.filter[2] : undefined;
    return (this.tilePieces.get(source) ?? []).filter((p) => p.code === code);
  }
}

function square(x: number, y: number, code: string): { type: 'Feature'; properties: { code: string }; geometry: Polygon } {
  return { type: 'Feature', properties: { code }, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] } };
}

/** A gemeente of two wijken with two buurten each (squares of one degree), as the server's TopoJSON has them. */
export function smallTopology(): Topology {
  const buurten = [square(0, 0, 'BU01'), square(1, 0, 'BU02'), square(0, 1, 'BU03'), square(1, 1, 'BU04')];
  const wijken = [square(0, 0, 'WK01'), square(0, 1, 'WK02')];
  const collection = (features: ReturnType<typeof square>[]): FeatureCollection<Polygon> => ({ type: 'FeatureCollection', features });
  return topology({ buurten: collection(buurten), wijken: collection(wijken), gemeente: collection([square(0, 0, 'GM01')]) });
}
