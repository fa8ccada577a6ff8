// Generated reports: the monthly briefing and the quarterly council report as HTML (content, Dutch
// periods, the real map) and as PDF printed by headless Chromium (pages, text), plus bad input.
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfRenderer } from '../../server/src/reports/pdf.ts';
import { makeTestApp } from '../support/testApp.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let t: ReturnType<typeof makeTestApp>;
let pdf: PdfRenderer;
const MONTHLY = '/api/reports/monthly?gemeente=GM0935&month=2024-06';
const QUARTERLY = '/api/reports/quarterly?gemeente=GM0935&quarter=2024-Q2';

beforeAll(() => {
  pdf = new PdfRenderer({ executablePath: CHROMIUM });
  t = makeTestApp(':memory:', { pdfRenderer: pdf });
});
afterAll(async () => {
  await pdf.close();
});

const html = async (url: string) => {
  const res = await t.app.request(`${url}&format=html`);
  expect(res.status).toBe(200);
  expect(res.headers.get('Content-Type')).toMatch(/text\/html/);
  return res.text();
};

/** Distinct fill colours of the areas drawn on the report map. */
const mapFills = (page: string) => {
  const areas = /<g class="areas">([\s\S]*?)<\/g>/.exec(page)?.[1] ?? '';
  return new Set([...areas.matchAll(/fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]));
};

