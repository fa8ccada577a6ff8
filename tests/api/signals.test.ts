// Signals and effect evaluations on imported monthly figures (a synthetic 47022NED file in the
// official layout): a set of buurten drops 40 % from a start month, one buurt has a month far above
// its history. The checks of the issue, through the API.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../server/src/store/importFile.ts';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf, defined, errorOf, PRESENTATION_VIEW } from '../support/answers.ts';
import { negBinomial, rng, SEASON } from '../support/simulateCounts.ts';

const GM = 'GM0935';
const CATEGORY = '1.1.1';
const START = '2024-01';
const SPIKE_MONTH = '2025-11';

const months: string[] = [];
for (let y = 2021; y <= 2025; y++) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`);

/** 47022NED as CBS publishes it: BOM, quoted, `;`, padded codes, YYYYMMnn periods. */
function writeCsv(rows: { code: string; month: string; count: number }[], type: string = CATEGORY): string {
  const lines = ['\uFEFF"ID";"SoortMisdrijf";"WijkenEnBuurten";"Perioden";"GeregistreerdeMisdrijven_1"'];
  rows.forEach((r, i) => lines.push(`"${i}";"${type} ";"${r.code.padEnd(12)}";"${r.month.replace('-', 'MM')}";"${String(r.count).padStart(7)}"`));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-signals-'));
  const file = path.join(dir, 'cbs-47022NED-synthetic.csv');
  fs.writeFileSync(file, lines.join('\r\n') + '\r\n');
  return file;
}

let t: ReturnType<typeof makeTestApp>;
let buurten: string[];
let dropped: string[];
let unchanged: string[];
let spike: string;

const post = (url: string, body: unknown) =>
  t.app.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

type App = ReturnType<typeof makeTestApp>;
type SignalsQuery = Parameters<App['client']['signals']['$get']>[0]['query'];
const signals = async (query: SignalsQuery, app: App = t) => ({ body: await answerOf(await app.client.signals.$get({ query })) });
const evaluation = async (id: number, app: App = t) => ({ body: await answerOf(await app.client.evaluations[':id'].$get({ param: { id: String(id) } })) });
const idOf = async (created: Response) => ((await created.json()) as { id: number }).id;

beforeAll(() => {
  t = makeTestApp(':memory:', {}, 'analist');
  buurten = t.dataset.areas(GM, 'buurt').map((b) => b.code).sort();
  const rand = rng(17);
  // Five buurten of one part of town drop by 40 % from START; five elsewhere do not change.
  dropped = buurten.slice(8, 13);
  unchanged = buurten.slice(30, 35);
  spike = buurten[20];
  const rows: { code: string; month: string; count: number }[] = [];
  buurten.forEach((code, i) => {
    const level = 6 + ((i * 7) % 13) * 2;
    const trend = ((i % 5) - 2) * 0.01;
    months.forEach((month, m) => {
      let mu = level * SEASON[m % 12] * Math.pow(1 + trend, m / 12);
      if (dropped.includes(code) && month >= START) mu *= 0.6;
      let count = negBinomial(rand, mu, 30);
      if (code === spike && month === SPIKE_MONTH) count = Math.round(mu * 4) + 10;
      rows.push({ code, month, count });
    });
  });
  const r = importFile(t.dataset, writeCsv(rows));
  expect(r.format).toBe('cbs-47022NED');
});

describe('GET /api/signals', () => {
  it('gives the buurt far above its history a higher signal in that month, with its sentence', async () => {
    const r = await signals({ gemeente: GM, month: SPIKE_MONTH, level: 'buurt', category: CATEGORY });
    expect(r.body.meta).toMatchObject({ month: SPIKE_MONTH, level: 'buurt', category: CATEGORY, method: 'quasiPoissonSeasonTrend', alpha: 0.05, correction: 'benjamini-hochberg', demo: false });
    const row = defined(r.body.rows.find((x) => x.code === spike));
    expect(row).toMatchObject({ signal: 'higher' });
    expect(row.observed).toBeGreaterThan(defined(row.upper));
    expect(row.q).toBeLessThan(0.05);
    expect(row.sentence).toMatch(new RegExp(`^${row.naam}: \\d+ registraties van .* in november 2025, verwacht \\d+ tot \\d+\\.$`));
    expect(r.body.rows.filter((x) => x.signal).map((x) => x.code)).toEqual([spike]);
  });

  it('ordinary months give (almost) no signals', async () => {
    let found = 0;
    for (const month of ['2023-03', '2023-09', '2025-02', '2025-06']) {
      const r = await signals({ gemeente: GM, month, category: CATEGORY });
      expect(r.body.meta.tested).toBeGreaterThan(40);
      found += r.body.rows.filter((x) => x.signal).length;
    }
    expect(found).toBeLessThanOrEqual(1);
  });

  it('wijk level and a custom window', async () => {
    const w = await signals({ gemeente: GM, level: 'wijk', from: '2025-09', to: '2025-11', category: CATEGORY });
    expect(w.body.meta).toMatchObject({ level: 'wijk', month: null, from: '2025-09', to: '2025-11' });
    expect(w.body.rows).toHaveLength(7);
    for (const row of w.body.rows) expect(defined(row.lower)).toBeLessThanOrEqual(defined(row.upper));
  });

  it('early months without three years of history are not tested, and say so', async () => {
    const r = await signals({ gemeente: GM, month: '2021-06', category: CATEGORY });
    expect(r.body.meta.tested).toBe(0);
    expect(r.body.rows.every((x) => x.reason === 'tooFewMonths' && x.signal === null)).toBe(true);
    expect(r.body.meta.notes.join(' ')).toMatch(/minder dan 24 maanden/);
  });

  it('refuses bad parameters with { error, parameter }', async () => {
    const cases: [string, string][] = [
      ['gemeente=GM0935&month=2025-13', 'month'],
      ['gemeente=GM0935&level=gemeente', 'level'],
      ['gemeente=GM0935&category=nope', 'category'],
      ['gemeente=GM0935&month=2025-01&from=2025-01', 'month'],
      ['gemeente=GM0935&from=2023-01&to=2025-01', 'to'],
      ['gemeente=GM0935&month=2030-01', 'month'],
      ['gemeente=GM0935&month=2099-01', 'month'],
      ['gemeente=GM0935&month=2019-01', 'month'],
      ['gemeente=GM0935&to=2099-01', 'to'],
      ['gemeente=GM0935&from=2099-01', 'from'],
      ['month=2025-01', 'gemeente'],
    ];
    // Raw query strings: a bad level and a missing gemeente are what the typed client will not send.
    for (const [q, parameter] of cases) {
      expect((await errorOf(await t.app.request(`/api/signals?${q}`), 400)).parameter, q).toBe(parameter);
    }
  });

  it('the presentatie view sees no small count (nor p or q that would give it away)', async () => {
    const demo = makeTestApp(':memory:', {}, 'analist');
    const query = { gemeente: GM, month: '2025-03', category: '1.1.1' };
    const full = await signals(query, demo);
    const small = full.body.rows.filter((x) => x.observed !== null && x.observed >= 1 && x.observed <= 4).map((x) => x.code);
    expect(small.length).toBeGreaterThan(0);
    const r = await signals({ ...query, ...PRESENTATION_VIEW }, demo);
    for (const row of r.body.rows) {
      if (small.includes(row.code)) expect(row).toMatchObject({ observed: null, p: null, q: null, suppressed: true });
      else expect(row.observed).toBe(full.body.rows.find((x) => x.code === row.code)?.observed);
    }
  });
});

describe('reports', () => {
  it("the monthly briefing's \"Wat valt op\" lists the signal", async () => {
    const res = await t.app.request(`/api/reports/monthly?gemeente=${GM}&month=${SPIKE_MONTH}&format=html`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const section = html.slice(html.indexOf('<h2>Wat valt op</h2>'), html.indexOf('<h2>Kerncijfers'));
    const naam = t.dataset.area(spike)!.naam;
    expect(section).toMatch(new RegExp(`Meer dan verwacht – ${naam}: \\d+ registraties van diefstal/inbraak woning in november 2025, verwacht \\d+ tot \\d+`));
  });

  it('the quarterly report includes the saved evaluations', async () => {
    await post('/api/evaluations', { name: 'Rapportevaluatie', codes: dropped, start: START, categories: [CATEGORY], preMonths: 24, postMonths: 12 });
    const res = await t.app.request(`/api/reports/quarterly?gemeente=${GM}&quarter=2025-Q1&format=html`);
    const html = await res.text();
    expect(html).toContain('<h2>Evaluaties van de aanpak</h2>');
    expect(html).toMatch(/<h3>Rapportevaluatie<\/h3>\s*<p>In de aanpakbuurten lag het aantal registraties van diefstal\/inbraak woning na de start naar schatting \d+% lager/);
  });
});

describe('effect evaluations', () => {
  const definition = (codes: string[]) => ({ name: 'Aanpak', codes, start: START, categories: [CATEGORY], preMonths: 24, postMonths: 12 });

  it('estimates the 40 % drop: the interval excludes 0 and includes -40 %', async () => {
    const created = await post('/api/evaluations', definition(dropped));
    expect(created.status).toBe(201);
    const r = await evaluation(await idOf(created));
    const { meta, treated, control, placebo, displacement } = r.body;
    expect(meta).toMatchObject({ start: START, preMonths: 24, postMonths: 12, preFrom: '2022-01', postTo: '2024-12', demo: false, method: 'differenceInDifferences' });
    const effect = defined(r.body.effect, 'effect');
    expect(effect.upper).toBeLessThan(0);
    expect(effect.lower).toBeLessThanOrEqual(-40);
    expect(effect.upper).toBeGreaterThanOrEqual(-40);
    expect(effect.p).toBeLessThan(0.05);
    expect(treated.codes).toEqual(dropped);
    expect(treated.series).toHaveLength(36);
    expect(control.codes.length).toBe(control.weights.length);
    expect(control.codes.some((c) => dropped.includes(c))).toBe(false);
    // Direct neighbours of the treated buurten are not controls; they get their own (displacement) estimate.
    expect(control.codes.some((c) => displacement.codes.includes(c))).toBe(false);
    expect(displacement.codes.length).toBeGreaterThan(0);
    expect(placebo?.runs).toBeGreaterThan(100);
    expect(r.body.sentence).toMatch(/lager dan op grond van vergelijkbare buurten te verwachten was \(95%-interval: van \d+% daling tot \d+% daling; p/);
  });

  it('finds no effect for buurten that did not change (p above 0.05)', async () => {
    const created = await post('/api/evaluations', definition(unchanged));
    const r = await evaluation(await idOf(created));
    const effect = defined(r.body.effect, 'effect');
    expect(effect.p).toBeGreaterThan(0.05);
    expect(effect.lower).toBeLessThan(0);
    expect(effect.upper).toBeGreaterThan(0);
    expect(r.body.sentence).toMatch(/geen aantoonbaar effect/);
    // The other evaluation's treated buurten are not used as controls here.
    expect(r.body.control.codes.some((c) => dropped.includes(c))).toBe(false);
  });

  it('from an attention area; listed; plain statements when the data cannot answer', async () => {
    const area = await post('/api/attention-areas', { name: 'VBA', gemeente: GM, kind: 'vba', codes: dropped.slice(0, 2) });
    const areaId = ((await area.json()) as { id: number }).id;
    const created = await post('/api/evaluations', { name: 'Uit gebied', attentionAreaId: areaId, start: '2021-06', categories: [CATEGORY], preMonths: 24, postMonths: 6 });
    expect(created.status).toBe(201);
    const r = await evaluation(await idOf(created));
    expect(r.body.meta.attentionAreaId).toBe(areaId);
    expect(r.body.effect).toBeNull();
    expect(r.body.sentence).toMatch(/geen schatting te geven: de gekozen periode valt \(deels\) buiten de beschikbare maandcijfers/);
    const short = await post('/api/evaluations', { ...definition(unchanged), preMonths: 6 });
    const s = await evaluation(await idOf(short));
    expect(s.body.effect).toBeNull();
    expect(s.body.notes.join(' ')).toMatch(/minstens 12 maanden vóór/);
    const list = await answerOf(await t.client.evaluations.$get({ query: { gemeente: GM } }));
    expect(list.map((e) => e.name)).toEqual(expect.arrayContaining(['Aanpak', 'Uit gebied']));
  });

  it('labels signals and an evaluation on DEMO months DEMO', async () => {
    const demo = makeTestApp(':memory:', {}, 'analist');
    const created = await demo.app.request('/api/evaluations', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(definition(unchanged)) });
    const r = await evaluation(await idOf(created), demo);
    expect(r.body.meta.demo).toBe(true);
    expect(r.body.notes[0]).toMatch(/^DEMO/);
    expect(r.body.sentence).toMatch(/^DEMO/);
    const s = await signals({ gemeente: GM, month: '2024-05' }, demo);
    expect(s.body.meta.demo).toBe(true);
    expect(s.body.meta.notes[0]).toMatch(/^DEMO/);
  });

  it('only a role that may write defines an evaluation (open mode reads)', async () => {
    const open = makeTestApp();
    const r = await open.app.request('/api/evaluations', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(definition(dropped)) });
    expect(r.status).toBe(403);
  });

  it('refuses bad definitions with { error, parameter }', async () => {
    const cases: [unknown, number, string][] = [
      ['not json', 400, 'body'],
      [{ ...definition(dropped), name: '' }, 400, 'name'],
      [{ ...definition(dropped), start: '2024-1' }, 400, 'start'],
      [{ ...definition(dropped), start: '2031-01' }, 400, 'start'],
      [{ ...definition(dropped), categories: [] }, 400, 'categories'],
      [{ ...definition(dropped), categories: ['1.1.1', 'OVERLAST'] }, 400, 'categories'],
      [{ ...definition(dropped), categories: ['x.y'] }, 400, 'categories'],
      [{ ...definition(dropped), preMonths: 2.5 }, 400, 'preMonths'],
      [{ ...definition(dropped), postMonths: 0 }, 400, 'postMonths'],
      [{ ...definition(['BU03630000', ...dropped]) }, 400, 'codes'],
      [{ ...definition(['XX']) }, 400, 'codes'],
      [{ ...definition(dropped), attentionAreaId: 3 }, 400, 'codes'],
      [{ name: 'x', attentionAreaId: 999, start: START, categories: [CATEGORY], preMonths: 24, postMonths: 12 }, 404, 'attentionAreaId'],
    ];
    for (const [body, status, parameter] of cases) {
      const r = await post('/api/evaluations', body);
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(((await r.json()) as any).parameter, JSON.stringify(body)).toBe(parameter);
    }
    await errorOf(await t.client.evaluations[':id'].$get({ param: { id: '99999' } }), 404);
    await errorOf(await t.client.evaluations[':id'].$get({ param: { id: 'abc' } }), 400);
  });
});

describe('monthly totals only (0.0.0 rows per buurt, as 47022NED also publishes them)', () => {
  it('the total counts for all crime, and the 40 % drop is recovered', async () => {
    const app = makeTestApp(':memory:', {}, 'analist');
    const codes = app.dataset.areas(GM, 'buurt').map((b) => b.code).sort();
    const rand = rng(99);
    const treated = codes.slice(8, 13);
    const rows = codes.flatMap((code, i) =>
      months.map((month, m) => {
        const mu = (20 + ((i * 5) % 11) * 4) * SEASON[m % 12] * (treated.includes(code) && month >= START ? 0.6 : 1);
        return { code, month, count: negBinomial(rand, mu, 30) };
      }),
    );
    importFile(app.dataset, writeCsv(rows, '0.0.0'));
    const stats = await answerOf(await app.client.stats.$get({ query: { gemeente: GM, category: '0.0.0', from: '2024-03', to: '2024-03' } }));
    const first = defined(rows.find((r) => r.code === codes[0] && r.month === '2024-03'));
    expect(stats.rows.find((r) => r.code === codes[0])?.count).toBe(first.count);
    const created = await app.app.request('/api/evaluations', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'Totaal', codes: treated, start: START, categories: ['0.0.0'], preMonths: 24, postMonths: 12 }) });
    const r = await evaluation(await idOf(created), app);
    expect(r.body.meta.demo).toBe(false);
    const effect = defined(r.body.effect, 'effect');
    expect(effect.upper).toBeLessThan(0);
    expect(effect.lower).toBeLessThanOrEqual(-40);
    expect(effect.upper).toBeGreaterThanOrEqual(-40);
  });
});
