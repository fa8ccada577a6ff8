// The map's core: the base sources of each level, their layers and their feature-state, plus the overlays. It is
// given a map whose style has loaded; React never talks to it directly (ChoroplethMap does).
// The areas come in one of two forms, fixed for the life of the map: a gemeente's TopoJSON (GeoJSON sources,
// setData on a new gemeente) or, for the whole country, the server's vector tiles (one vector source per level,
// MapLibre fetches only the tiles in view). Colours are feature-state keyed by CBS code in both, so everything
// above the sources works the same; MapLibre applies the state to tiles that load later by itself.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { AreaLevel } from '../../../lib/level.ts';
import { NO_DATA_FILL } from '../../../lib/palette.ts';
import { createOverlays, overlayList, type Overlays } from '../overlays/registry.ts';
import type { MapCounters, OverlayContext, OverlayLifecycle } from '../overlays/types.ts';
import { baseLayers, baseOf, baseSources, borderZooms, ensureLayers, FILL_OPACITY, HATCH, hatchImage, type TileSources } from './baseLayers.ts';
import { FeatureStates, type AreaState } from './featureState.ts';
import { BORDER_LAYER, BORDER_SOURCE, fillLayer, LEVELS, levelLayers, OBJECTS, SOURCES, type BaseSource } from './levels.ts';
import { EMPTY, setSourceData, visibility, type MapLike } from './mapLike.ts';
import { joinPieces } from './tilePieces.ts';


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
  /** Counts the tile loads of the base sources: what was cut from the tiles before may be more complete now. */
  tileGeneration = 0;
  private overlaysAdded = false;

  /**
   * `overlaysLater`: the overlays wait for addOverlays (a country map adds them after its first coloured frame).
   * Their empty GeoJSON sources were work for MapLibre's one worker, queued beside the country's first tiles, and
   * their layers work for the main thread before those tiles were asked for: about 40 ms of the first national map
   * (firstMapTiles; 12-52 ms in four round robins of builds), for nothing a first map shows.
   */
  constructor(
    readonly map: MapLike,
    public level: AreaLevel,
    readonly counters: MapCounters,
    readonly tiles: TileSources = null,
    { overlaysLater = false }: { overlaysLater?: boolean } = {},
  ) {
    const layerOf = new Map(LEVELS.map((lvl) => [SOURCES[lvl], this.base(lvl)['source-layer']]));
    this.states = new FeatureStates(map, counters, (source) => layerOf.get(source));
    map.addImage(HATCH, hatchImage(), { pixelRatio: 2 });
    // The country map is made with its sources and most base layers in its style (its tiles load from the first
    // frame, see ChoroplethMap): only what is missing is added, in the same order.
    for (const [id, spec] of Object.entries(baseSources(tiles))) if (!map.getSource(id)) map.addSource(id, spec);
    ensureLayers(map, baseLayers(level, tiles));
    if (!overlaysLater) this.addOverlays();
  }

  /**
   * Adds the overlays (once). Layers the page put on the map meanwhile (area labels, incidents) stay above them,
   * where they are when the overlays come first.
   */
  addOverlays(): void {
    if (this.overlaysAdded) return;
    this.overlaysAdded = true;
    const order = this.map.getLayersOrder();
    const top = order.indexOf(BORDER_LAYER);
    const others = top < 0 ? [] : order.slice(top + 1);
    for (const overlay of this.stack) overlay.add(this);
    for (const id of others) this.map.moveLayer(id);
  }

  /** Whether the overlays' sources and layers are on the map (see addOverlays). */
  get overlaysOn(): boolean {
    return this.overlaysAdded;
  }

  /** The overlays on the map, to be told of a change under them (none before addOverlays). */
  private get shown(): readonly OverlayLifecycle[] {
    return this.overlaysAdded ? this.stack : [];
  }

  /** The source (and for tiles, the source-layer) of a level's areas, for every layer drawn from them. */
  base(level: AreaLevel): BaseSource {
    return baseOf(level, this.tiles);
  }

  /** The areas of a TopoJSON by code (empty for tiles: the client never holds the country's geometry). */
  features(level: AreaLevel): ReadonlyMap<string, Feature> {
    return this.byLevel[level];
  }

  /** The outline of one area: from the TopoJSON, or joined from the tiles loaded now (null when none has it yet). */
  geometryOf(level: AreaLevel, code: string): Geometry | null {
    if (!this.tiles) return this.byLevel[level].get(code)?.geometry ?? null;
    return joinPieces(this.map.querySourceFeatures(SOURCES[level], { sourceLayer: level, filter: ['==', ['get', 'code'], code] }));
  }

  /** New tiles of the base sources have loaded (the map went idle after them): overlays that cut shapes from the
   * tiles take them again. */
  tilesLoaded(): void {
    this.tileGeneration++;
    for (const overlay of this.shown) overlay.refresh(this, 'tiles');
  }

  /** New geometry (a new gemeente): the only place that calls setData on the area sources (the level not on show
   * gets its data when it is first shown). */
  setAreas(topology: Topology, level: AreaLevel): void {
    if (this.tiles) throw new Error('a map drawn from tiles has no TopoJSON areas');
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
    for (const overlay of this.shown) overlay.refresh(this, 'areas');
  }

  setLevel(level: AreaLevel): void {
    this.showLevel(level);
    for (const overlay of this.shown) overlay.refresh(this, 'level');
  }

  /**
   * Colours the areas of a level. `colours` maps code -> colour; null = no data (grey + hatch); codes not
   * in the map stay in the neutral "loading" colour. Only changed states are sent to MapLibre.
   */
  setValues(colours: Map<string, string | null>, level: AreaLevel): void {
    this.lastColours = { colours, level };
    // One state, refilled for each area: the diff copies what changed, so a recolour of the country's 14,500 buurten
    // leaves no object per buurt for the garbage collector (it ran about 20 ms per recolour).
    const state: AreaState = { fill: null, noData: false };
    // Tiles: every code with a value (an area of a tile not loaded yet gets its state all the same).
    this.states.sync(SOURCES[level], this.tiles ? colours : this.byLevel[level], (code) => {
      const fill = colours.get(code);
      state.fill = fill === undefined ? null : (fill ?? NO_DATA_FILL);
      state.noData = fill === null;
      return state;
    });
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
    const zooms = borderZooms(level);
    this.map.setLayerZoomRange(BORDER_LAYER, zooms.minzoom, zooms.maxzoom);
  }

  private setAreaData(source: string, data: FeatureCollection): void {
    if (setSourceData(this.map, source, data)) this.counters.setDataCalls++;
  }
}
