// The background map: the PDOK BRT-Achtergrondkaart (grey) under the choropleth by default, credited on the map,
// switchable; without a route to PDOK the map draws as before and says so once, quietly. Tests never reach the
// internet: tile requests are answered (or refused) by the browser test itself.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/index.ts';
import { distinctFills, launchChromium, ROOT, SHOTS, waitApplied } from './support.ts';

/** An 8 × 8 light-blue PNG: MapLibre stretches it over the tile. */
const TILE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGOoWPUMK2IYWhIAsDaCAaWzZcAAAAAASUVORK5CYII=', 'base64');

let server: { url: string; close: () => Promise<void> };
let browser: Browser;

beforeAll(async () => {
  // No BASEMAP: the default (PDOK grijs), as on a fresh installation.
  server = await startServer({ PORT: '0', DATA_DIR: path.join(ROOT, '.tmp/e2e-data-basemap') }, () => {});
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(tiles: 'answer' | 'fail', at = { query: '', key: '^GM0935\\|buurt\\|0\\.0\\.0\\|' }): Promise<{ page: Page; context: BrowserContext; errors: string[]; tileRequests: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'nl-NL' });
  const page = await context.newPage();
  const errors: string[] = [];
  const tileRequests: string[] = [];
  page.on('console', (m) => {
    // A refused tile is a failed request the browser itself logs; the app must add nothing to it.
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await context.route('https://service.pdok.nl/**', (route) => {
    tileRequests.push(route.request().url());
    return tiles === 'answer' ? route.fulfill({ status: 200, contentType: 'image/png', body: TILE, headers: { 'Access-Control-Allow-Origin': '*' } }) : route.abort('internetdisconnected');
  });
  // Anything else outside the app would be a test reaching the internet.
  await context.route((url) => !url.href.startsWith(server.url) && !url.href.startsWith('https://service.pdok.nl/'), (route) => {
    errors.push(`unexpected external request: ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(`${server.url}/${at.query}`);
  await page.waitForFunction(() => window.__bvk !== undefined);
  await page.evaluate(() => window.__bvk!.ready);
  await waitApplied(page, at.key);
  return { page, context, errors, tileRequests };
}

describe('background map', () => {
  it('draws the PDOK grey tiles under the areas and credits Kadaster / PDOK', async () => {
    const { page, context, errors, tileRequests } = await open('answer');
    await page.waitForFunction(() => window.__bvk!.map.getLayer('basemap') !== undefined && window.__bvk!.map.isSourceLoaded('basemap'));
    await page.evaluate(() => window.__bvk!.idle());
    expect(tileRequests.length).toBeGreaterThan(0);
    expect(tileRequests.every((u) => u.startsWith('https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/'))).toBe(true);
    // Under every area layer, and the areas let it through.
    const order = await page.evaluate(() => window.__bvk!.map.getStyle().layers.map((l) => l.id));
    expect(order.indexOf('basemap')).toBeLessThan(order.indexOf('buurten-fill'));
    expect(await page.evaluate(() => window.__bvk!.map.getPaintProperty('buurten-fill', 'fill-opacity'))).toBeLessThan(0.9);
    expect(await distinctFills(page)).not.toHaveLength(0);
    await expect(page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toContain('Kadaster / PDOK');
    expect(await page.getByText(/niet bereikbaar/).count()).toBe(0);
    // The background shows through: a pixel of the canvas outside the gemeente is the tile's blue, not the plain grey.
    const corner = await page.evaluate(() => {
      const c = window.__bvk!.map.getCanvas();
      const gl = (c.getContext('webgl2') ?? c.getContext('webgl'))!;
      const px = new Uint8Array(4);
      gl.readPixels(5, 5, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
      return [...px];
    });
    expect(corner.slice(0, 3)).not.toEqual([238, 241, 244]);
    await page.screenshot({ path: `${SHOTS}/bvk-basemap.png` });

    // Switching: luchtfoto asks another layer of PDOK; "Geen" removes the background and the see-through.
    await page.getByLabel('Achtergrondkaart').selectOption('luchtfoto');
    await page.waitForFunction(() => window.__bvk!.map.isSourceLoaded('basemap'));
    expect(tileRequests.some((u) => u.includes('/luchtfotorgb/'))).toBe(true);
    await page.getByLabel('Achtergrondkaart').selectOption('none');
    await page.waitForFunction(() => window.__bvk!.map.getLayer('basemap') === undefined);
    expect(await page.evaluate(() => window.__bvk!.map.getPaintProperty('buurten-fill', 'fill-opacity'))).toBe(0.9);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("is under the country's first map too, drawn before the page, and the page says once when PDOK cannot be reached", async () => {
    const country = { query: '?gemeente=NL', key: '^NL\\|gemeente\\|0\\.0\\.0\\|' };
    {
      const { page, context, errors, tileRequests } = await open('answer', country);
      // The first map had the background and let it through; the page kept that layer (no second one, no change).
      expect(await page.evaluate(() => performance.getEntriesByName('bvk-first-coloured').length)).toBe(1);
      const order = await page.evaluate(() => window.__bvk!.map.getStyle().layers.map((l) => l.id));
      expect(order.filter((id) => id === 'basemap')).toHaveLength(1);
      expect(order.indexOf('basemap')).toBeLessThan(order.indexOf('gemeenten-fill'));
      expect(await page.evaluate(() => window.__bvk!.map.getPaintProperty('gemeenten-fill', 'fill-opacity'))).toBeLessThan(0.9);
      expect(tileRequests.length).toBeGreaterThan(0);
      await expect(page.locator('.maplibregl-ctrl-attrib').count()).resolves.toBe(1);
      expect(errors).toEqual([]);
      await context.close();
    }
    {
      // The tiles fail while the first map is drawn, before the page listens: the page still says so, once.
      const { page, context, errors } = await open('fail', country);
      await page.getByText('De achtergrondkaart is nu niet bereikbaar; de kaart werkt zonder.').waitFor();
      expect(await page.getByText('De achtergrondkaart is nu niet bereikbaar; de kaart werkt zonder.').count()).toBe(1);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('without a route to PDOK: the map draws as before, says so once, and reports no error', async () => {
    const { page, context, errors, tileRequests } = await open('fail');
    await page.getByText('De achtergrondkaart is nu niet bereikbaar; de kaart werkt zonder.').waitFor();
    expect(tileRequests.length).toBeGreaterThan(0);
    expect(await distinctFills(page)).not.toHaveLength(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/bvk-basemap-offline.png` });
    expect(errors).toEqual([]);
    await context.close();
  });
});
