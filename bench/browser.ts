// The map figures in headless Chromium: the real app at gemeente=NL, watched only through window.__bvk, against
// pages of the bench's own (node:http on loopback, no app code): a bare MapLibre choropleth that draws the same
// polygons (the same TopoJSON bytes and the same stats JSON), or with `?empty` an empty MapLibre map (background
// only, no sources: what MapLibre costs on this machine before it draws anything), or at `/floor` the app's country
// tiles and style without the app (what the tiles cost by themselves; firstMapTiles' note). This file holds the plumbing
// every map figure shares (one browser, fresh contexts, the pages, the end marks) and the `firstMap` and
// `recolour` figures; browserTiles.ts holds the vector-tile figures. Times are taken inside the page
// (performance.now(), from navigation start).
// A figure ends at MapLibre's 'idle' (the frame's work on the page's threads is done), as the
// target's reference figures do (0.5 s setData vs 0.03 s feature-state can only exclude rasterising). Headless Chromium
// rasterises WebGL in software in its GPU process, 150-250 ms per frame here for either page, so the time
// until that frame is drawn (a one-pixel read waits for it) is measured and reported beside every figure.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1440, height: 1000 };

const bareHtml = (empty: boolean, script = '/bare.js') => `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>bare</title>
<link rel="stylesheet" href="/maplibre-gl.css"><style>html,body{margin:0}#map{position:absolute;left:0;top:0}</style></head>
<body><div id="map"></div>${empty ? '' : '<script src="/topojson-client.js"></script>'}<script type="module" src="${script}"></script></body></html>`;

// A bare choropleth: one GeoJSON source with the colour as a feature property (the textbook way), of all buurten or
// (with ?level=gemeente) of the gemeenten,
// recoloured by setData with new properties. At /empty the same map stays empty (no data fetched, no source, no
// topojson script): its first 'idle' is the physical limit of a first map here, and panning it costs only MapLibre's frame.
// What the bench's map pages share: the colours of a measure (quintiles, grey for unknown) and the end of a frame.
const PAGE_HELPERS_JS = `
const PALETTE = ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'];
function colours(rows, measure) {
  const vals = rows.map((r) => r[measure]).filter((v) => v !== null).sort((a, b) => a - b);
  const breaks = [0.2, 0.4, 0.6, 0.8].map((p) => vals[Math.floor(p * (vals.length - 1))]);
  const out = new Map();
  for (const r of rows) {
    const v = r[measure];
    out.set(r.code, v === null ? '#cccccc' : PALETTE[breaks.filter((b) => v > b).length]);
  }
  return out;
}
// 'idle' fires when MapLibre has issued a frame's GL calls; reading one pixel waits until the GPU process has drawn it.
function finishGl(map) {
  const c = map.getCanvas();
  const gl = c.getContext('webgl2') || c.getContext('webgl');
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
}
`;

const BARE_JS = `
import * as maplibregl from '/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/maplibre-gl-worker.mjs');
const q = new URLSearchParams(location.search);
const el = document.getElementById('map');
// ?level=gemeente draws the country's gemeenten (what the app shows at ?gemeente=NL), otherwise all buurten.
const gemeenten = q.get('level') === 'gemeente';
el.style.width = q.get('w') + 'px'; el.style.height = q.get('h') + 'px';
${PAGE_HELPERS_JS}
function whenIdle(map) {
  return new Promise((resolve) => {
    const check = () => (map.isSourceLoaded('b') ? resolve() : map.once('idle', check));
    map.once('idle', check);
  });
}
const map = new maplibregl.Map({ container: 'map', style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1f4' } }] },
  center: [5.3, 52.1], zoom: 6, fadeDuration: 0, attributionControl: false, renderWorldCopies: false });
window.__bench = { map, firstMap: null };
if (location.pathname === '/empty') map.once('idle', () => {
  const idle = performance.now();
  finishGl(map);
  window.__bench.firstPixels = performance.now();
  window.__bench.firstMap = idle;
});
else Promise.all([fetch('/areas').then((r) => r.json()), fetch(gemeenten ? '/stats-gemeente' : '/stats').then((r) => r.json()), new Promise((r) => map.once('load', r))]).then(async ([topo, stats]) => {
  const fc = topojson.feature(topo, gemeenten ? topo.objects.gemeente : topo.objects.buurten);
  const c = colours(stats.rows, 'ratePer1000');
  for (const f of fc.features) f.properties.fill = c.get(f.properties.code) || '#eeeeee';
  map.addSource('b', { type: 'geojson', data: fc });
  map.addLayer({ id: 'fill', type: 'fill', source: 'b', paint: { 'fill-color': ['get', 'fill'], 'fill-opacity': 0.9 } });
  map.addLayer({ id: 'line', type: 'line', source: 'b', paint: { 'line-color': '#4a4a4a', 'line-width': 0.8, 'line-opacity': 0.8 } });
  map.fitBounds([[topo.bbox[0], topo.bbox[1]], [topo.bbox[2], topo.bbox[3]]], { padding: 24, animate: false });
  await whenIdle(map);
  const idle = performance.now();
  finishGl(map);
  window.__bench.firstPixels = performance.now();
  window.__bench.firstMap = idle;
  window.__bench.recolour = async (measure) => {
    finishGl(map); // start with nothing of an earlier frame left in the GPU process
    const t0 = performance.now();
    const c2 = colours(stats.rows, measure);
    for (const f of fc.features) f.properties.fill = c2.get(f.properties.code) || '#eeeeee';
    map.getSource('b').setData(fc);
    await whenIdle(map);
    const t1 = performance.now();
    finishGl(map);
    return { idle: t1 - t0, pixels: performance.now() - t0 };
  };
});
`;

