// Browser test for sign-in and the restricted features: starts the real server on a random
// port with its own data folder (users switch open mode off) and drives Debian's chromium.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/index.ts';
import { ensureUsers, launchChromium, ROOT, SHOTS, settledUrl } from './support.ts';
import type { Role } from '../../server/src/domain/roles.ts';

// Own data folder: the accounts made here must not switch off open mode for the other browser tests.
const DATA_DIR = path.join(ROOT, '.tmp/e2e-auth-data');
const AGENT = { username: 'agent-west', password: 'wijkagent-wachtwoord-1', role: 'wijkagent' as Role, wijken: ['WK093502'] };

let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  ensureUsers(DATA_DIR, [AGENT]);
  server = await startServer({ PORT: '0', DATA_DIR, BASEMAP: 'none' }, () => {});
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'nl-NL' });
  page.on('console', (m) => {
    // The 401s of the login flow are expected; anything else is an error.
    if (m.type() === 'error' && !/status of 401/.test(m.text())) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== new URL(server.url).origin) consoleErrors.push(`unexpected external request: ${r.url()}`);
  });
  await page.goto(server.url);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Sign-in and restricted features in the browser', () => {
  it('shows the login form instead of the app when accounts exist', async () => {
    await page.getByRole('heading', { name: 'Aanmelden' }).waitFor();
    await expect(page.getByLabel('Gebruikersnaam').count()).resolves.toBe(1);
    await expect(page.getByLabel('Wachtwoord').count()).resolves.toBe(1);
    await expect(page.locator('.maplibregl-canvas').count()).resolves.toBe(0);
  });

  it('says so when the password is wrong', async () => {
    await page.getByLabel('Gebruikersnaam').fill(AGENT.username);
    await page.getByLabel('Wachtwoord').fill('niet-het-goede-wachtwoord');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    const alert = page.getByRole('alert');
    await page.waitForFunction(() => /onjuist wachtwoord/.test(document.querySelector('[role=alert]')?.textContent ?? ''));
    await expect(alert.textContent()).resolves.toBe('Onbekende gebruikersnaam of onjuist wachtwoord.');
    await expect(page.getByLabel('Wachtwoord').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.screenshot({ path: `${SHOTS}/bvk-p-login.png` });
  });

  it('lets a wijkagent in, onto "Mijn wijk" of WK093502 with recent registrations', async () => {
    await page.getByLabel('Wachtwoord').fill(AGENT.password);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    const panel = page.getByRole('region', { name: /^Mijn wijk: / });
    await panel.waitFor({ timeout: 30_000 });
    await expect(panel.getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(/^Mijn wijk: .*West/);
    expect((await settledUrl(page)).searchParams.get('mijnwijk')).toBe('WK093502');
    const recent = panel.getByRole('table', { name: 'Meest recente registraties in de wijk' });
    await recent.waitFor();
    const rows = await recent.locator('tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThan(5);
    expect(rows[0]).toMatch(/^\d{1,2} (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec) \d{4}/);
    expect(rows[0]).toMatch(/DEMO/);
    await panel.getByRole('table', { name: /per hoofdcategorie/ }).waitFor();
    await panel.getByRole('table', { name: 'Hotspotstatus per buurt' }).waitFor();
    expect(await panel.getByRole('link', { name: /^Wijkbrief \(PDF/ }).getAttribute('href')).toMatch(/\/api\/reports\/wijkbrief\?wijk=WK093502$/);
    // The last 7 and 28 days, against a year earlier and the mean before; a small difference is called chance.
    const week = panel.getByRole('table', { name: /^Laatste 7 dagen \(25 dec 2025 – 31 dec 2025\)/ });
    await week.waitFor();
    await panel.getByRole('table', { name: /^Laatste 28 dagen/ }).waitFor();
    // The recent list: filtered to one type, every row of that type; sorted by street, in street order.
    const recentSection = panel.getByRole('region', { name: 'Recente registraties' });
    const firstKind = (await recentSection.getByLabel('Soort').locator('option').nth(1).textContent())!;
    await recentSection.getByLabel('Soort').selectOption(firstKind);
    const kindCells = await recent.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(kindCells.length).toBeGreaterThan(0);
    for (const k of kindCells) expect(k.replace('DEMO', '')).toBe(firstKind);
    await recentSection.getByLabel('Soort').selectOption('');
    await recentSection.getByLabel('Volgorde').selectOption('straat');
    const streetsInOrder = await recent.locator('tbody tr td:nth-child(2)').evaluateAll((tds) => tds.map((td) => td.firstChild?.textContent ?? ''));
    expect(streetsInOrder.length).toBeGreaterThan(5);
    expect(streetsInOrder).toEqual([...streetsInOrder].sort((a, b) => a.localeCompare(b, 'nl')));
    await recentSection.getByLabel('Volgorde').selectOption('datum');
    await panel.screenshot({ path: `${SHOTS}/bvk-p-mijnwijk-panel.png` });
    const weekRows = await week.locator('tbody tr').allTextContents();
    expect(weekRows[0]).toMatch(/^Totaal misdrijven/);
    // Rows whose counts are both small read as a difference "(toeval)", never as a percentage.
    const cells = await panel.locator('table.my-wijk-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(cells.length).toBeGreaterThan(10);
    for (const c of cells) {
      // Month table: count | year earlier | change; window tables: count with its difference | year earlier | mean.
      const [count, before] = [parseInt(c[0], 10), parseInt(c[1], 10)];
      if (count <= 3 && before <= 3) expect(c.join(' | ')).not.toMatch(/%/);
    }
    // Every table fits the panel: no column scrolls out of sight.
    for (const [fits, what] of await panel.locator('.table-scroll').evaluateAll((els) => els.map((el) => [el.scrollWidth <= el.clientWidth + 1, `${el.querySelector('caption')?.textContent}: ${el.scrollWidth} > ${el.clientWidth}`] as const))) expect(fits, what).toBe(true);
    // The header names the user and role; the map is fitted to the wijk.
    await expect(page.locator('.user-bar').textContent()).resolves.toMatch(/agent-west · wijkagent/);
    await page.waitForFunction(() => window.__bvk !== undefined);
    await page.evaluate(() => window.__bvk!.ready);
    await page.evaluate(() => window.__bvk!.idle());
    const zoom = await page.evaluate(() => window.__bvk!.map.getZoom());
    expect(zoom).toBeGreaterThan(12);
    await page.screenshot({ path: `${SHOTS}/bvk-p-mijnwijk.png` });
  });

  it('draws the kernel-density layer with its own legend', async () => {
    await page.getByLabel('Dichtheidskaart (kernel)').check();
    const legend = page.getByRole('group', { name: 'Legenda dichtheidskaart' });
    await legend.waitFor({ timeout: 60_000 });
    const text = (await legend.textContent()) ?? '';
    expect(text).toMatch(/Quartic-kernel, zoekstraal h = [\d.]+ m/);
    expect(text).toMatch(/Regel: h = 0,9/);
    expect(text).toMatch(/per km²/);
    expect(text).toMatch(/DEMO/);
    await page.waitForFunction(() => window.__bvk!.map.getLayoutProperty('density-fill', 'visibility') === 'visible');
    await page.evaluate(() => window.__bvk!.idle());
    const cells = await page.evaluate(() => window.__bvk!.map.queryRenderedFeatures({ layers: ['density-fill'] }).length);
    expect(cells).toBeGreaterThan(50);
    expect((await settledUrl(page)).searchParams.get('dichtheid')).toBe('1');
    await page.screenshot({ path: `${SHOTS}/bvk-p-heatmap.png` });
  });

  it('draws the registrations of the own wijk as points, and a recent registration moves the map to its point', async () => {
    await page.getByLabel('Dichtheidskaart (kernel)').uncheck();
    await page.getByLabel('Punten tonen').check();
    const legend = page.getByRole('group', { name: 'Legenda registraties' });
    await legend.waitFor({ timeout: 60_000 });
    await expect(legend.textContent()).resolves.toMatch(/registraties · .* · wijk WK093502/);
    expect(await legend.locator('tbody tr').count()).toBeGreaterThan(1);
    expect((await settledUrl(page)).searchParams.get('punten')).toBe('1');
    // Every point the server sent lies in the agent's own wijk (its buurten are BU093502xx).
    const answer = (await page.evaluate(async () => {
      const u = new URL('/api/incidents', location.origin);
      u.search = new URLSearchParams({ gemeente: 'GM0935', category: '0.0.0', from: '2025-01', to: '2025-12' }).toString();
      return (await fetch(u)).json();
    })) as { features: { properties: { buurt: string } }[] };
    expect(answer.features.length).toBeGreaterThan(0);
    expect(answer.features.every((f) => f.properties.buurt.startsWith('BU093502'))).toBe(true);
    await page.evaluate(() => window.__bvk!.idle());
    const drawn = await page.evaluate(() => window.__bvk!.map.queryRenderedFeatures({ layers: ['incidents-clusters', 'incidents-points'] }).length);
    expect(drawn).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/bvk-p-points.png` });
    // The legend's long group names wrap inside the sidebar; the page never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(await page.evaluate(() => window.innerWidth));

    // The date of the first recent registration: the map flies to it and its popup names date, type, street and buurt.
    const panel = page.getByRole('region', { name: /^Mijn wijk: / });
    const recent = panel.getByRole('table', { name: 'Meest recente registraties in de wijk' });
    await recent.getByRole('button', { name: /^Toon op de kaart/ }).first().click();
    const popup = page.locator('.incident-popup');
    await popup.waitFor();
    await expect(popup.textContent()).resolves.toMatch(/Datum.*Soort.*Straat.*Buurt/);
    await page.evaluate(() => window.__bvk!.idle());
    expect(await page.evaluate(() => window.__bvk!.map.getZoom())).toBeGreaterThanOrEqual(16);
    await page.screenshot({ path: `${SHOTS}/bvk-p-point-popup.png` });
  });

  it('signs out back to the login form', async () => {
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('heading', { name: 'Aanmelden' }).waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
