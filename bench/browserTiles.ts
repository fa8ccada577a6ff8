// The national map from vector tiles (issue 18) in headless Chromium: `firstMapTiles`, `recolourTiles` and `panNL`.
// The baseline of the first map is the bench's empty MapLibre page (/empty: background only, no sources) at the app's
// canvas size, as the issue sets it: the physical limit of a MapLibre map on this machine (what loading MapLibre,
// creating its WebGL context and workers and drawing a frame cost with nothing to draw), which tiles simplified per
// zoom should come close to. The pan's baseline is the bare page, as the issue sets it: the same gemeenten drawn the
// textbook way (one GeoJSON source, fill and outline), so the figure says what the app adds to drawing its map; the
// empty page's pan is reported beside it. The recolour baseline stays the bare choropleth's setData.
import type { Page } from 'playwright-core';
import { appliedAt, appliedNL, canvasOf, ms, openBare, recolourRounds, rounds0, type BrowserBench, type Canvas, type Rounds } from './browser.ts';

/**
 * Frame times of a pan: per round the median interval, and every interval for the p95. The figure's baseline is the
 * bare page (the same gemeenten as a GeoJSON source, fill and outline: the textbook MapLibre map of what the app
 * shows); the empty page (nothing to draw) is measured beside it, to say what drawing the map costs at all.
 */
export interface PanRounds {
  app: number[];
  bare: number[];
  empty: number[];
  appIntervals: number[];
  bareIntervals: number[];
  appMain: number[];
  bareMain: number[];
  /** MapLibre 'render' events per scripted frame (about 1: every camera move was drawn). */
  appRenders: number;
  bareRenders: number;
}

export interface TileFigures {
  firstMapTiles?: Rounds;
  /** Per firstMapTiles round: the floor page's first coloured map (the app's tiles and style without the app). */
  firstMapTilesFloor?: number[];
  recolourTiles?: Rounds;
  panNL?: PanRounds;
  frames: number;
  notes: string[];
}

const FRAMES = 120;
// 8 px per frame, turning at 240 px either side of the start: right, left across, back to the start in 120 frames.
const STEP_PX = 8;
const AMPLITUDE_PX = 240;
const PAN_TIMEOUT = 120_000;

// Runs in the page (a string, so that nothing the TypeScript compiler adds to functions reaches the page). Puts the map
// at the given camera, waits until it is idle (all tiles of the view loaded) and the GPU process has drawn, then moves
// the centre by STEP_PX per requestAnimationFrame callback along a precomputed path and records the rAF timestamps:
// an interval between two callbacks is the time a frame took (MapLibre draws the moved camera in its own rAF
// callback of the same frame). The path is computed in pixels at the start camera, so both pages pan the same path.
// MapLibre's callback runs before ours in each frame (it asked first), so the time from a frame's rAF timestamp to
// the start of our callback is the frame's work on the main thread; the rest of the interval is the compositor and
// the GPU process (software rasterising here). Both are returned, to say where a slow frame goes.
const PAN_JS = `async ({ hook, frames, step, amplitude, center, zoom }) => {
  const map = hook === 'app' ? window.__bvk.map : window.__bench.map;
  map.jumpTo({ center, zoom });
  await new Promise((resolve) => { map.once('idle', resolve); map.triggerRepaint(); });
  const c = map.getCanvas();
  const gl = c.getContext('webgl2') || c.getContext('webgl');
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  const p0 = map.project(center);
  const path = [];
  let x = 0, dir = 1;
  for (let i = 0; i < frames; i++) {
    if (Math.abs(x + dir * step) > amplitude) dir = -dir;
    x += dir * step;
    path.push(map.unproject([p0.x + x, p0.y]));
  }
  let renders = 0;
  const onRender = () => { renders++; };
  map.on('render', onRender);
  const stamps = [];
  const main = [];
  await new Promise((resolve) => {
    const tick = (t) => {
      if (stamps.length) main.push(performance.now() - t);
      stamps.push(t);
      if (stamps.length > frames) return resolve();
      map.jumpTo({ center: path[stamps.length - 1] });
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  map.off('render', onRender);
  return { intervals: stamps.slice(1).map((t, i) => t - stamps[i]), main, renders };
}`;

