// `npm run bench`: the reproducible measurement suite. Prints a table and writes
// bench/results.json = { figures: [{ name, median, min, max, unit, baseline, ratio, target, met, ... }] }.
// Every figure is the median of several rounds with its spread, against a baseline measured in the same
// run. Uses its own DATA_DIR (.tmp/bench-data) with a fresh store — open mode, no accounts, so the data
// endpoints need no session; the derived geodata and persisted cubes there are reused between runs.
// A figure that misses its target says so; the command itself only fails when a measurement cannot run.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { loadConfig } from '../server/src/config.ts';
import { buildGeodata, isBuilt, outputDir } from '../geodata/build.ts';
import { Dataset } from '../server/src/store/dataset.ts';
import { SqliteStore } from '../server/src/store/sqlite.ts';
import { GROUPS_FILE } from '../server/src/compose.ts';
import { generatorName, load, type LoadResult } from './loadgen.ts';
import { measureBrowser, openBrowserBench } from './browser.ts';
import { measureTiles } from './browserTiles.ts';
import { timeImport, timeParse, writeExtract } from './policeExtract.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = path.join(ROOT, '.tmp/bench-data');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const ROUNDS = 5;
const FIGURES = ['areas', 'tiles', 'stats', 'recolour', 'firstMap', 'firstMapTiles', 'recolourTiles', 'panNL', 'import', 'load'] as const;
// `npm run bench -- recolour firstMap` runs only those figures (for working on one of them); a partial run
// prints its table but leaves bench/results.json, which always holds a complete run, alone.
const only = new Set(process.argv.slice(2));
for (const f of only) if (!(FIGURES as readonly string[]).includes(f)) throw new Error(`unknown figure '${f}' (known: ${FIGURES.join(', ')})`);
const want = (...names: string[]) => only.size === 0 || names.some((n) => only.has(n));
const STATS_GM = 'GM0935'; // the default gemeente, decided before measuring; GM0363 is printed alongside

interface Figure {
  name: string;
  median: number;
  min: number;
  max: number;
  unit: string;
  baseline: number;
  ratio: number;
  target: string;
  met: boolean;
  errors?: number;
  p99?: number;
  note?: string;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (xs: number[]) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
const round = (x: number, d = 3) => Number(x.toFixed(d));
const log = (m: string) => console.log(m);

/** Starts `tsx <script>` and resolves with the child and the first stdout line matching `ready`. */
function startChild(args: string[], env: Record<string, string>, ready: RegExp, waitFor?: RegExp): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let match: RegExpExecArray | null = null;
    const onData = (d: Buffer) => {
      out += d.toString();
      match ??= ready.exec(out);
      if (match && (!waitFor || waitFor.test(out))) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve({ child, match });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d) => process.stderr.write(`[${path.basename(args[0])}] ${d}`));
    child.on('exit', (code) => reject(new Error(`${args[0]} exited with ${code} before it was ready:\n${out}`)));
  });
}

/** Sequential keep-alive GETs; returns per-request milliseconds. */
async function latencies(url: string, n: number, agent: http.Agent): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      http.get(url, { agent }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`${url}: HTTP ${res.statusCode}`));
        res.on('data', () => {});
        res.on('end', () => resolve());
      }).on('error', reject);
    });
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * The baseline of `stats`: the country's registrations as one fact table in typed-array columns (one
 * row per non-zero area x month x type cell, 2.5 M rows for the demo data), aggregated per buurt of one
 * gemeente over 12 months and a category's types by one scan of the columns: the "bare aggregation
 * over the same data in an in-memory typed array" that the stats target names (it quotes 2.4 ms for 15 M rows).
 * The app does not scan: its per-gemeente cube indexes area x month x type directly.
 */
