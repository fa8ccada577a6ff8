// Browser test: starts the real server on a random port and drives Debian's chromium.
// Waits on the map's own events (window.__bvk), never on timers.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/index.ts';
import { distinctFills, launchChromium, ROOT, SHOTS, waitApplied, watchPage, settledUrl } from './support.ts';

let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let page: Page;
let consoleErrors: string[] = [];
const areaRequests: string[] = [];

beforeAll(async () => {
  // Own data folder (git-ignored) so the test never touches a developer's running store.
  server = await startServer({ PORT: '0', DATA_DIR: path.join(ROOT, '.tmp/e2e-data'), BASEMAP: 'none' }, () => {});
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'nl-NL' });
  consoleErrors = watchPage(page, server.url, (u) => {
    if (u.pathname === '/api/areas') areaRequests.push(u.href);
  });
  await page.goto(server.url);
  await page.waitForFunction(() => window.__bvk !== undefined);
  await page.evaluate(() => window.__bvk!.ready);
  await waitApplied(page, '^GM0935\\|buurt\\|0\\.0\\.0\\|');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Buurtveiligheidskaart in the browser', () => {
  it('colours the buurten of Maastricht with several classes', async () => {
    const fills = await distinctFills(page);
    expect(fills.length).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: `${SHOTS}/bvk-start.png`, fullPage: false });
  });

  it('labels the map canvas in Dutch for screen readers', async () => {
    const label = await page.locator('.maplibregl-canvas').getAttribute('aria-label');
    expect(label).toMatch(/^Kaart van Maastricht: buurten gekleurd naar misdrijven per 1\.000 inwoners/);
    await expect(page.getByRole('button', { name: 'Inzoomen' }).count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: 'Uitzoomen' }).count()).resolves.toBe(1);
  });

  it('has a legend that states the measure, classes and counts', async () => {
    const legend = page.getByRole('region', { name: 'Misdrijven per 1.000 inwoners', exact: true });
    await expect(legend.getByRole('heading', { level: 2 }).textContent()).resolves.toContain('per 1.000');
    const rows = legend.getByRole('table').locator('tbody tr');
    const texts = await rows.allTextContents();
    expect(texts.at(-1)).toMatch(/geen gegevens/);
    const total = texts.map((t) => Number(/\((\d+)\)\s*$/.exec(t)?.[1] ?? 'NaN')).reduce((a, b) => a + b, 0);
    expect(total).toBe(44);
    expect(texts[0]).toMatch(/\d+,\d – \d/); // nl-NL decimal comma
  });

  it('says the gemeente as a whole beside the map', async () => {
    const legend = page.getByRole('region', { name: 'Misdrijven per 1.000 inwoners', exact: true });
    await expect(legend.locator('.legend-total').textContent()).resolves.toMatch(/^Heel Maastricht: [\d.]+ registraties · [\d.]+,\d per 1\.000 inwoners/);
  });

  it('keeps the whole map in view at 1440 × 900 while a category is changed from the keyboard', async () => {
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 1440, height: 900 });
    try {
      await page.evaluate(() => window.scrollTo(0, 0));
      const select = page.getByLabel('Soort misdrijf');
      await select.focus();
      await page.keyboard.press('ArrowDown');
      await waitApplied(page, '^GM0935\\|buurt\\|(?!0\\.0\\.0\\|)');
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0); // the select is far down the side column
      const box = (await page.locator('.map-view').boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(900);
      await page.screenshot({ path: `${SHOTS}/bvk-sticky-map.png` });
      await select.selectOption('0.0.0');
      await waitApplied(page, '^GM0935\\|buurt\\|0\\.0\\.0\\|');
    } finally {
      await page.setViewportSize(size);
    }
  });

  it('lists 44 buurten in the table', async () => {
    const table = page.getByRole('table', { name: /Misdrijven per 1\.000 inwoners — Totaal misdrijven/ });
    await expect(table.locator('tbody tr').count()).resolves.toBe(44);
  });

  it('draws the table as a grid: every cell is a table cell as tall as its row (the row lines are straight)', async () => {
    const table = page.getByRole('table', { name: /Misdrijven per 1\.000 inwoners — Totaal misdrijven/ });
    await table.scrollIntoViewIfNeeded();
    const crooked = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.flatMap((tr) => {
        const row = tr.getBoundingClientRect();
        return [...tr.children]
          .filter((c) => getComputedStyle(c).display !== 'table-cell' || Math.abs(c.getBoundingClientRect().top - row.top) > 0.5 || Math.abs(c.getBoundingClientRect().bottom - row.bottom) > 0.5)
          .map((c) => `${tr.children[0].textContent}: ${c.className || c.tagName} (${getComputedStyle(c).display})`);
      }),
    );
    expect(crooked).toEqual([]);
  });

  it('opens the area panel from the table and explains a low population', async () => {
    await page.getByRole('button', { name: 'Beatrixhaven', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Beatrixhaven' });
    await panel.waitFor();
    await expect(panel.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Beatrixhaven');
    await expect(panel.textContent()).resolves.toMatch(/niet betrouwbaar/);
    await panel.getByRole('img').waitFor(); // monthly chart arrived
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Beatrixhaven');
    await page.evaluate(() => window.__bvk!.idle());
    await page.screenshot({ path: `${SHOTS}/bvk-panel.png`, fullPage: false });
    // With the panel open on a laptop screen the legend's long rows wrapped out of the sidebar and
    // pushed the counts out of sight: every count must stay inside the legend.
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 1280, height: 800 });
    try {
      const legend = page.getByRole('region', { name: 'Misdrijven per 1.000 inwoners', exact: true });
      const box = (await legend.boundingBox())!;
      for (const cell of await legend.locator('.legend-count').all()) {
        const c = (await cell.boundingBox())!;
        expect(c.x + c.width).toBeLessThanOrEqual(box.x + box.width);
      }
    } finally {
      await page.setViewportSize(size);
    }
    await page.keyboard.press('Escape');
    await expect(panel.count()).resolves.toBe(0);
    expect((await settledUrl(page)).searchParams.get('selected')).toBeNull();
  });

  it('opens the area panel by clicking the map', async () => {
    // Closing the panel gave focus back to the table button, which scrolled the map out of view.
    await page.locator('.maplibregl-canvas').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.__bvk!.idle());
    const target = await page.evaluate(() => {
      const map = window.__bvk!.map;
      const canvas = map.getCanvas();
      const rect = canvas.getBoundingClientRect();
      const x = rect.width / 2;
      const y = rect.height / 2;
      const f = map.queryRenderedFeatures([x, y], { layers: ['buurten-fill'] })[0];
      return f ? { x: rect.left + x, y: rect.top + y, code: String(f.properties.code), naam: String(f.properties.naam) } : null;
    });
    expect(target).not.toBeNull();
    await page.mouse.move(target!.x, target!.y);
    await page.mouse.click(target!.x, target!.y);
    const panel = page.getByRole('region', { name: target!.naam });
    await panel.waitFor();
    expect((await settledUrl(page)).searchParams.get('selected')).toBe(target!.code);
    await page.getByRole('button', { name: `Sluiten: details van ${target!.naam}` }).click();
    await expect(panel.count()).resolves.toBe(0);
  });

  it('recolours on a category change without reloading geometry', async () => {
    const before = await page.evaluate(() => ({ ...window.__bvk!.stats, fills: 0 }));
    const requestsBefore = areaRequests.length;
    const fillsBefore = await page.evaluate(() =>
      JSON.stringify(
        window
          .__bvk!.map.querySourceFeatures('buurten')
          .map((f) => [f.id, window.__bvk!.map.getFeatureState({ source: 'buurten', id: f.id as string }).fill])
          .sort(),
      ),
    );
    await page.getByLabel('Soort misdrijf').selectOption('1.1.1');
    await waitApplied(page, '^GM0935\\|buurt\\|1\\.1\\.1\\|');
    const after = await page.evaluate(() => ({ ...window.__bvk!.stats }));
    expect(areaRequests.length).toBe(requestsBefore);
    expect(areaRequests.length).toBe(1);
    expect(after.areasFetches).toBe(1);
    expect(after.setDataCalls).toBe(before.setDataCalls);
    expect(after.featureStateCalls).toBeGreaterThan(before.featureStateCalls);
    const fillsAfter = await page.evaluate(() =>
      JSON.stringify(
        window
          .__bvk!.map.querySourceFeatures('buurten')
          .map((f) => [f.id, window.__bvk!.map.getFeatureState({ source: 'buurten', id: f.id as string }).fill])
          .sort(),
      ),
    );
    expect(fillsAfter).not.toBe(fillsBefore);
    await expect(page.getByRole('status').textContent()).resolves.toMatch(/^44 buurten bijgewerkt: .*jan 2024 – dec 2024$/);
    expect((await settledUrl(page)).searchParams.get('category')).toBe('1.1.1');
    await page.screenshot({ path: `${SHOTS}/bvk-category.png`, fullPage: false });
  });

  it('keeps fixed classes while the period changes, and goes back with the browser', async () => {
    await page.getByLabel('Klassen vastzetten').check();
    const legendBefore = await page.getByRole('region', { name: 'Misdrijven per 1.000 inwoners', exact: true }).locator('tbody tr').allTextContents();
    await page.getByRole('button', { name: 'Kalenderjaar 2023' }).click();
    await waitApplied(page, '^GM0935\\|buurt\\|1\\.1\\.1\\|2023-01\\|2023-12\\|');
    const legendAfter = await page.getByRole('region', { name: 'Misdrijven per 1.000 inwoners', exact: true }).locator('tbody tr').allTextContents();
    const inner = (rows: string[]) => rows.slice(1, -2).map((t) => t.replace(/\(\d+\)$/, ''));
    expect(inner(legendAfter)).toEqual(inner(legendBefore));
    await page.goBack();
    await waitApplied(page, '^GM0935\\|buurt\\|1\\.1\\.1\\|2024-01\\|2024-12\\|');
    expect((await settledUrl(page)).searchParams.get('from')).toBeNull();
  });

  it('shows the change measure with a diverging palette, greys what chance explains, and wijken without new geometry', async () => {
    await page.getByLabel('Soort misdrijf').selectOption('0.0.0');
    await page.getByLabel('Maat').selectOption('changePct');
    await waitApplied(page, '^GM0935\\|buurt\\|0\\.0\\.0\\|.*\\|changePct$');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/bvk-change.png`, fullPage: false });
    await page.getByRole('radio', { name: 'Wijken' }).check();
    await waitApplied(page, '^GM0935\\|wijk\\|');
    expect((await distinctFills(page, 'wijken-fill')).length).toBeGreaterThanOrEqual(2);
    const table = page.getByRole('table', { name: /wijken in Maastricht/ });
    await expect(table.locator('tbody tr').count()).resolves.toBe(7);
    // The wijken the map greys are exactly those whose change the table says no percentage or class honestly fits:
    // within chance, too few registrations a year earlier for a percentage, or none (no comparison).
    const greyed = await page.evaluate(() => {
      const map = window.__bvk!.map;
      const ids = map.queryRenderedFeatures({ layers: ['wijken-fill'] }).filter((f) => f.state?.fill === '#e6e6e6').map((f) => String(f.id));
      return [...new Set(ids)].sort();
    });
    const codes = await table.locator('tbody tr', { hasText: /niet significant|te weinig registraties|geen vergelijking/ }).evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[0]?.textContent ?? '').sort());
    expect(greyed).toEqual(codes);
    expect(areaRequests.length).toBe(1);
    await page.screenshot({ path: `${SHOTS}/bvk-wijken.png`, fullPage: true });
  });

  it('shows the whole country: its 342 gemeenten first, then every buurt in the legend, a note instead of the per-gemeente panels', async () => {
    await page.goto(`${server.url}/?gemeente=NL`);
    await page.waitForFunction(() => window.__bvk !== undefined);
    // The country opens on its gemeenten: 342 areas in the legend and the table, the gemeente level chosen.
    await waitApplied(page, '^NL\\|gemeente\\|0\\.0\\.0\\|');
    const legendCounts = async () => {
      const rows = await page.getByRole('region', { name: 'Misdrijven per 1.000 inwoners', exact: true }).locator('tbody tr').allTextContents();
      return rows.map((t) => Number(/\(([\d.]+)\)\s*$/.exec(t)?.[1]?.replace(/\./g, '') ?? 'NaN')).reduce((a, b) => a + b, 0);
    };
    await expect(legendCounts()).resolves.toBe(342);
    expect(await page.getByRole('radio', { name: 'Gemeenten' }).isChecked()).toBe(true);
    expect((await distinctFills(page, 'gemeenten-fill')).length).toBeGreaterThanOrEqual(4);
    await expect(page.getByRole('table', { name: /342 gemeenten in Nederland/ }).locator('tbody tr').count()).resolves.toBeGreaterThan(200);
    await page.screenshot({ path: `${SHOTS}/bvk-nl-gemeenten.png`, fullPage: false });
    await page.getByRole('radio', { name: 'Buurten' }).check();
    expect((await settledUrl(page)).searchParams.get('level')).toBe('buurt');
    await waitApplied(page, '^NL\\|buurt\\|0\\.0\\.0\\|');
    const buurten = await page.evaluate(async () => ((await (await fetch('/api/stats?gemeente=NL&level=buurt')).json()) as { rows: unknown[] }).rows.length);
    expect(buurten).toBeGreaterThan(14_000);
    await expect(legendCounts()).resolves.toBe(buurten);
    await expect(page.getByRole('heading', { name: 'Landelijk overzicht' }).count()).resolves.toBe(1);
    await expect(page.getByText('Hotspots tonen').count()).resolves.toBe(0);
    await expect(page.getByText(/konden niet worden geladen/).count()).resolves.toBe(0);
    // Country zoom: fills and gemeente borders only; buurt outlines from DETAIL_ZOOM on (docs/decisions/0004).
    expect(await page.evaluate(() => window.__bvk!.map.getZoom())).toBeLessThan(9);
    expect(await page.evaluate(() => window.__bvk!.map.getLayer('buurten-outline')?.minzoom)).toBe(9);
    await page.screenshot({ path: `${SHOTS}/bvk-nl.png`, fullPage: false });
    // The per-gemeente pages explain themselves and offer a gemeente instead of an API refusal.
    await page.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link', { name: 'Werkbank' }).click();
    await expect(page.getByRole('heading', { name: 'Werkbank', level: 2 }).count()).resolves.toBe(1);
    await page.locator('.per-gemeente-notice').getByLabel('Gemeente').selectOption('GM0935');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('gemeente') === null || new URL(location.href).searchParams.get('gemeente') === 'GM0935');
    await expect(page.getByText(/is er per gemeente/).count()).resolves.toBe(0);
  });

  it('logged no console errors and made no external requests', () => {
    expect(consoleErrors).toEqual([]);
  });
});
