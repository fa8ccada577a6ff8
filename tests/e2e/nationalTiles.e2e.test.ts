// Browser test of the country view drawn from the server's vector tiles (issue #18): every buurt coloured by
// feature-state, including the tiles that load later; a measure change recolours without new geometry;
// selection, the table and the source credit work as on a gemeente's map.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/src/index.ts';
import { launchChromium, ROOT, SHOTS, waitApplied, watchPage } from './support.ts';

let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let page: Page;
let consoleErrors: string[] = [];
const requests: string[] = [];

/** Every buurt code of the country, from the figures the page coloured from. */
let codes: string[] = [];

/** Per code the fill colour MapLibre holds as feature-state on the tiles' buurt layer (null when none). */
function statesOf(p: Page, list: string[]): Promise<(string | null)[]> {
  return p.evaluate(
    (cs) => cs.map((id) => (window.__bvk!.map.getFeatureState({ source: 'buurten', sourceLayer: 'buurt', id }) as { fill?: string | null }).fill ?? null),
    list,
  );
}

/** The rendered buurten of the view: distinct codes, and those without a colour. */
function rendered(p: Page): Promise<{ codes: number; uncoloured: string[]; fills: string[] }> {
  return p.evaluate(() => {
    const fs = window.__bvk!.map.queryRenderedFeatures({ layers: ['buurten-fill'] });
    const byCode = new Map(fs.map((f) => [String(f.id), f.state?.fill as string | undefined]));
    return {
      codes: byCode.size,
      uncoloured: [...byCode].filter(([, fill]) => !fill).map(([c]) => c),
      fills: [...new Set([...byCode.values()].filter((f): f is string => !!f))],
    };
  });
}

