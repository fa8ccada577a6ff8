// Vector tiles of the country's boundaries: valid MVT with CBS codes, complete at every zoom (no buurt
// of a tile's extent missing), within the size budget, cached by version; bad addresses are 404 JSON.
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { feature } from 'topojson-client';
import { bbox } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import { TILE_BUDGET_BYTES } from '../../server/src/compute/tiles.ts';
import { TILE_LEVELS, tileUrlTemplate } from '../../server/src/domain/tileZooms.ts';
import { makeTestApp } from '../support/testApp.ts';

let t: ReturnType<typeof makeTestApp>;
/** Every buurt of the country with its bounding box, from the TopoJSON the app serves. */
let buurten: { code: string; box: number[] }[];

beforeAll(async () => {
  t = makeTestApp();
  const res = await t.app.request('/api/areas?gemeente=NL');
  const topo = await res.json();
  buurten = (feature(topo, topo.objects.buurten) as unknown as { features: Feature<Geometry, { code: string }>[] }).features.map((f) => ({
    code: f.properties.code,
    box: bbox(f),
  }));
}, 120_000);

const lon2x = (lon: number, z: number) => ((lon + 180) / 360) * 2 ** z;
const lat2y = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z;
};
/** The tiles that cover the Netherlands at zoom z. */
function tilesOfNL(z: number): [number, number][] {
  const out: [number, number][] = [];
  for (let x = Math.floor(lon2x(3.2, z)); x <= Math.floor(lon2x(7.3, z)); x++)
    for (let y = Math.floor(lat2y(53.6, z)); y <= Math.floor(lat2y(50.7, z)); y++) out.push([x, y]);
  return out;
}

async function tile(level: string, z: number, x: number, y: number) {
  const res = await t.app.request(`/api/tiles/${level}/${z}/${x}/${y}.mvt`);
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const codes = new Set<string>();
  /** Per feature its id and code. */
  const ids: [number | undefined, string][] = [];
  if (bytes.length > 0) {
    const layer = new VectorTile(new Pbf(bytes)).layers[level];
    for (let i = 0; i < (layer?.length ?? 0); i++) {
      const f = layer!.feature(i);
      codes.add(String(f.properties.code));
      ids.push([f.id, String(f.properties.code)]);
    }
  }
  return { bytes, codes, ids };
}

describe('GET /api/tiles/{level}.json', () => {
  it('describes the tiles as TileJSON with a versioned URL template', async () => {
    const res = await t.app.request('http://localhost/api/tiles/buurt.json');
    expect(res.status).toBe(200);
    const tj = await res.json();
    expect(tj.tilejson).toBe('3.0.0');
    expect(tj.tiles[0]).toMatch(/^http:\/\/localhost\/api\/tiles\/buurt\/\{z\}\/\{x\}\/\{y\}\.mvt\?v=[\w-]+$/);
    expect(tj.minzoom).toBe(6);
    expect(tj.maxzoom).toBe(14);
    expect(tj.vector_layers).toEqual([expect.objectContaining({ id: 'buurt' })]);
    expect(tj.bounds[0]).toBeGreaterThan(3);
    expect(tj.bounds[3]).toBeLessThan(54);
    const wijk = await (await t.app.request('/api/tiles/wijk.json')).json();
    expect(wijk.minzoom).toBe(0);
  });

  it('gives its version in /api/config too, so the country map can build the same tile URLs without reading it', async () => {
    const config = await (await t.app.request('http://localhost/api/config')).json();
    for (const level of TILE_LEVELS) {
      const tj = await (await t.app.request(`http://localhost/api/tiles/${level}.json`)).json();
      expect(config.tileVersion).toBe(tj.version);
      expect(tileUrlTemplate('http://localhost', level, config.tileVersion)).toBe(tj.tiles[0]);
    }
  });
});

