// The national view: /api/areas and /api/stats at gemeente=NL answer for every buurt, wijk and
// gemeente of the country, with the same contract as one gemeente; other routes refuse NL clearly.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { feature } from 'topojson-client';
import { gunzipSync } from 'node:zlib';
import { readCsv } from '../../geodata/sources.ts';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf, errorOf } from '../support/answers.ts';

let t: ReturnType<typeof makeTestApp>;

beforeAll(async () => {
  t = makeTestApp();
  await t.dataset.warmAll();
}, 120_000);

type StatsQuery = Parameters<typeof t.client.stats.$get>[0]['query'];
const stats = async (query: StatsQuery) => ({ body: await answerOf(await t.client.stats.$get({ query })) });

describe('GET /api/areas?gemeente=NL', () => {
  it('serves one TopoJSON with every buurt, wijk and gemeente of the country, precompressed', async () => {
    const res = await t.app.request('/api/areas?gemeente=nl', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    const topo = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8'));
    const buurten = (feature(topo, topo.objects.buurten) as any).features;
    expect(buurten.length).toBeGreaterThanOrEqual(14_500);
    expect(topo.objects.gemeente.geometries).toHaveLength(342);
    expect(topo.objects.wijken.geometries.length).toBeGreaterThan(3000);
    // Same properties contract as a gemeente's file.
    const b = buurten.find((f: any) => f.id === 'BU09350000');
    expect(b.properties).toMatchObject({ code: 'BU09350000', wijkcode: 'WK093500' });
    expect(typeof b.properties.naam).toBe('string');
    expect(b.properties).toHaveProperty('inwoners');
    expect(b.properties).toHaveProperty('oppervlakteKm2');
    const etag = res.headers.get('ETag')!;
    const again = await t.app.request('/api/areas?gemeente=NL', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('keeps NL out of /api/gemeenten (the client offers it itself)', async () => {
    const r = await answerOf(await t.client.gemeenten.$get());
    expect(r).toHaveLength(342);
    expect(r.some((g) => g.code === 'NL')).toBe(false);
  });
});

describe('GET /api/stats?gemeente=NL', () => {
  it('has a row per buurt of the country, smoothed with a national prior', async () => {
    const r = await stats({ gemeente: 'NL', level: 'buurt', from: '2024-01', to: '2024-12' });
    expect(r.body.meta.gemeente).toBe('NL');
    expect(r.body.rows.length).toBeGreaterThanOrEqual(14_500);
    expect(new Set(r.body.rows.map((x) => x.code.slice(2, 6))).size).toBe(342);
    // The prior is over all buurten of the country: a Maastricht buurt's smoothed rate differs from
    // the one with Maastricht's own prior, its raw count does not.
    const gm = await stats({ gemeente: 'GM0935', level: 'buurt', from: '2024-01', to: '2024-12' });
    const nl = new Map(r.body.rows.map((x) => [x.code, x]));
    for (const row of gm.body.rows) expect(nl.get(row.code)?.count).toBe(row.count);
    expect(gm.body.rows.some((row) => nl.get(row.code)?.ratePer1000Smoothed !== row.ratePer1000Smoothed)).toBe(true);
    expect(r.body.meta.referenceRatePer1000).not.toBe(gm.body.meta.referenceRatePer1000);
  });

  it('gives one row per gemeente at the gemeente level, equal to the official 2024 totals', async () => {
    const r = await stats({ gemeente: 'NL', level: 'gemeente', from: '2024-01', to: '2024-12' });
    expect(r.body.rows).toHaveLength(342);
    const official = readCsv(path.join(t.config.geodataDir, 'crime/gemeenten_misdrijven_totaal_2021_2025_nl.csv'));
    const byCode = new Map(r.body.rows.map((x) => [x.code, x]));
    let compared = 0;
    for (const o of official) {
      if (o.misdrijven_totaal_2024 === '') continue;
      expect(byCode.get(o.gemeentecode)?.count, o.gemeentecode).toBe(Number(o.misdrijven_totaal_2024));
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(340);
  });

  it('answers the wijk level and a category group for the whole country', async () => {
    const w = await stats({ gemeente: 'NL', level: 'wijk', category: 'HIC', from: '2024-01', to: '2024-12' });
    expect(w.body.rows.length).toBeGreaterThan(3000);
    expect(w.body.meta.category).toBe('HIC');
  });

  it('refuses NL on routes that work per gemeente, with a clear 400', async () => {
    const refused = [
      await t.client.hotspots.$get({ query: { gemeente: 'NL' } }),
      await t.client.neighbours.$get({ query: { gemeente: 'NL', level: 'buurt' } }),
      await t.client.ranking.$get({ query: { gemeente: 'NL' } }),
    ];
    for (const res of refused) {
      const e = await errorOf(res, 400);
      expect(e.parameter).toBe('gemeente');
      expect(e.error).toMatch(/NL \(the whole country\) is available for \/api\/areas, \/api\/stats and \/api\/series only/);
    }
    await errorOf(await t.client.stats.$get({ query: { gemeente: 'NLX' } }), 400);
  });
});
