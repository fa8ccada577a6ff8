// Browser test for presentation mode and the draaiboek editor: an analist prepares a draaiboek, the presentatie
// screen steps through it at 1920×1080 (and 3840×2160) with the keyboard; small counts never show.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/index.ts';
import { ensureUsers, launchChromium, ROOT, SHOTS, settledUrl } from './support.ts';
import type { Role } from '../../server/src/domain/roles.ts';

const DATA_DIR = path.join(ROOT, '.tmp/e2e-presentation-data');
const ANALIST = { username: 'analist-p', password: 'draaiboek maken 2024', role: 'analist' as Role, wijken: [] };
const SCHERM = { username: 'scherm', password: 'groot beeld in de zaal', role: 'presentatie' as Role, wijken: [] };

const DECK = {
  title: 'Stadsdeeloverleg Centrum',
  views: [
    { title: 'Maastricht als geheel', caption: 'Alle misdrijven per wijk, EB-gecorrigeerd.', focus: { level: 'gemeente', codes: ['GM0935'] }, level: 'wijk', measure: 'ratePer1000Smoothed', category: '0.0.0', from: '2024-01', to: '2024-12', layers: ['choropleth'] },
    { title: 'Binnenstad: vermogenscriminaliteit', caption: 'Met hotspots (Gi*).', focus: { level: 'wijk', codes: ['WK093500'] }, measure: 'ratePer1000Smoothed', category: 'HIC', from: '2024-01', to: '2024-12', layers: ['choropleth', 'hotspots'] },
    { title: 'Woninginbraak in de Binnenstad', caption: 'Kleine aantallen worden afgeschermd.', focus: { level: 'wijk', codes: ['WK093500'] }, measure: 'count', category: '1.1.1', from: '2024-01', to: '2024-12', layers: ['choropleth'] },
  ],
};

let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let deckUrl = '';
let deckId = 0;
const consoleErrors: string[] = [];

async function newPage(ctx: BrowserContext): Promise<Page> {
  const page = await ctx.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 401/.test(m.text())) consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  return page;
}

async function signIn(page: Page, user: { username: string; password: string }) {
  await page.getByRole('heading', { name: 'Aanmelden' }).waitFor();
  await page.getByLabel('Gebruikersnaam').fill(user.username);
  await page.getByLabel('Wachtwoord').fill(user.password);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
}

async function waitStep(page: Page, step: number) {
  await page.waitForFunction((s) => (window.__bvk?.appliedKey ?? '').startsWith(`presentatie|${s}|`), step, { timeout: 60_000 });
}

