// An attacker with a presentatie account against the disclosure control: every way we know to get a
// hidden count (1 up to the threshold) back — by field, by a derived value, by differencing over the
// area hierarchy, an attention area, a breakdown, the previous period or overlapping periods, and
// from exports and reports — tried on every buurt and wijk of Maastricht for a few months and the
// year 2025. The truth comes from an analist account, which must still see the exact counts.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SqliteUserStore } from '../../server/src/store/sqliteUsers.ts';
import { makeTestApp } from '../support/testApp.ts';
import { clientAs } from '../support/sessions.ts';
import { answerOf, defined } from '../support/answers.ts';
import { shiftMonth } from '../../server/src/domain/months.ts';
import { CellKeyRounding, isAlignedPeriod } from '../../server/src/domain/disclosure.ts';

const PW = 'correct horse battery';
const GM = 'GM0935';
const T = 4;
const PERIODS: [string, string][] = [['2025-01', '2025-01'], ['2025-06', '2025-06'], ['2025-11', '2025-11'], ['2025-01', '2025-12']];
const CATEGORIES = ['0.0.0', '1.1.1'];
const LEVELS = ['buurt', 'wijk'] as const;

let t: ReturnType<typeof makeTestApp>;
let analist = '';
let scherm = '';
/** The typed client as the analist and as the presentatie account (set in beforeAll). */
let ana: ReturnType<typeof clientAs>;
let pres: ReturnType<typeof clientAs>;
type StatsQuery = Parameters<typeof ana.stats.$get>[0]['query'];
type SeriesQuery = Parameters<typeof ana.series.$get>[0]['query'];
const stats = async (c: typeof ana, query: StatsQuery) => ({ body: await answerOf(await c.stats.$get({ query })) });
const series = async (c: typeof ana, query: SeriesQuery) => ({ body: await answerOf(await c.series.$get({ query })) });

async function login(username: string): Promise<string> {
  const res = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: PW }) });
  expect(res.status, `login ${username}`).toBe(200);
  return (res.headers.get('Set-Cookie') ?? '').split(';')[0];
}

async function get(url: string, cookie: string): Promise<{ status: number; body: any; text: string }> {
  const res = await t.app.request(url, { headers: { Cookie: cookie } });
  const text = await res.text();
  const type = res.headers.get('Content-Type') ?? '';
  return { status: res.status, body: /json/.test(type) ? JSON.parse(text) : null, text };
}

/**
 * What the attacker sees (200 expected), for the files (CSV, GeoJSON, HTML exports and reports), the
 * deliberately refused periods and the walk over any JSON: the JSON answers go through the typed client.
 */
const P = async (url: string) => {
  const r = await get(url, scherm);
  expect(r.status, url).toBe(200);
  return r;
};

/** Cells whose true count is hidden, and every guess the attacker made at one. */
const truth = new Map<string, number>();
const hidden = new Set<string>();
const guesses: { cell: string; value: number; how: string }[] = [];
/** Attempts at hidden cells, also those that found the field empty. */
const tried: { cell: string; how: string }[] = [];
const cellId = (code: string, category: string, from: string, to: string) => `${code}|${category}|${from}|${to}`;
const know = (id: string, n: number | null) => {
  if (n === null) return;
  truth.set(id, n);
  if (n >= 1 && n <= T) hidden.add(id);
};
const guess = (cell: string, value: number | null | undefined, how: string) => {
  if (hidden.has(cell)) tried.push({ cell, how });
  if (value === null || value === undefined || !Number.isFinite(value)) return;
  guesses.push({ cell, value, how });
};
/** A guess that hits a hidden count exactly (to the nearest integer, as an attacker would round). */
const recovered = (since = 0) =>
  guesses.slice(since).filter((g) => hidden.has(g.cell) && Math.abs(g.value - Math.round(g.value)) < 0.05 && Math.round(g.value) === truth.get(g.cell)).map((g) => `${g.cell} = ${truth.get(g.cell)} via ${g.how}`);

