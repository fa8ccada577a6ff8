// MapLibre choropleth kept outside React: React says what to show, this class creates the map and hands each
// wish to the core (base sources, feature-state diff) or to an overlay once the style has loaded.
import { AttributionControl, Map as MapLibreMap, NavigationControl, prewarm, setWorkerUrl, type MapGeoJSONFeature, type StyleSpecification } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Topology } from 'topojson-specification';
import type { Basemap } from '../../api/client.ts';
import { TILE_ATTRIBUTION, TILE_MAX_ZOOM, TILE_MIN_ZOOM, tileUrlTemplate } from '../../../../server/src/domain/tileZooms.ts';
import type { AreaLevel } from '../../lib/level.ts';
import type { HotspotClassKey } from '../../lib/overlayStyles.ts';
import { BasemapLayer } from './basemapLayer.ts';
import { fillLayer, LEVELS, SOURCES } from './core/levels.ts';
import type { TileSources } from './core/baseLayers.ts';
import { BLANK_STYLE, countryStyle } from './core/initialStyle.ts';
import { MapCore } from './core/mapCore.ts';
import type { MapAttentionArea } from './overlays/attention.ts';
import type { DensityCells } from './overlays/density.ts';
import type { MapCounters } from './overlays/types.ts';
import { areasBBox, topologyBBox, topologyCodes, type BBox } from './topology.ts';

export type { AreaLevel, BBox };
export { areasBBox, topologyBBox, topologyCodes };

setWorkerUrl(workerUrl);
// MapLibre's workers start now, while the app still asks who is signed in and renders, instead of when the first map
// is made: fetching and starting the worker script was about 0.7 s of the first national map (firstMapTiles). They
// also outlive a map, so switching between the country and a gemeente (a new map) does not start them again.
// (Started by the entry, before MapLibre has loaded, the worker made the first national map no sooner on two cores:
// its compiling then competes with MapLibre's.)
if (typeof Worker !== 'undefined') prewarm();