function factTable(ds: Dataset) {
  let rows = 0;
  for (const g of ds.gemeenten()) {
    const c = ds.cube(g.code);
    for (let i = 0; i < c.counts.length; i++) if (c.counts[i]) rows++;
  }
  const area = new Uint32Array(rows);
  const month = new Uint16Array(rows);
  const type = new Uint16Array(rows);
  const count = new Uint32Array(rows);
  const range = new Map<string, { start: number; end: number; first: number; areas: number; firstYear: number }>();
  let r = 0;
  let areaBase = 0;
  for (const g of ds.gemeenten()) {
    const c = ds.cube(g.code);
    const start = r;
    for (let a = 0; a < c.A; a++) for (let m = 0; m < c.M; m++) for (let t = 0; t < c.T; t++) {
      const v = c.counts[(a * c.M + m) * c.T + t];
      if (!v) continue;
      area[r] = areaBase + a;
      month[r] = (c.firstYear - 2000) * 12 + m;
      type[r] = t;
      count[r++] = v;
    }
    range.set(g.code, { start, end: r, first: areaBase, areas: c.A, firstYear: c.firstYear });
    areaBase += c.A;
  }
  return {
    rows,
    aggregate(gm: string, from: string, to: string, types: number[]): Float64Array {
      const g = range.get(gm)!;
      const m0 = (Number(from.slice(0, 4)) - 2000) * 12 + Number(from.slice(5, 7)) - 1;
      const m1 = (Number(to.slice(0, 4)) - 2000) * 12 + Number(to.slice(5, 7)) - 1;
      const wanted = new Uint8Array(256);
      for (const t of types) wanted[t] = 1;
      const sums = new Float64Array(g.areas);
      const lo = g.first;
      const hi = g.first + g.areas;
      for (let i = 0; i < rows; i++) {
        const a = area[i];
        if (a < lo || a >= hi) continue;
        const m = month[i];
        if (m >= m0 && m <= m1 && wanted[type[i]]) sums[a - lo] += count[i];
      }
      return sums;
    },
  };
}

