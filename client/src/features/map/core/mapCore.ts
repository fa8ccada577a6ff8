// The map's core: the base sources of each level, their layers and their feature-state, plus the overlays. It is
// given a map whose style has loaded; React never talks to it directly (ChoroplethMap does).
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { AreaLevel } from '../../../lib/level.ts';
import { NO_DATA_FILL } from '../../../lib/palette.ts';
import { createOverlays, overlayList, type Overlays } from '../overlays/registry.ts';
import type { MapCounters, OverlayContext, OverlayLifecycle } from '../overlays/types.ts';
import { BORDER_SPEC, FILL_OPACITY, HATCH, hatchImage, levelLayerSpecs } from './baseLayers.ts';
import { FeatureStates, type AreaState } from './featureState.ts';
import { BORDER_SOURCE, fillLayer, LEVELS, levelLayers, OBJECTS, SOURCES } from './levels.ts';
import { EMPTY, setSourceData, visibility, type MapLike } from './mapLike.ts';

/** The areas' opacity over a background map: the class colours stay apart, streets and water read through at buurt zoom. */
const SEE_THROUGH_OPACITY = 0.65;

export class MapCore implements OverlayContext {
  readonly states: FeatureStates;
  readonly overlays: Overlays = createOverlays();
  private readonly stack: readonly OverlayLifecycle[] = overlayList(this.overlays);
  topology: Topology | null = null;
  private byLevel: Record<AreaLevel, Map<string, Feature>> = { buurt: new Map(), wijk: new Map(), gemeente: new Map() };
  /** Geometry of a level not on show, handed to MapLibre when that level is first shown (see setAreas). */
  private deferred: Partial<Record<AreaLevel, FeatureCollection>> = {};
  private lastColours: { colours: Map<string, string | null>; level: AreaLevel } | null = null;

  constructor(
    readonly map: MapLike,
    public level: AreaLevel,
    readonly counters: MapCounters,
  ) {
    this.states = new FeatureStates(map, counters);
    map.addImage(HATCH, hatchImage(), { pixelRatio: 2 });
    for (const lvl of LEVELS) {
      map.addSource(SOURCES[lvl], { type: 'geojson', data: EMPTY, promoteId: 'code' });
      for (const layer of levelLayerSpecs(lvl, lvl === level)) map.addLayer(layer);
    }
    map.addSource(BORDER_SOURCE, { type: 'geojson', data: EMPTY });
    map.addLayer(BORDER_SPEC);
    for (const overlay of this.stack) overlay.add(this);
  }

  features(level: AreaLevel): ReadonlyMap<string, Feature> {
    return this.byLevel[level];
  }

  /** New geometry (a new gemeente): the only place that calls setData on the area sources (the level not on show
   * gets its data when it is first shown). */
  setAreas(topology: Topology, level: AreaLevel): void {
    for (const lvl of LEVELS) {
      const source = SOURCES[lvl];
      const object = topology.objects[OBJECTS[lvl]] as GeometryCollection | undefined;
      const fc = object ? (feature(topology, object) as FeatureCollection<Geometry>) : EMPTY;
      this.states.reset(source);
      this.byLevel[lvl] = new Map(fc.features.map((f) => [String(f.properties?.code ?? f.id), f]));
      // MapLibre has one worker on a 2-core machine: indexing the hidden level's geometry (3,400 wijken at NL)
      // would delay the first tiles of the level on show, so it waits until that level is asked for.
      if (lvl === level) {
        delete this.deferred[lvl];
        this.setAreaData(source, fc);
      } else this.deferred[lvl] = fc;
    }
    const gm = topology.objects[OBJECTS.gemeente] as GeometryCollection | undefined;
    this.setAreaData(BORDER_SOURCE, gm ? (feature(topology, gm) as FeatureCollection) : EMPTY);
    this.topology = topology;
    this.showLevel(level);
    if (this.lastColours) this.setValues(this.lastColours.colours, this.lastColours.level);
    for (const overlay of this.stack) overlay.refresh(this, 'areas');
  }

  setLevel(level: AreaLevel): void {
    this.showLevel(level);
    for (const overlay of this.stack) overlay.refresh(this, 'level');
  }

  /**
   * Colours the areas of a level. `colours` maps code -> colour; null = no data (grey + hatch); codes not
   * in the map stay in the neutral "loading" colour. Only changed states are sent to MapLibre.
   */
  setValues(colours: Map<string, string | null>, level: AreaLevel): void {
    this.lastColours = { colours, level };
    const next = new Map<string, AreaState>();
    for (const code of this.byLevel[level].keys()) {
      if (!colours.has(code)) next.set(code, { fill: null, noData: false });
      else {
        const fill = colours.get(code) ?? null;
        next.set(code, { fill: fill ?? NO_DATA_FILL, noData: fill === null });
      }
    }
    this.states.sync(SOURCES[level], next);
  }

  /** With a background map under them the areas are more transparent, so streets and water read through. */
  seeThrough(on: boolean): void {
    for (const level of LEVELS) this.map.setPaintProperty(fillLayer(level), 'fill-opacity', on ? SEE_THROUGH_OPACITY : FILL_OPACITY);
  }

  private showLevel(level: AreaLevel): void {
    this.level = level;
    const geometry = this.deferred[level];
    if (geometry) {
      delete this.deferred[level];
      this.setAreaData(SOURCES[level], geometry);
    }
    for (const lvl of LEVELS) {
      for (const id of levelLayers(lvl)) this.map.setLayoutProperty(id, 'visibility', visibility(lvl === level));
    }
  }

  private setAreaData(source: string, data: FeatureCollection): void {
    if (setSourceData(this.map, source, data)) this.counters.setDataCalls++;
  }
}