const DUTCH_LOCALE: Record<string, string> = {
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

/** The longest a country map stays hidden waiting for its first colours (see revealWhenColoured). */
const REVEAL_AFTER_MS = 4000;

/**
 * The Netherlands in lon/lat (the national boundaries' extent): the country view opens here at once, before any
 * answer has arrived, so MapLibre asks for the right tiles from the start.
 */
export const COUNTRY_BBOX: BBox = [3.358, 50.75, 7.228, 53.554];

/**
 * The server's vector tiles of every level. With their version (from /api/config) the tile URLs themselves, so
 * MapLibre asks for the tiles in view as soon as the style is read (no TileJSON round trip per level, each made on the
 * page's busy main thread; firstMapTiles); without it the TileJSON, which names them.
 */
export function countryTiles(version: string | null, origin: string = location.origin): NonNullable<TileSources> {
  const source = (level: AreaLevel) =>
    version
      ? { tiles: [tileUrlTemplate(origin, level, version)], minzoom: TILE_MIN_ZOOM[level], maxzoom: TILE_MAX_ZOOM, attribution: TILE_ATTRIBUTION }
      : { url: `${origin}/api/tiles/${level}.json` };
  return { buurt: source('buurt'), wijk: source('wijk'), gemeente: source('gemeente') };
}

interface ChoroplethMapOptions {
  container: HTMLElement;
  title: string;
  style?: string | StyleSpecification;
  /** The areas as vector tiles (the whole country) instead of a gemeente's TopoJSON; fixed for this map. */
  tiles?: TileSources;
  /** Where the camera opens (default: Maastricht until the first areas arrive and the map fits to them). */
  bounds?: BBox;
  /** The level shown first (its layers are made visible at once: no tiles of another level are fetched first). */
  level?: AreaLevel;
}

/** Who hears the pointer over the areas and clicks on them (given by the page that shows the map). */
export interface MapHandlers {
  onHover?: (code: string | null, point: { x: number; y: number } | null) => void;
  onSelect?: (code: string) => void;
}

/**
 * The map's face to React: every method may be called before the style has loaded (it then waits), and after
 * the view was left (it is then ignored). Geometry changes (a new gemeente) are the only setData on the areas.
 */
export class ChoroplethMap {
  readonly map: MapLibreMap;
  readonly ready: Promise<void>;
  readonly counters: MapCounters = { setDataCalls: 0, featureStateCalls: 0, overlayDataCalls: 0, densityDataCalls: 0 };
  private level: AreaLevel = 'buurt';
  private core: MapCore | null = null;
  private destroyed = false;
  private pending: Array<(core: MapCore) => void> = [];
  /** What was asked of the overlays before a country map added them (see completeAfterReveal). */
  private pendingOverlays: Array<(core: MapCore) => void> = [];
  /** Whether the sources' credits are in the map's corner (see credit). */
  private credited = false;
  /** Set while a country map waits for its first colours to show its canvas. */
  private revealOnIdle: (() => void) | null = null;
  private revealTimer: ReturnType<typeof setTimeout> | undefined;
  private handlers: MapHandlers = {};
  /** The background map, made with the first setBasemap. */
  private basemap: BasemapLayer | null = null;
  private basemapUnavailable = false;
  private readonly basemapListeners = new Set<() => void>();

  constructor(private readonly options: ChoroplethMapOptions) {
    this.level = options.level ?? 'buurt';
    performance.mark('bvk-map-created');
    this.map = new MapLibreMap({
      container: options.container,
      style: options.style ?? (options.tiles ? countryStyle(options.tiles, this.level) : BLANK_STYLE),
      ...(options.bounds ? { bounds: options.bounds, fitBoundsOptions: { padding: 24 } } : { center: [5.69, 50.85] as [number, number], zoom: 11 }),
      ...(options.tiles ? { minZoom: TILE_MIN_ZOOM[this.level] } : {}),
      locale: { ...DUTCH_LOCALE, 'Map.Title': options.title },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxPitch: 0,
      renderWorldCopies: false,
      fadeDuration: 0,
      // The app's own styles are checked against MapLibre's style specification by their tests (initialStyle.test.ts),
      // not again in the browser: that was about 40 ms of the main thread before the country's first tiles were asked
      // for (firstMapTiles). A basemap's style (a URL) is someone else's and is checked, so a broken one is refused.
      validateStyle: typeof options.style === 'string',
    });
    if (options.tiles) this.revealWhenColoured();
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    // The country map's style already holds its tile sources, and 'load' waits until those tiles are drawn: its core
    // starts when the style is parsed, so the first tiles are drawn in their colours instead of grey first.
    this.ready = new Promise((resolve) => {
      this.map.once(options.tiles ? 'style.load' : 'load', () => {
        performance.mark('bvk-map-ready');
        const core = new MapCore(this.map, this.level, this.counters, options.tiles ?? null, { overlaysLater: Boolean(options.tiles) });
        this.listen(core);
        if (options.tiles) this.followTiles(core);
        else this.credit();
        this.core = core;
        for (const fn of this.pending.splice(0)) fn(core);
        resolve();
      });
    });
  }

  /** Hover and click go to these from now on (a map made before its page gets the page's when the page adopts it). */
  handle(handlers: MapHandlers): void {
    this.handlers = handlers;
  }

  private whenLoaded(fn: (core: MapCore) => void): void {
    // React effects may still talk to a map whose view was left (removed): ignore them.
    if (this.destroyed) return;
    if (this.core) fn(this.core);
    else this.pending.push(fn);
  }

  /** Like whenLoaded, for what the overlays draw: a country map has them only from its first coloured frame on. */
  private withOverlays(fn: (core: MapCore) => void): void {
    this.whenLoaded((core) => (core.overlaysOn ? fn(core) : this.pendingOverlays.push(fn)));
  }

  /**
   * A country map's overlays (MapCore.addOverlays) and the sources' credits come a frame after its first coloured
   * frame is shown, the overlays with what was asked of them until then. The credits' control lays out its text
   * again at every source event, while the first tiles load: about 10-50 ms of the first national map
   * (firstMapTiles), while nothing of the map is shown yet.
   */
  private completeAfterReveal(): void {
    requestAnimationFrame(() =>
      setTimeout(() =>
        this.whenLoaded((core) => {
          this.credit();
          core.addOverlays();
          for (const fn of this.pendingOverlays.splice(0)) fn(core);
        }),
      ),
    );
  }

  /** The sources' credits (the boundaries' and the background map's) in the map's corner, once. */
  private credit(): void {
    if (this.credited) return;
    this.credited = true;
    this.map.addControl(new AttributionControl({ compact: false }), 'bottom-right');
  }

  /** Hover and click on the areas of every level. */
  private listen(core: MapCore): void {
    const map = this.map;
    // Before a country map has its overlays there is no outline to draw (its canvas is hidden until then anyway).
    const hover = (code: string | null) => {
      if (core.overlaysOn) core.overlays.highlight.update(core, { hovered: code });
    };
    for (const level of LEVELS) {
      const layer = fillLayer(level);
      map.on('mousemove', layer, (e) => {
        const code = codeOf(e.features?.[0]);
        map.getCanvas().style.cursor = code ? 'pointer' : '';
        hover(code);
        this.handlers.onHover?.(code, code ? { x: e.point.x, y: e.point.y } : null);
      });
      map.on('mouseleave', layer, () => {
        map.getCanvas().style.cursor = '';
        hover(null);
        this.handlers.onHover?.(null, null);
      });
      map.on('click', layer, (e) => {
        const code = codeOf(e.features?.[0]);
        if (code) this.handlers.onSelect?.(code);
      });
    }
  }

  /**
   * The country map is shown from its first coloured frame on: until then its canvas is hidden (the page shows the
   * map's background colour, the controls stay). Without a GPU every frame of a visible WebGL canvas is read back into
   * the page, 50-300 ms each on the main thread, and the frames before the colours and tiles arrive (an empty
   * background, grey areas) showed nothing a reader could use while they delayed the one that does (firstMapTiles).
   * If no colours come (the figures cannot be loaded) the map shows after REVEAL_AFTER_MS all the same.
   */
  private revealWhenColoured(): void {
    const canvas = this.map.getCanvas();
    canvas.style.visibility = 'hidden';
    const reveal = () => {
      clearTimeout(this.revealTimer);
      this.revealOnIdle = null;
      canvas.style.visibility = '';
      this.completeAfterReveal();
    };
    this.revealTimer = setTimeout(reveal, REVEAL_AFTER_MS);
    this.revealOnIdle = () => {
      this.revealOnIdle = null;
      this.map.once('idle', reveal);
    };
  }

  /** Tells the core when new tiles of its base sources have been drawn (once per burst of loads, at 'idle'). */
  private followTiles(core: MapCore): void {
    const base = new Set<string>(LEVELS.map((l) => SOURCES[l]));
    let loaded = false;
    this.map.on('sourcedata', (e) => {
      if (e.tile && base.has(e.sourceId)) loaded = true;
    });
    this.map.on('idle', () => {
      if (!loaded) return;
      loaded = false;
      core.tilesLoaded();
    });
  }

  /** New geometry (a new gemeente), drawn at `level`; the map fits to it. */
  setAreas(topology: Topology, level: AreaLevel): void {
    this.whenLoaded((core) => {
      this.level = level;
      core.setAreas(topology, level);
      const bbox = topologyBBox(topology);
      if (bbox) this.fitTo(bbox, false);
    });
  }

  setLevel(level: AreaLevel): void {
    this.level = level;
    // Tiles of a level start at a zoom (buurten at 6, see TILE_MIN_ZOOM): further out the map would be empty while
    // the legend counts every buurt, so the map does not zoom out that far (on a small screen it zooms in).
    if (this.options.tiles) this.map.setMinZoom(TILE_MIN_ZOOM[level]);
    this.whenLoaded((core) => core.setLevel(level));
  }

  /** Kernel-density cells (null hides the layer); setData only on the 'density' source, never on the area sources. */
  setDensity(cells: DensityCells | null): void {
    this.withOverlays((core) => core.overlays.density.update(core, cells));
  }

  /**
   * Colours the areas of a level. `colours` maps code -> colour; null = no data (grey + hatch); codes not
   * in the map stay in the neutral "loading" colour. Only changed states are sent to MapLibre.
   */
  setValues(colours: Map<string, string | null>, level: AreaLevel = this.level): void {
    this.whenLoaded((core) => {
      core.setValues(colours, level);
      // 'idle' comes once the tiles in view are loaded and drawn in these colours.
      if (colours.size > 0) this.revealOnIdle?.();
    });
  }

  setSelected(code: string | null): void {
    this.withOverlays((core) => core.overlays.highlight.update(core, { selected: code }));
  }

  /**
   * Hotspot class per area code (feature-state 'hotspot'); null hides the layer. Areas of the level that are not in
   * `classes` count as 'none'. Only changed states are sent.
   */
  setHotspots(classes: Map<string, HotspotClassKey> | null, level: AreaLevel = this.level): void {
    this.withOverlays((core) => core.overlays.hotspots.update(core, classes ? { classes, level } : null));
  }

  /** Outlines and number badges of attention areas (merged from the buurten of the current topology). */
  setAttentionAreas(areas: MapAttentionArea[], visible: boolean): void {
    this.withOverlays((core) => core.overlays.attention.update(core, { areas, visible }));
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

  /**
   * The background map under the areas (raster tiles; null: none). The map made before its page (countryFirst.ts)
   * opens with it as the page does, and the page sets it again on the same layer: the same one is no change.
   */
  setBasemap(b: Basemap | null): void {
    this.whenLoaded(() => {
      this.basemap ??= new BasemapLayer(
        this.map,
        (on) => this.seeThrough(on),
        () => {
          this.basemapUnavailable = true;
          for (const listener of this.basemapListeners) listener();
        },
      );
      this.basemap.set(b);
    });
  }

  /** Calls `listener` when the background map's tiles cannot be fetched (at once if they could not already). */
  onBasemapUnavailable(listener: () => void): () => void {
    if (this.basemapUnavailable) listener();
    this.basemapListeners.add(listener);
    return () => {
      this.basemapListeners.delete(listener);
    };
  }

  /** With a background map under them the areas are more transparent, so streets and water read through. */
  seeThrough(on: boolean): void {
    this.whenLoaded((core) => core.seeThrough(on));
  }

  /** Centres the map on a point at a zoom (an address the search found); animate false jumps (reduced motion). */
  centreOn(at: [number, number], zoom: number, animate = true): void {
    this.whenLoaded(() => {
      this.map.easeTo({ center: at, zoom, duration: animate ? 600 : 0, animate, essential: false });
    });
  }

  /** Marks the place the search found with a ring; null removes the mark. */
  setPlace(at: [number, number] | null): void {
    this.withOverlays((core) => core.overlays.place.update(core, at));
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
    clearTimeout(this.revealTimer);
    this.map.remove();
  }
}

function codeOf(f: MapGeoJSONFeature | undefined): string | null {
  if (!f) return null;
  const code = f.properties?.code ?? f.id;
  return code === undefined || code === null ? null : String(code);
}