// The tiles alone (firstMapTiles' note): MapLibre with the app's own country style at its first map (the background
// and the gemeente layers, the same tile URLs through this server), the gemeenten's stats fetched at once and set as
// feature-state, and the canvas hidden until the first coloured idle, as the app does. No app code: what the tile
// path costs by itself, so that the figure's distance from the empty map can be split into the tiles' part and the
// app's. The style and the camera are the app's, read from its first round (window.__floor, set before the page runs).
const FLOOR_JS = `
import * as maplibregl from '/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/maplibre-gl-worker.mjs');
maplibregl.prewarm();
const q = new URLSearchParams(location.search);
const el = document.getElementById('map');
el.style.width = q.get('w') + 'px'; el.style.height = q.get('h') + 'px';
el.style.visibility = 'hidden';
const { style, center, zoom, source, sourceLayer } = window.__floor;
const stats = fetch('/stats-gemeente').then((r) => r.json());
const map = new maplibregl.Map({ container: 'map', style, center, zoom, attributionControl: false });
window.__bench = { map, firstMap: null };
${PAGE_HELPERS_JS}
stats.then(({ rows }) => {
  const fill = colours(rows, 'ratePer1000');
  for (const r of rows) map.setFeatureState({ source, sourceLayer, id: r.code }, { fill: fill.get(r.code), noData: r.ratePer1000 === null });
  const done = () => {
    if (!map.areTilesLoaded()) return map.once('idle', done);
    const idle = performance.now();
    finishGl(map);
    window.__bench.firstPixels = performance.now();
    window.__bench.firstMap = idle;
    el.style.visibility = '';
  };
  map.once('idle', done);
});
`;

/** Milliseconds per round, to MapLibre's 'idle' (the figures) and to the frame drawn by the GPU process. */
export interface Rounds {
  app: number[];
  bare: number[];
  appPixels: number[];
  barePixels: number[];
}

export const rounds0 = (): Rounds => ({ app: [], bare: [], appPixels: [], barePixels: [] });

export interface BrowserFigures {
  firstMap: Rounds;
  recolour: Rounds;
  canvas: Canvas;
  notes: string[];
}

export interface Canvas {
  width: number;
  height: number;
}

/** Serves the bare page and the same bytes the app gets (NL TopoJSON as brotli, the NL stats JSON of buurten and of gemeenten). */
/** One answer of the app, bytes as sent (still compressed), for the floor page's tiles. */
function appAnswer(url: string): Promise<{ body: Buffer; headers: http.OutgoingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const pick = (h: string) => (res.headers[h] ? { [h]: res.headers[h] } : {});
          resolve({ body: Buffer.concat(chunks), headers: { ...pick('content-type'), ...pick('content-encoding'), 'Cache-Control': 'no-store' } });
        });
      })
      .on('error', reject);
  });
}

