// Real figures wherever the open data has them: the official 47018NED per-type file of a gemeente,
// a nuisance file that never touches crime, a full StatLine download with CBS's quirks, and the
// national table of crime per type per gemeente (2012 onwards).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { importFile } from '../../server/src/store/importFile.ts';
import { ROOT } from '../../server/src/compose.ts';
import { UNSPLIT_TYPE } from '../../server/src/domain/categories.ts';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf, defined, errorOf } from '../support/answers.ts';

const fixture = (name: string) => path.join(ROOT, 'tests/fixtures/import', name);
const source = (rel: string) => path.join(process.env.GEODATA_SOURCE_DIR ?? path.join(ROOT, '../shared/geodata'), rel);
const BREDA_TYPES = source('crime/breda_47018NED_2022_per_soort_buurt_wijk.csv');
const BREDA_NUISANCE = source('crime/breda_47024NED_2022_overlast_buurt_wijk.csv');

/** count per `${area}|${type}` of a CBS file in the official layout (every field quoted, ';'). */
function fileCounts(file: string): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const [head, ...rows] = fs.readFileSync(file, 'latin1').split(/\r?\n/).filter(Boolean);
  const cols = head.split(';').map((c) => c.replace(/"/g, ''));
  const iType = cols.findIndex((c) => c === 'SoortMisdrijf' || c === 'Overlast');
  const iArea = cols.indexOf('WijkenEnBuurten');
  const iCount = cols.findIndex((c) => c.startsWith('Geregistreerde'));
  for (const r of rows) {
    const f = r.split(';').map((c) => c.replace(/"/g, '').trim());
    out.set(`${f[iArea]}|${f[iType]}`, f[iCount] === '' || f[iCount] === '.' ? null : Number(f[iCount]));
  }
  return out;
}

type StatsQuery = Parameters<ReturnType<typeof makeTestApp>['client']['stats']['$get']>[0]['query'];
const stats = async (t: ReturnType<typeof makeTestApp>, query: StatsQuery) => answerOf(await t.client.stats.$get({ query }));

describe('the shared Breda 47018NED file (2022, per type per buurt)', () => {
  let t: ReturnType<typeof makeTestApp>;
  const file = fileCounts(BREDA_TYPES);
  beforeAll(() => {
    t = makeTestApp();
    importFile(t.dataset, BREDA_TYPES);
  });

  it('answers the file counts per buurt over the year, not flagged demo', async () => {
    const s = await stats(t, { gemeente: 'GM0758', level: 'buurt', category: '1.1.1', from: '2022-01', to: '2022-12' });
    expect(s.meta.demo).toBe(false);
    expect(s.rows).toHaveLength(56);
    for (const r of s.rows) {
      expect(r.count).toBe(file.get(`${r.code}|1.1.1`));
      expect(r.flags).not.toContain('demo');
    }
    const w = await stats(t, { gemeente: 'GM0758', level: 'wijk', category: '2.2.1', from: '2022-01', to: '2022-12' });
    for (const r of w.rows) expect(r.count).toBe(file.get(`${r.code}|2.2.1`));
  });

  it("keeps Breda's official 2022 total (10,752), with the part not published per type as its own visible remainder", async () => {
    const g = await stats(t, { gemeente: 'GM0758', level: 'gemeente', category: '0.0.0', from: '2022-01', to: '2022-12' });
    expect(g.rows[0].count).toBe(10_752);
    expect(g.rows[0].flags).not.toContain('withheld');
    expect(g.rows[0].flags).not.toContain('demo');
    const b = await stats(t, { gemeente: 'GM0758', level: 'buurt', category: '0.0.0', from: '2022-01', to: '2022-12' });
    for (const r of b.rows) expect(r.count).toBe(file.get(`${r.code}|0.0.0`));
    const rest = await stats(t, { gemeente: 'GM0758', level: 'gemeente', category: UNSPLIT_TYPE, from: '2022-01', to: '2022-12' });
    expect(rest.rows[0].count).toBe(10_752 - 10_430);
    const cats = await answerOf(await t.client.categories.$get());
    expect(cats.find((c) => c.code === UNSPLIT_TYPE)?.naam).toBe('Niet naar soort uitgesplitst');
  });

  it('a type CBS does not publish per buurt (zeden) is unknown there: null and withheld, never 0', async () => {
    const s = await stats(t, { gemeente: 'GM0758', level: 'buurt', category: '1.4.1', from: '2022-01', to: '2022-12' });
    for (const r of s.rows) {
      expect(r.count).toBeNull();
      expect(r.flags).toContain('withheld');
    }
  });

  it('below a year only the month split is demo, and the note says so', async () => {
    const s = await stats(t, { gemeente: 'GM0758', level: 'buurt', category: '1.1.1', from: '2022-03', to: '2022-05' });
    expect(s.meta.demo).toBe(true);
    expect(s.meta.notes.join(' ')).toMatch(/alleen de verdeling over de maanden is gegenereerd/);
    expect(s.meta.notes.join(' ')).not.toMatch(/soort misdrijf en maand/);
  });
});

describe('the shared Breda 47024NED nuisance file (official column names)', () => {
  it('adds real nuisance figures and never changes a crime figure', async () => {
    const t = makeTestApp();
    const questions: StatsQuery[] = [
      { gemeente: 'GM0758', level: 'buurt', category: '0.0.0', from: '2022-01', to: '2022-12' },
      { gemeente: 'GM0758', level: 'gemeente', category: '0.0.0', from: '2022-01', to: '2022-12' },
      { gemeente: 'GM0758', level: 'wijk', category: '1.1.1', from: '2022-01', to: '2022-12' },
      { gemeente: 'GM0758', level: 'buurt', category: 'HIC', from: '2022-04', to: '2022-09' },
    ];
    const before = await Promise.all(questions.map((q) => stats(t, q)));
    const r = importFile(t.dataset, BREDA_NUISANCE);
    expect(r.format).toBe('cbs-47024NED');
    const after = await Promise.all(questions.map((q) => stats(t, q)));
    expect(after).toEqual(before);
    expect(after[1].rows[0].count).toBe(10_752);

    const file = fileCounts(BREDA_NUISANCE);
    for (const type of ['E33', 'E35', 'M22']) {
      const s = await stats(t, { gemeente: 'GM0758', level: 'buurt', category: type, from: '2022-01', to: '2022-12' });
      expect(s.meta.demo).toBe(false);
      for (const row of s.rows) {
        expect(row.count).toBe(file.get(`${row.code}|${type}`));
        expect(row.flags).not.toContain('noData');
      }
    }
    const all = await stats(t, { gemeente: 'GM0758', level: 'wijk', category: 'OVERLAST', from: '2022-01', to: '2022-12' });
    for (const row of all.rows) expect(row.count).toBe(file.get(`${row.code}|0.0.0`));
    // The source line names the nuisance table, not the crime tables it did not come from.
    expect(all.meta.bron).toMatch(/tabel 47024NED/);
    expect(all.meta.bron).not.toMatch(/47022NED|47018NED/);
    expect(before[0].meta.bron).toMatch(/47022NED\/47018NED/);
  });
});

describe('a held-back full StatLine download (Windows-1252, CRLF, region columns, withheld cells)', () => {
  it('imports and answers exactly, withheld cells as null', async () => {
    const t = makeTestApp();
    const r = importFile(t.dataset, fixture('cbs-47018NED-held-back-full-download.csv'));
    expect(r.format).toBe('cbs-47018NED');
    expect(r.summary).toMatchObject({ rows: 15, areas: 5, withheld: 2 });
    const s = await stats(t, { gemeente: 'GM1900', level: 'buurt', category: '1.1.1', from: '2022-01', to: '2022-12' });
    // BU19000009 is not in the file: it keeps its demo split.
    const bolsward = s.rows.filter((x) => /^BU1900000[0-4]$/.test(x.code));
    const byCode = Object.fromEntries(bolsward.map((x) => [x.code, x.count]));
    expect(byCode).toMatchObject({ BU19000000: 4, BU19000001: 2, BU19000002: 0, BU19000003: null, BU19000004: 3 });
    expect(bolsward.find((x) => x.code === 'BU19000003')!.flags).toContain('withheld');
    expect(bolsward.find((x) => x.code === 'BU19000002')!.flags).not.toContain('withheld');
    for (const x of bolsward) expect(x.flags).not.toContain('demo');
    const bike = await stats(t, { gemeente: 'GM1900', level: 'buurt', category: '1.2.3', from: '2022-01', to: '2022-12' });
    expect(bike.rows.find((x) => x.code === 'BU19000003')!.count).toBeNull();
    const total = await stats(t, { gemeente: 'GM1900', level: 'buurt', category: '0.0.0', from: '2022-01', to: '2022-12' });
    expect(total.rows.find((x) => x.code === 'BU19000000')!.count).toBe(93);
    // A withheld type hides inside the rest of the total: the total is whole, but flagged.
    expect(total.rows.find((x) => x.code === 'BU19000003')!.count).toBe(9);
    expect(total.rows.find((x) => x.code === 'BU19000003')!.flags).toContain('withheld');
  });
});

describe('crime per type per gemeente (47018NED gemeente rows, 2012 onwards)', () => {
  let t: ReturnType<typeof makeTestApp>;
  beforeAll(() => {
    t = makeTestApp();
  });

  it('Maastricht woninginbraak 2018 is the real 424, not demo', async () => {
    const s = await stats(t, { gemeente: 'GM0935', level: 'gemeente', category: '1.1.1', from: '2018-01', to: '2018-12' });
    expect(s.rows[0].count).toBe(424);
    expect(s.meta.demo).toBe(false);
    expect(s.rows[0].flags).not.toContain('demo');
    const y2019 = await stats(t, { gemeente: 'GM0935', level: 'gemeente', category: '1.1.1', from: '2019-01', to: '2019-12' });
    expect(y2019.rows[0].count).toBe(358);
    expect(y2019.rows[0].previousCount).toBe(424);
  });

  it('the gemeente series go back to 2012; buurten have no figures there', async () => {
    const s = await stats(t, { gemeente: 'GM0935', level: 'gemeente', category: '1.1.1', from: '2012-01', to: '2012-12' });
    expect(s.rows[0].count).toBeGreaterThan(0);
    const b = await t.client.stats.$get({ query: { gemeente: 'GM0935', level: 'buurt', category: '1.1.1', from: '2012-01', to: '2012-12' } });
    expect((await errorOf(b, 400)).parameter).toBe('from');
    const total = await stats(t, { gemeente: 'GM0935', level: 'gemeente', category: '0.0.0', from: '2015-01', to: '2015-12' });
    expect(total.rows[0].count).toBeNull();
  });

  it('the demo split of the buurten adds up, per type and year, to the real gemeente figure', async () => {
    const gm = t.dataset.gemeenteTable('GM0935').byYear;
    const cube = t.dataset.cube('GM0935');
    for (const year of [2021, 2023, 2025]) {
      for (const type of ['1.1.1', '1.2.3', '2.2.1', '3.1.1']) {
        const ti = cube.typeIndex.get(type)!;
        let sum = 0;
        for (let a = 0; a < cube.A; a++) sum += cube.sum(a, cube.monthIndex(`${year}-01`), cube.monthIndex(`${year}-12`), [ti], 'misdrijf').count;
        expect(sum, `${type} ${year}`).toBe(gm.get(year)!.get(type));
      }
    }
    // Below the gemeente it stays demo.
    const w = await stats(t, { gemeente: 'GM0935', level: 'wijk', category: '1.1.1', from: '2023-01', to: '2023-12' });
    expect(w.meta.demo).toBe(true);
    // The yearly totals per buurt stay real.
    const b = await stats(t, { gemeente: 'GM0935', level: 'buurt', category: '0.0.0', from: '2023-01', to: '2023-12' });
    expect(b.meta.demo).toBe(false);
  });
});

describe('benchmark per crime type on the real gemeente figures', () => {
  it('ranks the reference group on their real 2018 woninginbraak per 1,000, with the trend over the years', async () => {
    const t = makeTestApp();
    const body = await answerOf(await t.client.benchmark.$get({ query: { gemeente: 'GM0935', year: '2018', category: '1.1.1' } }));
    expect(body.meta).toMatchObject({ demo: false, category: '1.1.1', year: 2018 });
    expect(body.meta.years[0]).toBe(2012);
    const self = body.rows.find((r) => r.isSelf);
    expect(self?.count).toBe(424);
    const table = fs.readFileSync(source('crime/gemeenten_misdrijven_per_soort_2012_2025_47018NED_nl.csv'), 'utf8');
    for (const r of body.rows) {
      const m = new RegExp(`^${r.code},1\\.1\\.1,2018,(\\d+)$`, 'm').exec(table);
      expect(r.count, r.code).toBe(Number(m![1]));
    }
    const rates = body.rows.map((r) => defined(r.ratePer1000, r.code));
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    expect(body.trend.map((p) => p.year)).toEqual(body.meta.years);
    expect(body.trend.every((p) => p.ratePer1000 !== null && p.averageRatePer1000 !== null)).toBe(true);
    const bad = await t.client.benchmark.$get({ query: { gemeente: 'GM0935', year: '2018', category: '1.4.1' } });
    expect((await errorOf(bad, 400)).parameter).toBe('category');
    await errorOf(await t.client.benchmark.$get({ query: { gemeente: 'GM0935', year: '2018' } }), 400);
  });
});

describe("Breda's own detailed boundaries (boundaries/gemeente-eigen)", () => {
  it('draw its map: 56 buurten with the detailed shapes, not the national approximation', async () => {
    const t = makeTestApp();
    const res = await t.app.request('/api/areas?gemeente=GM0758');
    expect(res.status).toBe(200);
    const topo = (await res.json()) as Topology;
    const buurten = (feature(topo, topo.objects.buurten) as FeatureCollection<Polygon | MultiPolygon>).features;
    expect(buurten).toHaveLength(56);
    const vertices = JSON.stringify(buurten.map((f) => f.geometry.coordinates)).split('],[').length;
    // The national approximation has about 10 vertices per buurt; Breda's own file a median of 196.
    expect(vertices).toBeGreaterThan(56 * 100);
    const maastricht = (await (await t.app.request('/api/areas?gemeente=GM0935')).json()) as Topology;
    const mb = (feature(maastricht, maastricht.objects.buurten) as FeatureCollection<Polygon | MultiPolygon>).features;
    expect(JSON.stringify(mb.map((f) => f.geometry.coordinates)).split('],[').length).toBeLessThan(44 * 40);
  });
});