const km2 = (code: string) => t.dataset.area(code)!.oppervlakteKm2;
const buurtenOf = (wijk: string) => t.dataset.areas(GM, 'buurt').filter((b) => b.wijkcode === wijk).map((b) => b.code);
const wijken = () => t.dataset.areas(GM, 'wijk').map((w) => w.code);
const periodQuery = (from: string, to: string) => `from=${from}&to=${to}`;
const nlInt = (s: string) => (/^\d{1,3}(\.\d{3})*$/.test(s) ? Number(s.replace(/\./g, '')) : null);

beforeAll(async () => {
  t = makeTestApp(':memory:');
  const users = new SqliteUserStore(t.store.db);
  users.add('ana', PW, 'analist', []);
  users.add('scherm', PW, 'presentatie', []);
  analist = await login('ana');
  scherm = await login('scherm');
  ana = clientAs(t.app, analist);
  pres = clientAs(t.app, scherm);
  // The truth, from the analist: every cell the attacks below aim at, and the year before (previousCount).
  for (const category of [...CATEGORIES, 'HIC'])
    for (const level of [...LEVELS, 'gemeente'] as const)
      for (const [from, to] of [...PERIODS, ['2025-02', '2025-02'], ['2025-03', '2025-03'], ['2025-04', '2025-04'], ['2025-05', '2025-05'], ['2025-04', '2025-06']] as [string, string][]) {
        const s = await stats(ana, { gemeente: GM, level, category, from, to });
        for (const r of s.body.rows) {
          know(cellId(r.code, category, from, to), r.count);
          know(cellId(r.code, category, shiftMonth(from, -12), shiftMonth(to, -12)), r.previousCount);
        }
      }
  // Counts per crime type (the breakdown) of every buurt and wijk.
  for (const code of [...t.dataset.areas(GM, 'buurt').map((b) => b.code), ...wijken()])
    for (const [from, to] of PERIODS) {
      const s = await series(ana, { code, category: '0.0.0', from, to });
      for (const b of s.body.breakdown) know(cellId(code, b.code, from, to), b.count);
    }
}, 600_000);

