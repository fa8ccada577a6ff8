// Browser test of the search box above the map, in open mode (no accounts): a buurt found by name is selected and
// the map fits it; a street from the PDOK Locatieserver (answered from tests/fixtures/pdok, this machine has no
// internet) selects the buurt that holds it and centres the map on it; with PDOK unreachable the buurten are still
// found and one quiet notice says so. Waits on the map's own state, never on timers.
import fs from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import turfBbox from '@turf/bbox';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/index.ts';
import { ensureUsers, launchChromium, ROOT, SHOTS, waitApplied } from './support.ts';

const DATA_DIR = path.join(ROOT, '.tmp/e2e-data-search');
const FIXTURES = path.join(ROOT, 'tests/fixtures/pdok');
const LABEL = 'Zoek een buurt, wijk, straat of postcode';
const NOTICE = 'Zoeken op adres is nu niet beschikbaar';
/** centroide_ll of lookup-sint-pieterstraat.json, in the buurt Jekerkwartier. */
const STREET_POINT: [number, number] = [5.69012345, 50.84402117];

type Pdok = 'answer' | 'abort';
type BBox = [number, number, number, number];

let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let topology: Topology;
const pageErrors: string[] = [];
const pdokRequests: string[] = [];

/** Answers https://api.pdok.nl from the fixtures, or as if the network were down. */
async function routePdok(p: Page, mode: () => Pdok): Promise<void> {
  await p.route('https://api.pdok.nl/**', async (route) => {
    const url = route.request().url();
    pdokRequests.push(url);
    if (mode() === 'abort') return route.abort('internetdisconnected');
    const file = new URL(url).pathname.endsWith('/lookup') ? 'lookup-sint-pieterstraat.json' : 'suggest-sint-pieterstraat.json';
    return route.fulfill({
      status: 200,
      contentType: 'application/json;charset=UTF-8',
      headers: { 'Access-Control-Allow-Origin': '*' },
      body: fs.readFileSync(path.join(FIXTURES, file), 'utf8'),
    });
  });
}

async function openMap(ctx: BrowserContext, mode: () => Pdok): Promise<Page> {
  const p = await ctx.newPage();
  p.on('pageerror', (e) => pageErrors.push(e.message));
  p.on('console', (m) => {
    // An aborted request is logged by Chromium itself ("Failed to load resource"); anything else is the app's.
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) pageErrors.push(m.text());
  });
  await routePdok(p, mode);
  await p.goto(server.url);
  await p.waitForFunction(() => window.__bvk !== undefined);
  await p.evaluate(() => window.__bvk!.ready);
  await waitApplied(p, '^GM0935\\|buurt\\|0\\.0\\.0\\|');
  return p;
}

function areaBBox(code: string): BBox {
  const object = topology.objects[code.startsWith('WK') ? 'wijken' : 'buurten'];
  const f = feature(topology, object);
  const found = 'features' in f ? f.features.find((x) => x.properties?.code === code) : undefined;
  if (!found) throw new Error(`${code} not in the topology`);
  const [w, s, e, n] = turfBbox(found);
  return [w, s, e, n];
}

/** Waits until the map stands still showing the whole box, zoomed in on it (its height at least half the map's). */
async function waitFitted(p: Page, box: BBox): Promise<void> {
  await p.waitForFunction(
    (b) => {
      const map = window.__bvk!.map;
      if (map.isMoving()) return false;
      const v = map.getBounds();
      const inside = v.getWest() <= b[0] && v.getSouth() <= b[1] && v.getEast() >= b[2] && v.getNorth() >= b[3];
      return inside && v.getNorth() - v.getSouth() < 2 * (b[3] - b[1]);
    },
    box,
    { timeout: 20_000 },
  );
}

let pdok: Pdok = 'abort';

