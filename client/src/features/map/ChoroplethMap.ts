// MapLibre choropleth kept outside React: sources are added once, recolouring only sets feature-state.
import { Map as MapLibreMap, NavigationControl, setWorkerUrl, type MapGeoJSONFeature, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { feature } from 'topojson-client';
import type { FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { NO_DATA_FILL, PENDING_FILL } from '../../lib/palette.ts';

setWorkerUrl(workerUrl);

export type AreaLevel = 'buurt' | 'wijk';
export type BBox = [number, number, number, number];

const SOURCES: Record<AreaLevel, string> = { buurt: 'buurten', wijk: 'wijken' };
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const HATCH = 'bvk-hatch';

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

/** Offline default: no basemap, no glyphs, no network. Names show in the tooltip and the table instead of labels. */
export const BLANK_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1f4' } }],
};

export interface MapCounters {
  setDataCalls: number;
  featureStateCalls: number;
}

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
}

/**
 * React tells this class what to show; it diffs against what MapLibre already has and only calls
 * setFeatureState for areas whose colour changed. Geometry changes (a new gemeente) are the only setData.
 */
export class ChoroplethMap {
  readonly map: MapLibreMap;
  readonly ready: Promise<void>;
  readonly counters: MapCounters = { setDataCalls: 0, featureStateCalls: 0 };
  private level: AreaLevel = 'buurt';
  private codes: Record<AreaLevel, Set<string>> = { buurt: new Set(), wijk: new Set() };
  private applied = new Map<string, AreaState>(); // `${source}:${code}` -> state in MapLibre
  private hovered: string | null = null;
  private selected: string | null = null;
  private loaded = false;
  private pending: Array<() => void> = [];
  private lastColours: { colours: Map<string, string | null>; level: AreaLevel } | null = null;

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
    if (this.loaded) fn();
    else this.pending.push(fn);
  }

  private setup(): void {
    const map = this.map;
    map.addImage(HATCH, hatchImage(), { pixelRatio: 2 });
    for (const level of ['wijk', 'buurt'] as const) {
      const source = SOURCES[level];
      map.addSource(source, { type: 'geojson', data: EMPTY, promoteId: 'code' });
      const visibility = level === this.level ? 'visible' : 'none';
      map.addLayer({
        id: `${source}-fill`,
        type: 'fill',
        source,
        layout: { visibility },
        paint: { 'fill-color': ['to-color', ['coalesce', ['feature-state', 'fill'], PENDING_FILL]], 'fill-opacity': 0.9 },
      });
      // No-data areas get a hatch on top of grey so "geen gegevens" does not depend on colour alone.
      map.addLayer({
        id: `${source}-nodata`,
        type: 'fill',
        source,
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
        layout: { visibility, 'line-join': 'round' },
        paint: { 'line-color': '#4a4a4a', 'line-width': 0.8, 'line-opacity': 0.8 },
      });
      // Highlight = dark casing + white core: at least 3:1 against every fill colour of the palettes.
      map.addLayer({
        id: `${source}-highlight-casing`,
        type: 'line',
        source,
        layout: { visibility, 'line-join': 'round' },
        paint: {
          'line-color': '#000000',
          'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 5, ['boolean', ['feature-state', 'hover'], false], 3.5, 0],
        },
      });
      map.addLayer({
        id: `${source}-highlight`,
        type: 'line',
        source,
        layout: { visibility, 'line-join': 'round' },
        paint: {
          'line-color': '#ffffff',
          'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 2, ['boolean', ['feature-state', 'hover'], false], 1.2, 0],
        },
      });
    }
    map.addSource('gemeente', { type: 'geojson', data: EMPTY });
    map.addLayer({
      id: 'gemeente-outline',
      type: 'line',
      source: 'gemeente',
      paint: { 'line-color': '#154273', 'line-width': 2.5 },
    });

    for (const level of ['buurt', 'wijk'] as const) {
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

  /** New geometry (a new gemeente): the only place that calls setData. */
  setAreas(topology: Topology, level: AreaLevel): void {
    this.whenLoaded(() => {
      for (const lvl of ['buurt', 'wijk'] as const) {
        const source = SOURCES[lvl];
        const object = topology.objects[source] as GeometryCollection | undefined;
        const fc = object ? (feature(topology, object) as FeatureCollection<Geometry>) : EMPTY;
        this.map.removeFeatureState({ source });
        this.codes[lvl] = new Set(fc.features.map((f) => String(f.properties?.code ?? f.id)));
        this.setSourceData(source, fc);
      }
      const gm = topology.objects['gemeente'] as GeometryCollection | undefined;
      this.setSourceData('gemeente', gm ? (feature(topology, gm) as FeatureCollection) : EMPTY);
      this.applied.clear();
      this.hovered = null;
      this.setLevel(level);
      if (this.lastColours) this.setValues(this.lastColours.colours, this.lastColours.level);
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
      for (const lvl of ['buurt', 'wijk'] as const) {
        const visibility = lvl === level ? 'visible' : 'none';
        for (const suffix of ['fill', 'nodata', 'outline', 'highlight-casing', 'highlight']) {
          this.map.setLayoutProperty(`${SOURCES[lvl]}-${suffix}`, 'visibility', visibility);
        }
      }
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
      if (this.selected) this.patchAll(this.selected, { selected: false });
      this.selected = code;
      if (code) this.patchAll(code, { selected: true });
    });
  }

  private setHover(code: string | null): void {
    if (this.hovered === code) return;
    if (this.hovered) this.patch(SOURCES[this.level], this.hovered, { hover: false });
    this.hovered = code;
    if (code) this.patch(SOURCES[this.level], code, { hover: true });
  }

  private patchAll(code: string, state: AreaState): void {
    for (const lvl of ['buurt', 'wijk'] as const) if (this.codes[lvl].has(code)) this.patch(SOURCES[lvl], code, state);
  }

  private patch(source: string, code: string, state: AreaState): void {
    const key = `${source}:${code}`;
    const current = this.applied.get(key) ?? {};
    const changed: Record<string, unknown> = {};
    let any = false;
    for (const [k, v] of Object.entries(state) as [keyof AreaState, unknown][]) {
      if (current[k] !== v) {
        changed[k] = v;
        any = true;
      }
    }
    if (!any) return;
    this.map.setFeatureState({ source, id: code }, changed);
    this.counters.featureStateCalls++;
    this.applied.set(key, { ...current, ...changed });
  }

  fitTo(bbox: BBox, animate = true): void {
    this.whenLoaded(() => {
      this.map.fitBounds(
        [
          [bbox[0], bbox[1]],
          [bbox[2], bbox[3]],
        ],
        { padding: 24, animate, duration: animate ? 400 : 0 },
      );
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
    this.map.remove();
  }
}

function codeOf(f: MapGeoJSONFeature | undefined): string | null {
  if (!f) return null;
  const code = f.properties?.code ?? f.id;
  return code === undefined || code === null ? null : String(code);
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
