// What a mayor or council reads in a report must be true for the report's period: nothing measured
// after it, no developer text (file names, commands, paths), the targets judged honestly.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/testApp.ts';

let t: ReturnType<typeof makeTestApp>;
const REPORTS = {
  'monthly December 2024': '/api/reports/monthly?gemeente=GM0935&month=2024-12&format=html',
  'quarterly Q4 2024': '/api/reports/quarterly?gemeente=GM0935&quarter=2024-Q4&format=html',
  'monthly June 2024': '/api/reports/monthly?gemeente=GM0935&month=2024-06&format=html',
  'quarterly Q2 2024': '/api/reports/quarterly?gemeente=GM0935&quarter=2024-Q2&format=html',
};
const pages = new Map<string, string>();

/** The text a reader sees (tags removed, entities of the report's escaping undone). */
const text = (html: string) =>
  html.replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

beforeAll(async () => {
  t = makeTestApp();
  for (const [name, url] of Object.entries(REPORTS)) {
    const res = await t.app.request(url);
    expect(res.status, name).toBe(200);
    pages.set(name, await res.text());
  }
});

describe('reports print nothing after their period', () => {
  it('the December 2024 briefing and the Q4 2024 report name no later year', () => {
    for (const name of ['monthly December 2024', 'quarterly Q4 2024']) {
      // The generation date is when the document was made, not a figure.
      const words = text(pages.get(name)!).replace(/Gegenereerd op \d+ \p{L}+ \d{4}/u, '');
      expect(words.match(/.{0,50}\b20(2[5-9]|[3-9]\d)\b.{0,30}/g), name).toBeNull();
    }
  });

  it('the June / Q2 2024 reports show no yearly measurement after 2023 in the target table', () => {
    for (const name of ['monthly June 2024', 'quarterly Q2 2024']) {
      const table = /<caption>Effectindicatoren en doelstellingen[^<]*<\/caption>[\s\S]*?<\/table>/.exec(pages.get(name)!)?.[0] ?? '';
      expect(table, name).toContain('metingen tot en met 2023');
      const body = text(/<tbody>[\s\S]*<\/tbody>/.exec(table)![0]);
      // Years of measurements are printed as "(YYYY)" after a value.
      for (const m of body.matchAll(/\((\d{4})\)/g)) expect(Number(m[1]), name).toBeLessThanOrEqual(2023);
    }
  });
});

describe('targets in reports', () => {
  it('no target is called on or off track on DEMO or other-definition figures; the plan period is said to have ended', () => {
    for (const [name, page] of pages) {
      const table = /<caption>Effectindicatoren en doelstellingen[\s\S]*?<\/table>\s*<p class="note">[\s\S]*?<\/p>/.exec(page)?.[0] ?? '';
      for (const row of table.matchAll(/<tr><th scope="row">[\s\S]*?<\/tr>/g)) {
        if (/DEMO|andere definitie/.test(row[0])) expect(row[0], name).not.toMatch(/op koers/);
      }
      expect(text(table), name).toMatch(/planperiode liep tot en met 2018/);
    }
  });
});

describe('no developer text in what a reader sees', () => {
  it('no file names, commands or paths in any report', () => {
    for (const [name, page] of pages) {
      const words = text(page);
      for (const bad of [/\bnpm\b/i, /\.json\b/i, /\.csv\b/i, /\bserver\//i, /GEODATA/i, /targets\.json/i, /\bimporteer\b/i, /\.ts\b/]) {
        expect(words.match(new RegExp(`.{0,40}${bad.source}.{0,40}`, 'i')), `${name}: ${bad}`).toBeNull();
      }
    }
  });
});

describe('small areas in reports', () => {
  const lowPop = () => new Set(t.dataset.areas('GM0935', 'buurt').filter((b) => (b.inwoners ?? 0) < 200).map((b) => b.naam));

  it('the "highest" list holds no buurt under the population threshold; those are named apart', () => {
    for (const name of ['quarterly Q4 2024', 'quarterly Q2 2024']) {
      const page = pages.get(name)!;
      const section = page.slice(page.indexOf('Buurten met het hoogste cijfer'));
      const table = /<tbody>([\s\S]*?)<\/tbody>/.exec(section)![1];
      const listed = [...table.matchAll(/<th scope="row">([^<]*)<\/th>/g)].map((m) => m[1]);
      expect(listed.length, name).toBeGreaterThan(0);
      for (const n of listed) expect(lowPop().has(n), `${name}: ${n}`).toBe(false);
      expect(section, name).toMatch(/Apart: te weinig inwoners voor een cijfer per 1\.000/);
    }
  });

  it('rises and falls list only significant changes of buurten with enough inhabitants', () => {
    for (const name of ['monthly December 2024', 'monthly June 2024']) {
      const page = pages.get(name)!;
      const part = page.slice(page.indexOf('Grootste stijgingen'), page.indexOf('Doelstellingen uitvoeringsplan'));
      expect(part, name).not.toContain('niet significant</small>');
      for (const m of part.matchAll(/<th scope="row">([^<]*)<\/th>/g)) expect(lowPop().has(m[1]), m[1]).toBe(false);
    }
  });

  it('non-significant changes are marked in words', () => {
    expect(pages.get('quarterly Q4 2024')!).toContain('binnen toeval (niet significant)');
  });
});

describe('"Wat valt op" comes first', () => {
  it('each report opens with a list generated from the data, before the key figures', () => {
    for (const [name, page] of pages) {
      const i = page.indexOf('<h2>Wat valt op</h2>');
      expect(i, name).toBeGreaterThan(0);
      expect(i, name).toBeLessThan(page.indexOf('<h2>Kerncijfers'));
      const list = /<ul class="highlights">([\s\S]*?)<\/ul>/.exec(page.slice(i))![1];
      expect(list, name).toMatch(/Doelen van het veiligheidsplan \(9 effectindicatoren\)/);
      expect(list, name).toMatch(/toeval/);
    }
  });
});