function bareServer(areasFile: string, statsJson: Buffer, gemeenteStatsJson: Buffer, appUrl: string): Promise<{ url: string; close: () => Promise<void> }> {
  const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const files: Record<string, [string | Buffer, string, string?]> = {
    '/': [bareHtml(false), 'text/html; charset=utf-8'],
    '/empty': [bareHtml(true), 'text/html; charset=utf-8'],
    '/floor': [bareHtml(true, '/floor.js'), 'text/html; charset=utf-8'],
    '/floor.js': [FLOOR_JS, 'text/javascript'],
    '/bare.js': [BARE_JS, 'text/javascript'],
    '/maplibre-gl.mjs': [fs.readFileSync(path.join(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl.mjs')), 'text/javascript'],
    '/maplibre-gl-worker.mjs': [fs.readFileSync(path.join(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs')), 'text/javascript'],
    '/maplibre-gl.css': [fs.readFileSync(path.join(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl.css')), 'text/css'],
    '/topojson-client.js': [fs.readFileSync(path.join(ROOT, 'node_modules/topojson-client/dist/topojson-client.min.js')), 'text/javascript'],
    '/areas': [fs.readFileSync(`${areasFile}.br`), 'application/json; charset=utf-8', 'br'],
    '/stats': [statsJson, 'application/json; charset=utf-8'],
    '/stats-gemeente': [gemeenteStatsJson, 'application/json; charset=utf-8'],
  };
  // The floor page's tiles: the app's own tile answers, fetched once and then served from memory like the app does.
  const tiles = new Map<string, Promise<{ body: Buffer; headers: http.OutgoingHttpHeaders }>>();
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/api/tiles/')) {
      if (!tiles.has(req.url)) tiles.set(req.url, appAnswer(`${appUrl}${req.url}`));
      tiles.get(req.url)!.then(
        (a) => res.writeHead(200, a.headers).end(a.body),
        () => res.writeHead(502).end(),
      );
      return;
    }
    const f = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!f) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': f[1], ...(f[2] ? { 'Content-Encoding': f[2] } : {}), 'Cache-Control': 'no-store' });
    res.end(f[0]);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(() => r())) })),
  );
}

export const ms = (x: number) => `${x.toFixed(0)} ms`;

/** The test hook's key once the national view's colours for `measure` are on the map at `level`. */
export const appliedNL = (level: string, measure: string) => `^NL\\|${level}\\|0\\.0\\.0\\|[^|]+\\|[^|]+\\|${measure}$`;

/** Both ends of a figure: MapLibre's 'idle' (the figure) and the GPU process having drawn the frame (reported beside it). */
export interface Timing {
  idle: number;
  pixels: number;
}

const TIMEOUT = 120_000;

/** One browser and the bare server for all map figures of a run; each page in a fresh context (empty HTTP cache). */
export interface BrowserBench {
  appUrl: string;
  bareUrl: string;
  fresh(): Promise<{ ctx: BrowserContext; page: Page }>;
  /** Page errors of every page so far (reported in the notes: a figure of a broken page means nothing). */
  errors: string[];
  /** Where a figure's screenshot goes (beside the bench's DATA_DIR), to look at what was measured. */
  shot(name: string): string;
  close(): Promise<void>;
}

export async function openBrowserBench(appUrl: string, areasFile: string): Promise<BrowserBench> {
  const statsOf = async (level: string) => Buffer.from(await (await fetch(`${appUrl}/api/stats?gemeente=NL&level=${level}&category=0.0.0`)).arrayBuffer());
  const bare = await bareServer(areasFile, await statsOf('buurt'), await statsOf('gemeente'), appUrl);
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS }).catch(async (e: unknown) => {
    await bare.close();
    throw e;
  });
  const errors: string[] = [];
  return {
    appUrl,
    bareUrl: bare.url,
    errors,
    async fresh() {
      const ctx = await browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL' });
      const page = await ctx.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      return { ctx, page };
    },
    shot: (name) => path.join(path.dirname(areasFile), `../../${name}`),
    async close() {
      await browser.close();
      await bare.close();
    },
  };
}

/**
 * page.waitForFunction with an error that says what was awaited and what the page shows instead (Playwright's own
 * timeout names neither), so a run that cannot measure stops with a reason instead of a bare TimeoutError.
 */
async function waitInPage<T>(page: Page, what: string, fn: (arg: string) => T | false, arg: string, errors: string[] = []): Promise<T> {
  try {
    const h = await page.waitForFunction(fn, arg, { polling: 'raf', timeout: TIMEOUT });
    return (await h.jsonValue()) as T;
  } catch (e) {
    const key = await page.evaluate(() => (window as unknown as { __bvk?: { appliedKey: string | null } }).__bvk?.appliedKey ?? '(no window.__bvk)').catch(() => '(page unreadable)');
    const pageErrors = errors.length ? `; page errors: ${[...new Set(errors)].slice(-3).join(' | ')}` : '';
    throw new Error(`${what}: not within ${TIMEOUT / 1000} s at ${page.url()} (appliedKey is now '${key}')${pageErrors}`, { cause: e });
  }
}

