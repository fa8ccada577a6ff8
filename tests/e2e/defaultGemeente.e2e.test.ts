// Browser test: the server's DEFAULT_GEMEENTE decides which gemeente a link without one opens; a link that names
// a gemeente still wins. Waits on the map's own events (window.__bvk), never on timers.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/index.ts';
import { launchChromium, ROOT, SHOTS, waitApplied } from './support.ts';

let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  server = await startServer({ PORT: '0', DATA_DIR: path.join(ROOT, '.tmp/e2e-data-default'), BASEMAP: 'none', DEFAULT_GEMEENTE: 'GM0268' }, () => {});
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the server default gemeente', () => {
  it('opens Nijmegen when the server names it and the link names none', async () => {
    await page.goto(server.url);
    await page.waitForFunction(() => window.__bvk !== undefined);
    await waitApplied(page, '^GM0268\\|buurt\\|0\\.0\\.0\\|');
    await expect(page.locator('.app-subtitle').textContent()).resolves.toMatch(/^Nijmegen · /);
    expect(await page.locator('.maplibregl-canvas').getAttribute('aria-label')).toMatch(/^Kaart van Nijmegen: buurten/);
    await expect(page.getByRole('table', { name: /buurten in Nijmegen/ }).locator('tbody tr').count()).resolves.toBeGreaterThan(10);
    await page.screenshot({ path: `${SHOTS}/bvk-default-nijmegen.png`, fullPage: false });
  });

  it('still opens the gemeente a link names', async () => {
    await page.goto(`${server.url}/?gemeente=GM0935`);
    await page.waitForFunction(() => window.__bvk !== undefined);
    await waitApplied(page, '^GM0935\\|buurt\\|0\\.0\\.0\\|');
    await expect(page.locator('.app-subtitle').textContent()).resolves.toMatch(/^Maastricht · /);
  });

  it('logged no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});