describe('disclosure control against a presentatie account (Maastricht 2025)', () => {
  let start = 0;
  beforeEach(() => {
    start = guesses.length;
  });

  it('finds enough hidden cells for the attacks to mean something', () => {
    expect(hidden.size).toBeGreaterThan(300);
  });

  it('no field or derived value of /api/stats gives a hidden count back', async () => {
    for (const category of CATEGORIES)
      for (const level of LEVELS)
        for (const [from, to] of PERIODS) {
          const s = await stats(pres, { gemeente: GM, level, category, from, to });
          // meta.privacy is added by the privacy middleware, so it is not in the route's answer type.
          expect(s.body.meta).toHaveProperty('privacy', expect.stringMatching(/afgerond/));
          for (const r of s.body.rows) {
            const id = cellId(r.code, category, from, to);
            const prev = cellId(r.code, category, shiftMonth(from, -12), shiftMonth(to, -12));
            guess(id, r.count, 'count');
            guess(prev, r.previousCount, 'previousCount');
            if (r.population) guess(id, r.ratePer1000 === null ? null : (r.ratePer1000 * r.population) / 1000, 'ratePer1000 x population');
            guess(id, r.densityPerKm2 === null ? null : r.densityPerKm2 * km2(r.code), 'densityPerKm2 x area');
            if (r.changePct !== null && r.previousCount !== null) guess(id, r.previousCount * (1 + r.changePct / 100), 'changePct x previousCount');
            if (r.changePct !== null && r.count !== null) guess(prev, r.count / (1 + r.changePct / 100), 'count / changePct');
            if (hidden.has(id)) {
              expect(r, id).toMatchObject({ count: null, suppressed: true, ratePer1000: null, ratePer1000Smoothed: null, densityPerKm2: null, changePct: null });
              expect(r.flags, id).toContain('suppressed');
            }
          }
        }
    expect(recovered(start)).toEqual([]);
  }, 300_000);

  it('hotspots (every measure, both methods) and the ranking give no hidden count back', async () => {
    for (const category of CATEGORIES)
      for (const level of LEVELS)
        for (const [from, to] of PERIODS) {
          const q = { gemeente: GM, level, category, from, to };
          const methods = [{ method: 'gistar', measure: 'count' }, { method: 'gistar', measure: 'densityPerKm2' }, { method: 'gistar', measure: 'ratePer1000Smoothed' }, { method: 'lisa' }] as const;
          for (const how of methods) {
            const m = `${how.method} ${'measure' in how ? how.measure : ''}`.trim();
            const h = await answerOf(await pres.hotspots.$get({ query: { ...q, ...how } }));
            for (const r of h.rows) {
              const id = cellId(r.code, category, from, to);
              if (m.endsWith('count')) guess(id, r.value, 'hotspots value (count)');
              if (m.endsWith('densityPerKm2')) guess(id, r.value === null ? null : r.value * km2(r.code), 'hotspots value (density) x area');
              if (hidden.has(id)) expect(r.value, `${id} ${m}`).toBeNull();
            }
          }
          const byCode = new Map((await answerOf(await pres.stats.$get({ query: q }))).rows.map((r) => [r.code, r]));
          const totals = new Map((await answerOf(await pres.stats.$get({ query: { ...q, category: '0.0.0' } }))).rows.map((r) => [r.code, r.count]));
          const weights = 'count:1,density:1,change:1,hicShare:1,smoothedRate:1,hotspot:1';
          const rk = await answerOf(await pres.ranking.$get({ query: { ...q, weights } }));
          for (const r of rk.rows) {
            const id = cellId(r.code, category, from, to);
            const s = byCode.get(r.code);
            guess(id, r.values.count, 'ranking values.count');
            guess(id, r.values.density === null ? null : r.values.density * km2(r.code), 'ranking values.density x area');
            if (r.values.change !== null && s?.previousCount != null) guess(id, s.previousCount * (1 + r.values.change / 100), 'ranking values.change x previousCount');
            const total = totals.get(r.code);
            if (r.values.hicShare !== null && total != null) guess(cellId(r.code, 'HIC', from, to), (r.values.hicShare / 100) * total, 'ranking hicShare x total');
          }
        }
    expect(recovered(start)).toEqual([]);
  }, 600_000);

  it('differencing over wijk, gemeente and attention-area totals gives no hidden count back', async () => {
    // Attention areas made by an analist: each wijk's buurten, and each buurt with one neighbour in its wijk.
    const areaIds: { id: number; codes: string[] }[] = [];
    for (const w of wijken()) {
      const codes = buurtenOf(w);
      for (const set of [codes, codes.slice(0, 2)]) {
        if (set.length === 0) continue;
        const res = await t.app.request('/api/attention-areas', { method: 'POST', headers: { Cookie: analist, 'Content-Type': 'application/json' }, body: JSON.stringify({ name: `Test ${w} ${set.length}`, gemeente: GM, kind: 'overig', codes: set, shared: true }) });
        expect(res.status).toBeLessThan(300);
        areaIds.push({ id: ((await res.json()) as any).id, codes: set });
      }
    }
    for (const category of CATEGORIES)
      for (const [from, to] of PERIODS) {
        const counts = async (level: 'buurt' | 'wijk') => new Map((await stats(pres, { gemeente: GM, category, from, to, level })).body.rows.map((r) => [r.code, r.count]));
        const buurt = await counts('buurt');
        const wijk = await counts('wijk');
        const gemeente = (await stats(pres, { gemeente: GM, category, from, to, level: 'gemeente' })).body.rows[0].count;
        /** total minus the visible parts: the one hidden part, or (none hidden) the total itself. */
        const difference = (total: number | null, parts: string[], counts: Map<string, number | null>, totalId: string, how: string) => {
          const unknown = parts.filter((p) => counts.get(p) === null);
          const visible = parts.reduce((s, p) => s + (counts.get(p) ?? 0), 0);
          if (total !== null && unknown.length === 1) guess(cellId(unknown[0], category, from, to), total - visible, how);
          if (total !== null && unknown.length > 1 && total - visible === unknown.length) for (const u of unknown) guess(cellId(u, category, from, to), 1, `${how} (hidden ones must each be 1)`);
          if (unknown.length === 0) guess(totalId, visible, `${how} (sum of parts)`);
        };
        for (const w of wijken()) difference(wijk.get(w) ?? null, buurtenOf(w), buurt, cellId(w, category, from, to), `wijk ${w} minus its buurten`);
        difference(gemeente, wijken(), wijk, cellId(GM, category, from, to), 'gemeente minus its wijken');
        if (from === to) {
          // Signals (observed count per buurt and wijk of a month): by field and wijk minus its buurten.
          const observed = async (level: 'buurt' | 'wijk') => new Map((await answerOf(await pres.signals.$get({ query: { gemeente: GM, level, category, month: from } }))).rows.map((r) => [r.code, r.observed]));
          const sb = await observed('buurt');
          const sw = await observed('wijk');
          for (const [code, n] of [...sb, ...sw]) guess(cellId(code, category, from, to), n, 'signals observed');
          for (const w of wijken()) difference(sw.get(w) ?? null, buurtenOf(w), sb, cellId(w, category, from, to), `signals: wijk ${w} minus its buurten`);
        }
        for (const a of areaIds) {
          const res = await pres.stats.$get({ query: { gemeente: GM, category, from, to, level: 'buurt', area: String(a.id) } });
          if (res.status !== 200) continue; // not shared with this account: nothing to attack
          difference(defined((await answerOf(res)).meta.area, 'meta.area').total.count, a.codes, buurt, `AA${a.id}`, `attention area ${a.id} minus its buurten`);
        }
      }
    expect(recovered(start)).toEqual([]);
  }, 600_000);

  it('the breakdown by type, the monthly series and overlapping periods give no hidden count back', async () => {
    const codes = [...t.dataset.areas(GM, 'buurt').map((b) => b.code), ...wijken()];
    let groupedRows = 0;
    for (const code of codes) {
      for (const [from, to] of PERIODS) {
        const s = await series(pres, { code, category: '0.0.0', from, to });
        const total = (await stats(pres, { gemeente: GM, level: code.startsWith('BU') ? 'buurt' : 'wijk', category: '0.0.0', from, to })).body.rows.find((r) => r.code === code)?.count ?? null;
        const suppressedTypes = s.body.breakdown.filter((b) => b.count === null);
        const grouped = s.body.breakdown.find((b) => b.code === 'kleine-aantallen');
        if (grouped) groupedRows++;
        if (grouped) expect(s.body.breakdown.filter((b) => b.count === null || b.count <= T)).toEqual(grouped.count === null ? [grouped] : []);
        const visible = s.body.breakdown.reduce((n: number, b: any) => n + (b.count ?? 0), 0);
        for (const b of s.body.breakdown) {
          guess(cellId(code, b.code, from, to), b.count, 'breakdown count');
          if (hidden.has(cellId(code, b.code, from, to))) expect(b, `${code} ${b.code}`).toMatchObject({ count: null, suppressed: true });
        }
        if (total !== null && suppressedTypes.length === 1) guess(cellId(code, suppressedTypes[0].code, from, to), total - visible, 'total minus visible types');
        if (total !== null && suppressedTypes.length > 0 && total - visible === suppressedTypes.length) for (const b of suppressedTypes) guess(cellId(code, b.code, from, to), 1, 'hidden types must each be 1');
        if (suppressedTypes.length === 0) guess(cellId(code, '0.0.0', from, to), visible, 'sum of the breakdown');
        // The monthly series: each month, and the year minus the other eleven months.
        const months = new Map<string, number | null>(s.body.series.map((p) => [p.month, p.count]));
        for (const [m, n] of months) if (m.startsWith('2025')) guess(cellId(code, '0.0.0', m, m), n, 'series month');
        if (from === '2025-01' && to === '2025-12' && total !== null) {
          for (let i = 1; i <= 12; i++) {
            const m = `2025-${String(i).padStart(2, '0')}`;
            const others = [...months].filter(([k]) => k.startsWith('2025') && k !== m);
            if (others.every(([, n]) => n !== null)) guess(cellId(code, '0.0.0', m, m), total - others.reduce((x, [, n]) => x + (n as number), 0), 'year minus the other months');
          }
        }
      }
      // Period differencing: January-May is refused (January-June, a half-year, is not); the quarter minus its other months is noise.
      const level = code.startsWith('BU') ? 'buurt' : 'wijk';
      const base = `/api/stats?gemeente=${GM}&level=${level}&category=0.0.0`;
      const six = await get(`${base}&from=2025-01&to=2025-06`, scherm);
      const five = await get(`${base}&from=2025-01&to=2025-05`, scherm);
      if (six.status === 200 && five.status === 200) {
        const a = six.body.rows.find((r: any) => r.code === code).count;
        const b = five.body.rows.find((r: any) => r.code === code).count;
        if (a !== null && b !== null) guess(cellId(code, '0.0.0', '2025-06', '2025-06'), a - b, 'Jan-Jun minus Jan-May');
      } else {
        for (const r of [six, five].filter((x) => x.status !== 200)) expect(r).toMatchObject({ status: 400, body: { parameter: 'from' } });
      }
      if (code === codes[0] || code === codes.at(-1)) {
        const countIn = async (from: string, to: string) =>
          defined((await stats(pres, { gemeente: GM, level, category: '0.0.0', from, to })).body.rows.find((r) => r.code === code), code).count;
        const q2 = await countIn('2025-04', '2025-06');
        const apr = await countIn('2025-04', '2025-04');
        const may = await countIn('2025-05', '2025-05');
        if (q2 !== null && apr !== null && may !== null) guess(cellId(code, '0.0.0', '2025-06', '2025-06'), q2 - apr - may, 'quarter minus April and May');
      }
    }
    // Types with small counts come as one rounded row, so there is no list of hidden types to divide among.
    expect(groupedRows).toBeGreaterThan(100);
    expect(recovered(start)).toEqual([]);
  }, 900_000);

  it('exports (csv, geojson, html) give no hidden count back', async () => {
    for (const category of CATEGORIES)
      for (const level of LEVELS)
        for (const [from, to] of PERIODS) {
          const q = `gemeente=${GM}&level=${level}&category=${category}&${periodQuery(from, to)}`;
          const csv = (await P(`/api/export?format=csv&${q}`)).text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
          const head = csv[0].split(';');
          for (const line of csv.slice(1)) {
            const f = line.split(';');
            if (f.length !== head.length) continue; // a quoted field with ';' (no count column moves)
            const code = f[head.indexOf('Code')];
            const n = (x: string) => (x === '' ? null : Number(x.replace(',', '.')));
            guess(cellId(code, category, from, to), n(f[head.indexOf('Aantal')]), 'csv Aantal');
            guess(cellId(code, category, shiftMonth(from, -12), shiftMonth(to, -12)), n(f[head.indexOf('Aantal jaar eerder')]), 'csv Aantal jaar eerder');
            guess(cellId(code, category, from, to), (n(f[head.indexOf('Per km²')]) ?? NaN) * km2(code), 'csv Per km² x area');
          }
          const geo = await P(`/api/export?format=geojson&${q}`);
          for (const f of geo.body.features) guess(cellId(f.properties.code, category, from, to), f.properties.count, 'geojson count');
          const html = (await P(`/api/export?format=html&${q}`)).text;
          expect(html).toMatch(/afgerond/);
          for (const page of html.split('<section class="page">').slice(1)) {
            const code = /<small>([^<]+)<\/small>/.exec(page)![1];
            const n = nlInt(/Aantal registraties<\/th><td>([^<]*)</.exec(page)![1]);
            guess(cellId(code, category, from, to), n, 'html Aantal registraties');
          }
        }
    expect(recovered(start)).toEqual([]);
  }, 600_000);

  it('monthly and quarterly reports give no hidden wijk or gemeente count back', async () => {
    const themes: Record<string, string> = { Woninginbraak: '1.1.1', 'Totaal misdrijven': '0.0.0' };
    const naamToCode = new Map([...t.dataset.areas(GM, 'wijk'), ...t.dataset.areas(GM, 'gemeente')].map((a) => [a.naam, a.code]));
    const scan = (html: string, from: string, to: string, how: string) => {
      let rows = 0;
      for (const table of html.split('<table').slice(1)) {
        const caption = /<caption>([^<]*)<\/caption>/.exec(table)?.[1] ?? '';
        const category = Object.entries(themes).find(([label]) => caption.startsWith(label))?.[1];
        if (!category) continue;
        for (const m of table.matchAll(/<tr[^>]*><th scope="row">([^<]*)<\/th><td class="num">([^<]*)<\/td><td class="num">([^<]*)<\/td>/g)) {
          const code = naamToCode.get(m[1].replace(/ \(gemeente\)$/, ''));
          if (!code) continue;
          rows++;
          guess(cellId(code, category, from, to), nlInt(m[2]), `${how}: ${caption}`);
          guess(cellId(code, category, shiftMonth(from, -12), shiftMonth(to, -12)), nlInt(m[3]), `${how}: ${caption} (a year earlier)`);
        }
      }
      expect(rows, how).toBeGreaterThan(10);
    };
    for (const month of ['2025-01', '2025-06', '2025-11']) {
      const r = await P(`/api/reports/monthly?gemeente=${GM}&month=${month}&format=html`);
      expect(r.text).toMatch(/afgerond/);
      scan(r.text, month, month, `monthly report ${month}`);
    }
    const q = await P(`/api/reports/quarterly?gemeente=${GM}&quarter=2025-Q2&format=html`);
    scan(q.text, '2025-04', '2025-06', 'quarterly report 2025-Q2');
    expect(recovered(start)).toEqual([]);
  }, 600_000);

  // A walk over whatever JSON comes back, so these go through app.request: the typed answers add nothing here.
  it('no JSON answer of the presentatie account holds a count from 1 up to the threshold', async () => {
    const seen: number[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (/count$/i.test(k) && typeof x === 'number') seen.push(x);
          else walk(x);
        }
      }
    };
    for (const url of [`/api/stats?gemeente=${GM}&category=1.1.1&from=2025-06&to=2025-06`, `/api/series?code=WK093502&category=1.1.1`, `/api/hotspots?gemeente=${GM}&category=1.1.1&from=2025-06&to=2025-06&measure=count`, `/api/ranking?gemeente=${GM}&category=1.1.1&from=2025-06&to=2025-06`, `/api/targets?gemeente=${GM}`, `/api/signals?gemeente=${GM}&category=1.1.1&month=2025-06`, `/api/signals?gemeente=${GM}&level=wijk&category=0.0.0&month=2025-06`])
      walk((await P(url)).body);
    expect(seen.length).toBeGreaterThan(50);
    expect(seen.filter((n) => n >= 1 && n <= T)).toEqual([]);
  }, 120_000);

  it('the attacker was really looking: many guesses, at hidden cells of every kind', () => {
    const at = tried;
    expect(at.length).toBeGreaterThan(1000);
    for (const how of ['count', 'ratePer1000', 'hotspots value', 'ranking', 'wijk', 'attention area', 'signals', 'series month', 'year minus', 'csv Aantal', 'geojson', 'html', 'monthly report', 'quarterly report']) expect(at.some((g) => g.how.startsWith(how)), how).toBe(true);
  });
});

