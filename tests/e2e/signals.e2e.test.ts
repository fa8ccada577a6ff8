// Browser test of the Signalen panel on the map page and the evaluation page: real server on a random
// port, Debian's chromium; waits on the DOM, never on timers.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/index.ts';
import { ensureUsers, launchChromium, ROOT, SHOTS } from './support.ts';

// Defining an evaluation needs an account (open mode only reads), in a data folder of its own.
const ANALIST = { username: 'ana', password: 'correct horse battery', role: 'analist' as const, wijken: [] };
const BEHEERDER = { username: 'beheer', password: 'correct horse battery', role: 'beheerder' as const, wijken: [] };

/** Five years of Binnenstad burglaries in the official 47022NED layout, ordinary but for November 2025. */
function burglaryFile(): string {
  const season = [1.25, 1.1, 1.0, 0.9, 0.85, 0.8, 0.85, 0.9, 0.95, 1.05, 1.2, 1.3];
  const lines = ['\uFEFF"ID";"SoortMisdrijf";"WijkenEnBuurten";"Perioden";"GeregistreerdeMisdrijven_1"'];
  let i = 0;
  for (let y = 2021; y <= 2025; y++) {
    for (let m = 1; m <= 12; m++) {
      const count = y === 2025 && m === 11 ? 40 : Math.round(8 * season[m - 1]) + ((y + m) % 3) - 1;
      lines.push(`"${i++}";"1.1.1 ";"BU09350000  ";"${y}MM${String(m).padStart(2, '0')}";"${String(count).padStart(7)}"`);
    }
  }
  return lines.join('\r\n') + '\r\n';
}

async function signIn(user: { username: string; password: string }): Promise<[string, string]> {
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(user) });
  const [name, value] = (login.headers.get('set-cookie') ?? '').split(';')[0].split('=');
  return [name, value];
}

let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const created: number[] = [];

beforeAll(async () => {
  const dataDir = path.join(ROOT, '.tmp/e2e-data-signals');
  ensureUsers(dataDir, [ANALIST, BEHEERDER]);
  server = await startServer({ PORT: '0', DATA_DIR: dataDir, BASEMAP: 'none' }, () => {});
  browser = await launchChromium();
  const admin = await signIn(BEHEERDER);
  const imported = await fetch(`${server.url}/api/imports?name=cbs-47022NED-binnenstad.csv&gemeente=GM0935`, { method: 'POST', headers: { Cookie: admin.join('=') }, body: burglaryFile() });
  if (!imported.ok) throw new Error(`import failed: ${imported.status} ${await imported.text()}`);
  const [name, value] = await signIn(ANALIST);
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'nl-NL' });
  await context.addCookies([{ name, value, url: server.url }]);
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on('response', async (r) => {
    if (r.request().method() !== 'POST' || r.status() !== 201 || new URL(r.url()).pathname !== '/api/evaluations') return;
    const body = (await r.json().catch(() => null)) as { id?: number } | null;
    if (body?.id) created.push(body.id);
  });
});

afterAll(async () => {
  for (const id of created) await page?.request.delete(`${server.url}/api/evaluations/${id}`).catch(() => {});
  await browser?.close();
  await server?.close();
});

describe('Signals and evaluations in the browser', () => {
  it('shows the Signalen panel on the map page, labelled DEMO on generated months', async () => {
    await page.goto(`${server.url}/?gemeente=GM0935&from=2024-01&to=2024-12`);
    await page.waitForFunction(() => window.__bvk !== undefined);
    await page.evaluate(() => window.__bvk!.ready);
    const panel = page.getByRole('region', { name: 'Signalen' });
    await panel.getByText(/getoetst|verwacht/).first().waitFor();
    expect(await panel.getByText('DEMO', { exact: true }).isVisible()).toBe(true);
    await panel.getByText('Hoe is dit berekend?').click();
    expect(await panel.getByText(/Benjamini-Hochberg/).isVisible()).toBe(true);
    await panel.screenshot({ path: path.join(SHOTS, 'signals-panel.png') });
  });

  it('outlines a buurt far above its history and names it in one sentence', async () => {
    await page.goto(`${server.url}/?gemeente=GM0935&category=1.1.1&from=2025-01&to=2025-11`);
    await page.waitForFunction(() => window.__bvk !== undefined);
    await page.evaluate(() => window.__bvk!.ready);
    const panel = page.getByRole('region', { name: 'Signalen' });
    const item = panel.getByRole('button', { name: /^Binnenstad: 40 registraties van diefstal\/inbraak woning in november 2025, verwacht \d+ tot \d+\.$/ });
    await item.waitFor();
    await page.waitForFunction(() => window.__bvk!.map.getFeatureState({ source: 'buurten', id: 'BU09350000' }).signal === 'higher');
    await page.evaluate(() => window.__bvk!.idle());
    await page.screenshot({ path: path.join(SHOTS, 'signals-map.png') });
    await item.click();
    await page.getByRole('heading', { name: /Binnenstad/ }).first().waitFor();
  });

  it('defines an evaluation and shows the estimate in Dutch, a chart and a table', async () => {
    await page.getByRole('link', { name: 'Evaluatie' }).click();
    await page.getByRole('heading', { name: /Effect van een aanpak/ }).waitFor();
    const form = page.getByRole('form', { name: 'Nieuwe evaluatie' });
    await form.getByLabel('Naam').fill('Aanpak binnenstad');
    await form.getByLabel('Binnenstad', { exact: true }).check();
    await form.getByLabel('Jekerkwartier').check();
    await form.getByLabel('Startmaand van de aanpak').fill('2024-01');
    await form.getByRole('button', { name: 'Evaluatie opslaan en berekenen' }).click();
    const result = page.getByRole('region', { name: 'Aanpak binnenstad' });
    await result.getByText(/In de aanpakbuurten lag het aantal misdrijven/).waitFor();
    expect(await result.getByText(/^DEMO/).first().isVisible()).toBe(true);
    expect(await result.getByRole('img', { name: /aanpakbuurten en in de vergelijkingsbuurten/ }).isVisible()).toBe(true);
    const table = result.getByRole('table', { name: /Aantal per maand/ });
    expect(await table.getByRole('row').count()).toBe(37);
    await page.screenshot({ path: path.join(SHOTS, 'evaluation-page.png'), fullPage: true });
  });

  it('says plainly in Dutch what is wrong with a refused definition', async () => {
    const form = page.getByRole('form', { name: 'Nieuwe evaluatie' });
    await form.getByLabel('Naam').fill('Zonder buurten');
    await form.getByLabel('Binnenstad', { exact: true }).uncheck();
    await form.getByLabel('Jekerkwartier').uncheck();
    await form.getByRole('button', { name: 'Evaluatie opslaan en berekenen' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByRole('alert').textContent()).toBe('Kies minstens één aanpakbuurt (of een aandachtsgebied).');
    consoleErrors.splice(0, consoleErrors.length, ...consoleErrors.filter((e) => !/status of 400/.test(e)));
    expect(consoleErrors).toEqual([]);
  });
});
