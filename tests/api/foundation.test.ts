// The foundation's public API against the real open data: totals and inhabitants must match the
// source files to the unit, for Maastricht and for other gemeenten.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { feature } from 'topojson-client';
import { readCsv } from '../../geodata/sources.ts';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf, defined, errorOf } from '../support/answers.ts';
import { nodeListener } from '../../server/src/app.ts';

let t: ReturnType<typeof makeTestApp>;
let buurtCsv: Record<string, string>[];
let wijkCsv: Record<string, string>[];
let gemCsv: Record<string, string>[];
let popCsv: Map<string, number>;

beforeAll(() => {
  t = makeTestApp();
  const src = t.config.geodataDir;
  buurtCsv = readCsv(path.join(src, 'crime/buurten_misdrijven_totaal_2021_2025_nl.csv'));
  wijkCsv = readCsv(path.join(src, 'crime/wijken_misdrijven_totaal_2021_2025_nl_som_buurten.csv'));
  gemCsv = readCsv(path.join(src, 'crime/gemeenten_misdrijven_totaal_2021_2025_nl.csv'));
  popCsv = new Map(readCsv(path.join(src, 'population/buurten_inwoners_2024_85984NED_nl.csv')).map((r) => [r.nhood_id, Number(r.population)]));
});

type StatsQuery = Parameters<typeof t.client.stats.$get>[0]['query'];
const stats = async (query: StatsQuery) => ({ body: await answerOf(await t.client.stats.$get({ query })) });

describe('GET /api/health, /api/gemeenten, /api/categories', () => {
  it('reports ok', async () => {
    const r = await answerOf(await t.client.health.$get());
    expect(r.status).toBe('ok');
  });

  it('lists every gemeente of the source, Maastricht included', async () => {
    const r = { body: await answerOf(await t.client.gemeenten.$get()) };
    expect(r.body.length).toBe(342);
    expect(r.body).toContainEqual({ code: 'GM0935', naam: 'Maastricht' });
  });

  it('lists crime types and composite groups, with the six-type HIC group as data', async () => {
    const r = { body: await answerOf(await t.client.categories.$get()) };
    const hic = defined(r.body.find((c) => c.code === 'HIC'), 'HIC');
    expect(hic.members).toEqual(expect.arrayContaining(['1.1.1', '1.2.1', '1.2.2', '1.2.3', '2.5.1', '1.4.4', '1.4.5']));
    expect(defined(hic.members).every((m) => /^(1\.1\.1|1\.2\.[123]|2\.5\.1|1\.4\.\d)$/.test(m))).toBe(true);
    expect(r.body.find((c) => c.code === '1.1.1')).toMatchObject({ naam: 'Diefstal/inbraak woning', kind: 'type' });
    expect(r.body.find((c) => c.code === '0.0.0')?.kind).toBe('group');
    expect(r.body.filter((c) => c.kind === 'type' && /^\d/.test(c.code)).length).toBeGreaterThanOrEqual(50);
  });
});