beforeAll(async () => {
  server = await startServer({ PORT: '0', DATA_DIR: path.join(ROOT, '.tmp/e2e-data'), BASEMAP: 'none' }, () => {});
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'nl-NL' });
  consoleErrors = watchPage(page, server.url, (u) => requests.push(u.pathname + u.search));
  await page.goto(`${server.url}/?gemeente=NL&level=buurt`);
  await page.waitForFunction(() => window.__bvk !== undefined);
  await waitApplied(page, '^NL\\|buurt\\|0\\.0\\.0\\|[^|]+\\|[^|]+\\|ratePer1000$');
  codes = await page.evaluate(async () => ((await (await fetch('/api/stats?gemeente=NL&level=buurt')).json()) as { rows: { code: string }[] }).rows.map((r) => r.code));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the national map from vector tiles', () => {
  it('asks for tiles, not for the national boundaries file', () => {
    expect(requests.some((r) => r.startsWith('/api/tiles/buurt/'))).toBe(true);
    expect(requests.filter((r) => r.startsWith('/api/areas'))).toEqual([]);
  });

  it('colours every buurt of the country: each code has its state, and no rendered buurt is left uncoloured', async () => {
    expect(codes.length).toBeGreaterThan(14_000);
    const states = await statesOf(page, codes);
    expect(states.filter((s) => s === null)).toHaveLength(0);
    const now = await rendered(page);
    // The whole country is in view: every buurt is in a loaded tile.
    expect(now.codes).toBe(codes.length);
    expect(now.uncoloured).toEqual([]);
    expect(now.fills.length).toBeGreaterThanOrEqual(5);
    await page.screenshot({ path: `${SHOTS}/bvk-nl-tiles.png` });
  });

  it('recolours on a measure change by feature-state only, and the tiles loaded later get the new colours too', async () => {
    const before = await statesOf(page, codes);
    const setData = await page.evaluate(() => window.__bvk!.stats.setDataCalls);
    await page.locator('select[id$="-measure"]').selectOption('count');
    await waitApplied(page, '^NL\\|buurt\\|0\\.0\\.0\\|[^|]+\\|[^|]+\\|count$');
    const after = await statesOf(page, codes);
    expect(after.filter((s) => s === null)).toHaveLength(0);
    expect(after.filter((s, i) => s !== before[i]).length).toBeGreaterThan(1000);
    expect(await page.evaluate(() => window.__bvk!.stats.setDataCalls)).toBe(setData);
    // Zoom in on Maastricht: tiles of a finer zoom load now and show the colours of 'count'.
    const tilesBefore = requests.filter((r) => r.startsWith('/api/tiles/buurt/')).length;
    await page.evaluate(() => window.__bvk!.map.jumpTo({ center: [5.69, 50.85], zoom: 12 }));
    await page.evaluate(() => window.__bvk!.idle());
    expect(requests.filter((r) => r.startsWith('/api/tiles/buurt/')).length).toBeGreaterThan(tilesBefore);
    const zoomed = await rendered(page);
    expect(zoomed.codes).toBeGreaterThan(20);
    expect(zoomed.uncoloured).toEqual([]);
    const expected = new Map(codes.map((c, i) => [c, after[i]]));
    const shown = await page.evaluate(() => window.__bvk!.map.queryRenderedFeatures({ layers: ['buurten-fill'] }).map((f) => [String(f.id), String(f.state?.fill)] as const));
    for (const [code, fill] of shown) expect(fill, code).toBe(expected.get(code));
    await page.screenshot({ path: `${SHOTS}/bvk-nl-tiles-maastricht.png` });
  });

  it('selects a buurt by clicking it: the area panel opens and its outline is drawn, joined from the tiles', async () => {
    const canvas = page.locator('.maplibregl-canvas');
    const box = (await canvas.boundingBox())!;
    const target = await page.evaluate(() => {
      const map = window.__bvk!.map;
      const c = map.getCanvas();
      const f = map.queryRenderedFeatures([c.clientWidth / 2, c.clientHeight / 2], { layers: ['buurten-fill'] })[0];
      return f ? { code: String(f.id), x: c.clientWidth / 2, y: c.clientHeight / 2 } : null;
    });
    expect(target).not.toBeNull();
    await page.mouse.click(box.x + target!.x, box.y + target!.y);
    await page.waitForFunction((code) => new URL(location.href).searchParams.get('selected') === code, target!.code);
    await page.evaluate(() => window.__bvk!.idle());
    const outline = await page.evaluate(() => {
      const map = window.__bvk!.map;
      return map.querySourceFeatures('highlight').map((f) => f.properties?.kind);
    });
    expect(outline).toContain('selected');
    await expect(page.getByRole('complementary', { name: /^Details / }).count()).resolves.toBe(1);
  });

  it('credits the boundaries as the tiles describe them', async () => {
    await expect(page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toContain('CBS, Kadaster/PDOK');
  });

  it('draws the map first: the filters, the table rows and the first Intl object follow the first coloured map', async () => {
    const fresh = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'nl-NL' });
    try {
      // When the measure select and the first table row first exist, in the page's own clock.
      await fresh.addInitScript(() => {
        const seen: Record<string, number> = {};
        const subtitles = new Set<string>();
        (window as unknown as { __seen: typeof seen; __subtitles: typeof subtitles }).__seen = seen;
        (window as unknown as { __subtitles: typeof subtitles }).__subtitles = subtitles;
        new MutationObserver(() => {
          if (!seen.filters && document.querySelector('select[id$="-measure"]')) seen.filters = performance.now();
          if (!seen.rows && document.querySelector('#tabel tbody tr')) seen.rows = performance.now();
          for (const el of document.querySelectorAll('.app-subtitle, .legend p')) subtitles.add(el.textContent ?? '');
        }).observe(document, { childList: true, subtree: true, characterData: true });
        // The first Intl object of a fresh page makes Chromium load its ICU data (25-75 ms here): the numbers are
        // written without it (lib/format.ts), and a collator or date format is made after the first map.
        const intl = Intl as unknown as Record<string, new (...a: unknown[]) => object>;
        const first = (what: string) => {
          if (seen.intl !== undefined) return;
          seen.intl = performance.now();
          (window as unknown as { __intlWhat: string }).__intlWhat = what;
        };
        for (const k of ['NumberFormat', 'Collator', 'DateTimeFormat', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'Segmenter']) {
          intl[k] = new Proxy(intl[k], { construct: (C, a) => (first(`Intl.${k}`), new C(...a)) });
        }
        for (const [o, m] of [[String.prototype, 'localeCompare'], [Number.prototype, 'toLocaleString'], [Date.prototype, 'toLocaleString'], [Date.prototype, 'toLocaleDateString'], [Date.prototype, 'toLocaleTimeString']] as const) {
          const f = (o as unknown as Record<string, (...a: unknown[]) => unknown>)[m];
          Object.defineProperty(o, m, { value: function (this: unknown, ...a: unknown[]) { first(m); return f.apply(this, a); }, configurable: true, writable: true });
        }
      });
      const errors = watchPage(fresh, server.url);
      await fresh.goto(`${server.url}/?gemeente=NL`);
      await waitApplied(fresh, '^NL\\|gemeente\\|0\\.0\\.0\\|[^|]+\\|[^|]+\\|ratePer1000$');
      await fresh.locator('select[id$="-measure"]').waitFor();
      await fresh.locator('#tabel tbody tr').first().waitFor();
      const t = await fresh.evaluate(() => ({ applied: window.__bvk!.appliedAt!, intlWhat: (window as unknown as { __intlWhat?: string }).__intlWhat, ...(window as unknown as { __seen: { filters: number; rows: number; intl?: number } }).__seen }));
      expect(t.filters).toBeGreaterThanOrEqual(t.applied);
      expect(t.rows).toBeGreaterThanOrEqual(t.applied);
      // The table's sort makes a collator once the rows are there; nothing before the map.
      expect(t.intl ?? Infinity, `first Intl use: ${t.intlWhat}`).toBeGreaterThanOrEqual(t.applied);
      // While the names load, the header and the legend say "…", never the category's code.
      const subtitles = await fresh.evaluate(() => [...(window as unknown as { __subtitles: Set<string> }).__subtitles]);
      expect(subtitles.filter((x) => /\b0\.0\.0\b/.test(x))).toEqual([]);
      expect(subtitles.some((x) => x.includes('Totaal misdrijven'))).toBe(true);
      // The table's first page of rows (250 of the 342 gemeenten).
      expect(await fresh.locator('#tabel tbody tr').count()).toBe(250);
      expect(errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it("draws the country's map before the page, in the page's own colours: the page changes no area's state and asks nothing twice", async () => {
    const fresh = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'nl-NL' });
    try {
      // When the page's own header (its navigation, rendered by React) first exists, in the page's clock.
      await fresh.addInitScript(() => {
        new MutationObserver(() => {
          const w = window as unknown as { __pageAt?: number };
          if (w.__pageAt === undefined && document.querySelector('.app-nav')) w.__pageAt = performance.now();
        }).observe(document, { childList: true, subtree: true });
      });
      const asked: string[] = [];
      const errors = watchPage(fresh, server.url, (u) => {
        if (u.pathname.startsWith('/api/') && !u.pathname.startsWith('/api/tiles/')) asked.push(u.pathname);
      });
      await fresh.goto(`${server.url}/?gemeente=NL`);
      await waitApplied(fresh, '^NL\\|gemeente\\|0\\.0\\.0\\|[^|]+\\|[^|]+\\|ratePer1000$');
      const t = await fresh.evaluate(() => {
        const mark = performance.getEntriesByName('bvk-first-coloured')[0] as PerformanceMark | undefined;
        const canvas = window.__bvk!.map.getCanvas();
        const area = canvas.closest('.map-view')?.getBoundingClientRect();
        return {
          first: mark ? { at: mark.startTime, key: String(mark.detail) } : null,
          pageAt: (window as unknown as { __pageAt?: number }).__pageAt ?? null,
          appliedKey: window.__bvk!.appliedKey,
          featureStates: window.__bvk!.stats.featureStateCalls,
          canvas: [canvas.clientWidth, canvas.clientHeight],
          area: area ? [Math.round(area.width) - 2, Math.round(area.height) - 2] : null,
          loose: document.querySelectorAll('body > .map-canvas').length,
          // When the page's own script (React and the app) was first asked for.
          pageScriptAt: Math.min(...performance.getEntriesByType('resource').filter((e) => /\/assets\/mount-[^/]*\.js$/.test(e.name)).map((e) => e.startTime)),
          // The scripts asked for before the map was coloured (the entry's and the first map's).
          scriptsBefore: performance.getEntriesByType('resource').filter((e) => /\/assets\/[^/]*\.js$/.test(e.name) && !/worker/.test(e.name) && e.startTime < (mark?.startTime ?? Infinity)).length,
        };
      });
      // The map was coloured, as the page names the view, before the page was there.
      expect(t.first?.key).toBe(t.appliedKey);
      expect(t.pageAt).not.toBeNull();
      expect(t.first!.at).toBeLessThan(t.pageAt!);
      // Nor was the page's script fetched beside the map's: it was asked for once the map was coloured.
      expect(t.pageScriptAt).toBeGreaterThan(t.first!.at);
      // The entry, the runtime, the first map, its helpers (one chunk, vite.config.ts) and MapLibre: few files, for a
      // browser's six connections to one server.
      expect(t.scriptsBefore).toBeLessThanOrEqual(5);
      // One state per gemeente, all set by the first map: the page's colours were the same, so it sent none.
      expect(t.featureStates).toBe(342);
      // Who is signed in, the configuration and the figures were each asked once, for the map and the page alike.
      for (const p of ['/api/auth/me', '/api/config', '/api/stats']) expect(asked.filter((a) => a === p), p).toHaveLength(1);
      // The map now lives in the page's map area, at its size (inside the 1 px border); nothing is left over the page.
      expect(t.canvas).toEqual(t.area);
      expect(t.loose).toBe(0);
      expect(errors).toEqual([]);
      // Any other visit renders its page at once: no map before it.
      await fresh.goto(`${server.url}/?gemeente=GM0935`);
      await waitApplied(fresh, '^GM0935\\|');
      expect(await fresh.evaluate(() => performance.getEntriesByName('bvk-first-coloured').length)).toBe(0);
    } finally {
      await fresh.close();
    }
  });

  it('logged no console errors and made no external requests', () => {
    expect(consoleErrors).toEqual([]);
  });
});