describe('roles without disclosure control', () => {
  it('the analist sees the exact counts: buurten add up to their wijk, no privacy note', async () => {
    for (const [from, to] of PERIODS) {
      const buurt = (await stats(ana, { gemeente: GM, category: '0.0.0', from, to, level: 'buurt' })).body;
      const wijk = (await stats(ana, { gemeente: GM, category: '0.0.0', from, to, level: 'wijk' })).body;
      expect(buurt.meta).not.toHaveProperty('privacy');
      const raw = t.dataset.figures(GM, 'buurt', '0.0.0', from, to).figures;
      expect(buurt.rows.map((r) => r.count)).toEqual(raw.map((f) => f.current.count));
      for (const w of wijk.rows) expect(w.count).toBe(buurt.rows.filter((r) => r.wijkcode === w.code).reduce((s, r) => s + (r.count ?? 0), 0));
      expect(buurt.rows.some((r) => r.count !== null && r.count >= 1 && r.count <= T) || from !== to).toBe(true);
    }
    const s = await series(ana, { code: 'WK093502', category: '0.0.0', from: '2025-01', to: '2025-12' });
    expect(s.body.breakdown.some((b) => b.count !== null && b.count >= 1 && b.count <= T)).toBe(true);
    expect((await get(`/api/stats?gemeente=${GM}&from=2025-02&to=2025-06`, analist)).status).toBe(200);
  });
});