interface Camera {
  center: [number, number];
  zoom: number;
}

interface Pan {
  intervals: number[];
  /** Per frame, the main thread's part (MapLibre's render and whatever else ran in the frame before our callback). */
  main: number[];
  renders: number;
}

async function pan(page: Page, hook: 'app' | 'bare' | 'empty', camera: Camera): Promise<Pan> {
  await page.bringToFront();
  const args = { hook: hook === 'app' ? 'app' : 'bench', frames: FRAMES, step: STEP_PX, amplitude: AMPLITUDE_PX, ...camera };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`panNL: the ${hook} page's pan of ${FRAMES} frames did not finish within ${PAN_TIMEOUT / 1000} s at ${page.url()}`)), PAN_TIMEOUT);
  });
  try {
    return await Promise.race([page.evaluate(`(${PAN_JS})(${JSON.stringify(args)})`) as Promise<Pan>, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Where the app's first map spent its time, from the browser's network events (which, unlike the page's resource
 * timing, include the requests of MapLibre's workers: the tiles): when the scripts, each API answer and the tiles
 * arrived, in ms from navigation start. Said in a note so that a slow first map points at its cause.
 */
function watchRequests(page: Page): () => Promise<string> {
  const done: { url: string; start: number; end: number }[] = [];
  page.on('requestfinished', (r) => {
    const t = r.timing();
    done.push({ url: r.url(), start: t.startTime, end: t.startTime + t.responseEnd });
  });
  return async () => {
    const { origin, marks } = await page.evaluate(() => ({
      origin: performance.timeOrigin,
      marks: ['bvk-map-created', 'bvk-page'].map((name) => [name.replace('bvk-', ''), performance.getEntriesByName(name)[0]?.startTime] as const),
    }));
    const at = (x: number) => ms(x - origin);
    const tiles = done.filter((d) => /\/api\/tiles\/[^/]+\/\d+\/\d+\/\d+/.test(d.url));
    const scripts = done.filter((d) => /\.js(\?|$)/.test(new URL(d.url).pathname));
    const api = done.filter((d) => d.url.includes('/api/') && !tiles.includes(d));
    const parts = [
      `scripts until ${scripts.length ? at(Math.max(...scripts.map((d) => d.end))) : '–'}`,
      ...api.map((d) => `${new URL(d.url).pathname.replace('/api/', '')} ${at(d.start)}–${at(d.end)}`),
      tiles.length ? `${tiles.length} tiles ${at(Math.min(...tiles.map((d) => d.start)))}–${at(Math.max(...tiles.map((d) => d.end)))}` : 'no tiles',
      ...marks.filter(([, t]) => t !== undefined).map(([name, t]) => `${name} ${ms(t!)}`),
    ];
    return parts.join(', ');
  };
}

/** What the app's map draws from (source id and type, a vector source's TileJSON): says whether a figure measured tiles. */
async function sourcesOf(page: Page): Promise<{ vector: boolean; text: string }> {
  const list = await page.evaluate(() => {
    const map = (window as unknown as { __bvk: { map: { getStyle(): { sources: Record<string, { type: string; url?: string; tiles?: string[] }> } } } }).__bvk.map;
    return Object.entries(map.getStyle().sources).map(([id, s]) => ({ id, type: s.type, url: s.url ?? s.tiles?.[0] ?? '' }));
  });
  return { vector: list.some((s) => s.type === 'vector'), text: list.map((s) => `${s.id} (${s.type}${s.url ? ` ${s.url}` : ''})`).join(', ') || 'none' };
}

/** What the floor page draws: the app's country style at its first map, cut down to the tiled level in view. */
interface Floor {
  style: unknown;
  center: [number, number];
  zoom: number;
  source: string;
  sourceLayer: string;
}

// Runs in the app's page once its first coloured map is idle (a string, like PAN_JS): its style with the background and
// the visible layers of the visible fill's vector source (no overlays, no image patterns), the tile URLs moved to the
// bench's server, and the camera.
const FLOOR_OF_JS = `((bare) => {
  const map = window.__bvk.map;
  const style = map.getStyle();
  const shown = (l) => (l.layout || {}).visibility !== 'none';
  const fill = style.layers.find((l) => l.type === 'fill' && shown(l) && style.sources[l.source] && style.sources[l.source].type === 'vector');
  const src = style.sources[fill.source];
  const source = { ...src, tiles: src.tiles.map((t) => t.replace(location.origin, bare)) };
  const layers = style.layers.filter((l) => l.type === 'background' || (l.source === fill.source && shown(l) && !(l.paint || {})['fill-pattern']));
  const c = map.getCenter();
  return { style: { version: 8, sources: { [fill.source]: source }, layers }, center: [c.lng, c.lat], zoom: map.getZoom(), source: fill.source, sourceLayer: fill['source-layer'] };
})`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function measureTiles(bench: BrowserBench, rounds: number, want: (...names: string[]) => boolean, log: (m: string) => void): Promise<TileFigures> {
  const out: TileFigures = { frames: FRAMES, notes: [] };
  // Per view: the figures whose app had no vector source, said once at the end (the figure measured the old client).
  const untiled = new Map<string, { figures: string[]; sources: string }>();
  const noteSources = async (page: Page, figure: string, view: string) => {
    const s = await sourcesOf(page);
    log(`  ${figure}: the app's sources at ${view}: ${s.text}`);
    if (!s.vector) untiled.set(view, { figures: [...(untiled.get(view)?.figures ?? []), figure], sources: s.text });
  };

  // First coloured national map: each round in fresh contexts (empty HTTP cache), app and empty page alternating.
  if (want('firstMapTiles')) {
    const r = rounds0();
    let canvas: Canvas = { width: 0, height: 0 };
    // The same tiles and style without the app (the bench's /floor page), after each empty page: splits the figure.
    let floor: Floor | null = null;
    const floors: number[] = [];
    for (let i = 0; i < rounds; i++) {
      {
        const { ctx, page } = await bench.fresh();
        const timeline = i === rounds - 1 ? watchRequests(page) : null;
        await page.goto(`${bench.appUrl}/?gemeente=NL`);
        const at = await appliedAt(page, appliedNL('gemeente', 'ratePer1000'), bench.errors, { firstMap: true });
        r.app.push(at.idle);
        r.appPixels.push(at.pixels);
        // The page itself (its test hook, the timeline's marks) comes after a map drawn before it.
        await appliedAt(page, appliedNL('gemeente', 'ratePer1000'), bench.errors);
        if (timeline) out.notes.push(`firstMapTiles, the last round's app: ${await timeline()}, idle ${ms(at.idle)}`);
        if (i === 0) {
          canvas = await canvasOf(page);
          floor = (await page.evaluate(`${FLOOR_OF_JS}(${JSON.stringify(bench.bareUrl)})`)) as Floor;
          await noteSources(page, 'firstMapTiles', '/?gemeente=NL');
          await page.screenshot({ path: bench.shot('bench-app-nl-tiles.png') });
        }
        await ctx.close();
      }
      {
        const { ctx, page } = await bench.fresh();
        const at = await openBare(bench, page, 'empty', canvas);
        r.bare.push(at.idle);
        r.barePixels.push(at.pixels);
        await ctx.close();
      }
      if (floor) {
        const { ctx, page } = await bench.fresh();
        await page.addInitScript(`window.__floor = ${JSON.stringify(floor)};`);
        floors.push((await openBare(bench, page, 'floor', canvas)).idle);
        // A floor that drew no tiles (a failed tile request also ends in 'idle') would measure nothing: said, not used.
        const drawn = await page.evaluate(`window.__bench.map.querySourceFeatures(${JSON.stringify(floor.source)}, { sourceLayer: ${JSON.stringify(floor.sourceLayer)} }).length`);
        if (!drawn) throw new Error(`firstMapTiles: the tiles-alone page drew no ${floor.sourceLayer} from ${bench.bareUrl}/floor (page errors: ${bench.errors.slice(-3).join(' | ') || 'none'})`);
        if (i === 0) await page.screenshot({ path: bench.shot('bench-floor-nl-tiles.png') });
        await ctx.close();
      }
      log(`  firstMapTiles round ${i + 1}: app ${ms(r.app.at(-1)!)} (drawn ${ms(r.appPixels.at(-1)!)}), empty map ${ms(r.bare.at(-1)!)} (drawn ${ms(r.barePixels.at(-1)!)})${floor ? `, the tiles alone ${ms(floors.at(-1)!)}` : ''}`);
    }
    out.firstMapTiles = r;
    if (floors.length) out.firstMapTilesFloor = floors;
  }

  // Recolouring all 14,566 buurten of the country: the `recolour` mechanics at level=buurt.
  if (want('recolourTiles')) {
    const r = await recolourRounds(bench, 'gemeente=NL&level=buurt', 'buurt', rounds * 2, 'recolourTiles', log, (page) => noteSources(page, 'recolourTiles', '/?gemeente=NL&level=buurt'));
    out.recolourTiles = r.rounds;
    out.notes.push(...r.notes);
  }

  // Pan at the national view: the app once its first coloured map is idle, the bare page (the same gemeenten from a
  // GeoJSON source) and the empty page at the app's canvas size and camera; one warm-up pan each (tiles of the whole
  // path loaded, shaders compiled), then rounds alternating.
  if (want('panNL')) {
    const app = await bench.fresh();
    const bare = await bench.fresh();
    const empty = await bench.fresh();
    try {
      await app.page.goto(`${bench.appUrl}/?gemeente=NL`);
      await appliedAt(app.page, appliedNL('gemeente', 'ratePer1000'), bench.errors);
      await noteSources(app.page, 'panNL', '/?gemeente=NL');
      const canvas = await canvasOf(app.page);
      const camera = await app.page.evaluate(() => {
        const map = (window as unknown as { __bvk: { map: { getCenter(): { lng: number; lat: number }; getZoom(): number } } }).__bvk.map;
        const c = map.getCenter();
        return { center: [c.lng, c.lat] as [number, number], zoom: map.getZoom() };
      });
      await openBare(bench, bare.page, 'bare', canvas, 'gemeente');
      await openBare(bench, empty.page, 'empty', canvas);
      await pan(app.page, 'app', camera);
      await pan(bare.page, 'bare', camera);
      await pan(empty.page, 'empty', camera);
      const r: PanRounds = { app: [], bare: [], empty: [], appIntervals: [], bareIntervals: [], appMain: [], bareMain: [], appRenders: 0, bareRenders: 0 };
      for (let i = 0; i < rounds; i++) {
        const a = await pan(app.page, 'app', camera);
        const b = await pan(bare.page, 'bare', camera);
        const e = await pan(empty.page, 'empty', camera);
        r.app.push(median(a.intervals));
        r.bare.push(median(b.intervals));
        r.empty.push(median(e.intervals));
        r.appIntervals.push(...a.intervals);
        r.bareIntervals.push(...b.intervals);
        r.appMain.push(...a.main);
        r.bareMain.push(...b.main);
        r.appRenders += a.renders;
        r.bareRenders += b.renders;
        log(
          `  panNL round ${i + 1}: app ${r.app.at(-1)!.toFixed(1)} ms/frame (max ${Math.max(...a.intervals).toFixed(0)}), bare map ${r.bare.at(-1)!.toFixed(1)} ms/frame ` +
            `(max ${Math.max(...b.intervals).toFixed(0)}), empty map ${r.empty.at(-1)!.toFixed(1)} ms/frame`,
        );
      }
      r.appRenders /= rounds * FRAMES;
      r.bareRenders /= rounds * FRAMES;
      out.panNL = r;
      out.notes.push(
        `panNL: zoom ${camera.zoom.toFixed(2)}, canvas ${canvas.width}×${canvas.height} px, ${FRAMES} frames of ${STEP_PX} px per round; ` +
          `main thread per frame (median) app ${median(r.appMain).toFixed(1)} ms, bare ${median(r.bareMain).toFixed(1)} ms (the rest of a frame is compositing and software rasterising); ` +
          `against the empty map (nothing to draw) the app is at ${(median(r.app) / median(r.empty)).toFixed(2)}× (${median(r.empty).toFixed(1)} ms/frame)`,
      );
    } finally {
      await app.ctx.close();
      await bare.ctx.close();
      await empty.ctx.close();
    }
  }
  for (const [view, u] of untiled) out.notes.push(`${u.figures.join(', ')}: the app at ${view} draws from no vector source, so this measured the client without tiles (sources: ${u.sources})`);
  return out;
}
