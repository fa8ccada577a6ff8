// MapLibre choropleth kept outside React: sources are added once, recolouring only sets feature-state.
import { Map as MapLibreMap, NavigationControl, setWorkerUrl, type MapGeoJSONFeature, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { feature, merge } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';
import { NO_DATA_FILL, PENDING_FILL } from '../../lib/palette.ts';
import type { Expression, FillPaint, LinePaint } from './styleTypes.ts';
import { labelAnchor } from './areaLabels.ts';
import { attentionStyle, COLD_LINE, DASH, HOT_LINE, HOTSPOT_STYLES, type HotspotClassKey } from '../../lib/overlayStyles.ts';

setWorkerUrl(workerUrl);

export type AreaLevel = 'buurt' | 'wijk' | 'gemeente';
export type BBox = [number, number, number, number];

/** Every level, in the order their layers are stacked (the gemeente level exists at the country view only). */
const LEVELS = ['gemeente', 'wijk', 'buurt'] as const;
/** Levels with hotspots (the per-gemeente analyses). */
const HOTSPOT_LEVELS = ['wijk', 'buurt'] as const;
const SOURCES: Record<AreaLevel, string> = { buurt: 'buurten', wijk: 'wijken', gemeente: 'gemeenten' };
/** The TopoJSON object of each level ('gemeente' also draws the gemeente borders at every level). */
const OBJECTS: Record<AreaLevel, string> = { buurt: 'buurten', wijk: 'wijken', gemeente: 'gemeente' };
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const HATCH = 'bvk-hatch';
const HIGHLIGHT = 'highlight';
const PLACE = 'search-place';
const HOT_HATCH = 'bvk-hot-hatch';
const COLD_DOTS = 'bvk-cold-dots';
const HOTSPOT_SUFFIXES = ['hotspot-hatch', 'hotspot-dots', 'hotspot-casing', 'hotspot-solid', 'hotspot-dashed', 'hotspot-dotted'];
const ATTENTION_LAYERS = ['attention-casing', 'attention-line', 'attention-label'];

/**
 * Below this zoom an area is a few pixels wide (a buurt at the whole-country view is 1-2 px): its outline, the
 * fill's antialiasing edge and the no-data hatch add nothing a reader can see, but in software rendering they are
 * most of the cost of a frame (measured at NL: outlines ~1.5 s, antialiasing ~0.4 s of a ~2 s frame). So the
 * country view draws the fills and the gemeente borders only; every gemeente view (zoom 10 and up) is unchanged.
 * See docs/decisions/0004.
 */
export const DETAIL_ZOOM: Record<AreaLevel, number> = { buurt: 9, wijk: 8, gemeente: 0 };

/** An attention area as the map draws it: its number (the key in the list beside the map) and its buurten. */
export interface MapAttentionArea {
  /** 1-based number shown in the badge and the list. */
  n: number;
  codes: string[];
  /** Uploaded polygon (WGS84); otherwise the outline of its buurten is used. */
  geometry?: Polygon | MultiPolygon | null;
}

export const DUTCH_LOCALE: Record<string, string> = {
  'Map.Title': 'Kaart',
  'NavigationControl.ZoomIn': 'Inzoomen',
  'NavigationControl.ZoomOut': 'Uitzoomen',
  'NavigationControl.ResetBearing': 'Noorden boven',
  'AttributionControl.ToggleAttribution': 'Bronvermelding tonen of verbergen',
  'FullscreenControl.Enter': 'Volledig scherm',
  'FullscreenControl.Exit': 'Volledig scherm sluiten',
  'ScaleControl.Meters': 'm',
  'ScaleControl.Kilometers': 'km',
  'CooperativeGesturesHandler.WindowsHelpText': 'Gebruik Ctrl + scrollen om te zoomen',
  'CooperativeGesturesHandler.MacHelpText': 'Gebruik ⌘ + scrollen om te zoomen',
  'CooperativeGesturesHandler.MobileHelpText': 'Gebruik twee vingers om de kaart te verschuiven',
};

/** The areas' opacity over a background map: the class colours stay apart, streets and water read through at buurt zoom. */
const SEE_THROUGH_OPACITY = 0.65;

/** Offline default: no basemap, no glyphs, no network. Names show in the tooltip and the table instead of labels. */
export const BLANK_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1f4' } }],
};

