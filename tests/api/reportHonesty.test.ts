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