async function main() {
  const t0 = performance.now();
  const figures: Figure[] = [];
  const info: string[] = [];
  log(`Buurtveiligheidskaart bench — DATA_DIR ${path.relative(ROOT, DATA_DIR)} (fresh store: open mode, no accounts, no sessions needed); load generator: ${generatorName()}`);

  // --- Setup: geodata, client, a fresh store; the server and the raw baseline as child processes ------
  for (const f of ['store.sqlite', 'store.sqlite-wal', 'store.sqlite-shm']) fs.rmSync(path.join(DATA_DIR, f), { force: true });
  const config = loadConfig({ ...process.env, DATA_DIR }, ROOT);
  if (!isBuilt(config.geodataDir, config.dataDir)) buildGeodata(config.geodataDir, config.dataDir, log);
  const areasDir = path.join(outputDir(config.dataDir), 'areas');
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  process.env.NODE_ENV = nodeEnv;

  const startT = performance.now();
  const server = await startChild(['server/src/index.ts'], { PORT: '0', HOST: '127.0.0.1', DATA_DIR, BASEMAP: 'none' }, /Buurtveiligheidskaart: (http:\/\/\S+)/, /cubes: .* ready/);
  const appUrl = server.match[1];
  info.push(`server start to all ${342} cubes ready: ${((performance.now() - startT) / 1000).toFixed(1)} s (incl. tsx start-up)`);
  const raw = await startChild(['bench/rawServer.ts', path.join(areasDir, 'GM0935.topojson')], {}, /listening (\d+)/);
  const rawUrl = `http://127.0.0.1:${raw.match[1]}`;
  const children = [server.child, raw.child];
  const stopAll = () => children.forEach((c) => c.kill());
  process.on('exit', stopAll);

  try {
    // --- 1. areas: throughput of /api/areas vs raw node:http with the same bytes --------------------------
    let rawMedian = NaN;
    if (want('areas', 'load')) {
      log('areas: /api/areas?gemeente=GM0935 (br) vs raw node:http, 50 connections');
      const areasOpts = { paths: ['/api/areas?gemeente=GM0935'], connections: 50, seconds: 4, headers: { 'Accept-Encoding': 'br' } };
      await load({ ...areasOpts, base: appUrl, seconds: 2 });
      await load({ ...areasOpts, base: rawUrl, seconds: 2 });
      const appRps: number[] = [];
      const rawRps: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const a = await load({ ...areasOpts, base: appUrl });
        const b = await load({ ...areasOpts, base: rawUrl });
        if (a.errors || b.errors) throw new Error(`areas: ${a.errors} app / ${b.errors} raw errors`);
        appRps.push(a.rps);
        rawRps.push(b.rps);
        log(`  round ${i + 1}: app ${a.rps.toFixed(0)} req/s, raw ${b.rps.toFixed(0)} req/s`);
      }
      rawMedian = median(rawRps);
      const s = spread(appRps);
      const ratio = s.median / rawMedian;
      if (want('areas')) figures.push({ name: 'areas', ...s, unit: 'req/s', baseline: rawMedian, ratio, target: '>= 0.8', met: ratio >= 0.8 });
    }

    // --- 1b. tiles: throughput of /api/tiles vs raw node:http with the same bytes ------------------------
    if (want('tiles')) {
      // The tiles a map of Maastricht and its surroundings asks for at zoom 10-12, buurt and wijk layers.
      const paths: string[] = [];
      for (const z of [10, 11, 12]) {
        const cx = Math.floor(((5.69 + 180) / 360) * 2 ** z);
        const r = (50.85 * Math.PI) / 180;
        const cy = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
        for (const level of ['buurt', 'wijk']) for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) paths.push(`/api/tiles/${level}/${z}/${cx + dx}/${cy + dy}.mvt`);
      }
      log(`tiles: ${paths.length} tiles of /api/tiles (gzip) vs raw node:http with the same bytes, 50 connections`);
      const rawTiles = await startChild(['bench/rawTileServer.ts', appUrl, paths.join(',')], {}, /listening (\d+)/);
      children.push(rawTiles.child);
      const rawTilesUrl = `http://127.0.0.1:${rawTiles.match[1]}`;
      const tileOpts = { paths, connections: 50, seconds: 4, headers: { 'Accept-Encoding': 'gzip' } };
      await load({ ...tileOpts, base: appUrl, seconds: 2 });
      await load({ ...tileOpts, base: rawTilesUrl, seconds: 2 });
      const appRps: number[] = [];
      const rawRps: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const a = await load({ ...tileOpts, base: appUrl });
        const b = await load({ ...tileOpts, base: rawTilesUrl });
        if (a.errors || b.errors) throw new Error(`tiles: ${a.errors} app / ${b.errors} raw errors`);
        appRps.push(a.rps);
        rawRps.push(b.rps);
        log(`  round ${i + 1}: app ${a.rps.toFixed(0)} req/s, raw ${b.rps.toFixed(0)} req/s`);
      }
      const s = spread(appRps);
      const ratio = s.median / median(rawRps);
      figures.push({ name: 'tiles', ...s, unit: 'req/s', baseline: median(rawRps), ratio, target: '>= 0.8', met: ratio >= 0.8, note: `${paths.length} tiles, zoom 10-12` });
    }

    // --- 2. stats: /api/stats latency vs the bare aggregation in a typed array ---------------------------
    if (want('stats')) {
      log(`stats: /api/stats (${STATS_GM}, buurt, HIC, 2024) p50 over HTTP vs a typed-array fact table of the whole country`);
      const store = new SqliteStore(path.join(DATA_DIR, 'store.sqlite'));
      const ds = new Dataset(store, outputDir(config.dataDir), config.geodataDir, GROUPS_FILE, path.join(DATA_DIR, 'cubes'));
      await ds.warmAll();
      const fact = factTable(ds);
      info.push(`fact table for the stats baseline: ${(fact.rows / 1e6).toFixed(1)} M rows (non-zero area x month x type cells, 2021–2025)`);
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const statsFor = async (gm: string) => {
        const hic = (ds.categories.typesOf('HIC') ?? []).map((c) => ds.cube(gm).typeIndex.get(c)!);
        const url = `${appUrl}/api/stats?gemeente=${gm}&level=buurt&category=HIC&from=2024-01&to=2024-12`;
        await latencies(url, 50, agent);
        for (let i = 0; i < 50; i++) fact.aggregate(gm, '2024-01', '2024-12', hic);
        const app: number[] = [];
        const bare: number[] = [];
        for (let r = 0; r < ROUNDS; r++) {
          app.push(median(await latencies(url, 100, agent)));
          const ts: number[] = [];
          for (let i = 0; i < 100; i++) {
            const s = performance.now();
            fact.aggregate(gm, '2024-01', '2024-12', hic);
            ts.push(performance.now() - s);
          }
          bare.push(median(ts));
        }
        return { app, bare };
      };
      {
        const { app, bare } = await statsFor(STATS_GM);
        const s = spread(app);
        const b = median(bare);
        figures.push({ name: 'stats', ...s, unit: 'ms (p50)', baseline: b, ratio: s.median / b, target: '<= 3', met: s.median / b <= 3, note: `${STATS_GM}, 12 months, HIC` });
        const big = await statsFor('GM0363');
        info.push(`stats for Amsterdam (GM0363, 517 buurten): p50 ${median(big.app).toFixed(2)} ms vs bare ${median(big.bare).toFixed(2)} ms = ${(median(big.app) / median(big.bare)).toFixed(2)}×`);
      }
      agent.destroy();
      store.close();
    }

    // --- 3. the map in headless Chromium: one browser and one bare server for all map figures -------------
    if (want('recolour', 'firstMap', 'firstMapTiles', 'recolourTiles', 'panNL')) {
      const bench = await openBrowserBench(appUrl, path.join(areasDir, 'NL.topojson'));
      try {
        if (want('recolour', 'firstMap')) {
          log('browser: first coloured map of all NL buurten and recolour, app vs bare MapLibre');
          const b = await measureBrowser(bench, 3, log); // 3 rounds: the app at NL takes tens of seconds per first map
          const app = spread(b.recolour.app);
          const bare = median(b.recolour.bare);
          figures.push({ name: 'recolour', ...app, unit: 'ms', baseline: bare, ratio: bare / app.median, target: '>= 10', met: bare / app.median >= 10, note: 'ratio = bare setData / app feature-state' });
          const fm = spread(b.firstMap.app);
          const fb = median(b.firstMap.bare);
          figures.push({ name: 'firstMap', ...fm, unit: 'ms', baseline: fb, ratio: fm.median / fb, target: '<= 1.5', met: fm.median / fb <= 1.5 });
          const rp = median(b.recolour.barePixels) / median(b.recolour.appPixels);
          const fp = median(b.firstMap.appPixels) / median(b.firstMap.barePixels);
          info.push(`map canvas ${b.canvas.width}×${b.canvas.height} px (the bare page uses the same size)`);
          info.push(
            `until the GPU process has drawn the frame (software WebGL, one-pixel read): recolour app ${median(b.recolour.appPixels).toFixed(0)} ms vs bare ` +
              `${median(b.recolour.barePixels).toFixed(0)} ms = ${rp.toFixed(2)}×; firstMap app ${median(b.firstMap.appPixels).toFixed(0)} ms vs bare ${median(b.firstMap.barePixels).toFixed(0)} ms = ${fp.toFixed(2)}×`,
          );
          info.push(...b.notes);
        }

        // --- 3b. the national map from vector tiles (issue 18) against the empty and the bare MapLibre page --------
        if (want('firstMapTiles', 'recolourTiles', 'panNL')) {
          log('browser: the national map from vector tiles, app vs an empty MapLibre page (first map), the bare page of the same gemeenten (pan) and bare setData (recolour)');
          const t = await measureTiles(bench, ROUNDS, want, log);
          const drawn = (app: number[], base: number[]) => `until drawn: ${median(app).toFixed(0)} ms vs ${median(base).toFixed(0)} ms`;
          if (t.firstMapTiles) {
            const r = t.firstMapTiles;
            const s = spread(r.app);
            const b = median(r.bare);
            // The same tiles, style and colours without the app: how much of the distance from the empty map is the tiles'.
            const f = t.firstMapTilesFloor?.length ? median(t.firstMapTilesFloor) : null;
            const floorNote = f === null ? '' : `; the tiles alone (the app's country style and tiles, colours as feature-state, no app) ${f.toFixed(0)} ms = ${(f / b).toFixed(2)}× the empty map`;
            figures.push({ name: 'firstMapTiles', ...s, unit: 'ms', baseline: b, ratio: s.median / b, target: '<= 2', met: s.median / b <= 2, note: `/?gemeente=NL vs empty MapLibre page; aim 1.5; ${drawn(r.appPixels, r.barePixels)}${floorNote}` });
          }
          if (t.recolourTiles) {
            const r = t.recolourTiles;
            const s = spread(r.app);
            const b = median(r.bare);
            figures.push({ name: 'recolourTiles', ...s, unit: 'ms', baseline: b, ratio: b / s.median, target: '>= 20', met: b / s.median >= 20, note: `ratio = bare setData / app, all NL buurten; ${drawn(r.appPixels, r.barePixels)}` });
          }
          if (t.panNL) {
            const r = t.panNL;
            const s = spread(r.app);
            const b = median(r.bare);
            const p95 = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(0.95 * (xs.length - 1))];
            figures.push({
              name: 'panNL',
              ...s,
              unit: 'ms/frame',
              baseline: b,
              ratio: s.median / b,
              target: '<= 1.2',
              met: s.median / b <= 1.2,
              note: `median rAF interval over ${t.frames} frames per round vs the bare MapLibre page of the same gemeenten (GeoJSON); p95 ${p95(r.appIntervals).toFixed(1)} ms vs ${p95(r.bareIntervals).toFixed(1)} ms; MapLibre renders per frame ${r.appRenders.toFixed(2)} vs ${r.bareRenders.toFixed(2)}`,
            });
          }
          info.push(...t.notes);
        }
        if (bench.errors.length) info.push(`page errors: ${[...new Set(bench.errors)].slice(0, 3).join(' | ')}`);
      } finally {
        await bench.close();
      }
    }

    // --- 4. import of a 1,000,000-row police extract vs the parser alone ----------------------------------
    if (want('import')) {
      const csv = path.join(ROOT, '.tmp/bench/police-1m.csv');
      log('import: generating the 1,000,000-row police extract (seeded; reused when present)');
      writeExtract(csv, 1_000_000, config.dataDir, config.geodataDir);
      const parse: number[] = [];
      const imp: number[] = [];
      for (let i = 0; i < 3; i++) {
        parse.push(timeParse(csv, config.dataDir, config.geodataDir));
        const r = timeImport(csv, config.dataDir, config.geodataDir, path.join(ROOT, '.tmp/bench/import-store'));
        if (r.assigned !== 1_000_000) throw new Error(`import assigned ${r.assigned} rows`);
        imp.push(r.seconds);
        log(`  round ${i + 1}: import ${r.seconds.toFixed(1)} s, parse only ${parse.at(-1)!.toFixed(1)} s`);
      }
      {
        const s = spread(imp);
        const p = median(parse);
        figures.push({ name: 'import', ...s, unit: 's', baseline: p, ratio: s.median / p, target: '<= 3', met: s.median / p <= 3, note: `${(fs.statSync(csv).size / 1e6).toFixed(0)} MB, Maastricht` });
      }
    }

    // --- 5. load: 50 connections, 20 s of mixed /api/stats and /api/areas ---------------------------------
    if (want('load')) {
      log('load: 50 connections, 20 s (4 windows of 5 s) of mixed /api/stats and /api/areas');
      const gms = ['GM0935', 'GM0363', 'GM0599', 'GM0344', 'GM0014', 'GM0518', 'GM0772', 'GM0080'];
      const cats = ['0.0.0', 'HIC', '1.1.1', 'G1.1'];
      const paths: string[] = [];
      gms.forEach((gm, i) => {
        paths.push(`/api/areas?gemeente=${gm}`);
        paths.push(`/api/stats?gemeente=${gm}&level=${i % 2 ? 'wijk' : 'buurt'}&category=${cats[i % cats.length]}`);
      });
      const windows: LoadResult[] = [];
      for (let i = 0; i < 4; i++) {
        windows.push(await load({ base: appUrl, paths, connections: 50, seconds: 5, headers: { 'Accept-Encoding': 'br' } }));
        log(`  window ${i + 1}: ${windows.at(-1)!.rps.toFixed(0)} req/s, p99 ${windows.at(-1)!.p99Ms.toFixed(1)} ms, errors ${windows.at(-1)!.errors}`);
      }
      {
        const s = spread(windows.map((w) => w.rps));
        const errors = windows.reduce((a, w) => a + w.errors, 0);
        const p99 = Math.max(...windows.map((w) => w.p99Ms));
        figures.push({ name: 'load', ...s, unit: 'req/s', baseline: rawMedian, ratio: s.median / rawMedian, target: 'errors = 0', met: errors === 0, errors, p99: round(p99, 2), note: `${windows.reduce((a, w) => a + w.requests, 0)} requests; ratio against the raw areas baseline` });
      }
    }
  } finally {
    stopAll();
  }

  // --- Report ------------------------------------------------------------------------------------------
  const rows = figures.map((f) => ({ ...f, median: round(f.median), min: round(f.min), max: round(f.max), baseline: round(f.baseline, 4), ratio: round(f.ratio, 3) }));
  const pad = (s: string, n: number) => s.padEnd(n);
  const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(4));
  console.log('');
  const w = Math.max(10, ...rows.map((f) => f.name.length + 2));
  console.log(`${pad('figure', w)}${pad('median', 10)}${pad('min', 10)}${pad('max', 10)}${pad('unit', 10)}${pad('baseline', 10)}${pad('ratio', 8)}${pad('target', 12)}result`);
  for (const f of rows) {
    const extra = f.name === 'load' ? ` (errors ${f.errors}, p99 ${f.p99} ms)` : '';
    console.log(`${pad(f.name, w)}${pad(fmt(f.median), 10)}${pad(fmt(f.min), 10)}${pad(fmt(f.max), 10)}${pad(f.unit, 10)}${pad(fmt(f.baseline), 10)}${pad(f.ratio.toFixed(2), 8)}${pad(f.target, 12)}${f.met ? 'met' : 'MISSED'}${extra}`);
  }
  for (const f of rows) if (f.note) console.log(`  · ${f.name}: ${f.note}`);
  for (const i of info) console.log(`  · ${i}`);
  const missed = rows.filter((f) => !f.met).map((f) => f.name);
  console.log(missed.length ? `\nTargets missed: ${missed.join(', ')} (reported, not a failure).` : '\nAll targets met.');
  console.log(`bench took ${((performance.now() - t0) / 60000).toFixed(1)} min`);
  if (only.size) console.log('partial run (only ' + [...only].join(', ') + '): bench/results.json left as it was');
  else fs.writeFileSync(path.join(ROOT, 'bench/results.json'), JSON.stringify({ generatedAt: new Date().toISOString(), generator: generatorName(), figures: rows, notes: info }, null, 2) + '\n');
  process.exit(0);
}

main().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