beforeAll(async () => {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  ensureUsers(DATA_DIR, []); // an empty store: open mode, and nothing of an earlier run
  server = await startServer({ PORT: '0', DATA_DIR, BASEMAP: 'none' }, () => {});
  topology = JSON.parse(await (await fetch(`${server.url}/api/areas?gemeente=GM0935`)).text());
  browser = await launchChromium();
  // The app's own Content-Security-Policy applies: it must let the requests to PDOK through.
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL' });
  page = await openMap(context, () => pdok);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the search box above the map', () => {
  it('is in view at 1440×900, above the map', async () => {
    const box = page.getByRole('combobox', { name: LABEL });
    await expect(box.isVisible()).resolves.toBe(true);
    const input = await box.boundingBox();
    const map = await page.locator('.map-view').boundingBox();
    expect(input && map && input.y + input.height <= map.y && input.y >= 0).toBe(true);
  });

  it('finds Jekerdal by name; ArrowDown + Enter selects BU09350101 and fits the map to it', async () => {
    pdok = 'abort';
    const box = page.getByRole('combobox', { name: LABEL });
    await box.fill('Jekerdal');
    const option = page.getByRole('option', { name: /^Jekerdal — buurt in Wijk 01/ });
    await option.waitFor();
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
    await box.press('ArrowDown');
    await expect(box.getAttribute('aria-activedescendant')).resolves.toBe(await option.getAttribute('id'));
    await expect(option.getAttribute('aria-selected')).resolves.toBe('true');
    await box.press('Enter');
    await page.waitForURL(/[?&]selected=BU09350101(&|$)/);
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.getByRole('region', { name: 'Jekerdal' }).waitFor(); // the detail panel, as after a click on the map
    await waitFitted(page, areaBBox('BU09350101'));
    await page.screenshot({ path: `${SHOTS}/bvk-search-jekerdal.png`, fullPage: false });
  });

  it('finds a wijk by its code; choosing it shows the wijken and selects it', async () => {
    const box = page.getByRole('combobox', { name: LABEL });
    await box.fill('wk093501');
    const option = page.getByRole('option', { name: 'Wijk 01 Buitenwijk Zuidwest — wijk, WK093501' });
    await option.waitFor();
    await box.press('ArrowUp'); // from the box, ArrowUp goes to the last option (here the only one)
    await expect(option.getAttribute('aria-selected')).resolves.toBe('true');
    await box.press('Enter');
    await page.waitForURL(/[?&]level=wijk&.*selected=WK093501(&|$)/);
    await page.getByRole('region', { name: 'Wijk 01 Buitenwijk Zuidwest' }).waitFor();
    await waitFitted(page, areaBBox('WK093501'));
  });

  it('with PDOK answering: a street selects the buurt that holds it and centres the map on it', async () => {
    pdok = 'answer';
    pdokRequests.length = 0;
    const box = page.getByRole('combobox', { name: LABEL });
    await box.fill('Sint Pieterstraat');
    const street = page.getByRole('option', { name: 'Sint Pieterstraat, Maastricht — straat' });
    await street.waitFor();
    await expect(page.getByRole('listbox', { name: 'Zoekresultaten' }).getByRole('option').count()).resolves.toBe(5);
    await page.getByRole('status').filter({ hasText: /^5 suggesties$/ }).waitFor({ state: 'attached' });
    await box.press('ArrowDown');
    await expect(street.getAttribute('aria-selected')).resolves.toBe('true');
    await box.press('Enter');
    // Jekerkwartier, at the buurt level again (the wijk was chosen before).
    await page.waitForURL((u) => u.searchParams.get('selected') === 'BU09350001' && !u.searchParams.has('level'));
    await page.getByRole('region', { name: 'Jekerkwartier' }).waitFor();
    await page.waitForFunction(
      (at) => {
        const map = window.__bvk!.map;
        const c = map.getCenter();
        return !map.isMoving() && Math.abs(c.lng - at[0]) < 1e-4 && Math.abs(c.lat - at[1]) < 1e-4 && Math.abs(map.getZoom() - 16) < 0.01;
      },
      STREET_POINT,
      { timeout: 20_000 },
    );
    await page.screenshot({ path: `${SHOTS}/bvk-search-street.png`, fullPage: false });
    const suggest = new URL(pdokRequests.find((u) => u.includes('/suggest?')) ?? 'https://x');
    expect(suggest.searchParams.get('q')).toBe('Sint Pieterstraat');
    expect(suggest.searchParams.getAll('fq')).toContain('gemeentecode:0935');
    // One question for what was typed; the name the choice put in the box (after the map's move) is not sent.
    expect(pdokRequests.filter((u) => u.includes('/suggest?'))).toHaveLength(1);
    expect(pdokRequests.filter((u) => u.includes('/lookup?'))).toEqual([
      'https://api.pdok.nl/bzk/locatieserver/search/v3_1/lookup?id=weg-3f0b6c2d1e9a4b7c8d5e6f1a2b3c4d5e',
    ]);
  });

  it('with PDOK unreachable: the buurten are still found, with one quiet notice and no error', async () => {
    pdok = 'abort';
    pdokRequests.length = 0;
    const box = page.getByRole('combobox', { name: LABEL });
    await box.fill('Pieter');
    await page.getByRole('option', { name: /^Sint Pieter — buurt in Wijk 01/ }).waitFor();
    await page.getByRole('paragraph').filter({ hasText: NOTICE }).waitFor(); // in the popup, under the options
    // Said once in the page's status region, with the count.
    await page.getByRole('status').filter({ hasText: `1 suggestie. ${NOTICE}.` }).waitFor({ state: 'attached' });
    expect(pdokRequests.length).toBeGreaterThan(0);
    await expect(page.getByRole('alert').count()).resolves.toBe(0);
    await box.press('Escape');
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(box.inputValue()).resolves.toBe('Pieter');
    await box.press('Escape');
    await expect(box.inputValue()).resolves.toBe('');
    expect(pageErrors).toEqual([]);
  });

  it('passes axe (WCAG 2.1 A/AA) with the listbox open', async () => {
    // axe is injected as a script; the app's Content-Security-Policy would (rightly) refuse it otherwise.
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'nl-NL', bypassCSP: true });
    const p = await openMap(ctx, () => 'answer');
    const box = p.getByRole('combobox', { name: LABEL });
    await box.fill('Sint Pieter');
    await p.getByRole('option', { name: /^Sint Pieter — buurt/ }).waitFor();
    await p.getByRole('option', { name: /^Sint Pieterstraat, Maastricht/ }).waitFor();
    await box.press('ArrowDown');
    await box.press('ArrowDown');
    await p.evaluate(() => window.__bvk!.idle());
    await p.screenshot({ path: `${SHOTS}/bvk-search.png`, fullPage: false });
    await p.addScriptTag({ content: axe.source });
    const violations = await p.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.map((v) => ({ id: v.id, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
    });
    expect(violations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await ctx.close();
  });
});
