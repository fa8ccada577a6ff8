// The `firstMap` and `recolour` figures in headless Chromium: the real app at gemeente=NL against a
// bare MapLibre page that draws the same polygons (the same TopoJSON bytes and the same stats JSON),
// served by a small node:http server of its own on loopback. Times are taken inside the page
// (performance.now(), from navigation start) and the app is only watched through window.__bvk.
// A figure ends at MapLibre's 'idle' (the frame's work on the page's threads is done), as the
// target's reference figures do (0.5 s setData vs 0.03 s feature-state can only exclude rasterising). Headless Chromium
// rasterises WebGL in software in its GPU process, 150-250 ms per frame here for either page, so the time
// until that frame is drawn (a one-pixel read waits for it) is measured and reported beside every figure.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1440, height: 1000 };

const BARE_HTML = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>bare</title>
<link rel="stylesheet" href="/maplibre-gl.css"><style>html,body{margin:0}#map{position:absolute;left:0;top:0}</style></head>
<body><div id="map"></div><script src="/topojson-client.js"></script><script type="module" src="/bare.js"></script></body></html>`;

// A bare choropleth: one GeoJSON source with the colour as a feature property (the textbook way),
// recoloured by setData with new properties.
const BARE_JS = `
import * as maplibregl from '/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/maplibre-gl-worker.mjs');
const q = new URLSearchParams(location.search);
const el = document.getElementById('map');
el.style.width = q.get('w') + 'px'; el.style.height = q.get('h') + 'px';
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
function finishGl() {
  const c = map.getCanvas();
  const gl = c.getContext('webgl2') || c.getContext('webgl');
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
}
function whenIdle(map) {
  return new Promise((resolve) => {
    const check = () => (map.isSourceLoaded('b') ? resolve() : map.once('idle', check));
    map.once('idle', check);
  });
}
const map = new maplibregl.Map({ container: 'map', style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef1f4' } }] },
  center: [5.3, 52.1], zoom: 6, fadeDuration: 0, attributionControl: false, renderWorldCopies: false });
