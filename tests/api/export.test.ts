// Export for Dutch Excel, GIS and print, against the real data.
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../support/testApp.ts';

let t: ReturnType<typeof makeTestApp>;
beforeAll(() => {
  t = makeTestApp();
});

const Q = 'gemeente=GM0935&level=buurt&category=0.0.0&from=2024-01&to=2024-12';

describe('GET /api/export?format=csv', () => {
  it('opens in Dutch Excel: BOM, ;, CRLF, decimal comma, header, one line per buurt', async () => {
    const res = await t.app.request(`/api/export?format=csv&${Q}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename="buurtveiligheid_GM0935_buurt_0.0.0_2024-01_2024-12\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n').filter(Boolean);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(lines).toHaveLength(45);
    const header = lines[0].split(';');
    expect(header).toEqual(expect.arrayContaining(['Code', 'Naam', 'Aantal', 'Inwoners', 'Per 1.000 inwoners', 'Per km²', 'Hotspot']));
    for (const line of lines.slice(1)) expect(line.split(';')).toHaveLength(header.length);
    const binnenstad = lines.find((l) => l.startsWith('BU09350000;'))!.split(';');
    expect(binnenstad[header.indexOf('Naam')]).toBe('Binnenstad');
    expect(binnenstad[header.indexOf('Aantal')]).toBe('1294');
    expect(binnenstad[header.indexOf('Per 1.000 inwoners')]).toBe('555,36');
    expect(binnenstad[header.indexOf('Hotspot')]).toMatch(/^Hotspot/);
    expect(binnenstad[header.indexOf('Signalen')]).toContain('bezoekers');
  });

  it('codes= limits the rows; codes of another gemeente are a 400', async () => {
    const res = await t.app.request(`/api/export?format=csv&${Q}&codes=BU09350000,bu09350006`);
    const lines = (await res.text()).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    const bad = await t.getJson(`/api/export?format=csv&${Q}&codes=BU09350000,BU00140000`);
    expect(bad.status).toBe(400);
    expect(bad.body.parameter).toBe('codes');
    expect(bad.body.error).toContain('BU00140000');
  });
});

describe('GET /api/export?format=geojson', () => {
  it('one feature per buurt with geometry and the figures as properties', async () => {
    const res = await t.app.request(`/api/export?format=geojson&${Q}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/geo\+json/);
    const fc = (await res.json()) as any;
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(44);
    for (const f of fc.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
      expect(f.properties.code).toBe(f.id);
    }
    const b = fc.features.find((f: any) => f.id === 'BU09350000');
    expect(b.properties).toMatchObject({ naam: 'Binnenstad', count: 1294, population: 2330 });
    expect(b.properties.hotspotClass).toMatch(/^hot/);
    expect(fc.metadata.bron).toContain('CBS');
  });
});

describe('GET /api/export?format=html', () => {
  it('a printable page per buurt with every name, the credit and escaped text', async () => {
    const res = await t.app.request(`/api/export?format=html&${Q}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('page-break-after');
    expect(html.match(/<section class="page">/g)).toHaveLength(44);
    for (const a of t.dataset.areas('GM0935', 'buurt')) expect(html).toContain(a.naam.replace(/'/g, '&#39;'));
    expect(html).toContain('Bron: CBS, Politie (via CBS), Kadaster/PDOK');
    expect(html).toContain('Beatrixhaven');
    expect(html).toContain('Weinig inwoners');
    expect(html).not.toContain('DEMO-gegevens'); // whole years of all crime are real
    const demo = await (await t.app.request('/api/export?format=html&gemeente=GM0935&category=HIC&codes=BU09350000')).text();
    expect(demo).toContain('DEMO-gegevens');
    expect(demo.match(/<section class="page">/g)).toHaveLength(1);
  });

  it('bad format -> 400', async () => {
    const r = await t.getJson(`/api/export?format=xlsx&${Q}`);
    expect(r.status).toBe(400);
    expect(r.body.parameter).toBe('format');
  });
});