/** Text of a PDF: pdftotext when installed, else the document title (the only unencoded text). */
function pdfText(buf: Buffer): string {
  if (hasPdftotext) return execFileSync('pdftotext', ['-', '-'], { input: buf }).toString('utf8');
  const raw = buf.toString('latin1');
  const hex = /\/Title\s*<FEFF([0-9A-F]+)>/i.exec(raw)?.[1];
  if (hex) return Buffer.from(hex, 'hex').swap16().toString('utf16le');
  return /\/Title\s*\(([^)]*)\)/.exec(raw)?.[1] ?? '';
}
const pageCount = (buf: Buffer) => (buf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;

/** Numbers shown in table rows whose header is a buurt name. */
function buurtNumbers(page: string): number[] {
  const names = new Set(t.dataset.areas('GM0935', 'buurt').map((b) => b.naam));
  const out: number[] = [];
  for (const row of page.matchAll(/<tr[^>]*><th scope="row">([^<]*)<\/th>([\s\S]*?)<\/tr>/g)) {
    if (!names.has(row[1])) continue;
    for (const cell of row[2].matchAll(/<td class="num">([0-9.]+)<\/td>/g)) out.push(Number(cell[1].replace(/\./g, '')));
  }
  return out;
}

describe('monthly briefing (HTML)', () => {
  let page: string;
  beforeAll(async () => {
    page = await html(MONTHLY);
  });

  it('names the gemeente, the month in Dutch, every wijk and the source', () => {
    expect(page).toContain('Maastricht');
    expect(page).toContain('juni 2024');
    expect(page).toContain('juni 2023');
    for (const w of t.dataset.areas('GM0935', 'wijk')) expect(page, w.naam).toContain(w.naam);
    expect(page).toContain('Bron: CBS');
  });

  it('has the four themes, nuisance without data, the targets and the largest rises and falls', () => {
    for (const s of ['Woninginbraak', 'Geweld', 'Overlast', 'Totaal misdrijven', 'geen gegevens', 'Doelstellingen', 'Grootste stijgingen', 'Grootste dalingen', 'geen recente meting']) expect(page).toContain(s);
    expect(page).toContain('DEMO');
    // Numbers in nl-NL: thousands with a dot, decimals with a comma.
    expect(page).toMatch(/\d\.\d{3}/);
    expect(page).toMatch(/\d,\d%/);
  });

  it('draws the real map: an SVG with several colours, a legend with counts, a scale bar and a north arrow', () => {
    expect(page).toContain('<svg');
    expect(mapFills(page).size).toBeGreaterThanOrEqual(4);
    expect(page).toMatch(/class="legend"/);
    expect(page).toMatch(/\d+ buurten/);
    expect(page).toContain('class="scale-bar"');
    expect(page).toMatch(/>\d+(,\d)? k?m</);
    expect(page).toContain('class="north-arrow"');
    expect((page.match(/<path d="M/g) ?? []).length).toBeGreaterThanOrEqual(44);
  });

  it('has at least two pages and never shows a buurt count of 1 to 4', () => {
    expect((page.match(/<section class="page">/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(page).toContain('section.page + section.page { break-before: page; }');
    const numbers = buurtNumbers(page);
    // Buurt rows appear only when a buurt changed more than chance (rises and falls).
    if (/<caption>Grootste (stijgingen|dalingen)<\/caption>/.test(page)) expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.filter((n) => n >= 1 && n <= 4)).toEqual([]);
  });

  it('loads nothing from outside: no scripts, no external URLs', () => {
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/(src|href)="https?:/);
  });
});

describe('quarterly report (HTML)', () => {
  let page: string;
  beforeAll(async () => {
    page = await html(QUARTERLY);
  });

  it('names the gemeente, the quarter in Dutch, every wijk and the source', () => {
    expect(page).toContain('Maastricht');
    expect(page).toContain('2e kwartaal 2024');
    expect(page).toContain('2e kwartaal 2023');
    for (const w of t.dataset.areas('GM0935', 'wijk')) expect(page, w.naam).toContain(w.naam);
    expect(page).toContain('Bron: CBS');
  });

  it('has the map, the Veiligheidsmonitor (demo-labelled), the targets and the benchmark', () => {
    expect(page).toContain('<svg');
    expect(mapFills(page).size).toBeGreaterThanOrEqual(4);
    expect(page).toContain('Veiligheidsmonitor');
    expect(page).toContain('wijkwaarden DEMO');
    expect(page).toContain('Doelstellingen');
    for (const ref of ['Nijmegen', 'Groningen', 'Almere', 'Leiden', 'Breda']) expect(page).toContain(ref);
    expect(page).toContain('G40');
  });

  it('hides small buurt counts in tables and on the map', () => {
    expect(buurtNumbers(page).filter((n) => n >= 1 && n <= 4)).toEqual([]);
    expect(page).toContain('afgeschermd (klein aantal)');
  });
});

describe('PDF', () => {
  it.skipIf(!hasChromium)('monthly: a PDF of at least two pages naming Maastricht and juni 2024', async () => {
    const res = await t.app.request(MONTHLY);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/pdf');
    expect(res.headers.get('Content-Disposition')).toMatch(/^inline; filename="maandbriefing-veiligheid_GM0935_2024-06\.pdf"$/);
    const buf = Buffer.from(await res.arrayBuffer());
    expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(buf)).toBeGreaterThanOrEqual(2);
    const text = pdfText(buf);
    expect(text).toContain('Maastricht');
    expect(text).toContain('juni 2024');
    if (hasPdftotext) {
      for (const w of t.dataset.areas('GM0935', 'wijk')) expect(text.replace(/\s+/g, ' '), w.naam).toContain(w.naam);
      expect(text).toContain('Bron: CBS');
      expect(text).toMatch(/Pagina 1 van \d/);
      expect(text).toContain('DEMO');
    }
  }, 60_000);

  it.skipIf(!hasChromium)('quarterly: a PDF of at least two pages naming Maastricht and 2e kwartaal 2024', async () => {
    const res = await t.app.request(QUARTERLY);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Disposition')).toContain('kwartaalrapportage-veiligheid_GM0935_2024-Q2.pdf');
    const buf = Buffer.from(await res.arrayBuffer());
    expect(buf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(buf)).toBeGreaterThanOrEqual(2);
    const text = pdfText(buf);
    expect(text).toContain('Maastricht');
    expect(text).toContain('2e kwartaal 2024');
  }, 60_000);

  it('answers 503 with a clear message when Chromium is missing (HTML still works)', async () => {
    const missing = new PdfRenderer({ executablePath: '/nonexistent/chromium' });
    const own = makeTestApp(':memory:', { pdfRenderer: missing });
    const res = await own.app.request(MONTHLY);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toMatch(/apt-get install chromium/);
    expect((await own.app.request(`${MONTHLY}&format=html`)).status).toBe(200);
  });
});

describe('bad parameters', () => {
  const cases: [string, number, string][] = [
    ['/api/reports/monthly?gemeente=GM0935&month=2024-13', 400, 'month'],
    ['/api/reports/monthly?gemeente=GM0935&month=juni', 400, 'month'],
    ['/api/reports/monthly?gemeente=GM0935', 400, 'month'],
    ['/api/reports/monthly?gemeente=GM0935&month=1999-06', 400, 'month'],
    ['/api/reports/monthly?gemeente=GM0935&month=2024-06&format=docx', 400, 'format'],
    ['/api/reports/monthly?gemeente=Maastricht&month=2024-06', 400, 'gemeente'],
    ['/api/reports/monthly?gemeente=GM9999&month=2024-06', 404, 'gemeente'],
    ['/api/reports/quarterly?gemeente=GM0935&quarter=2024-Q5', 400, 'quarter'],
    ['/api/reports/quarterly?gemeente=GM0935&quarter=2024Q2', 400, 'quarter'],
    ['/api/reports/quarterly?gemeente=GM0935&quarter=2024-06', 400, 'quarter'],
    ['/api/reports/quarterly?gemeente=GM0935', 400, 'quarter'],
    ['/api/reports/quarterly?gemeente=GM0935&quarter=1999-Q1', 400, 'quarter'],
    ['/api/reports/quarterly?gemeente=GM9999&quarter=2024-Q2', 404, 'gemeente'],
  ];
  for (const [url, status, parameter] of cases) {
    it(`${url.replace('/api/reports/', '')} → ${status} ${parameter}`, async () => {
      const res = await t.app.request(url);
      expect(res.status).toBe(status);
      const body = (await res.json()) as { error: string; parameter: string };
      expect(body.parameter).toBe(parameter);
      expect(body.error).toMatch(new RegExp(`^(${parameter}: |gemeente )`));
    });
  }

  it('accepts a lower-case quarter', async () => {
    expect((await t.app.request('/api/reports/quarterly?gemeente=GM0935&quarter=2024-q2&format=html')).status).toBe(200);
  });
});
