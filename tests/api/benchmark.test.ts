// Benchmark against the plan's reference gemeenten and the G32/G40: rates from the REAL official
// gemeente totals and CBS inhabitants, checked against the source CSV to the cent.
import path from 'node:path';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../geodata/sources.ts';
import { ROOT } from '../../server/src/compose.ts';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf, errorOf } from '../support/answers.ts';

let t: ReturnType<typeof makeTestApp>;
let csv: Map<string, Record<string, string>>;
beforeAll(() => {
  t = makeTestApp();
  csv = new Map(readCsv(path.join(t.config.geodataDir, 'crime/gemeenten_misdrijven_totaal_2021_2025_nl.csv')).map((r) => [r.gemeentecode, r]));
});

const REFERENCE = ['GM0034', 'GM0758', 'GM0796', 'GM0014', 'GM0546', 'GM0268'];

type BenchmarkQuery = Parameters<typeof t.client.benchmark.$get>[0]['query'];
const benchmark = async (query: BenchmarkQuery) => ({ body: await answerOf(await t.client.benchmark.$get({ query })) });

describe('GET /api/benchmark', () => {
  it('lists the categories it can compare on (the total first, then crime types with real figures per gemeente), and each answers', async () => {
    const r = await benchmark({ gemeente: 'GM0935', group: 'reference' });
    const codes = r.body.meta.categories.map((c) => c.code);
    expect(codes[0]).toBe('0.0.0');
    expect(codes).toEqual(expect.arrayContaining(['1.1.1', '1.2.1']));
    expect(codes.length).toBeGreaterThan(5);
    for (const code of codes) {
      const answer = await benchmark({ gemeente: 'GM0935', group: 'reference', category: code });
      if (code !== '0.0.0') expect(answer.body.meta.years[0]).toBe(2012);
    }
  });

  it('2024: Maastricht and the six reference gemeenten, rates from the real totals and inhabitants', async () => {
    const r = await benchmark({ gemeente: 'GM0935', year: '2024', group: 'reference' });
    expect(r.body.rows.map((x) => x.code).sort()).toEqual([...REFERENCE, 'GM0935'].sort());
    for (const row of r.body.rows) {
      const src = csv.get(row.code)!;
      expect(row.count).toBe(Number(src.misdrijven_totaal_2024));
      expect(row.population).toBe(Number(src.inwoners_2024));
      expect(row.ratePer1000).toBeCloseTo((Number(src.misdrijven_totaal_2024) / Number(src.inwoners_2024)) * 1000, 2);
    }
    const self = r.body.rows.find((x) => x.isSelf)!;
    expect(self).toMatchObject({ code: 'GM0935', naam: 'Maastricht', count: 8293, population: 125285, inGroup: false });
    expect(r.body.rows.filter((x) => x.isSelf)).toHaveLength(1);
    // Ranked by rate, highest first.
    const rates = r.body.rows.map((x) => x.ratePer1000!);
    expect([...rates].sort((a, b) => b - a)).toEqual(rates);
    expect(r.body.rows.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(r.body.meta).toMatchObject({ year: 2024, group: 'reference', populationYear: 2024, selfInAverage: false, demo: false });
  });

  it('the group average is weighted: sum of registrations over sum of inhabitants, without the gemeente itself', async () => {
    const r = await benchmark({ gemeente: 'GM0935', year: '2024' });
    const count = REFERENCE.reduce((s, c) => s + Number(csv.get(c)!.misdrijven_totaal_2024), 0);
    const pop = REFERENCE.reduce((s, c) => s + Number(csv.get(c)!.inwoners_2024), 0);
    expect(r.body.average).toMatchObject({ count, population: pop, members: 6 });
    expect(r.body.average.ratePer1000).toBeCloseTo((count / pop) * 1000, 2);
    expect(r.body.meta.notes.join(' ')).toMatch(/gewogen/);
  });

  it('trend: per year the rate and the weighted average on the inhabitants of one year, with the members counted', async () => {
    const r = await benchmark({ gemeente: 'GM0935', year: '2024', group: 'reference' });
    expect(r.body.trend.map((p) => p.year)).toEqual(r.body.meta.years);
    const self = csv.get('GM0935')!;
    for (const p of r.body.trend) {
      // Every year over the inhabitants of 2024: the caveat the page shows under the trend chart.
      expect(p.ratePer1000).toBeCloseTo((Number(self[`misdrijven_totaal_${p.year}`]) / Number(self.inwoners_2024)) * 1000, 2);
      const count = REFERENCE.reduce((s, c) => s + Number(csv.get(c)![`misdrijven_totaal_${p.year}`]), 0);
      const pop = REFERENCE.reduce((s, c) => s + Number(csv.get(c)!.inwoners_2024), 0);
      expect(p.averageRatePer1000).toBeCloseTo((count / pop) * 1000, 2);
      expect(p.members).toBe(6);
    }
  });

  it('G32 (2015, 37 members) and G40 (41 members) resolve to existing gemeenten; Maastricht is a member and counts', async () => {
    const groups = JSON.parse(fs.readFileSync(path.join(ROOT, 'server/data/benchmark-groups.json'), 'utf8')).groups as { id: string; members: { code: string; naam: string }[] }[];
    const gemeenten = await answerOf(await t.client.gemeenten.$get());
    const naam = new Map(gemeenten.map((g) => [g.code, g.naam]));
    for (const g of groups) {
      for (const m of g.members) {
        expect(naam.has(m.code), `${g.id}: ${m.code} ${m.naam}`).toBe(true);
        // The name in the file is the CBS name (Hengelo is 'Hengelo (O.)' in CBS).
        expect(naam.get(m.code)!.startsWith(m.naam), `${g.id}: ${m.code} is ${naam.get(m.code)}, not ${m.naam}`).toBe(true);
      }
    }
    const g32 = await benchmark({ gemeente: 'GM0935', year: '2023', group: 'G32' });
    expect(g32.body.rows).toHaveLength(37);
    expect(g32.body.meta.selfInAverage).toBe(true);
    expect(g32.body.average.members).toBe(37);
    const sumC = g32.body.rows.reduce((s, x) => s + Number(csv.get(x.code)!.misdrijven_totaal_2023), 0);
    const sumP = g32.body.rows.reduce((s, x) => s + Number(csv.get(x.code)!.inwoners_2024), 0);
    expect(g32.body.average.ratePer1000).toBeCloseTo((sumC / sumP) * 1000, 2);
    const g40 = await benchmark({ gemeente: 'GM0935', year: '2024', group: 'G40' });
    expect(g40.body.rows).toHaveLength(41);
    expect(g40.body.rows.every((x) => x.count !== null && x.population !== null)).toBe(true);
  });

  it('another gemeente works by its code and is added to the rows when not a member', async () => {
    const r = await benchmark({ gemeente: 'GM0363', year: '2022', group: 'G32' });
    const members = r.body.rows.filter((x) => !x.isSelf);
    expect(members.length).toBeGreaterThan(30);
    // Maastricht's plan group is Maastricht's own: another gemeente is not offered it.
    await errorOf(await t.client.benchmark.$get({ query: { gemeente: 'GM0363', year: '2022', group: 'reference' } }), 400);
    expect(r.body.rows.find((x) => x.isSelf)?.count).toBe(Number(csv.get('GM0363')!.misdrijven_totaal_2022));
  });

  it('bad parameters: 400 naming the parameter; unknown gemeente 404', async () => {
    // Sent as raw query strings: an unknown group and a missing gemeente are what the typed client refuses to send.
    for (const [q, p] of [['gemeente=GM0935&group=G99', 'group'], ['gemeente=GM0935&year=24', 'year'], ['gemeente=GM0935&year=2015', 'year'], ['group=G32', 'gemeente']]) {
      expect((await errorOf(await t.app.request(`/api/benchmark?${q}`), 400)).parameter, q).toBe(p);
    }
    await errorOf(await t.client.benchmark.$get({ query: { gemeente: 'GM9999' } }), 404);
  });
});