/**
 * Waits (rAF polling) until the app reports the view as rendered (its test hook stamps appliedAt when it sets
 * appliedKey on MapLibre's 'idle'; the poll itself runs a frame later, after the compositor), then reads one pixel,
 * which returns when the GPU process has drawn the frame. With `firstMap`, a first visit's map drawn before the page
 * (client/src/app/countryFirst.ts) counts too: its performance mark 'bvk-first-coloured', whose detail is the view's
 * key, comes before the page sets appliedKey, and the first coloured map is whichever comes first.
 */
export function appliedAt(page: Page, pattern: string, errors?: string[], { firstMap = false } = {}): Promise<Timing> {
  return waitInPage(
    page,
    `the app's map to be idle with ${firstMap ? "mark 'bvk-first-coloured' or " : ''}appliedKey matching /${pattern}/`,
    (arg) => {
      const [re, first] = JSON.parse(arg) as [string, boolean];
      const w = window as unknown as { __bvk?: { appliedKey: string | null; appliedAt: number } };
      const mark = first ? (performance.getEntriesByName('bvk-first-coloured')[0] as PerformanceMark | undefined) : undefined;
      const idle = mark && new RegExp(re).test(String(mark.detail)) ? mark.startTime : new RegExp(re).test(w.__bvk?.appliedKey ?? '') ? w.__bvk!.appliedAt : null;
      if (idle === null) return false;
      // The map's own canvas: before the page there is no test hook yet.
      const c = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas')!;
      const gl = (c.getContext('webgl2') ?? c.getContext('webgl'))!;
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      return { idle, pixels: performance.now() };
    },
    JSON.stringify([pattern, firstMap]),
    errors,
  );
}

/** Size of the app's map canvas: the bare and empty pages are given the same, so both draw the same pixels. */
export function canvasOf(page: Page): Promise<Canvas> {
  return page.evaluate(() => {
    const r = (window as unknown as { __bvk: { map: { getCanvas(): HTMLCanvasElement } } }).__bvk.map.getCanvas().getBoundingClientRect();
    return { width: Math.round(r.width), height: Math.round(r.height) };
  });
}

/**
 * Opens the bench's own page (`/` the bare choropleth of all buurten, or with `level` 'gemeente' of the gemeenten;
 * `/empty` the empty map; `/floor` the app's country tiles without the app, which needs window.__floor) at the app's
 * canvas size and waits for its first map.
 */
export async function openBare(bench: BrowserBench, page: Page, which: 'bare' | 'empty' | 'floor', canvas: Canvas, level: 'buurt' | 'gemeente' = 'buurt'): Promise<Timing> {
  await page.goto(`${bench.bareUrl}/${which === 'bare' ? '' : which}?w=${canvas.width}&h=${canvas.height}${level === 'gemeente' ? '&level=gemeente' : ''}`);
  return waitInPage(
    page,
    `the ${which} MapLibre page's first 'idle'`,
    () => {
      const b = (window as unknown as { __bench?: { firstMap: number | null; firstPixels: number } }).__bench;
      return b?.firstMap ? { idle: b.firstMap, pixels: b.firstPixels } : false;
    },
    '',
    bench.errors,
  );
}

/**
 * Recolour: the app's own path (measure select -> classification -> ChoroplethMap.setValues -> setFeatureState ->
 * idle) at `/?{query}` against the bare page's setData with new colour properties, `n` times, alternating the
 * measures 'count' and 'ratePer1000'. Both tabs share one GPU process, so each measurement starts with a one-pixel
 * read: neither pays for a frame the other left behind.
 */
