// Browser test for hotspots, the selection workbench and attention areas: starts the real
// server on a random port and drives Debian's chromium. Waits on the map's own events and on the DOM, never on timers.
import path from 'node:path';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/index.ts';
import { ensureUsers, launchChromium, ROOT, SHOTS, waitApplied, settledUrl } from './support.ts';

const BINNENSTAD = 'BU09350000';
const JEKERKWARTIER = 'BU09350001';

let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const areaRequests: string[] = [];
const created: { selections: number[]; attention: number[] } = { selections: [], attention: [] };

// Saving needs an account (open mode only reads): an analist, in a data folder of its own so the
// other browser tests keep running in open mode.
const ANALIST = { username: 'ana', password: 'correct horse battery', role: 'analist' as const, wijken: [] };
let sessionCookie = '';

beforeAll(async () => {
  const dataDir = path.join(ROOT, '.tmp/e2e-data-workbench');
  ensureUsers(dataDir, [ANALIST]);
  server = await startServer({ PORT: '0', DATA_DIR: dataDir, BASEMAP: 'none' }, () => {});
  browser = await launchChromium();
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ANALIST) });
  sessionCookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const [name, value] = sessionCookie.split('=');
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'nl-NL' });
  await context.addCookies([{ name, value, url: server.url }]);
  page = await context.newPage();
  page.on('console', (m) => {
    // The polygon outside Maastricht is refused on purpose: chromium logs that 400 as a failed resource.
    const refusedUpload = /status of 400/.test(m.text()) && m.location().url.endsWith('/api/attention-areas');
    if (m.type() === 'error' && !refusedUpload) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.origin !== new URL(server.url).origin) consoleErrors.push(`unexpected external request: ${r.url()}`);
    if (u.pathname === '/api/areas') areaRequests.push(r.url());
  });
  page.on('response', async (r) => {
    const u = new URL(r.url());
    if (r.request().method() !== 'POST' || r.status() !== 201) return;
    const body = (await r.json().catch(() => null)) as { id?: number } | null;
    if (body?.id && u.pathname === '/api/selections') created.selections.push(body.id);
    if (body?.id && u.pathname === '/api/attention-areas') created.attention.push(body.id);
  });
  await page.goto(server.url);
  await page.waitForFunction(() => window.__bvk !== undefined);
  await page.evaluate(() => window.__bvk!.ready);
  await waitApplied(page, '^GM0935\\|buurt\\|0\\.0\\.0\\|2024-01\\|2024-12\\|');
});

afterAll(async () => {
  // Leave the shared e2e store as we found it.
  for (const id of created.selections) await page?.request.delete(`${server.url}/api/selections/${id}`).catch(() => {});
  for (const id of created.attention) await page?.request.delete(`${server.url}/api/attention-areas/${id}`).catch(() => {});
  await browser?.close();
  await server?.close();
});

