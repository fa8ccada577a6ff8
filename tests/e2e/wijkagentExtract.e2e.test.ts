// The wijkagent's morning check on real registrations: a beheerder imports a police extract for the last month
// (registrations in the agent's wijk WK093504 and in another wijk), then the wijkagent of WK093504 sees only
// the own wijk's points, the 7- and 28-day windows on those registrations, a recent row that moves the map to
// its point, and a wijkbrief with the wijk's map and figures. Real server, Debian's chromium.
import path from 'node:path';
import { bbox, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, GeometryCollection as GeoCollection, MultiPolygon, Polygon } from 'geojson';
import proj4 from 'proj4';
import type { Browser, Page } from 'playwright-core';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/index.ts';
import { RD_NEW } from '../../server/src/importers/policeExtract.ts';
import { ensureUsers, launchChromium, ROOT, SHOTS, settledUrl } from './support.ts';
import { EXTRACT_HEADER } from '../support/policeExtract.ts';

const DATA_DIR = path.join(ROOT, '.tmp/e2e-data-extract');
const BEHEERDER = { username: 'beheer', password: 'correct horse battery', role: 'beheerder' as const, wijken: [] };
const AGENT = { username: 'agent-04', password: 'langs de maas op de fiets', role: 'wijkagent' as const, wijken: ['WK093504'] };
const OWN = 'WK093504';
const OTHER = 'WK093500';

let server: { url: string; close: () => Promise<void> };
/** West, south, east, north of the agent's wijk (from its buurten). */
let ownBox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