export interface MapCounters {
  setDataCalls: number;
  featureStateCalls: number;
  /** setData on the overlay source (attention areas); never on the area sources. */
  overlayDataCalls: number;
  /** setData on the 'density' source (kernel density grid, restricted). */
  densityDataCalls: number;
}

/** Kernel-density grid cells, each with the colour of its class in `properties.colour`. */
export type DensityCells = FeatureCollection<Polygon, { density: number; colour: string }>;

export interface ChoroplethMapOptions {
  container: HTMLElement;
  title: string;
  style?: string | StyleSpecification;
  onHover?: (code: string | null, point: { x: number; y: number } | null) => void;
  onSelect?: (code: string) => void;
}

interface AreaState {
  fill?: string | null;
  noData?: boolean;
  hover?: boolean;
  selected?: boolean;
  hotspot?: HotspotClassKey;
}

/**
 * React tells this class what to show; it diffs against what MapLibre already has and only calls
 * setFeatureState for areas whose colour changed. Geometry changes (a new gemeente) are the only setData.
 */
export class ChoroplethMap {
  readonly map: MapLibreMap;
  readonly ready: Promise<void>;
  readonly counters: MapCounters = { setDataCalls: 0, featureStateCalls: 0, overlayDataCalls: 0, densityDataCalls: 0 };
  private level: AreaLevel = 'buurt';
  private codes: Record<AreaLevel, Set<string>> = { buurt: new Set(), wijk: new Set(), gemeente: new Set() };
  private applied = new Map<string, AreaState>(); // `${source}:${code}` -> state in MapLibre
  private hovered: string | null = null;
  private selected: string | null = null;
  private loaded = false;
  private destroyed = false;
  private pending: Array<() => void> = [];
  private lastColours: { colours: Map<string, string | null>; level: AreaLevel } | null = null;
  private lastHotspots: { classes: Map<string, HotspotClassKey>; level: AreaLevel } | null = null;
  private topology: Topology | null = null;
  private lastAttention: { areas: MapAttentionArea[]; visible: boolean } = { areas: [], visible: false };
  /** What the 'attention' source last got, so unchanged overlays skip setData (see setAttentionAreas). */
  private sentAttention: { areas: MapAttentionArea[]; topology: Topology | null; empty: boolean } | null = null;
  private densityVisible = false;
  /** GeoJSON features per code and level (from setAreas), for the highlight source. */
  private features: Record<AreaLevel, Map<string, Feature>> = { buurt: new Map(), wijk: new Map(), gemeente: new Map() };
  private highlightKey = '';
  /** Geometry of the level not on show, handed to MapLibre when that level is first shown (see setAreas). */
  private deferred: Partial<Record<AreaLevel, FeatureCollection>> = {};

  constructor(private readonly options: ChoroplethMapOptions) {
    this.map = new MapLibreMap({
      container: options.container,
      style: options.style ?? BLANK_STYLE,
      center: [5.69, 50.85],
      zoom: 11,
      locale: { ...DUTCH_LOCALE, 'Map.Title': options.title },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxPitch: 0,
      renderWorldCopies: false,
      fadeDuration: 0,
    });
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.ready = new Promise((resolve) => {
      this.map.once('load', () => {
        this.setup();
        this.loaded = true;
        for (const fn of this.pending.splice(0)) fn();
        resolve();
      });
    });
  }

  private whenLoaded(fn: () => void): void {
    // React effects may still talk to a map whose view was left (removed): ignore them.
    if (this.destroyed) return;
    if (this.loaded) fn();
    else this.pending.push(fn);
  }