describe('Hotspots, workbench and attention areas in the browser', () => {
  it('shows the hotspot layer with its legend, by feature-state and without fetching geometry again', async () => {
    const before = areaRequests.length;
    await page.getByLabel('Hotspots tonen').check();
    const legend = page.getByRole('region', { name: 'Hotspots', exact: true });
    await legend.getByRole('table').waitFor();
    // Binnenstad's class from the hotspot table, then that class's count in the legend.
    const row = page.getByRole('table', { name: /Hotspots \(Getis-Ord Gi\*\) per buurt/ }).getByRole('row', { name: /^Binnenstad/ });
    const cls = await row.locator('td').first().textContent();
    expect(cls).toMatch(/^Hotspot \(FDR (1|5)%\)/);
    const fdr = /FDR (\d+)%/.exec(cls!)![1];
    const pct = String(100 - Number(fdr));
    const legendRow = legend.getByRole('row', { name: new RegExp(`Hotspot, [a-z ]+ \\(FDR ${fdr}%\\)`) });
    const count = Number(/\((\d+)\)\s*$/.exec((await legendRow.textContent()) ?? '')?.[1]);
    expect(count).toBeGreaterThanOrEqual(1);
    const texts = await legend.locator('tbody tr').allTextContents();
    const total = texts.map((t) => Number(/\((\d+)\)\s*$/.exec(t)?.[1] ?? 'NaN')).reduce((a, b) => a + b, 0);
    expect(total).toBe(44);
    // The class names are words: they wrap, and every count stays inside the card (they once ran past its edge).
    const card = (await legend.boundingBox())!;
    for (const cell of await legend.locator('.legend-count').all()) {
      const c = (await cell.boundingBox())!;
      expect(c.x + c.width, (await cell.textContent()) ?? '').toBeLessThanOrEqual(card.x + card.width - 8);
    }
    await expect(legend.textContent()).resolves.toMatch(/FDR-gecorrigeerd \(Benjamini–Hochberg\)/);
    await expect(legend.textContent()).resolves.toMatch(/registraties per km²/);

    await page.waitForFunction(
      ([code, key]) => window.__bvk!.map.getFeatureState({ source: 'buurten', id: code }).hotspot === key,
      [BINNENSTAD, `hot${pct}`],
      { timeout: 30_000 },
    );
    expect(areaRequests.length).toBe(before);
    expect((await settledUrl(page)).searchParams.get('hotspots')).toBe('gistar');
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/^Hotspots \(Getis-Ord Gi\*\): \d+ hotspots? en/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => window.__bvk!.idle());
    await page.screenshot({ path: `${SHOTS}/bvk-wb-hotspots.png` });
    // Closer look at the centre, and the same in greyscale: hatching and line styles must carry the meaning.
    await page.evaluate(() => {
      window.__bvk!.map.jumpTo({ center: [5.69, 50.85], zoom: 13 });
    });
    await page.evaluate(() => window.__bvk!.idle());
    await page.locator('.map-view').screenshot({ path: `${SHOTS}/bvk-wb-hotspots-zoom.png` });
    await page.addStyleTag({ content: 'html { filter: grayscale(1); }' });
    await page.locator('.map-view').screenshot({ path: `${SHOTS}/bvk-wb-hotspots-grey.png` });
    await page.locator('.hotspot-panel').screenshot({ path: `${SHOTS}/bvk-wb-hotspot-legend-grey.png` });
    await page.evaluate(() => document.querySelectorAll('style').forEach((s) => s.textContent?.includes('grayscale') && s.remove()));
  });

  it("switches to Local Moran's I", async () => {
    await page.getByRole('radio', { name: "Local Moran's I" }).check();
    const legend = page.getByRole('region', { name: 'Hotspots', exact: true });
    await legend.getByText(/^Local Moran's I op registraties/).waitFor();
    expect((await settledUrl(page)).searchParams.get('hotspots')).toBe('lisa');
    await page.getByRole('table', { name: /Hotspots \(Local Moran's I\)/ }).waitFor();
  });

  it('ranks the 44 buurten in the workbench, and compares two of them', async () => {
    // Everything the status region says from here on (the page's own news may follow the arrival quickly).
    await page.evaluate(() => {
      const log: string[] = [];
      (window as unknown as { statusLog: string[] }).statusLog = log;
      const region = document.querySelector('[role="status"]')!;
      new MutationObserver(() => log.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
    });
    await page.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link', { name: 'Werkbank' }).click();
    const table = page.getByRole('table', { name: /^Rangorde buurten in Maastricht/ });
    await table.waitFor();
    // A page of its own: its title in the tab, focus on its heading, and the status region says so.
    await expect(page.title()).resolves.toBe('Werkbank — Maastricht — Buurtveiligheidskaart');
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-page-heading'));
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toMatch(/^Werkbank: buurten van Maastricht kiezen/);
    await page.waitForFunction(() => (window as unknown as { statusLog: string[] }).statusLog.some((t) => t.startsWith('Werkbank geopend')));
    await expect(table.locator('tbody tr').count()).resolves.toBe(44);
    expect((await settledUrl(page)).searchParams.get('view')).toBe('werkbank');
    // Sorting by name puts Amby first.
    await table.getByRole('button', { name: 'Naam' }).click();
    await expect(table.getByRole('columnheader', { name: 'Naam' }).getAttribute('aria-sort')).resolves.toBe('ascending');
    await expect(table.locator('tbody tr th').first().textContent()).resolves.toBe('Amby');

    await page.getByRole('checkbox', { name: 'Op shortlist: Binnenstad' }).check();
    await page.getByRole('checkbox', { name: 'Op shortlist: Wyck', exact: true }).check();
    expect((await settledUrl(page)).searchParams.get('shortlist')).toBe(`${BINNENSTAD},BU09350006`);
    await page.getByRole('button', { name: 'Vergelijken (2)' }).click();
    const cmp = page.getByRole('region', { name: 'Vergelijking shortlist' });
    await expect(cmp.getByRole('heading', { level: 3 }).allTextContents()).resolves.toEqual(['Binnenstad', 'Wyck']);
    await cmp.getByRole('img', { name: /Maandcijfers Wyck/ }).waitFor();
    await cmp.getByRole('img', { name: /Maandcijfers Binnenstad/ }).waitFor();
    await expect(cmp.textContent()).resolves.toMatch(/van de laatste 12 maanden een significante hotspot/);
    await page.screenshot({ path: `${SHOTS}/bvk-wb-workbench.png`, fullPage: true });
  });

  it('changes a weight and ranks again', async () => {
    const slider = page.getByRole('slider', { name: 'Hotspot-persistentie (maanden)' });
    await slider.focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => /hotspot:5/.test(new URL(window.location.href).searchParams.get('gewichten') ?? ''));
    await page.getByRole('status').filter({ hasText: /^Rangorde bijgewerkt: 44 buurten/ }).waitFor();
  });

  it('changes category and period on the Werkbank itself, for the map too', async () => {
    const controls = page.getByRole('form', { name: 'Gebied, soort en periode' });
    await controls.getByLabel('Soort misdrijf').selectOption('1.1.1');
    await page.getByRole('table', { name: /^Rangorde buurten in Maastricht — Diefstal\/inbraak woning/ }).waitFor();
    await controls.getByRole('button', { name: 'Kalenderjaar 2023' }).click();
    await page.getByRole('table', { name: /Diefstal\/inbraak woning, jan 2023 – dec 2023/ }).waitFor();
    const url = (await settledUrl(page));
    expect([url.searchParams.get('category'), url.searchParams.get('from'), url.searchParams.get('to')]).toEqual(['1.1.1', '2023-01', '2023-12']);
    await controls.getByLabel('Soort misdrijf').selectOption('0.0.0');
    await controls.getByRole('button', { name: 'Kalenderjaar 2024' }).click();
    await page.getByRole('table', { name: /Totaal misdrijven, jan 2024 – dec 2024/ }).waitFor();
  });

  it('saves the shortlist as a selection and lists it', async () => {
    const name = `Centrum e2e ${Date.now()}`;
    await page.getByLabel('Naam selectie').fill(name);
    await page.getByLabel('Notitie').fill('Binnenstad en Wyck: uitgaansgebied');
    await page.getByRole('button', { name: /^Selectie opslaan/ }).click();
    const list = page.getByRole('list', { name: 'Opgeslagen selecties' });
    await list.getByText(name).waitFor();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/opgeslagen met 2 buurten/);
  });

  it('offers a CSV for Dutch Excel, in rank order with the weights shown', async () => {
    const href = await page.getByRole('link', { name: 'Download CSV (Excel)' }).getAttribute('href');
    expect(href).toContain(`codes=${BINNENSTAD}%2CBU09350006`);
    expect(new URL(href!, server.url).searchParams.get('weights')).toMatch(/hotspot:5/);
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^text\/csv/);
    const text = await res.text();
    expect(text.split('\r\n')[0]).toMatch(/^\uFEFF?Rang;Code;Naam;/);
    expect(text).toMatch(/Hotspot-persistentie \(maanden\) 5/);
    expect(text).toMatch(/Binnenstad/);
    const geo = await page.request.get((await page.getByRole('link', { name: 'Download GeoJSON' }).getAttribute('href'))!);
    expect(((await geo.json()) as { features: unknown[] }).features).toHaveLength(2);
  });

  it('defines an attention area from the shortlist, draws it and restricts the figures to it', async () => {
    const name = `Centrum aandacht e2e ${Date.now()}`;
    await page.getByLabel('Naam aandachtsgebied').fill(name);
    await page.getByLabel('Soort', { exact: true }).selectOption('camera');
    await page.getByRole('button', { name: /^Aandachtsgebied opslaan/ }).click();
    await page.getByRole('list').filter({ hasText: name }).first().waitFor();
    await page.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link', { name: 'Kaart' }).click();
    await page.waitForFunction(() => window.__bvk !== undefined);
    await page.evaluate(() => window.__bvk!.ready);
    await page.getByRole('checkbox', { name: 'Aandachtsgebieden', exact: true }).check();
    const filter = page.getByLabel('Cijfers beperken tot');
    await filter.selectOption((await filter.locator('option', { hasText: name }).getAttribute('value'))!);
    const table = page.getByRole('table', { name: /Misdrijven per 1\.000 inwoners — / });
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 30_000 }).toBe(2);
    await expect(page.getByRole('region', { name: 'Aandachtsgebieden' }).getByRole('definition').first().textContent()).resolves.toMatch(/^\d{1,3}(\.\d{3})*$/);
    expect((await settledUrl(page)).searchParams.get('area')).toMatch(/^\d+$/);
    await page.waitForFunction(() => window.__bvk!.map.querySourceFeatures('attention').length > 0);
    await page.evaluate(() => window.__bvk!.idle());
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/bvk-wb-attention.png` });
  });

  it('defines an attention area from an uploaded GeoJSON polygon and lists how many buurten it covers', async () => {
    // One bounding box per buurt, as two features: each buurt's interior point lies inside its own box.
    const res = await fetch(`${server.url}/api/areas?gemeente=GM0935`, { headers: { Cookie: sessionCookie } });
    const topo = (await res.json()) as Topology;
    const buurten = feature(topo, topo.objects.buurten as GeometryCollection) as FeatureCollection;
    const box = (code: string): Feature<Polygon> => {
      const f = buurten.features.find((b) => b.properties?.code === code)!;
      const pts = (f.geometry as Polygon).coordinates.flat() as Position[];
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      return { type: 'Feature', properties: { code }, geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] } };
    };
    const upload: FeatureCollection = { type: 'FeatureCollection', features: [box(BINNENSTAD), box(JEKERKWARTIER)] };

    await page.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link', { name: 'Werkbank' }).click();
    const form = page.getByRole('form', { name: 'Aandachtsgebied maken' });
    await form.getByRole('radio', { name: 'Uit een bestand (GeoJSON-polygoon)' }).check();
    const file = form.getByLabel('Polygoonbestand (.geojson of .json)');
    await file.setInputFiles({ name: 'centrum.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(upload)) });
    await form.getByText('Gelezen: 2 polygonen, coördinaten in WGS84 (graden).').waitFor();
    const name = `Centrum uit bestand e2e ${Date.now()}`;
    await form.getByLabel('Naam aandachtsgebied').fill(name);
    await form.getByLabel('Soort', { exact: true }).selectOption('kvo');
    await form.locator('.attention-source').scrollIntoViewIfNeeded();
    await form.screenshot({ path: `${SHOTS}/bvk-wb-attention-upload.png` });

    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/attention-areas' && r.request().method() === 'POST'),
      form.getByRole('button', { name: 'Aandachtsgebied opslaan (uit bestand)' }).click(),
    ]);
    expect(response.status()).toBe(201);
    const createdArea = (await response.json()) as { codes: string[] };
    expect(createdArea.codes).toEqual(expect.arrayContaining([BINNENSTAD, JEKERKWARTIER]));
    const n = createdArea.codes.length;
    const aside = page.getByRole('complementary', { name: 'Criteria, selecties en export' });
    const item = aside.locator('.attention-list li').filter({ hasText: name });
    await item.waitFor();
    await expect(item.textContent()).resolves.toContain(`Keurmerk Veilig Ondernemen · ${n} buurten`);
    await expect(page.getByRole('status').textContent()).resolves.toBe(`Aandachtsgebied "${name}" opgeslagen met ${n} buurten uit het bestand.`);
    // The form is ready for the next file.
    await expect(file.inputValue()).resolves.toBe('');
    await expect(form.getByLabel('Naam aandachtsgebied').inputValue()).resolves.toBe('');
  });

  it('says in Dutch why a file is refused, in the browser and by the server', async () => {
    const form = page.getByRole('form', { name: 'Aandachtsgebied maken' });
    const file = form.getByLabel('Polygoonbestand (.geojson of .json)');
    const alert = form.getByRole('alert');
    let posts = 0;
    const countPosts = (r: { url: () => string; method: () => string }) => {
      if (new URL(r.url()).pathname === '/api/attention-areas' && r.method() === 'POST') posts++;
    };
    page.on('request', countPosts);
    await file.setInputFiles({ name: 'kapot.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('dit is geen geojson') });
    await expect.poll(() => alert.textContent()).toBe('Het bestand is geen geldige JSON. Kies een GeoJSON-bestand (.geojson of .json).');
    await expect(file.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(file.getAttribute('aria-describedby')).resolves.toContain((await alert.getAttribute('id'))!);
    await form.getByLabel('Naam aandachtsgebied').fill('Kapot bestand');
    await form.getByRole('button', { name: 'Aandachtsgebied opslaan (uit bestand)' }).click();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('type'))).resolves.toBe('file');
    await expect(alert.textContent()).resolves.toMatch(/^Het bestand is geen geldige JSON/);
    page.off('request', countPosts);
    expect(posts).toBe(0);

    // A good polygon in Amsterdam: only the server knows it covers no buurt of Maastricht.
    const dam = { type: 'Polygon', coordinates: [[[4.89, 52.37], [4.9, 52.37], [4.9, 52.376], [4.89, 52.376], [4.89, 52.37]]] };
    await file.setInputFiles({ name: 'dam.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(dam)) });
    await form.getByText('Gelezen: 1 polygoon, coördinaten in WGS84 (graden).').waitFor();
    await form.getByRole('button', { name: 'Aandachtsgebied opslaan (uit bestand)' }).click();
    await expect.poll(() => alert.textContent()).toMatch(/^Het bestand bedekt geen enkele buurt van .+\. Een buurt telt mee als/);
    await expect(file.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('.attention-list li').filter({ hasText: 'Kapot bestand' }).count()).resolves.toBe(0);
  });

  it('logged no console errors and made no external requests', () => {
    expect(consoleErrors).toEqual([]);
  });
});
