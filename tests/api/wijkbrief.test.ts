// The printable wijkbrief: the wijk's map with the points of the last 28 days, the 7- and 28-day windows, the busiest
// streets and the hotspot status; for the wijkagent of that wijk and analisten only (audited), as HTML and as a PDF of
// one or two A4 pages printed by headless Chromium.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PdfRenderer } from '../../server/src/reports/pdf.ts';
import { SqliteUserStore } from '../../server/src/store/sqliteUsers.ts';
import { makeTestApp } from '../support/testApp.ts';
import { sessions, TEST_PASSWORD as PW } from '../support/sessions.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let t: ReturnType<typeof makeTestApp>;
let pdf: PdfRenderer;
const { login, cookies } = sessions(() => t.app);
const get = (who: string, url: string) => t.app.request(url, { headers: { Cookie: cookies[who] ?? '' } });

beforeAll(async () => {
  pdf = new PdfRenderer({ executablePath: CHROMIUM });
  t = makeTestApp(':memory:', { pdfRenderer: pdf });
  const users = new SqliteUserStore(t.store.db);
  users.add('beheer', PW, 'beheerder', []);
  users.add('agent', PW, 'wijkagent', ['WK093502']);
  users.add('scherm', PW, 'presentatie', []);
  for (const u of ['beheer', 'agent', 'scherm']) expect(await login(u)).toBe(200);
});
afterAll(async () => {
  await pdf.close();
});

describe('wijkbrief', () => {
  it("has the wijk's map with one dot per registration of the last 28 days, the windows, streets and hotspot status", async () => {
    const res = await get('agent', '/api/reports/wijkbrief?format=html');
    expect(res.status).toBe(200);
    const html = await res.text();
    const mijnWijk = (await (await get('agent', '/api/mijn-wijk')).json()) as any;
    const w28 = mijnWijk.windows.find((w: any) => w.days === 28);
    const total28 = w28.rows.find((r: any) => r.code === '0.0.0').count;
    expect((html.match(/<circle /g) ?? []).length).toBe(total28);
    expect(html).toMatch(/Wijkbrief veiligheid<br>Wijk 02 Buitenwijk West/);
    expect(html).toMatch(/Laatste 7 dagen: 25 december 2025 – 31 december 2025/);
    expect(html).toMatch(/Laatste 28 dagen/);
    expect(html).toMatch(/Drukste straten/);
    expect(html).toMatch(/Hotspotstatus van de buurten/);
    expect(html).toMatch(/DEMO-gegevens/);
    // Chance is named; no percentage is printed beside a change within chance.
    expect(html).toMatch(/\(toeval\)/);
    for (const m of html.matchAll(/<td class="num">([^<]*%)<\/td>/g)) expect(m[1]).not.toMatch(/toeval/);
    expect(html).not.toMatch(/\/api\/|\.ts\b|npm /);
  });

  it('only for the wijkagent of the wijk and analisten; audited', async () => {
    expect((await get('agent', '/api/reports/wijkbrief?wijk=WK093500&format=html')).status).toBe(403);
    expect((await get('scherm', '/api/reports/wijkbrief?wijk=WK093502&format=html')).status).toBe(403);
    expect((await get('beheer', '/api/reports/wijkbrief?wijk=WK093502&format=html')).status).toBe(403);
    expect((await get('agent', '/api/reports/wijkbrief?wijk=WK0935&format=html')).status).toBe(400);
    const log = (await (await get('beheer', '/api/audit?action=wijkbrief')).json()) as any;
    expect(log.entries.map((e: any) => `${e.username}:${e.detail.allowed}`)).toEqual(expect.arrayContaining(['agent:true', 'agent:false', 'scherm:false']));
  });

  it.skipIf(!fs.existsSync(CHROMIUM))('prints one or two A4 pages as PDF', async () => {
    const res = await get('agent', '/api/reports/wijkbrief');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/pdf');
    expect(res.headers.get('Content-Disposition')).toMatch(/wijkbrief_WK093502_2025-12-31\.pdf/);
    const buf = Buffer.from(await res.arrayBuffer());
    expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = (buf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
  }, 60_000);
});

describe('Mijn wijk for a chosen week or month', () => {
  it('a week: the 7-day window is that week, the 28 days the four weeks up to it, nothing after it in the list', async () => {
    const res = await get('agent', '/api/mijn-wijk?week=2025-W49');
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.meta).toMatchObject({ week: '2025-W49', month: '2025-12' });
    expect(body.windows.map((w: any) => [w.days, w.from, w.to])).toEqual([[7, '2025-12-01', '2025-12-07'], [28, '2025-11-10', '2025-12-07']]);
    expect(body.windows[0].lastYearFrom).toBe('2024-12-02');
    expect(body.recent.length).toBeGreaterThan(0);
    expect(body.recent.every((r: any) => r.datum.slice(0, 10) <= '2025-12-07')).toBe(true);
    const html = await (await get('agent', '/api/reports/wijkbrief?week=2025-W49&format=html')).text();
    expect(html).toMatch(/1 december 2025 – 7 december 2025/);
  });

  it('a month: its windows end in it', async () => {
    const body = (await (await get('agent', '/api/mijn-wijk?month=2025-06')).json()) as any;
    expect(body.meta).toMatchObject({ month: '2025-06', week: null });
    expect(body.windows[0].to.slice(0, 7)).toBe('2025-06');
  });

  it('a week that does not exist, lies outside the data, or comes with a month is a 400 naming it', async () => {
    for (const q of ['week=2025-W53', 'week=1999-W10', 'week=2025-49', 'week=2025-W10&month=2025-03']) {
      const r = await get('agent', `/api/mijn-wijk?${q}`);
      expect(r.status, q).toBe(400);
      expect(((await r.json()) as any).parameter, q).toBe('week');
    }
  });
});