  private setup(): void {
    const map = this.map;
    map.addImage(HATCH, hatchImage(), { pixelRatio: 2 });
    for (const level of LEVELS) {
      const source = SOURCES[level];
      const antialias: FillPaint['fill-antialias'] = ['step', ['zoom'], false, DETAIL_ZOOM[level], true];
      map.addSource(source, { type: 'geojson', data: EMPTY, promoteId: 'code' });
      const visibility = level === this.level ? 'visible' : 'none';
      map.addLayer({
        id: `${source}-fill`,
        type: 'fill',
        source,
        layout: { visibility },
        paint: {
          'fill-color': ['to-color', ['coalesce', ['feature-state', 'fill'], PENDING_FILL]],
          'fill-opacity': 0.9,
          'fill-antialias': antialias,
        },
      });
      // No-data areas get a hatch on top of grey so "geen gegevens" does not depend on colour alone.
      map.addLayer({
        id: `${source}-nodata`,
        type: 'fill',
        source,
        minzoom: DETAIL_ZOOM[level],
        layout: { visibility },
        paint: {
          'fill-pattern': HATCH,
          'fill-opacity': ['case', ['boolean', ['feature-state', 'noData'], false], 1, 0],
        },
      });
      map.addLayer({
        id: `${source}-outline`,
        type: 'line',
        source,
        minzoom: DETAIL_ZOOM[level],
        layout: { visibility, 'line-join': 'round' },
        paint: { 'line-color': '#4a4a4a', 'line-width': 0.8, 'line-opacity': 0.8 },
      });
    }
    map.addSource('gemeente', { type: 'geojson', data: EMPTY });
    map.addLayer({
      id: 'gemeente-outline',
      type: 'line',
      source: 'gemeente',
      // Thin at the country view, where 342 borders would otherwise cover the buurten between them.
      paint: { 'line-color': '#154273', 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.8, 10, 2.5] },
    });
    // Hover/selection highlight: its own tiny source holding only the hovered and selected area. As feature-state
    // line layers on the area sources they drew every boundary twice more (width 0) and had their paint arrays rebuilt
    // on every recolour — at NL that was the most expensive part of each frame.
    // Highlight = dark casing + white core: at least 3:1 against every fill colour of the palettes.
    map.addSource(HIGHLIGHT, { type: 'geojson', data: EMPTY });
    const selected: Expression = ['==', ['get', 'kind'], 'selected'];
    map.addLayer({
      id: 'highlight-casing',
      type: 'line',
      source: HIGHLIGHT,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#000000', 'line-width': ['case', selected, 5, 3.5] },
    });
    map.addLayer({
      id: 'highlight',
      type: 'line',
      source: HIGHLIGHT,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': ['case', selected, 2, 1.2] },
    });
    this.setupOverlays();
    // The place the search found (an address): a ring on top of everything else.
    map.addSource(PLACE, { type: 'geojson', data: EMPTY });
    map.addLayer({
      id: PLACE,
      type: 'circle',
      source: PLACE,
      paint: { 'circle-radius': 7, 'circle-color': '#ffffff', 'circle-stroke-color': '#000000', 'circle-stroke-width': 3 },
    });
    // Kernel density: its own source, because its geometry (grid cells) legitimately changes with the data.
    map.addSource('density', { type: 'geojson', data: EMPTY });
    map.addLayer(
      { id: 'density-fill', type: 'fill', source: 'density', layout: { visibility: 'none' }, paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.9, 'fill-antialias': false } },
      `${SOURCES[this.level]}-outline`,
    );

    for (const level of LEVELS) {
      const layer = `${SOURCES[level]}-fill`;
      map.on('mousemove', layer, (e) => {
        const code = codeOf(e.features?.[0]);
        map.getCanvas().style.cursor = code ? 'pointer' : '';
        this.setHover(code);
        this.options.onHover?.(code, code ? { x: e.point.x, y: e.point.y } : null);
      });
      map.on('mouseleave', layer, () => {
        map.getCanvas().style.cursor = '';
        this.setHover(null);
        this.options.onHover?.(null, null);
      });
      map.on('click', layer, (e) => {
        const code = codeOf(e.features?.[0]);
        if (code) this.options.onSelect?.(code);
      });
    }
  }

  /** New geometry (a new gemeente): the only place that calls setData on the area sources (the level not on show gets
   * its data when it is first shown). */
  setAreas(topology: Topology, level: AreaLevel): void {
    this.whenLoaded(() => {
      for (const lvl of LEVELS) {
        const source = SOURCES[lvl];
        const object = topology.objects[OBJECTS[lvl]] as GeometryCollection | undefined;
        const fc = object ? (feature(topology, object) as FeatureCollection<Geometry>) : EMPTY;
        this.map.removeFeatureState({ source });
        this.features[lvl] = new Map(fc.features.map((f) => [String(f.properties?.code ?? f.id), f]));
        this.codes[lvl] = new Set(this.features[lvl].keys());
        // MapLibre has one worker on a 2-core machine: indexing the hidden level's geometry (3,400 wijken at NL)
        // would delay the first tiles of the level on show, so it waits until that level is asked for.
        if (lvl === level) {
          delete this.deferred[lvl];
          this.setSourceData(source, fc);
        } else this.deferred[lvl] = fc;
      }
      const gm = topology.objects['gemeente'] as GeometryCollection | undefined;
      this.setSourceData('gemeente', gm ? (feature(topology, gm) as FeatureCollection) : EMPTY);
      this.applied.clear();
      this.hovered = null;
      this.highlightKey = '';
      this.setLevel(level);
      if (this.lastColours) this.setValues(this.lastColours.colours, this.lastColours.level);
      this.topology = topology;
      if (this.lastHotspots) this.setHotspots(this.lastHotspots.classes, this.lastHotspots.level);
      this.setAttentionAreas(this.lastAttention.areas, this.lastAttention.visible);
      const bbox = topologyBBox(topology);
      if (bbox) this.fitTo(bbox, false);
      // Re-apply selection on the fresh features.
      const sel = this.selected;
      this.selected = null;
      this.setSelected(sel);
    });
  }

  private setSourceData(source: string, data: FeatureCollection): void {
    const src = this.map.getSource(source);
    if (src && 'setData' in src && typeof src.setData === 'function') {
      src.setData(data);
      this.counters.setDataCalls++;
    }
  }

  setLevel(level: AreaLevel): void {
    this.level = level;
    this.whenLoaded(() => {
      const geometry = this.deferred[level];
      if (geometry) {
        delete this.deferred[level];
        this.setSourceData(SOURCES[level], geometry);
      }
      for (const lvl of LEVELS) {
        const visibility = lvl === level ? 'visible' : 'none';
        for (const suffix of ['fill', 'nodata', 'outline']) {
          this.map.setLayoutProperty(`${SOURCES[lvl]}-${suffix}`, 'visibility', visibility);
        }
      }
      // The density cells sit between the fills and the outlines of the level on show.
      this.map.moveLayer('density-fill', `${SOURCES[level]}-outline`);
      this.applyOverlayVisibility();
      this.updateHighlight();
    });
  }

  /** Kernel-density cells (null hides the layer); setData only on the 'density' source, never on the area sources. */
  setDensity(cells: DensityCells | null): void {
    this.whenLoaded(() => {
      this.densityVisible = cells !== null;
      if (cells) {
        const src = this.map.getSource('density');
        if (src && 'setData' in src && typeof src.setData === 'function') {
          src.setData(cells);
          this.counters.densityDataCalls++;
        }
      }
      this.map.setLayoutProperty('density-fill', 'visibility', this.densityVisible ? 'visible' : 'none');
    });
  }

  /**
   * Colours the areas of a level. `colours` maps code -> colour; null = no data (grey + hatch); codes not
   * in the map stay in the neutral "loading" colour. Only changed states are sent to MapLibre.
   */
  setValues(colours: Map<string, string | null>, level: AreaLevel = this.level): void {
    this.lastColours = { colours, level };
    this.whenLoaded(() => {
      const source = SOURCES[level];
      for (const code of this.codes[level]) {
        if (!colours.has(code)) {
          this.patch(source, code, { fill: null, noData: false });
          continue;
        }
        const fill = colours.get(code) ?? null;
        this.patch(source, code, { fill: fill ?? NO_DATA_FILL, noData: fill === null });
      }
    });
  }

  setSelected(code: string | null): void {
    this.whenLoaded(() => {
      if (this.selected === code) return;
      this.selected = code;
      this.updateHighlight();
    });
  }

  private setHover(code: string | null): void {
    if (this.hovered === code) return;
    this.hovered = code;
    this.updateHighlight();
  }

  /** Puts the selected and the hovered area of the level on show into the small highlight source (selected on top). */
  private updateHighlight(): void {
    const byCode = this.features[this.level];
    const out: Feature[] = [];
    const hovered = this.hovered && this.hovered !== this.selected ? byCode.get(this.hovered) : undefined;
    const selected = this.selected ? byCode.get(this.selected) : undefined;
    if (hovered) out.push({ type: 'Feature', properties: { kind: 'hover' }, geometry: hovered.geometry });
    if (selected) out.push({ type: 'Feature', properties: { kind: 'selected' }, geometry: selected.geometry });
    const key = `${this.level}|${hovered ? this.hovered : ''}|${selected ? this.selected : ''}`;
    if (key === this.highlightKey) return;
    this.highlightKey = key;
    const src = this.map.getSource(HIGHLIGHT);
    if (src && 'setData' in src && typeof src.setData === 'function') src.setData({ type: 'FeatureCollection', features: out });
  }

  private patch(source: string, code: string, state: AreaState): void {
    // Runs for every area on every recolour (14,500 times at NL): no intermediate arrays or copies.
    const key = `${source}:${code}`;
    const current = this.applied.get(key);
    let changed: Record<string, unknown> | null = null;
    for (const k in state) {
      const v = state[k as keyof AreaState];
      if (current?.[k as keyof AreaState] !== v) (changed ??= {})[k] = v;
    }
    if (!changed) return;
    this.map.setFeatureState({ source, id: code }, changed);
    this.counters.featureStateCalls++;
    if (current) Object.assign(current, changed);
    else this.applied.set(key, changed as AreaState);
  }

  /** Hotspot layers over the choropleth (hatching + outlines, readable in greyscale): feature-state 'hotspot' on the existing sources. */
  private setupOverlays(): void {
    const map = this.map;
    map.addImage(HOT_HATCH, patternImage('hatch'), { pixelRatio: 2 });
    map.addImage(COLD_DOTS, patternImage('dots'), { pixelRatio: 2 });
    const state: Expression = ['coalesce', ['feature-state', 'hotspot'], 'none'];
    const widthOf = (line: string, extra = 0): NonNullable<LinePaint['line-width']> => {
      const [first, ...rest] = HOTSPOT_STYLES.filter((s) => s.line === line || (line === 'casing' && s.line !== 'none'));
      if (!first) return 0;
      return ['match', state, first.key, first.width + extra, ...rest.flatMap((s) => [s.key, s.width + extra]), 0];
    };
    const colour: Expression = ['match', state, ['hot99', 'hot95', 'hot90'], HOT_LINE, COLD_LINE];
    const patternOpacity = (p: string): Expression => ['match', state, HOTSPOT_STYLES.filter((s) => s.pattern === p).map((s) => s.key), 1, 0];
    for (const level of HOTSPOT_LEVELS) {
      const source = SOURCES[level];
      // Above the level's own outline (the next layer up), as before.
      const before = level === 'wijk' ? 'buurten-fill' : 'gemeente-outline';
      const hidden = { visibility: 'none' as const };
      // MapLibre's fill-pattern and line-dasharray cannot follow feature-state, so every pattern and dash has its own
      // layer whose opacity/width does.
      map.addLayer({ id: `${source}-hotspot-hatch`, type: 'fill', source, layout: hidden, paint: { 'fill-pattern': HOT_HATCH, 'fill-opacity': patternOpacity('hatch') } }, before);
      map.addLayer({ id: `${source}-hotspot-dots`, type: 'fill', source, layout: hidden, paint: { 'fill-pattern': COLD_DOTS, 'fill-opacity': patternOpacity('dots') } }, before);
      // White casing under every hotspot line, so a dark line reads on the darkest fill too.
      map.addLayer(
        { id: `${source}-hotspot-casing`, type: 'line', source, layout: { ...hidden, 'line-join': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': widthOf('casing', 3) } },
        before,
      );
      map.addLayer({ id: `${source}-hotspot-solid`, type: 'line', source, layout: { ...hidden, 'line-join': 'round' }, paint: { 'line-color': colour, 'line-width': widthOf('solid') } }, before);
      map.addLayer(
        { id: `${source}-hotspot-dashed`, type: 'line', source, layout: { ...hidden, 'line-join': 'round' }, paint: { 'line-color': colour, 'line-width': widthOf('dashed'), 'line-dasharray': [...DASH.dashed] } },
        before,
      );
      map.addLayer(
        { id: `${source}-hotspot-dotted`, type: 'line', source, layout: { ...hidden, 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': colour, 'line-width': widthOf('dotted'), 'line-dasharray': [...DASH.dotted] } },
        before,
      );
    }
    // Attention areas: their own small source (outlines of groups of buurten + one badge point each), on top.
    map.addSource('attention', { type: 'geojson', data: EMPTY });
    const lines: Expression = ['==', ['geometry-type'], 'Polygon'];
    map.addLayer({ id: 'attention-casing', type: 'line', source: 'attention', filter: ['any', lines, ['==', ['geometry-type'], 'MultiPolygon']], layout: { visibility: 'none', 'line-join': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': 6 } });
    map.addLayer({
      id: 'attention-line',
      type: 'line',
      source: 'attention',
      filter: ['any', lines, ['==', ['geometry-type'], 'MultiPolygon']],
      layout: { visibility: 'none', 'line-join': 'round' },
      paint: { 'line-color': ['get', 'colour'], 'line-width': 3, 'line-dasharray': ['get', 'dash'] },
    });
    map.addLayer({
      id: 'attention-label',
      type: 'symbol',
      source: 'attention',
      filter: ['==', ['geometry-type'], 'Point'],
      layout: { visibility: 'none', 'icon-image': ['get', 'badge'], 'icon-allow-overlap': true, 'icon-ignore-placement': true },
    });
  }

  private applyOverlayVisibility(): void {
    for (const lvl of HOTSPOT_LEVELS) {
      const visibility = lvl === this.level && this.lastHotspots ? 'visible' : 'none';
      for (const suffix of HOTSPOT_SUFFIXES) this.map.setLayoutProperty(`${SOURCES[lvl]}-${suffix}`, 'visibility', visibility);
    }
    for (const id of ATTENTION_LAYERS) this.map.setLayoutProperty(id, 'visibility', this.lastAttention.visible ? 'visible' : 'none');
  }

  /**
   * Hotspot class per area code (feature-state 'hotspot'); null hides the layer. Areas of the level that are not in
   * `classes` count as 'none'. Only changed states are sent.
   */
  setHotspots(classes: Map<string, HotspotClassKey> | null, level: AreaLevel = this.level): void {
    this.lastHotspots = classes ? { classes, level } : null;
    this.whenLoaded(() => {
      if (classes) {
        const source = SOURCES[level];
        for (const code of this.codes[level]) this.patch(source, code, { hotspot: classes.get(code) ?? 'none' });
      }
      this.applyOverlayVisibility();
    });
  }

  /** Outlines and number badges of attention areas (merged from the buurten of the current topology). */
  setAttentionAreas(areas: MapAttentionArea[], visible: boolean): void {
    this.lastAttention = { areas, visible };
    this.whenLoaded(() => {
      const topology = this.topology;
      // Every setData makes MapLibre re-render a whole frame once the worker answers (seconds for all NL buurten in
      // software rendering), so an unchanged overlay (same list, same geometry; or still empty) is not sent again.
      const sent = this.sentAttention;
      if (sent && ((sent.areas === areas && sent.topology === topology) || (sent.empty && areas.length === 0))) {
        this.applyOverlayVisibility();
        return;
      }
      this.sentAttention = { areas, topology, empty: areas.length === 0 };
      const features: Feature[] = [];
      if (topology) {
        const buurten = topology.objects['buurten'] as GeometryCollection | undefined;
        for (const [i, area] of areas.entries()) {
          const wanted = new Set(area.codes);
          const geometry: Polygon | MultiPolygon | null =
            area.geometry ??
            (buurten
              ? merge(
                  topology,
                  buurten.geometries.filter(
                    (g): g is TopoPolygon | TopoMultiPolygon =>
                      (g.type === 'Polygon' || g.type === 'MultiPolygon') && wanted.has(String((g.properties as { code?: string } | null)?.code ?? g.id)),
                  ),
                )
              : null);
          if (!geometry || geometry.coordinates.length === 0) continue;
          const style = attentionStyle(i);
          const badge = this.badge(area.n);
          features.push({ type: 'Feature', properties: { n: area.n, colour: style.colour, dash: style.dash }, geometry });
          const anchor = labelAnchor(geometry);
          if (anchor && badge) features.push({ type: 'Feature', properties: { n: area.n, badge }, geometry: { type: 'Point', coordinates: anchor.at } });
        }
      }
      const src = this.map.getSource('attention');
      if (src && 'setData' in src && typeof src.setData === 'function') {
        src.setData({ type: 'FeatureCollection', features });
        this.counters.overlayDataCalls++;
      }
      this.applyOverlayVisibility();
    });
  }

  /** Number badge drawn on a canvas (the offline style has no glyphs). */
  private badge(n: number): string | null {
    const id = `bvk-badge-${n}`;
    if (this.map.hasImage(id)) return id;
    const size = 44;
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.beginPath();
    ctx.arc(size / 2, size / 2, size / 2 - 3, 0, Math.PI * 2);
    ctx.fillStyle = '#ffffff';
    ctx.fill();
    ctx.lineWidth = 4;
    ctx.strokeStyle = '#000000';
    ctx.stroke();
    ctx.fillStyle = '#000000';
    ctx.font = `bold ${n > 9 ? 20 : 24}px Arial, Helvetica, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(String(n), size / 2, size / 2 + 1);
    const img = ctx.getImageData(0, 0, size, size);
    this.map.addImage(id, { width: size, height: size, data: new Uint8Array(img.data.buffer) }, { pixelRatio: 2 });
    return id;
  }

  fitTo(bbox: BBox, animate = true, options: { duration?: number; padding?: number | { top: number; right: number; bottom: number; left: number } } = {}): void {
    this.whenLoaded(() => {
      const duration = animate ? (options.duration ?? 400) : 0;
      this.map.fitBounds(
        [
          [bbox[0], bbox[1]],
          [bbox[2], bbox[3]],
        ],
        // With an explicit duration the caller has already honoured prefers-reduced-motion (0 = jump).
        { padding: options.padding ?? 24, animate: duration > 0, duration, essential: options.duration !== undefined },
      );
    });
  }

  /** With a background map under them the areas are more transparent, so streets and water read through. */
  seeThrough(on: boolean): void {
    this.whenLoaded(() => {
      for (const level of LEVELS) this.map.setPaintProperty(`${SOURCES[level]}-fill`, 'fill-opacity', on ? SEE_THROUGH_OPACITY : 0.9);
    });
  }

  /** Centres the map on a point at a zoom (an address the search found); animate false jumps (reduced motion). */
  centreOn(at: [number, number], zoom: number, animate = true): void {
    this.whenLoaded(() => {
      this.map.easeTo({ center: at, zoom, duration: animate ? 600 : 0, animate, essential: false });
    });
  }

  /** Marks the place the search found with a ring; null removes the mark. */
  setPlace(at: [number, number] | null): void {
    this.whenLoaded(() => {
      const data: FeatureCollection = at ? { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: at } }] } : EMPTY;
      const src = this.map.getSource(PLACE);
      if (src && 'setData' in src && typeof src.setData === 'function') src.setData(data);
    });
  }

  /** Screen-reader title of the canvas; follows the measure and period. */
  setTitle(title: string): void {
    this.map.getCanvas().setAttribute('aria-label', title);
  }

  /** Resolves at the next 'idle' (everything rendered) — the hook the browser tests wait on. */
  idle(): Promise<void> {
    return this.ready.then(
      () =>
        new Promise<void>((resolve) => {
          this.map.once('idle', () => resolve());
          this.map.triggerRepaint();
        }),
    );
  }

  resize(): void {
    this.map.resize();
  }

  destroy(): void {
    this.destroyed = true;
    this.map.remove();
  }
}

function codeOf(f: MapGeoJSONFeature | undefined): string | null {
  if (!f) return null;
  const code = f.properties?.code ?? f.id;
  return code === undefined || code === null ? null : String(code);
}

const codesOf = new WeakMap<Topology, Partial<Record<AreaLevel, readonly string[]>>>();

/** Codes of the buurten or wijken of a topology, in its order; computed once per topology (every recolour asks). */
export function topologyCodes(topology: Topology | null, level: AreaLevel): readonly string[] {
  if (!topology) return [];
  const cached = codesOf.get(topology) ?? {};
  const known = cached[level];
  if (known) return known;
  const obj = topology.objects[OBJECTS[level]] as GeometryCollection | undefined;
  const codes = (obj?.geometries ?? []).map((g) => String((g.properties as { code?: string } | null)?.code ?? g.id));
  codesOf.set(topology, { ...cached, [level]: codes });
  return codes;
}

/** Bounding box of a (possibly quantized) topology, in lon/lat. */
export function topologyBBox(topology: Topology): BBox | null {
  if (topology.bbox && topology.bbox.length >= 4) return [topology.bbox[0], topology.bbox[1], topology.bbox[2], topology.bbox[3]];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const name of Object.keys(topology.objects)) {
    const fc = feature(topology, topology.objects[name] as GeometryCollection) as FeatureCollection;
    for (const f of fc.features) {
      visitCoords(f.geometry, (x, y) => {
        if (x < minX) minX = x;
        if (y < minY) minY = y;
        if (x > maxX) maxX = x;
        if (y > maxY) maxY = y;
      });
    }
  }
  return Number.isFinite(minX) ? [minX, minY, maxX, maxY] : null;
}

/** Bounding box of the areas with these codes (buurten or wijken of the topology); null when none is found. */
export function areasBBox(topology: Topology, codes: string[]): BBox | null {
  const wanted = new Set(codes);
  let box: BBox | null = null;
  for (const name of ['buurten', 'wijken', 'gemeente']) {
    const obj = topology.objects[name] as GeometryCollection | undefined;
    if (!obj) continue;
    const fc = feature(topology, obj) as FeatureCollection;
    for (const f of fc.features) {
      if (!wanted.has(String(f.properties?.code ?? f.id))) continue;
      visitCoords(f.geometry, (x, y) => {
        box = box ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)] : [x, y, x, y];
      });
    }
    if (box) return box;
  }
  return box;
}

function visitCoords(g: Geometry | null, fn: (x: number, y: number) => void): void {
  if (!g) return;
  if (g.type === 'GeometryCollection') {
    for (const c of g.geometries) visitCoords(c, fn);
    return;
  }
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') fn(c[0] as number, c[1] as number);
    else if (Array.isArray(c)) for (const x of c) walk(x);
  };
  walk(g.coordinates);
}

/** Diagonal hatch for "geen gegevens", drawn in code so no sprite has to be fetched. */
function hatchImage(): { width: number; height: number; data: Uint8Array } {
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

/** Hatch (hot spots, '/' direction, opposite to the no-data hatch) and dots (cold spots): dark marks with a white edge. */
function patternImage(kind: 'hatch' | 'dots'): { width: number; height: number; data: Uint8Array } {
  // Sparse enough that the choropleth colour underneath still reads (about 40 % covered).
  const size = kind === 'hatch' ? 32 : 24;
  const data = new Uint8Array(size * size * 4);
  const set = (i: number, v: number) => {
    data[i] = v;
    data[i + 1] = v;
    data[i + 2] = v;
    data[i + 3] = 255;
  };
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      if (kind === 'hatch') {
        const d = (x - y + size * 2) % 16;
        if (d < 3) set(i, 0);
        else if (d <= 4 || d >= 14) set(i, 255);
      } else {
        const r = Math.hypot(x - size / 2 + 0.5, y - size / 2 + 0.5);
        if (r <= 3.5) set(i, 0);
        else if (r <= 5.5) set(i, 255);
      }
    }
  }
  return { width: size, height: size, data };
}