describe('GET /api/areas', () => {
  it('serves one TopoJSON per gemeente with buurten, wijken and gemeente', async () => {
    const res = await t.app.request('/api/areas?gemeente=GM0935');
    expect(res.status).toBe(200);
    const topo = (await res.json()) as any;
    expect(topo.type).toBe('Topology');
    const buurten = feature(topo, topo.objects.buurten) as any;
    const wijken = feature(topo, topo.objects.wijken) as any;
    const gemeente = feature(topo, topo.objects.gemeente) as any;
    expect(buurten.features).toHaveLength(44);
    expect(wijken.features).toHaveLength(7);
    expect(gemeente.features).toHaveLength(1);
    const binnenstad = buurten.features.find((f: any) => f.id === 'BU09350000');
    expect(binnenstad.properties).toMatchObject({ code: 'BU09350000', naam: 'Binnenstad', wijkcode: 'WK093500', inwoners: 2330 });
    expect(binnenstad.properties.oppervlakteKm2).toBeGreaterThan(0);
    for (const f of buurten.features) expect(f.properties.inwoners).toBe(popCsv.get(f.id));
    expect(gemeente.features[0].properties).toMatchObject({ code: 'GM0935', naam: 'Maastricht', inwoners: 125285 });
  });

  it('is cacheable: ETag, 304 on revalidation, compressed when asked', async () => {
    const first = await t.app.request('/api/areas?gemeente=GM0935', { headers: { 'Accept-Encoding': 'gzip, br' } });
    expect(first.headers.get('Content-Encoding')).toBe('br');
    const etag = first.headers.get('ETag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await t.app.request('/api/areas?gemeente=GM0935', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('answers 400 for a malformed and 404 for an unknown gemeente', async () => {
    expect((await errorOf(await t.client.areas.$get({ query: { gemeente: 'Maastricht' } }), 400)).parameter).toBe('gemeente');
    // No gemeente at all: the typed client would not send it.
    await errorOf(await t.app.request('/api/areas'), 400);
    await errorOf(await t.client.areas.$get({ query: { gemeente: 'GM9999' } }), 404);
  });
});

describe('GET /api/stats matches the real totals to the unit', () => {
  for (const gm of ['GM0935', 'GM0034', 'GM0758', 'GM0796', 'GM0014', 'GM0546', 'GM0268', 'GM0363']) {
    it(`${gm}: buurten 2024 (count and inhabitants)`, async () => {
      const r = await stats({ gemeente: gm, level: 'buurt', category: '0.0.0', from: '2024-01', to: '2024-12' });
      const expected = buurtCsv.filter((b) => b.gemeentecode === gm);
      const byCode = new Map(r.body.rows.map((x) => [x.code, x]));
      // Buurten without geometry in the source cannot be on the map; all others must be there.
      expect(r.body.rows.length).toBeGreaterThanOrEqual(expected.length - 2);
      for (const b of expected) {
        const row = byCode.get(b.buurtcode);
        if (!row) continue;
        expect(row.count, b.buurtcode).toBe(b.misdrijven_totaal_2024 === '' ? null : Number(b.misdrijven_totaal_2024));
        expect(row.population, b.buurtcode).toBe(popCsv.get(b.buurtcode));
      }
    });

    it(`${gm}: wijken and gemeente 2024`, async () => {
      const w = await stats({ gemeente: gm, level: 'wijk', from: '2024-01', to: '2024-12' });
      for (const row of w.body.rows) {
        const src = wijkCsv.find((x) => x.wijkcode === row.code)!;
        expect(row.count, row.code).toBe(Number(src.misdrijven_totaal_2024_som_buurten));
        expect(row.population, row.code).toBe(Number(src.inwoners_2024));
      }
      const g = await stats({ gemeente: gm, level: 'gemeente', from: '2024-01', to: '2024-12' });
      const src = gemCsv.find((x) => x.gemeentecode === gm)!;
      expect(g.body.rows[0].count).toBe(Number(src.misdrijven_totaal_2024));
      expect(g.body.rows[0].population).toBe(Number(src.inwoners_2024));
    });
  }

  it('Maastricht 2024: rate, EB rate, change against 2023 and flags', async () => {
    const r = await stats({ gemeente: 'GM0935', from: '2024-01', to: '2024-12' });
    const beatrix = r.body.rows.find((x) => x.naam === 'Beatrixhaven')!;
    expect(beatrix.count).toBe(67);
    expect(beatrix.population).toBe(15);
    expect(beatrix.ratePer1000).toBeCloseTo((67 / 15) * 1000, 1);
    expect(beatrix.ratePer1000Smoothed!).toBeLessThan(beatrix.ratePer1000!);
    expect(beatrix.flags).toContain('lowPopulation');
    expect(beatrix.changePct).toBeCloseTo(((67 - 69) / 69) * 100, 1);
    const binnenstad = r.body.rows.find((x) => x.code === 'BU09350000')!;
    expect(binnenstad.flags).toContain('visitors');
    expect(r.body.meta).toMatchObject({ gemeente: 'GM0935', level: 'buurt', category: '0.0.0', from: '2024-01', to: '2024-12', previousFrom: '2023-01' });
    expect(typeof r.body.meta.bron).toBe('string');
    // Whole years of all crime are the real totals: not demo.
    expect(r.body.meta.demo).toBe(false);
  });

  it('marks the type and month split as demo, and the types add up to the total', async () => {
    const total = await stats({ gemeente: 'GM0935', from: '2024-03', to: '2024-08' });
    expect(total.body.meta.demo).toBe(true);
    const parts = await Promise.all(
      ['G1.1', 'G1.2', 'G1.4', 'G1.6', 'G2.2', 'G2.5', 'G2.6', 'G3.1', 'G3.5', 'G3.7', 'G3.9'].map((c) => stats({ gemeente: 'GM0935', category: c, from: '2024-03', to: '2024-08' })),
    );
    const cats = await answerOf(await t.client.categories.$get());
    const grouped = new Set(['G1.1', 'G1.2', 'G1.4', 'G1.6', 'G2.2', 'G2.5', 'G2.6', 'G3.1', 'G3.5', 'G3.7', 'G3.9'].flatMap((c) => defined(cats.find((x) => x.code === c)?.members, c)));
    const rest = cats.filter((c) => c.kind === 'type' && /^\d/.test(c.code) && !grouped.has(c.code));
    const restStats = await Promise.all(rest.map((c) => stats({ gemeente: 'GM0935', category: c.code, from: '2024-03', to: '2024-08' })));
    for (const row of total.body.rows) {
      const sum = [...parts, ...restStats].reduce((s, p) => s + (p.body.rows.find((x) => x.code === row.code)!.count ?? 0), 0);
      expect(sum, row.code).toBe(row.count);
    }
  });
});

describe('GET /api/series', () => {
  it('gives 60 months whose 2024 months add up to the real 2024 total, and a type breakdown', async () => {
    const r = { body: await answerOf(await t.client.series.$get({ query: { gemeente: 'GM0935', code: 'BU09350000', category: '0.0.0', from: '2024-01', to: '2024-12' } })) };
    expect(r.body.series).toHaveLength(60);
    const y2024 = r.body.series.filter((s) => s.month.startsWith('2024'));
    expect(y2024.reduce((s, p) => s + (p.count ?? 0), 0)).toBe(1294);
    expect(r.body.breakdown.reduce((s, b) => s + (b.count ?? 0), 0)).toBe(1294);
    expect(r.body.meta.demo).toBe(true);
  });

  it('works for a wijk and the gemeente', async () => {
    const sum2024 = async (code: string) => {
      const r = await answerOf(await t.client.series.$get({ query: { code, from: '2024-01', to: '2024-12' } }));
      return r.series.filter((s) => s.month.startsWith('2024')).reduce((s, p) => s + (p.count ?? 0), 0);
    };
    expect(await sum2024('WK093500')).toBe(3284);
    expect(await sum2024('GM0935')).toBe(8293);
  });
});

describe('bad parameters get a 4xx JSON error naming the parameter', () => {
  const cases: [string, number, string][] = [
    ['/api/stats?gemeente=GM0935&level=straat', 400, 'level'],
    ['/api/stats?gemeente=0935', 400, 'gemeente'],
    ['/api/stats', 400, 'gemeente'],
    ['/api/stats?gemeente=GM9999', 404, 'gemeente'],
    ['/api/stats?gemeente=GM0935&from=2024-13', 400, 'from'],
    ['/api/stats?gemeente=GM0935&from=2024-06&to=2024-01', 400, 'from'],
    ['/api/stats?gemeente=GM0935&from=1990-01&to=1990-12', 400, 'from'],
    ['/api/stats?gemeente=GM0935&from=2025-01&to=2031-12', 400, 'to'],
    ['/api/stats?gemeente=GM0935&category=9.9.9', 400, 'category'],
    ['/api/series?code=BU99999999', 404, 'code'],
    ['/api/series?code=hello', 400, 'code'],
    ['/api/series?gemeente=GM0034&code=BU09350000', 400, 'code'],
  ];
  for (const [url, status, parameter] of cases) {
    it(`${url} -> ${status}`, async () => {
      // Raw URLs: several of these are what the typed client will not send (a bad level, no gemeente).
      const e = await errorOf(await t.app.request(url), status);
      expect(e.parameter).toBe(parameter);
      expect(typeof e.error).toBe('string');
    });
  }

  it('unknown API paths are JSON 404s', async () => {
    // Not a route, so not in the typed client.
    expect((await errorOf(await t.app.request('/api/nope'), 404)).error).toMatch(/not found/);
  });
});

describe('GET /api/areas fast path', () => {
  it('answers exactly like the middleware chain (same bytes and headers)', async () => {
    const headers = { 'Accept-Encoding': 'gzip, br' };
    const fast = await t.app.request('/api/areas?gemeente=GM0935', { headers });
    // view=presentatie makes the request take the full chain; for boundaries nothing else changes.
    const chain = await t.app.request('/api/areas?gemeente=GM0935&view=presentatie', { headers });
    expect(fast.status).toBe(chain.status);
    expect(Buffer.from(await fast.arrayBuffer()).equals(Buffer.from(await chain.arrayBuffer()))).toBe(true);
    const pick = (h: Headers) => Object.fromEntries([...h.entries()].filter(([k]) => k !== 'date').sort());
    expect(pick(fast.headers)).toEqual(pick(chain.headers));
  });

  it('answers the same from node:http (nodeListener, as startServer serves it)', async () => {
    const server = http.createServer(nodeListener(t.app));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const get = (query: string, headers: Record<string, string>) =>
        new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
          http.get(`${base}/api/areas?${query}`, { headers }, (res) => {
            const parts: Buffer[] = [];
            res.on('data', (d: Buffer) => parts.push(d));
            res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
          }).on('error', reject);
        });
      const pick = (h: http.IncomingHttpHeaders) => Object.fromEntries(Object.entries(h).filter(([k]) => !['date', 'connection', 'keep-alive'].includes(k)).sort());
      for (const encoding of ['br', 'gzip', 'identity']) {
        const fast = await get('gemeente=GM0935', { 'Accept-Encoding': encoding });
        const chain = await get('gemeente=GM0935&view=presentatie', { 'Accept-Encoding': encoding });
        expect(fast.status).toBe(200);
        expect(fast.body.equals(chain.body)).toBe(true);
        expect(pick(fast.headers)).toEqual(pick(chain.headers));
        // Its length, like every other answer: not framed in chunks.
        expect(fast.headers['content-length']).toBe(String(fast.body.length));
        expect(fast.headers['transfer-encoding']).toBeUndefined();
        const again = await get('gemeente=GM0935', { 'Accept-Encoding': encoding, 'If-None-Match': String(fast.headers.etag) });
        expect(again.status).toBe(304);
      }
      // Not the plain success case: the chain answers (here a 400 naming the parameter).
      const bad = await get('gemeente=XX', {});
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.body.toString()).parameter).toBe('gemeente');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