async function cookieOf(user: { username: string; password: string }): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: server.url }, body: JSON.stringify(user) });
  if (!res.ok) throw new Error(`login ${user.username}: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

/** An extract of the last month: per buurt of the two wijken a few registrations at a point inside the buurt (RD New). */
async function extractFor(cookie: string, lastMonth: string): Promise<{ csv: string; own: number; other: number }> {
  const topo = (await (await fetch(`${server.url}/api/areas?gemeente=GM0935`, { headers: { Cookie: cookie } })).json()) as Topology;
  const buurten = feature(topo, topo.objects.buurten as GeometryCollection) as FeatureCollection<Polygon | MultiPolygon | GeoCollection>;
  const toRd = proj4('EPSG:4326', RD_NEW);
  const lines = [EXTRACT_HEADER];
  let own = 0;
  let other = 0;
  const days = ['03', '12', '21', '27', '30'];
  for (const b of buurten.features) {
    const code = String(b.properties?.code);
    const wijk = `WK${code.slice(2, 8)}`;
    if (wijk !== OWN && wijk !== OTHER) continue;
    const [lon, lat] = pointOnFeature(b as Feature<Polygon | MultiPolygon>).geometry.coordinates;
    if (wijk === OWN) {
      const [w, s, e, n] = bbox(b);
      ownBox = [Math.min(ownBox[0], w), Math.min(ownBox[1], s), Math.max(ownBox[2], e), Math.max(ownBox[3], n)];
    }
    const [x, y] = toRd.forward([lon, lat]);
    days.forEach((day, i) => {
      const kind = ['1.1.1', '1.2.3', '2.2.1', '1.4.5', 'E35'][i];
      lines.push(`PL-${code}-${i};${lastMonth}-${day} 0${i}:15;${kind};Testregistratie;Straat van ${code.slice(-2)};${i + 1};6200AA;${x.toFixed(1)};${y.toFixed(1)}`);
      if (wijk === OWN) own++;
      else other++;
    });
  }
  return { csv: lines.join('\r\n'), own, other };
}

beforeAll(async () => {
  ensureUsers(DATA_DIR, [BEHEERDER, AGENT]);
  server = await startServer({ PORT: '0', DATA_DIR, BASEMAP: 'none' }, () => {});
  const admin = await cookieOf(BEHEERDER);
  const config = (await (await fetch(`${server.url}/api/config`, { headers: { Cookie: admin } })).json()) as { months: { last: string } };
  const { csv, own, other } = await extractFor(admin, config.months.last);
  expect(own).toBeGreaterThan(10);
  expect(other).toBeGreaterThan(10);
  // The extract covers two wijken only, so it replaces the month on purpose (a partial month is refused otherwise).
  const imported = await fetch(`${server.url}/api/imports?name=politie-extract.csv&gemeente=GM0935&allowPartialMonths=true`, { method: 'POST', headers: { Cookie: admin, Origin: server.url }, body: csv });
  if (!imported.ok) throw new Error(`import failed: ${imported.status} ${await imported.text()}`);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'nl-NL' });
  page.on('console', (m) => {
    // 403: the test asks for another wijk's points on purpose.
    if (m.type() === 'error' && !/status of (401|403)/.test(m.text())) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Aanmelden' }).waitFor();
  await page.getByLabel('Gebruikersnaam').fill(AGENT.username);
  await page.getByLabel('Wachtwoord').fill(AGENT.password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the wijkagent of WK093504 after a police extract', () => {
  it('sees the windows and recent registrations of the extract, not demo', async () => {
    const panel = page.getByRole('region', { name: /^Mijn wijk: / });
    await panel.waitFor({ timeout: 60_000 });
    expect((await settledUrl(page)).searchParams.get('mijnwijk')).toBe(OWN);
    const recent = panel.getByRole('table', { name: 'Meest recente registraties in de wijk' });
    await recent.waitFor();
    const rows = await recent.locator('tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(r).not.toMatch(/DEMO/);
    expect(rows.every((r) => /Straat van \d\d/.test(r))).toBe(true);
    const week = panel.getByRole('table', { name: /^Laatste 7 dagen/ });
    await week.waitFor();
    await panel.getByRole('table', { name: /^Laatste 28 dagen/ }).waitFor();
    // 28 days up to the newest registration (the 30th) hold the registrations of the 3rd up to the 30th.
    const mine = (await page.evaluate(async () => (await fetch('/api/mijn-wijk')).json())) as { windows: { days: number; rows: { code: string; count: number }[] }[] };
    const total = (days: number) => mine.windows.find((w) => w.days === days)!.rows.find((r) => r.code === '0.0.0')!.count;
    expect(total(7)).toBeGreaterThan(0);
    expect(total(28)).toBeGreaterThan(total(7));
    // The map opens on the whole wijk, beside the overview (not fitted for the width it had before the panel opened).
    await page.evaluate(() => window.__bvk!.idle());
    const view = await page.evaluate(() => window.__bvk!.map.getBounds().toArray().flat());
    expect(view[0]).toBeLessThanOrEqual(ownBox[0]);
    expect(view[1]).toBeLessThanOrEqual(ownBox[1]);
    expect(view[2]).toBeGreaterThanOrEqual(ownBox[2]);
    expect(view[3]).toBeGreaterThanOrEqual(ownBox[3]);
    // Its buurten are named on the map.
    const named = await page.evaluate(() => window.__bvk!.map.queryRenderedFeatures({ layers: ['area-labels'] }).map((f) => String(f.properties.code)));
    expect(named.filter((c) => c.startsWith('BU093504')).length).toBeGreaterThan(3);
    await page.screenshot({ path: `${SHOTS}/bvk-extract-mijnwijk.png` });
  });

  it('looks at a chosen week: its 7 days against the same week a year earlier', async () => {
    const panel = page.getByRole('region', { name: /^Mijn wijk: / });
    const periode = panel.getByRole('group', { name: 'Periode' });
    await periode.getByLabel('Een week').check();
    await periode.getByLabel('Week (maandag t/m zondag)').fill('2025-W50');
    await panel.getByRole('table', { name: /^Week 50 \(8 dec 2025 – 14 dec 2025\)/ }).waitFor();
    await panel.getByRole('table', { name: /^4 weken tot en met week 50/ }).waitFor();
    expect(await panel.getByRole('link', { name: /^Wijkbrief/ }).getAttribute('href')).toMatch(/week=2025-W50/);
    await periode.getByLabel('Nieuwste registraties').check();
    await panel.getByRole('table', { name: /^Laatste 7 dagen/ }).waitFor();
  });

  it("draws the own wijk's points only, and a recent row moves the map to its point", async () => {
    await page.getByLabel('Punten tonen').check();
    await page.getByRole('group', { name: 'Legenda registraties' }).waitFor({ timeout: 60_000 });
    const last = (await page.evaluate(async () => (await fetch('/api/config')).json())) as { months: { last: string } };
    const answer = (await page.evaluate(async (month) => {
      const u = new URL('/api/incidents', location.origin);
      u.search = new URLSearchParams({ gemeente: 'GM0935', category: '0.0.0', from: month, to: month }).toString();
      return (await fetch(u)).json();
    }, last.months.last)) as { features: { properties: { buurt: string; demo: boolean } }[] };
    expect(answer.features.length).toBeGreaterThan(10);
    expect(answer.features.every((f) => f.properties.buurt.startsWith('BU093504') && !f.properties.demo)).toBe(true);
    // Asking for the other wijk's points is refused, not answered with fewer.
    const other = await page.evaluate(async (month) => (await fetch(`/api/incidents?gemeente=GM0935&category=0.0.0&from=${month}&to=${month}&wijk=WK093500`)).status, last.months.last);
    expect([403, 400]).toContain(other);
    await page.evaluate(() => window.__bvk!.idle());
    expect(await page.evaluate(() => window.__bvk!.map.queryRenderedFeatures({ layers: ['incidents-clusters', 'incidents-points'] }).length)).toBeGreaterThan(0);
    const panel = page.getByRole('region', { name: /^Mijn wijk: / });
    await panel.getByRole('table', { name: 'Meest recente registraties in de wijk' }).getByRole('button', { name: /^Toon op de kaart/ }).first().click();
    const popup = page.locator('.incident-popup');
    await popup.waitFor();
    await expect(popup.textContent()).resolves.toMatch(/Straat van \d\d/);
    await page.evaluate(() => window.__bvk!.idle());
    expect(await page.evaluate(() => window.__bvk!.map.getZoom())).toBeGreaterThanOrEqual(16);
    await page.screenshot({ path: `${SHOTS}/bvk-extract-point.png` });
  });

  it("prints a wijkbrief with the wijk's map, a dot per registration of the 28 days and its figures", async () => {
    const html = await page.evaluate(async () => (await fetch('/api/reports/wijkbrief?format=html')).text());
    const mine = (await page.evaluate(async () => (await fetch('/api/mijn-wijk')).json())) as { windows: { days: number; rows: { code: string; count: number }[] }[] };
    const total28 = mine.windows.find((w) => w.days === 28)!.rows.find((r) => r.code === '0.0.0')!.count;
    expect((html.match(/<circle /g) ?? []).length).toBe(total28);
    expect(html).toMatch(/Wijkbrief veiligheid<br>Wijk 04/);
    expect(html).toMatch(/Laatste 7 dagen/);
    expect(html).toMatch(/Laatste 28 dagen/);
    // The streets cover three months, of which only the last is in the extract (the months before are DEMO, and say so).
    expect(html).toMatch(/Drukste straten/);
    expect(html).toMatch(/DEMO/);
    const pdf = await page.evaluate(async () => {
      const r = await fetch('/api/reports/wijkbrief?format=pdf');
      return { status: r.status, type: r.headers.get('content-type'), head: new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5)) };
    });
    expect(pdf).toEqual({ status: 200, type: 'application/pdf', head: '%PDF-' });
    expect(consoleErrors).toEqual([]);
  });
});