export async function recolourRounds(
  bench: BrowserBench,
  query: string,
  level: string,
  n: number,
  label: string,
  log: (m: string) => void,
  inspect?: (app: Page) => Promise<void>,
): Promise<{ rounds: Rounds; canvas: Canvas; notes: string[] }> {
  const out = rounds0();
  const notes: string[] = [];
  const app = await bench.fresh();
  const bareTab = await bench.fresh();
  try {
    await app.page.goto(`${bench.appUrl}/?${query}`);
    await appliedAt(app.page, appliedNL(level, 'ratePer1000'), bench.errors);
    // The filters (the measure select among them) are rendered a frame after the first coloured map.
    await app.page.waitForSelector('select[id$="-measure"]');
    const canvas = await canvasOf(app.page);
    await inspect?.(app.page);
    await openBare(bench, bareTab.page, 'bare', canvas);
    const before = await app.page.evaluate(() => (window as unknown as { __bvk: { stats: { setDataCalls: number } } }).__bvk.stats.setDataCalls);
    const measures = ['count', 'ratePer1000'];
    for (let i = 0; i < n; i++) {
      const measure = measures[i % 2];
      const t0 = await app.page.evaluate((m) => {
        const c = (window as unknown as { __bvk: { map: { getCanvas(): HTMLCanvasElement } } }).__bvk.map.getCanvas();
        const gl = (c.getContext('webgl2') ?? c.getContext('webgl'))!;
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
        const sel = document.querySelector<HTMLSelectElement>('select[id$="-measure"]');
        if (!sel) return null;
        const t = performance.now();
        sel.value = m;
        sel.dispatchEvent(new Event('change', { bubbles: true }));
        return t;
      }, measure);
      if (t0 === null) throw new Error(`${label}: the app at /?${query} shows no measure <select> (select[id$="-measure"])`);
      const t1 = await appliedAt(app.page, appliedNL(level, measure), bench.errors);
      out.app.push(t1.idle - t0);
      out.appPixels.push(t1.pixels - t0);
      const b = (await bareTab.page.evaluate((m) => (window as unknown as { __bench: { recolour(m: string): Promise<Timing> } }).__bench.recolour(m), measure)) as Timing;
      out.bare.push(b.idle);
      out.barePixels.push(b.pixels);
      log(`  ${label} round ${i + 1} (${measure}): app ${ms(t1.idle - t0)} (drawn ${ms(t1.pixels - t0)}), bare setData ${ms(b.idle)} (drawn ${ms(b.pixels)})`);
    }
    const after = await app.page.evaluate(() => (window as unknown as { __bvk: { stats: { setDataCalls: number } } }).__bvk.stats.setDataCalls);
    if (after !== before) notes.push(`${label}: the app called setData ${after - before} time(s) while recolouring (expected 0)`);
    return { rounds: out, canvas, notes };
  } finally {
    await app.ctx.close();
    await bareTab.ctx.close();
  }
}

/** `firstMap` and `recolour`: the app at gemeente=NL&level=buurt (all buurten) against the bare choropleth. */
export async function measureBrowser(bench: BrowserBench, rounds: number, log: (m: string) => void): Promise<BrowserFigures> {
  const out: BrowserFigures = { firstMap: rounds0(), recolour: rounds0(), canvas: { width: 0, height: 0 }, notes: [] };
  // First coloured map, each round in a fresh context (empty HTTP cache), app and bare alternating.
  for (let i = 0; i < rounds; i++) {
    {
      const { ctx, page } = await bench.fresh();
      await page.goto(`${bench.appUrl}/?gemeente=NL&level=buurt`);
      const at = await appliedAt(page, appliedNL('buurt', 'ratePer1000'), bench.errors, { firstMap: true });
      out.firstMap.app.push(at.idle);
      out.firstMap.appPixels.push(at.pixels);
      if (i === 0) {
        await appliedAt(page, appliedNL('buurt', 'ratePer1000'), bench.errors);
        out.canvas = await canvasOf(page);
        await page.screenshot({ path: bench.shot('bench-app-nl.png') });
      }
      await ctx.close();
    }
    {
      const { ctx, page } = await bench.fresh();
      const at = await openBare(bench, page, 'bare', out.canvas);
      out.firstMap.bare.push(at.idle);
      out.firstMap.barePixels.push(at.pixels);
      await ctx.close();
    }
    const f = out.firstMap;
    log(`  firstMap round ${i + 1}: app ${ms(f.app.at(-1)!)} (drawn ${ms(f.appPixels.at(-1)!)}), bare ${ms(f.bare.at(-1)!)} (drawn ${ms(f.barePixels.at(-1)!)})`);
  }
  const r = await recolourRounds(bench, 'gemeente=NL&level=buurt', 'buurt', rounds * 2, 'recolour', log);
  out.recolour = r.rounds;
  out.notes.push(...r.notes);
  return out;
}
