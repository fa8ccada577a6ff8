// Browser test for hotspots, the selection workbench and attention areas: starts the real
// server on a random port and drives Debian's chromium. Waits on the map's own events and on the DOM, never on timers.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/index.ts';
import { launchChromium, ROOT, SHOTS, waitApplied } from './support.ts';

const BINNENSTAD = 'BU09350000';

let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const areaRequests: string[] = [];
const created: { selections: number[]; attention: number[] } = { selections: [], attention: [] };

beforeAll(async () => {
  server = await startServer({ PORT: '0', DATA_DIR: path.join(ROOT, '.tmp/e2e-data'), BASEMAP_STYLE_URL: '' }, () => {});
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'nl-NL' });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
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
    expect(cls).toMatch(/^Hotspot 9\d%/);
    const pct = /(\d\d)%/.exec(cls!)![1];
    const legendRow = legend.getByRole('row', { name: new RegExp(`Hotspot ${pct}% betrouwbaar`) });
    const count = Number(/\((\d+)\)\s*$/.exec((await legendRow.textContent()) ?? '')?.[1]);
    expect(count).toBeGreaterThanOrEqual(1);
    const texts = await legend.locator('tbody tr').allTextContents();
    const total = texts.map((t) => Number(/\((\d+)\)\s*$/.exec(t)?.[1] ?? 'NaN')).reduce((a, b) => a + b, 0);
    expect(total).toBe(44);
    await expect(legend.textContent()).resolves.toMatch(/FDR-gecorrigeerd \(Benjamini–Hochberg\)/);
    await expect(legend.textContent()).resolves.toMatch(/registraties per km²/);

    await page.waitForFunction(
      ([code, key]) => window.__bvk!.map.getFeatureState({ source: 'buurten', id: code }).hotspot === key,
      [BINNENSTAD, `hot${pct}`],
      { timeout: 30_000 },
    );
    expect(areaRequests.length).toBe(before);
    expect(new URL(page.url()).searchParams.get('hotspots')).toBe('gistar');
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
    expect(new URL(page.url()).searchParams.get('hotspots')).toBe('lisa');
    await page.getByRole('table', { name: /Hotspots \(Local Moran's I\)/ }).waitFor();
  });

  it('ranks the 44 buurten in the workbench, and compares two of them', async () => {
    await page.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link', { name: 'Werkbank' }).click();
    const table = page.getByRole('table', { name: /^Rangorde buurten in Maastricht/ });
    await table.waitFor();
    await expect(table.locator('tbody tr').count()).resolves.toBe(44);
    expect(new URL(page.url()).searchParams.get('view')).toBe('werkbank');
    // Sorting by name puts Amby first.
    await table.getByRole('button', { name: 'Naam' }).click();
    await expect(table.getByRole('columnheader', { name: 'Naam' }).getAttribute('aria-sort')).resolves.toBe('ascending');
    await expect(table.locator('tbody tr th').first().textContent()).resolves.toBe('Amby');

    await page.getByRole('checkbox', { name: 'Op shortlist: Binnenstad' }).check();
    await page.getByRole('checkbox', { name: 'Op shortlist: Wyck', exact: true }).check();
    expect(new URL(page.url()).searchParams.get('shortlist')).toBe(`${BINNENSTAD},BU09350006`);
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

  it('saves the shortlist as a selection and lists it', async () => {
    const name = `Centrum e2e ${Date.now()}`;
    await page.getByLabel('Naam selectie').fill(name);
    await page.getByLabel('Notitie').fill('Binnenstad en Wyck: uitgaansgebied');
    await page.getByRole('button', { name: /^Selectie opslaan/ }).click();
    const list = page.getByRole('list', { name: 'Opgeslagen selecties' });
    await list.getByText(name).waitFor();
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/opgeslagen met 2 buurten/);
  });

  it('offers a CSV for Dutch Excel', async () => {
    const href = await page.getByRole('link', { name: 'Download CSV (Excel)' }).getAttribute('href');
    expect(href).toContain(`codes=${BINNENSTAD}%2CBU09350006`);
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^text\/csv/);
    const text = await res.text();
    expect(text.split('\r\n')[0]).toMatch(/^\uFEFF?Code;Naam;/);
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
    expect(new URL(page.url()).searchParams.get('area')).toMatch(/^\d+$/);
    await page.waitForFunction(() => window.__bvk!.map.querySourceFeatures('attention').length > 0);
    await page.evaluate(() => window.__bvk!.idle());
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/bvk-wb-attention.png` });
  });

  it('logged no console errors and made no external requests', () => {
    expect(consoleErrors).toEqual([]);
  });
});