describe('GET /api/tiles/{level}/{z}/{x}/{y}.mvt', () => {
  it('has every buurt of the country at zoom 6 and 10, each in every tile its extent reaches', async () => {
    for (const z of [6, 10]) {
      const seen = new Set<string>();
      for (const [x, y] of tilesOfNL(z)) {
        const { codes } = await tile('buurt', z, x, y);
        for (const c of codes) seen.add(c);
        // A buurt whose whole bounding box lies inside this tile certainly belongs to it.
        const inside = buurten.filter(({ box: [w, s, e, n] }) => lon2x(w, z) >= x && lon2x(e, z) < x + 1 && lat2y(n, z) >= y && lat2y(s, z) < y + 1);
        const missing = inside.filter((b) => !codes.has(b.code)).map((b) => b.code);
        expect(missing, `z${z} ${x}/${y}`).toEqual([]);
      }
      expect(seen.size, `z${z}`).toBe(buurten.length);
    }
  }, 120_000);

  it('carries the CBS code of Maastricht buurten in the tile over the city centre', async () => {
    const z = 12;
    const x = Math.floor(lon2x(5.69, z));
    const y = Math.floor(lat2y(50.85, z));
    const { codes } = await tile('buurt', z, x, y);
    expect(codes.has('BU09350000')).toBe(true); // Binnenstad
    const w = await tile('wijk', z, x, y);
    expect(w.codes.has('WK093500')).toBe(true);
    const g = await tile('gemeente', 8, Math.floor(lon2x(5.69, 8)), Math.floor(lat2y(50.85, 8)));
    expect(g.codes.has('GM0935')).toBe(true);
  });

  it("gives each feature its code's digits as id, so a GIS reading the tiles sees one id per area", async () => {
    const z = 12;
    const [x, y] = [Math.floor(lon2x(5.69, z)), Math.floor(lat2y(50.85, z))];
    for (const level of ['buurt', 'wijk', 'gemeente']) {
      const { ids, codes } = await tile(level, z, x, y);
      expect(ids.length, level).toBeGreaterThan(0);
      for (const [id, code] of ids) expect(id, code).toBe(Number(code.slice(2)));
      // One feature per area in a tile, each with an id of its own.
      expect(new Set(ids.map(([id]) => id)).size, level).toBe(codes.size);
      if (level === 'buurt') expect(ids).toContainEqual([9350000, 'BU09350000']);
    }
  });

  it(`stays within ${TILE_BUDGET_BYTES / 1024} KB per tile before compression at every zoom of every level`, async () => {
    for (const [level, zooms] of [['buurt', [6, 7, 8, 9]], ['wijk', [0, 3, 5, 7, 9]], ['gemeente', [0, 4, 6, 8]]] as const) {
      for (const z of zooms) {
        for (const [x, y] of tilesOfNL(z)) {
          const { bytes } = await tile(level, z, x, y);
          expect(bytes.length, `${level} z${z} ${x}/${y}`).toBeLessThanOrEqual(TILE_BUDGET_BYTES);
        }
      }
    }
  }, 120_000);

  it('is gzipped once, cached for a year under its version, and revalidates by ETag', async () => {
    const tj = await (await t.app.request('/api/tiles/buurt.json')).json();
    const v = tj.version as string;
    const [x, y] = [Math.floor(lon2x(5.69, 10)), Math.floor(lat2y(50.85, 10))];
    const res = await t.app.request(`/api/tiles/buurt/10/${x}/${y}.mvt?v=${v}`, { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/vnd.mapbox-vector-tile');
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Cache-Control')).toContain('immutable');
    const raw = gunzipSync(Buffer.from(await res.arrayBuffer()));
    expect(new VectorTile(new Pbf(raw)).layers.buurt.length).toBeGreaterThan(0);
    const stale = await t.app.request(`/api/tiles/buurt/10/${x}/${y}.mvt?v=old`);
    expect(stale.headers.get('Cache-Control')).toContain('must-revalidate');
    const again = await t.app.request(`/api/tiles/buurt/10/${x}/${y}.mvt`, { headers: { 'If-None-Match': res.headers.get('ETag')! } });
    expect(again.status).toBe(304);
  });

  it('answers from the fast path exactly like the middleware chain', async () => {
    const [x, y] = [Math.floor(lon2x(5.69, 11)), Math.floor(lat2y(50.85, 11))];
    const pick = (h: Headers) => Object.fromEntries([...h.entries()].filter(([k]) => k !== 'date').sort());
    for (const encoding of ['gzip', 'identity']) {
      const headers = { 'Accept-Encoding': encoding };
      const fast = await t.app.request(`/api/tiles/wijk/11/${x}/${y}.mvt`, { headers });
      // view=presentatie makes the request take the full chain; boundaries are the same for every role.
      const chain = await t.app.request(`/api/tiles/wijk/11/${x}/${y}.mvt?view=presentatie`, { headers });
      expect(fast.status).toBe(200);
      expect(Buffer.from(await fast.arrayBuffer()).equals(Buffer.from(await chain.arrayBuffer()))).toBe(true);
      expect(pick(fast.headers)).toEqual(pick(chain.headers));
    }
  });

  it('carries the security headers a binary subresource acts on, and only the JSON answers carry the document ones', async () => {
    const [x, y] = [Math.floor(lon2x(5.69, 11)), Math.floor(lat2y(50.85, 11))];
    for (const url of [`/api/tiles/buurt/11/${x}/${y}.mvt`, `/api/tiles/buurt/11/${x}/${y}.mvt?view=presentatie`]) {
      const res = await t.app.request(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('X-Content-Type-Options'), url).toBe('nosniff');
      expect(res.headers.get('Cross-Origin-Resource-Policy'), url).toBe('same-origin');
      expect(res.headers.get('Content-Security-Policy'), url).toBeNull();
      expect(res.headers.get('X-Frame-Options'), url).toBeNull();
    }
    for (const url of ['/api/tiles/buurt.json', '/api/tiles/buurt/15/1/1.mvt']) {
      const res = await t.app.request(url);
      expect(res.headers.get('Content-Security-Policy'), url).toMatch(/default-src 'self'/);
      expect(res.headers.get('X-Frame-Options'), url).toBe('DENY');
    }
  });

  it('answers 404 JSON naming the parameter for what is not a tile', async () => {
    for (const [url, parameter] of [
      ['/api/tiles/straat/10/1/1.mvt', 'level'],
      ['/api/tiles/buurt/15/1/1.mvt', 'z'],
      ['/api/tiles/buurt/4/8/5.mvt', 'z'],
      ['/api/tiles/buurt/10/1024/1.mvt', 'x'],
      ['/api/tiles/buurt/10/1/-1.mvt', 'y'],
      ['/api/tiles/buurt/10/1/abc.mvt', 'y'],
      ['/api/tiles/straat.json', 'level'],
    ] as const) {
      const res = await t.app.request(url);
      expect(res.status, url).toBe(404);
      expect(await res.json(), url).toMatchObject({ parameter });
    }
  });
});