describe('cell-key rounding', () => {
  const dc = new CellKeyRounding(Buffer.alloc(32, 7), T);
  it('publishes multiples of the base, never 1..threshold, the same for the same cell however described', () => {
    for (let n = 0; n < 200; n++) {
      const d = dc.count(n, { areas: ['BU1', 'BU2'], from: '2025-01', to: '2025-12', types: ['1.1.1', '1.2.1'] });
      expect(d.value % 5).toBe(0);
      expect(Math.abs(d.value - n)).toBeLessThan(5);
      expect(d.hidden).toBe(n >= 1 && n <= T);
      expect(dc.count(n, { areas: ['BU2', 'BU1'], from: '2025-01', to: '2025-12', types: ['1.2.1', '1.1.1'] })).toEqual(d);
    }
    expect(dc.count(0, { areas: ['X'], from: 'a', to: 'b', types: [] }).value).toBe(0);
  });
  it('is unbiased: over many cells the rounding averages out', () => {
    let sum = 0;
    for (let i = 0; i < 5000; i++) sum += dc.count(3, { areas: [`BU${i}`], from: '2025-01', to: '2025-01', types: [] }).value;
    expect(sum / 5000).toBeGreaterThan(2.7);
    expect(sum / 5000).toBeLessThan(3.3);
  });
  it('allows months, quarters, half-years and whole years only', () => {
    expect(isAlignedPeriod('2025-07', '2025-12')).toBe(true);
    expect(isAlignedPeriod('2025-03', '2025-08')).toBe(false);
    expect(isAlignedPeriod('2025-06', '2025-06')).toBe(true);
    expect(isAlignedPeriod('2025-04', '2025-06')).toBe(true);
    expect(isAlignedPeriod('2023-01', '2025-12')).toBe(true);
    expect(isAlignedPeriod('2025-01', '2025-05')).toBe(false);
    expect(isAlignedPeriod('2025-02', '2025-04')).toBe(false);
    expect(isAlignedPeriod('2024-07', '2025-06')).toBe(false);
  });
});
