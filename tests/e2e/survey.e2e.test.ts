// Browser test for the Veiligheidsmonitor map, the bivariate map, the targets page and the benchmark page.
// Builds the client, starts the real server on a random port, drives Debian's chromium; waits on the
// map's own events (window.__bvk.appliedOverlay), never on timers.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/index.ts';
import { distinctFills, launchChromium, ROOT, SHOTS, waitApplied, watchPage, settledUrl } from './support.ts';

let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let page: Page;
let consoleErrors: string[] = [];

/** Waits until an overlay map is rendered: key is "bron|gemeente|level|indicator|year". */
const waitOverlay = (p: Page, pattern: string): Promise<void> => waitApplied(p, pattern, 'appliedOverlay');

async function open(p: Page, search: string): Promise<void> {
  await p.goto(`${server.url}/${search}`);
}

beforeAll(async () => {
  server = await startServer({ PORT: '0', DATA_DIR: path.join(ROOT, '.tmp/e2e-data-survey'), BASEMAP: 'none' }, () => {});
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'nl-NL' });
  consoleErrors = watchPage(page, server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Veiligheidsmonitor, bivariate map, targets and benchmark in the browser', () => {
  it('colours the buurten by a survey indicator, with a DEMO notice and the interval in the table', async () => {
    await open(page, '');
    await page.waitForFunction(() => window.__bvk !== undefined);
    await page.evaluate(() => window.__bvk!.ready);
    await page.getByRole('radio', { name: 'Veiligheidsmonitor' }).check();
    await waitOverlay(page, '^monitor\\|GM0935\\|buurt\\|onveilig_buurt_pct\\|2014$');
    expect((await distinctFills(page)).length).toBeGreaterThanOrEqual(3);
    await expect(page.getByRole('note', { name: 'DEMO-gegevens Veiligheidsmonitor' }).textContent()).resolves.toMatch(/gegenereerd/);
    const legend = page.getByRole('region', { name: '% wel eens onveilig in de eigen buurt', exact: true });
    await expect(legend.textContent()).resolves.toMatch(/Veiligheidsmonitor 2014 · buurten · eenheid: percentage/);
    await expect(legend.textContent()).resolves.toMatch(/steekproef te klein/);
    const table = page.getByRole('table', { name: /% wel eens onveilig in de eigen buurt — Veiligheidsmonitor 2014 \(DEMO\)/ });
    await expect(table.locator('tbody tr').count()).resolves.toBe(44);
    await expect(table.getByRole('columnheader', { name: 'Interval (ondergrens–bovengrens)' }).count()).resolves.toBe(1);
    expect((await settledUrl(page)).searchParams.get('bron')).toBe('monitor');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/bvk-sv-survey.png`, fullPage: false });
  });

  it('reverses the palette for the rapportcijfer and keeps the year select in the URL', async () => {
    await page.getByLabel('Indicator').selectOption('rapportcijfer_veiligheid');
    await page.getByLabel('Meetjaar').selectOption('2013');
    await waitOverlay(page, '^monitor\\|GM0935\\|buurt\\|rapportcijfer_veiligheid\\|2013$');
    const legend = page.getByRole('region', { name: 'Rapportcijfer veiligheid buurt', exact: true });
    await expect(legend.textContent()).resolves.toMatch(/kleuren zijn omgedraaid/);
    const url = (await settledUrl(page));
    expect(url.searchParams.get('indicator')).toBe('rapportcijfer_veiligheid');
    expect(url.searchParams.get('jaar')).toBe('2013');
  });

  it('shows the bivariate map with a 3×3 legend whose counts add up to 44 buurten', async () => {
    await open(page, '?bron=bivariaat');
    await page.waitForFunction(() => window.__bvk !== undefined);
    await waitOverlay(page, '^bivariaat\\|GM0935\\|buurt\\|onveilig_buurt_pct\\|2014$');
    const legend = page.getByRole('region', { name: 'Objectief × subjectief', exact: true });
    const grid = legend.getByRole('table', { name: /Legenda: 3 × 3 klassen/ });
    const cells = grid.locator('td.bivariate-cell');
    await expect(cells.count()).resolves.toBe(9);
    await expect(grid.locator('tbody tr').count()).resolves.toBe(3);
    const counts = (await cells.allTextContents()).map((t) => Number(/\((\d+)\)/.exec(t)?.[1] ?? 'NaN'));
    const noData = Number(/\((\d+)\)/.exec((await legend.locator('.bivariate-nodata').textContent()) ?? '')?.[1] ?? 'NaN');
    expect(counts.every(Number.isInteger)).toBe(true);
    expect(counts.reduce((a, b) => a + b, 0) + noData).toBe(44);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(30);
    await expect(legend.textContent()).resolves.toMatch(/Misdrijven per 1\.000 \(EB\) →/);
    await expect(legend.textContent()).resolves.toMatch(/% onveilig ↑/);
    await expect(legend.textContent()).resolves.toMatch(/DEMO/);
    expect((await distinctFills(page)).length).toBeGreaterThanOrEqual(5);
    await expect(page.getByRole('table', { name: /Objectief × subjectief/ }).getByRole('cell', { name: /^\d-\d$/ }).count()).resolves.toBeGreaterThan(30);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/bvk-sv-bivariate.png`, fullPage: false });
  });

  it('shows kerncijfers in the area panel', async () => {
    await page.getByRole('button', { name: 'Binnenstad', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Binnenstad' });
    await panel.getByRole('heading', { name: 'Kerncijfers 2024' }).waitFor();
    await expect(panel.getByRole('definition').count()).resolves.toBeGreaterThan(3);
    await expect(panel.textContent()).resolves.toMatch(/Bron: CBS Kerncijfers wijken en buurten 2024/);
  });

  it('offers CBS kerncijfers as a map measure', async () => {
    await page.getByRole('radio', { name: 'Kerncijfers' }).check();
    await waitOverlay(page, '^kerncijfers\\|GM0935\\|buurt\\|bevolkingsdichtheid\\|2024$');
    expect((await distinctFills(page)).length).toBeGreaterThanOrEqual(3);
    await expect(page.getByRole('region', { name: 'Inwoners per km² land', exact: true }).count()).resolves.toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/bvk-sv-kerncijfers.png`, fullPage: false });
  });

  it('shows the targets page with nine cards, each with a status in words', async () => {
    await page.getByRole('navigation', { name: 'Onderdelen' }).getByRole('link', { name: 'Doelen' }).click();
    const cards = page.getByRole('article');
    await cards.first().waitFor();
    await expect(cards.count()).resolves.toBe(9);
    for (const text of await cards.allTextContents()) expect(text).toMatch(/Op koers|Niet op koers|Geen recente meting|Alleen indicatie|Geen gegevens/);
    await expect(page.getByRole('link', { name: 'Doelen' }).getAttribute('aria-current')).resolves.toBe('page');
    await expect(page.getByRole('button', { name: 'Afdrukken' }).count()).resolves.toBe(1);
    await expect(page.getByRole('article', { name: '% wel eens onveilig in de eigen buurt' }).textContent()).resolves.toMatch(/≤ G32-gemiddelde 2018/);
    expect((await settledUrl(page)).searchParams.get('view')).toBe('doelen');
    await page.screenshot({ path: `${SHOTS}/bvk-sv-targets.png`, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${SHOTS}/bvk-sv-targets-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });

  it('shows the benchmark page with Maastricht, six reference gemeenten, the average line and the trend', async () => {
    await page.getByRole('link', { name: 'Vergelijking' }).click();
    const chart = page.getByRole('img', { name: /Misdrijven per 1\.000 inwoners in 2024, Referentiegemeenten/ });
    await chart.waitFor();
    await expect(chart.locator('g[data-code]').count()).resolves.toBe(7);
    await expect(chart.locator('g.bar-self text').first().textContent()).resolves.toBe('▶ Maastricht');
    await expect(chart.locator('.benchmark-average line').count()).resolves.toBe(1);
    await expect(chart.locator('.benchmark-average text').textContent()).resolves.toMatch(/gemiddelde \d+,\d/);
    const table = page.getByRole('table', { name: /Misdrijven per 1\.000 inwoners, 2024/ });
    await expect(table.locator('tbody tr').count()).resolves.toBe(7);
    await expect(table.textContent()).resolves.toMatch(/Maastricht \(eigen gemeente\)/);
    for (const naam of ['Almere', 'Breda', "'s-Hertogenbosch", 'Groningen', 'Leiden', 'Nijmegen']) {
      await expect(table.getByRole('rowheader', { name: naam, exact: true }).count()).resolves.toBe(1);
    }
    // The trend under it: the default total (47022NED) has figures from 2021, the crime types (47018NED) from 2012;
    // the chart and its table start at the first year the API gives, never at a hard-coded one.
    const trendYears = await page.evaluate(async () => {
      const r = await fetch('/api/benchmark?gemeente=GM0935&group=reference');
      return ((await r.json()) as { trend: { year: number }[] }).trend.map((t) => t.year);
    });
    expect(trendYears.length).toBeGreaterThanOrEqual(2);
    const first = trendYears[0]!;
    await page.getByRole('heading', { level: 3, name: `Ontwikkeling sinds ${first}` }).waitFor();
    const trendChart = page.getByRole('img', { name: new RegExp(`^Maastricht ${first}–${trendYears.at(-1)}: van \\d+,\\d naar \\d+,\\d per 1\\.000 inwoners; gemiddelde `) });
    await expect(trendChart.locator('.trend-self circle').count()).resolves.toBe(trendYears.length);
    await expect(trendChart.locator('.trend-selected').getAttribute('data-year')).resolves.toBe('2024');
    const trendTable = page.getByRole('table', { name: new RegExp(`Misdrijven per 1\\.000 inwoners per jaar, ${first}–`) });
    await expect(trendTable.getByRole('rowheader').allTextContents()).resolves.toEqual(trendYears.map(String));
    await expect(trendTable.locator('tbody tr').first().textContent()).resolves.toMatch(new RegExp(`^${first}\\d+,\\d\\d+,\\d[-+−]?\\d+,\\d$`));
    await expect(page.getByText(/^Per 1\.000 inwoners van 1 januari 2024, voor elk jaar/).count()).resolves.toBe(1);
    await page.screenshot({ path: `${SHOTS}/bvk-sv-benchmark.png`, fullPage: true });
    await page.getByLabel('Groep').selectOption('G40');
    await page.getByRole('img', { name: /Misdrijven per 1\.000 inwoners in \d{4}, G40/ }).waitFor();
    expect((await settledUrl(page)).searchParams.get('groep')).toBe('G40');
    // A crime type: real figures per gemeente from 2012 (CBS 47018NED), in the chart, the trend and the URL.
    await page.getByLabel('Soort misdrijf', { exact: true }).selectOption('1.1.1');
    await page.getByRole('img', { name: /Misdrijven \(diefstal\/inbraak woning\) per 1\.000 inwoners in \d{4}, G40/ }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Ontwikkeling sinds 2012' }).waitFor();
    const typeTrend = page.getByRole('table', { name: /^Misdrijven \(diefstal\/inbraak woning\) per 1\.000 inwoners per jaar, 2012–/ });
    await expect(typeTrend.getByRole('rowheader').first().textContent()).resolves.toBe('2012');
    expect((await settledUrl(page)).searchParams.get('vsoort')).toBe('1.1.1');
  });

  it('logged no console errors and made no external requests', () => {
    expect(consoleErrors).toEqual([]);
  });
});
