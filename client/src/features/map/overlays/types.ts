// One interface for everything drawn over the base areas: an overlay adds its own sources, images and layers
// once, is told what to show, follows the core when the areas or the level change, and removes only its own.
import type { Feature, Geometry } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { AreaLevel } from '../../../lib/level.ts';
import type { FeatureStates } from '../core/featureState.ts';
import type { BaseSource } from '../core/levels.ts';
import type { MapLike } from '../core/mapLike.ts';

/** Calls the browser tests and the benchmark count (window.__bvk.stats). */
export interface MapCounters {
  setDataCalls: number;
  featureStateCalls: number;
  /** setData on the overlay source (attention areas); never on the area sources. */
  overlayDataCalls: number;
  /** setData on the 'density' source (kernel density grid, restricted). */
  densityDataCalls: number;
}

/** What an overlay can read of the core: the map, the level on show and the base areas. */
export interface OverlayContext {
  readonly map: MapLike;
  readonly level: AreaLevel;
  readonly topology: Topology | null;
  /** The areas of a level by code (GeoJSON of the current topology; empty when the areas are tiles). */
  features(level: AreaLevel): ReadonlyMap<string, Feature>;
  /** The outline of one area, for TopoJSON and tiles alike (null while no loaded tile has it). */
  geometryOf(level: AreaLevel, code: string): Geometry | null;
  /** Where layers read a level's areas (a vector-tile source needs its source-layer). */
  base(level: AreaLevel): BaseSource;
  /** Changes whenever new tiles of the base sources have loaded. */
  readonly tileGeneration: number;
  /** Feature-state on the base sources, through the core's diff. */
  readonly states: FeatureStates;
  readonly counters: MapCounters;
}

/** What changed under the overlays: new areas (feature-state cleared), another level on show, or more tiles loaded. */
export type BaseChange = 'areas' | 'level' | 'tiles';

export interface OverlayLifecycle {
  readonly id: string;
  /** Adds the overlay's sources, images and layers (once, after the style has loaded). */
  add(ctx: OverlayContext): void;
  /** Brings what is drawn in line with the base after a change, from the last props. */
  refresh(ctx: OverlayContext, change: BaseChange): void;
  /** Removes the overlay's own layers, sources and images, nothing else. */
  remove(ctx: OverlayContext): void;
}

export interface MapOverlay<P> extends OverlayLifecycle {
  /** What to show now. */
  update(ctx: OverlayContext, props: P): void;
}

/** Removes the layers and sources an overlay added, if they are there. */
export function removeOwn(map: MapLike, layers: readonly string[], sources: readonly string[], images: readonly string[] = []): void {
  for (const id of layers) if (map.getLayer(id)) map.removeLayer(id);
  for (const id of sources) if (map.getSource(id)) map.removeSource(id);
  for (const id of images) if (map.hasImage(id)) map.removeImage(id);
}