beforeAll(async () => {
  ensureUsers(DATA_DIR, [ANALIST, SCHERM]);
  server = await startServer({ PORT: '0', DATA_DIR, BASEMAP: 'none' }, () => {});
  browser = await launchChromium();
  // The draaiboek through the API, as an analist.
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ANALIST) });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const res = await fetch(`${server.url}/api/presentations`, { method: 'POST', headers: { 'Content-Type': 'application/json', cookie }, body: JSON.stringify(DECK) });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { id: number; url: string };
  deckId = body.id;
  deckUrl = body.url;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Presentation mode in the browser', () => {
  it('lets an analist build a draaiboek from the current view', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'nl-NL' });
    const page = await newPage(ctx);
    await page.goto(`${server.url}/?level=wijk&selected=WK093500&category=HIC`);
    await signIn(page, ANALIST);
    const editor = page.getByRole('region', { name: 'Draaiboek voor een presentatie' });
    await editor.waitFor({ timeout: 30_000 });
    // The area panel of a wijk offers an analist "Mijn wijk" for that wijk.
    await page.getByRole('button', { name: /^Mijn wijk openen voor / }).waitFor({ timeout: 30_000 });
    await editor.getByRole('button', { name: 'Voeg huidige weergave toe aan draaiboek' }).click();
    await editor.getByLabel('Titel', { exact: true }).first().fill('Binnenstad, HIC');
    await editor.getByRole('button', { name: 'Voeg huidige weergave toe aan draaiboek' }).click();
    await editor.getByLabel('Toelichting').nth(1).fill('Tweede weergave');
    await editor.getByRole('button', { name: 'Weergave 2 omhoog' }).click();
    await expect(editor.getByLabel('Toelichting').first().inputValue()).resolves.toBe('Tweede weergave');
    const saved = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/presentations' && r.request().method() === 'POST');
    await editor.getByRole('button', { name: 'Draaiboek opslaan' }).click();
    const created = await saved;
    expect(created.status()).toBe(201);
    // Built on the map at wijk level, so presented at wijk level.
    expect(((await created.json()) as { views: { level: string }[] }).views.map((v) => v.level)).toEqual(['wijk', 'wijk']);
    const link = editor.getByRole('link', { name: 'Presenteren' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/^\/\?view=presentatie&presentation=\d+$/);
    await editor.scrollIntoViewIfNeeded();
    await editor.screenshot({ path: `${SHOTS}/bvk-p-editor.png` });

    // The current map as PNG, with legend and credit.
    await page.evaluate(() => window.__bvk!.idle());
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Kaart downloaden (PNG)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^kaart_maastricht_.*\.png$/);
    await file.saveAs(`${SHOTS}/bvk-p-export.png`);
    const png = fs.readFileSync(`${SHOTS}/bvk-p-export.png`);
    expect(png.subarray(1, 4).toString()).toBe('PNG');

    // Reports on the Doelen page.
    await page.getByRole('link', { name: 'Doelen' }).click();
    const reports = page.getByRole('region', { name: 'Rapportages' });
    await reports.waitFor();
    expect(await reports.getByRole('link', { name: /^Maandbriefing .* \(PDF\)$/ }).getAttribute('href')).toMatch(/^\/api\/reports\/monthly\?gemeente=GM0935&month=2024-12$|monthly\?gemeente=GM0935&month=2024-12$/);
    await reports.screenshot({ path: `${SHOTS}/bvk-p-reports.png` });
    await ctx.close();
  });

  it('steps through a three-view draaiboek with the keyboard at 1920×1080, with large type and no small counts', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'nl-NL' });
    const page = await newPage(ctx);
    const apiRequests: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/api/')) apiRequests.push(`${u.pathname}${u.search}`);
    });
    await page.goto(`${server.url}${deckUrl}`);
    await signIn(page, SCHERM);
    await waitStep(page, 0);
    const counter = page.locator('.presentation-counter');
    await expect(counter.textContent()).resolves.toBe('Stap 1 van 3');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Maastricht als geheel');
    await page.screenshot({ path: `${SHOTS}/bvk-p-presentation-1920.png` });

    await page.keyboard.press('ArrowRight');
    await expect(counter.textContent()).resolves.toBe('Stap 2 van 3');
    await page.keyboard.press('ArrowRight');
    await expect(counter.textContent()).resolves.toBe('Stap 3 van 3');
    await waitStep(page, 2);
    await expect(page.getByRole('status').textContent()).resolves.toBe('Stap 3 van 3: Woninginbraak in de Binnenstad');

    // Suppression applies here: five of the Binnenstad's seven buurten had 1 to 4 woninginbraken in 2024;
    // those read "afgeschermd", never a number.
    const table = page.getByRole('table', { name: /^Diefstal\/inbraak woning, januari 2024 – december 2024: per buurt/ });
    const counts = await table.locator('tbody td').allTextContents();
    expect(counts.length).toBeGreaterThan(4);
    expect(counts).toContain('afgeschermd');
    for (const c of counts) expect(c.trim()).not.toMatch(/^[1-4]$/);
    const legendTexts = await page.locator('.presentation-legend').allTextContents();
    for (const t of legendTexts.join(' ').split(/\s+/)) expect(t).not.toMatch(/^[1-4]$/);
    const fontSize = await table.locator('tbody td').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(24);
    const titleSize = await page.getByRole('heading', { level: 1 }).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(titleSize).toBeGreaterThan(fontSize);
    await page.evaluate(() => window.__bvk!.idle());
    await page.screenshot({ path: `${SHOTS}/bvk-p-presentation-1920-step3.png` });

    await page.keyboard.press('ArrowLeft');
    await expect(counter.textContent()).resolves.toBe('Stap 2 van 3');
    await waitStep(page, 1);
    await page.evaluate(() => window.__bvk!.idle());
    await page.screenshot({ path: `${SHOTS}/bvk-p-presentation-1920-step2.png` });

    // Every data request of the presentation asked for the presentation's privacy rules.
    const data = apiRequests.filter((u) => !u.startsWith('/api/auth/') && !u.startsWith('/api/config'));
    expect(data.length).toBeGreaterThan(3);
    for (const u of data) expect(u).toMatch(/[?&]view=presentatie(&|$)/);
    expect(data.some((u) => /^\/api\/(incidents|streets|density)/.test(u))).toBe(false);

    // Esc leaves presentation mode (the presentatie role returns to its list of presentations).
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Presentaties' }).waitFor();
    expect((await settledUrl(page)).searchParams.get('view')).toBeNull();
    await ctx.close();
  });

  it('draws survey and bivariate views with their own legends, a DEMO notice and no area counts', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ANALIST) });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const base = { focus: { level: 'wijk', codes: ['WK093500'] }, measure: 'ratePer1000Smoothed', category: '0.0.0', from: '2024-01', to: '2024-12' };
    const deck = {
      title: 'Veiligheidsbeleving Binnenstad',
      views: [
        { ...base, title: 'Onveiligheidsgevoel in de Binnenstad', caption: 'Veiligheidsmonitor, laatste jaar.', layers: ['survey'] },
        { ...base, title: 'Registratie en beleving', caption: 'Misdrijven per 1.000 (EB) gekruist met % onveilig.', layers: ['bivariate'] },
      ],
    };
    const res = await fetch(`${server.url}/api/presentations`, { method: 'POST', headers: { 'Content-Type': 'application/json', cookie }, body: JSON.stringify(deck) });
    expect(res.status).toBe(201);
    const { url } = (await res.json()) as { url: string };

    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'nl-NL' });
    const page = await newPage(ctx);
    const apiRequests: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/api/')) apiRequests.push(`${u.pathname}${u.search}`);
    });
    const surveyAnswer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/survey', { timeout: 60_000 });
    await page.goto(`${server.url}${url}`);
    await signIn(page, SCHERM);
    const survey = (await (await surveyAnswer).json()) as { meta: { demo: boolean; indicatorLabel: string } };
    expect(survey.meta.indicatorLabel).toBe('% wel eens onveilig in de eigen buurt');

    // Step 1: the survey choropleth, with the survey legend (indicator label) and no per-class area counts.
    await waitStep(page, 0);
    expect(await page.evaluate(() => window.__bvk!.appliedKey)).toMatch(/^presentatie\|0\|GM0935\|buurt\|survey\|onveilig_buurt_pct\|/);
    const legendBox = page.locator('.presentation-legend-box');
    const surveyLegend = legendBox.getByRole('region', { name: '% wel eens onveilig in de eigen buurt' });
    await surveyLegend.waitFor();
    expect(await surveyLegend.locator('.legend-swatch').count()).toBeGreaterThan(2);
    expect(await legendBox.locator('.legend-count').count()).toBe(0);
    await expect(page.getByRole('table', { name: /^% wel eens onveilig in de eigen buurt, Veiligheidsmonitor \d{4}/ }).locator('tbody tr').count()).resolves.toBeGreaterThan(2);
    if (survey.meta.demo) await page.getByRole('note', { name: 'DEMO-gegevens Veiligheidsmonitor' }).waitFor();
    await page.evaluate(() => window.__bvk!.idle());
    await page.screenshot({ path: `${SHOTS}/bvk-p-presentation-1920-survey.png` });

    // Step 2: the bivariate map, with the 3×3 legend; codes in the cells, no counts.
    await page.keyboard.press('ArrowRight');
    await waitStep(page, 1);
    expect(await page.evaluate(() => window.__bvk!.appliedKey)).toMatch(/^presentatie\|1\|GM0935\|buurt\|bivariate\|/);
    const bivariateLegend = legendBox.getByRole('region', { name: 'Objectief × subjectief' });
    await bivariateLegend.waitFor();
    const cells = await bivariateLegend.locator('.bivariate-cell').allTextContents();
    expect(cells.map((c) => c.trim()).sort()).toEqual(['1-1', '1-2', '1-3', '2-1', '2-2', '2-3', '3-1', '3-2', '3-3']);
    expect(await legendBox.locator('.bivariate-count').count()).toBe(0);
    expect(await bivariateLegend.locator('.bivariate-nodata').textContent()).not.toMatch(/\(\d+\)/);
    if (survey.meta.demo) await page.getByRole('note', { name: 'DEMO-gegevens Veiligheidsmonitor' }).waitFor();
    await page.evaluate(() => window.__bvk!.idle());
    await page.screenshot({ path: `${SHOTS}/bvk-p-presentation-1920-bivariate.png` });

    // Survey and stats alike were asked for with the presentation's privacy rules.
    const data = apiRequests.filter((u) => !u.startsWith('/api/auth/') && !u.startsWith('/api/config'));
    expect(data.some((u) => u.startsWith('/api/survey?'))).toBe(true);
    for (const u of data) expect(u).toMatch(/[?&]view=presentatie(&|$)/);
    await ctx.close();
  });

  it('scales to a 3840×2160 screen', async () => {
    const ctx = await browser.newContext({ viewport: { width: 3840, height: 2160 }, deviceScaleFactor: 1, locale: 'nl-NL' });
    const page = await newPage(ctx);
    await page.goto(`${server.url}/?view=presentatie&presentation=${deckId}`);
    await signIn(page, SCHERM);
    await waitStep(page, 0);
    await page.keyboard.press('End');
    await waitStep(page, 2);
    await expect(page.locator('.presentation-counter').textContent()).resolves.toBe('Stap 3 van 3');
    const fontSize = await page.locator('.presentation-table tbody td').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(48);
    await page.evaluate(() => window.__bvk!.idle());
    await page.screenshot({ path: `${SHOTS}/bvk-p-presentation-3840.png` });
    await ctx.close();
    expect(consoleErrors).toEqual([]);
  });
});