window.__bench = { firstMap: null };
Promise.all([fetch('/areas').then((r) => r.json()), fetch('/stats').then((r) => r.json()), new Promise((r) => map.once('load', r))]).then(async ([topo, stats]) => {
  const fc = topojson.feature(topo, topo.objects.buurten);
  const c = colours(stats.rows, 'ratePer1000');
  for (const f of fc.features) f.properties.fill = c.get(f.properties.code) || '#eeeeee';
  map.addSource('b', { type: 'geojson', data: fc });
  map.addLayer({ id: 'fill', type: 'fill', source: 'b', paint: { 'fill-color': ['get', 'fill'], 'fill-opacity': 0.9 } });
  map.addLayer({ id: 'line', type: 'line', source: 'b', paint: { 'line-color': '#4a4a4a', 'line-width': 0.8, 'line-opacity': 0.8 } });
  map.fitBounds([[topo.bbox[0], topo.bbox[1]], [topo.bbox[2], topo.bbox[3]]], { padding: 24, animate: false });
  await whenIdle(map);
  const idle = performance.now();
  finishGl();
  window.__bench.firstPixels = performance.now();
  window.__bench.firstMap = idle;
  window.__bench.recolour = async (measure) => {
    finishGl(); // start with nothing of an earlier frame left in the GPU process
    const t0 = performance.now();
    const c2 = colours(stats.rows, measure);
    for (const f of fc.features) f.properties.fill = c2.get(f.properties.code) || '#eeeeee';
    map.getSource('b').setData(fc);
    await whenIdle(map);
    const t1 = performance.now();
    finishGl();
    return { idle: t1 - t0, pixels: performance.now() - t0 };
  };
});
`;

/** Milliseconds per round, to MapLibre's 'idle' (the figures) and to the frame drawn by the GPU process. */
export interface Rounds {
  app: number[];
  bare: number[];
  appPixels: number[];
  barePixels: number[];
}

export interface BrowserFigures {
  firstMap: Rounds;
  recolour: Rounds;
  canvas: { width: number; height: number };
  notes: string[];
}

/** Serves the bare page and the same bytes the app gets (NL TopoJSON as brotli, the NL stats JSON). */
function bareServer(areasFile: string, statsJson: Buffer): Promise<{ url: string; close: () => Promise<void> }> {
  const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const files: Record<string, [string | Buffer, string, string?]> = {
    '/': [BARE_HTML, 'text/html; charset=utf-8'],
    '/bare.js': [BARE_JS, 'text/javascript'],
    '/maplibre-gl.mjs': [fs.readFileSync(path.join(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl.mjs')), 'text/javascript'],
    '/maplibre-gl-worker.mjs': [fs.readFileSync(path.join(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs')), 'text/javascript'],
    '/maplibre-gl.css': [fs.readFileSync(path.join(ROOT, 'node_modules/maplibre-gl/dist/maplibre-gl.css')), 'text/css'],
    '/topojson-client.js': [fs.readFileSync(path.join(ROOT, 'node_modules/topojson-client/dist/topojson-client.min.js')), 'text/javascript'],
    '/areas': [fs.readFileSync(`${areasFile}.br`), 'application/json; charset=utf-8', 'br'],
    '/stats': [statsJson, 'application/json; charset=utf-8'],
  };
  const server = http.createServer((req, res) => {
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

const ms = (x: number) => `${x.toFixed(0)} ms`;

const APPLIED_NL = (measure: string) => `^NL\\|buurt\\|0\\.0\\.0\\|[^|]+\\|[^|]+\\|${measure}$`;

/** Both ends of a figure: MapLibre's 'idle' (the figure) and the GPU process having drawn the frame (reported beside it). */
interface Timing {
  idle: number;
  pixels: number;
}

/**
 * Waits (rAF polling) until the app reports the view as rendered (its test hook stamps appliedAt when it sets
 * appliedKey on MapLibre's 'idle'; the poll itself runs a frame later, after the compositor), then reads one pixel,
 * which returns when the GPU process has drawn the frame.
 */
async function appliedAt(page: Page, pattern: string): Promise<Timing> {
  const h = await page.waitForFunction(
    (re) => {
      const w = window as unknown as { __bvk?: { appliedKey: string | null; appliedAt: number; map: { getCanvas(): HTMLCanvasElement } } };
      if (!new RegExp(re).test(w.__bvk?.appliedKey ?? '')) return false;
      const idle = w.__bvk!.appliedAt;
      const c = w.__bvk!.map.getCanvas();
      const gl = (c.getContext('webgl2') ?? c.getContext('webgl'))!;
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      return { idle, pixels: performance.now() };
    },
    pattern,
    { polling: 'raf', timeout: 120_000 },
  );
  return (await h.jsonValue()) as Timing;
}

export async function measureBrowser(appUrl: string, areasFile: string, rounds: number, log: (m: string) => void): Promise<BrowserFigures> {
  const statsJson = Buffer.from(await (await fetch(`${appUrl}/api/stats?gemeente=NL&level=buurt&category=0.0.0`)).arrayBuffer());
  const bare = await bareServer(areasFile, statsJson);
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const rounds0 = (): Rounds => ({ app: [], bare: [], appPixels: [], barePixels: [] });
  const out: BrowserFigures = { firstMap: rounds0(), recolour: rounds0(), canvas: { width: 0, height: 0 }, notes: [] };
  try {
    const errors: string[] = [];
    const fresh = async () => {
      const ctx = await browser.newContext({ viewport: VIEWPORT, locale: 'nl-NL' });
      const page = await ctx.newPage();
      page.on('pageerror', (e) => errors.push(e.message));
      return { ctx, page };
    };
    // First coloured map, each round in a fresh context (empty HTTP cache), app and bare alternating.
    for (let i = 0; i < rounds; i++) {
      {
        const { ctx, page } = await fresh();
        await page.goto(`${appUrl}/?gemeente=NL&level=buurt`);
        const at = await appliedAt(page, APPLIED_NL('ratePer1000'));
        out.firstMap.app.push(at.idle);
        out.firstMap.appPixels.push(at.pixels);
        if (i === 0) {
          out.canvas = await page.evaluate(() => {
            const r = (window as unknown as { __bvk: { map: { getCanvas(): HTMLCanvasElement } } }).__bvk.map.getCanvas().getBoundingClientRect();
            return { width: Math.round(r.width), height: Math.round(r.height) };
          });
          await page.screenshot({ path: path.join(path.dirname(areasFile), '../../bench-app-nl.png') });
        }
        await ctx.close();
      }
      {
        const { ctx, page } = await fresh();
        await page.goto(`${bare.url}/?w=${out.canvas.width}&h=${out.canvas.height}`);
        const h = await page.waitForFunction(
          () => {
            const b = (window as unknown as { __bench?: { firstMap: number | null; firstPixels: number } }).__bench;
            return b?.firstMap ? { idle: b.firstMap, pixels: b.firstPixels } : false;
          },
          undefined,
          { polling: 'raf', timeout: 120_000 },
        );
        const at = (await h.jsonValue()) as Timing;
        out.firstMap.bare.push(at.idle);
        out.firstMap.barePixels.push(at.pixels);
        await ctx.close();
      }
      const f = out.firstMap;
      log(`  firstMap round ${i + 1}: app ${ms(f.app.at(-1)!)} (drawn ${ms(f.appPixels.at(-1)!)}), bare ${ms(f.bare.at(-1)!)} (drawn ${ms(f.barePixels.at(-1)!)})`);
    }

    // Recolour: the app's own path (measure select -> classification -> ChoroplethMap.setValues ->
    // setFeatureState -> idle) against setData with new colour properties. Both tabs share one GPU process, so
    // each measurement starts with a one-pixel read: neither pays for a frame the other left behind.
    const app = await fresh();
    await app.page.goto(`${appUrl}/?gemeente=NL&level=buurt`);
    await appliedAt(app.page, APPLIED_NL('ratePer1000'));
    const bareTab = await fresh();
    await bareTab.page.goto(`${bare.url}/?w=${out.canvas.width}&h=${out.canvas.height}`);
    await bareTab.page.waitForFunction(() => (window as unknown as { __bench?: { firstMap: number | null } }).__bench?.firstMap ?? false, undefined, { timeout: 120_000 });
    const before = await app.page.evaluate(() => (window as unknown as { __bvk: { stats: { setDataCalls: number } } }).__bvk.stats.setDataCalls);
    const measures = ['count', 'ratePer1000'];
    for (let i = 0; i < rounds * 2; i++) {
      const measure = measures[i % 2];
      const t0 = await app.page.evaluate((m) => {
        const c = (window as unknown as { __bvk: { map: { getCanvas(): HTMLCanvasElement } } }).__bvk.map.getCanvas();
        const gl = (c.getContext('webgl2') ?? c.getContext('webgl'))!;
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
        const sel = document.querySelector<HTMLSelectElement>('select[id$="-measure"]')!;
        const t = performance.now();
        sel.value = m;
        sel.dispatchEvent(new Event('change', { bubbles: true }));
        return t;
      }, measure);
      const t1 = await appliedAt(app.page, APPLIED_NL(measure));
      out.recolour.app.push(t1.idle - t0);
      out.recolour.appPixels.push(t1.pixels - t0);
      const b = (await bareTab.page.evaluate((m) => (window as unknown as { __bench: { recolour(m: string): Promise<Timing> } }).__bench.recolour(m), measure)) as Timing;
      out.recolour.bare.push(b.idle);
      out.recolour.barePixels.push(b.pixels);
      log(`  recolour round ${i + 1} (${measure}): app ${ms(t1.idle - t0)} (drawn ${ms(t1.pixels - t0)}), bare setData ${ms(b.idle)} (drawn ${ms(b.pixels)})`);
    }
    const after = await app.page.evaluate(() => (window as unknown as { __bvk: { stats: { setDataCalls: number } } }).__bvk.stats.setDataCalls);
    if (after !== before) out.notes.push(`the app called setData ${after - before} time(s) while recolouring (expected 0)`);
    if (errors.length) out.notes.push(`page errors: ${[...new Set(errors)].slice(0, 3).join(' | ')}`);
    await app.ctx.close();
    await bareTab.ctx.close();
  } finally {
    await browser.close();
    await bare.close();
  }
  return out;
}
