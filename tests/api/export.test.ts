// Export for Dutch Excel, GIS and print, against the real data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { ringArea } from '../../server/src/domain/gisExport.ts';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf, errorOf } from '../support/answers.ts';

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
    // 44 buurten, the header, and below them what the ranking is, the DEMO note and the source.
    expect(lines).toHaveLength(49);
    const header = lines[0].split(';');
    expect(header).toEqual(expect.arrayContaining(['Code', 'Naam', 'Aantal', 'Inwoners', 'Per 1.000 inwoners', 'Per km²', 'Hotspot']));
    for (const line of lines.slice(1, 45)) expect(line.split(';')).toHaveLength(header.length);
    // Source and licence below the table, after an empty line.
    expect(lines.at(-1)).toBe('Bron: CBS, Politie (via CBS), Kadaster/PDOK — open data, CC BY 4.0');
    expect(text).toContain('\r\n\r\nMaastricht · Totaal misdrijven · januari 2024 – december 2024\r\n');
    const binnenstad = lines.map((l) => l.split(';')).find((f) => f[header.indexOf('Code')] === 'BU09350000')!;
    expect(binnenstad[header.indexOf('Naam')]).toBe('Binnenstad');
    expect(binnenstad[header.indexOf('Aantal')]).toBe('1294');
    expect(binnenstad[header.indexOf('Per 1.000 inwoners')]).toBe('555,36');
    expect(binnenstad[header.indexOf('Hotspot')]).toMatch(/^Hotspot/);
    expect(binnenstad[header.indexOf('Signalen')]).toContain('bezoekers');
  });

  it('codes= limits the rows; codes of another gemeente are a 400', async () => {
    const res = await t.app.request(`/api/export?format=csv&${Q}&codes=BU09350000,bu09350006`);
    const lines = (await res.text()).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(7);
    const bad = await errorOf(await t.app.request(`/api/export?format=csv&${Q}&codes=BU09350000,BU00140000`), 400);
    expect(bad.parameter).toBe('codes');
    expect(bad.error).toContain('BU00140000');
  });
});

describe('the Werkbank export carries its ranking', () => {
  const W = 'smoothedRate:2,change:1';
  it('CSV: sorted by rank, with rank, score, every weight and component, period, category and selection name', async () => {
    const text = (await (await t.app.request(`/api/export?format=csv&${Q}&weights=${W}&selection=${encodeURIComponent('Aanpak Noordoost')}`)).text()).replace(/^\uFEFF/, '');
    const [table, footer] = text.split('\r\n\r\n');
    const lines = table.split('\r\n');
    const header = lines[0].split(';');
    expect(header.slice(0, 2)).toEqual(['Rang', 'Code']);
    expect(header).toEqual(expect.arrayContaining(['Score (0–100)', 'Cijfer per 1.000 inwoners (EB) t.o.v. de stad (gewicht 2)', 'Cijfer per 1.000 inwoners (EB) t.o.v. de stad: percentielrang (0–100)', 'Verandering t.o.v. een jaar eerder (%) (gewicht 1)', 'Verandering t.o.v. een jaar eerder (%): percentielrang (0–100)']));
    const ranks = lines.slice(1).map((l) => Number(l.split(';')[0]));
    expect(ranks[0]).toBe(1);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    const scores = lines.slice(1).map((l) => Number(l.split(';')[header.indexOf('Score (0–100)')].replace(',', '.')));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const ranking = await answerOf(await t.client.ranking.$get({ query: { gemeente: 'GM0935', level: 'buurt', category: '0.0.0', from: '2024-01', to: '2024-12', weights: W } }));
    expect(lines[1].split(';')[1]).toBe(ranking.rows[0].code);
    expect(footer).toContain('Selectie: Aanpak Noordoost · Maastricht · Totaal misdrijven · januari 2024 – december 2024');
    expect(footer).toContain('Cijfer per 1.000 inwoners (EB) t.o.v. de stad 2, Verandering t.o.v. een jaar eerder (%) 1');
  });

  it('GeoJSON: rank, score and the components per feature; weights, selection and order in the metadata', async () => {
    const fc = (await (await t.app.request(`/api/export?format=geojson&${Q}&weights=${W}&selection=Noordoost`)).json()) as any;
    expect(fc.metadata).toMatchObject({ selection: 'Noordoost', sortedBy: 'rank', weights: { smoothedRate: 2, change: 1 }, categoryNaam: 'Totaal misdrijven', from: '2024-01', to: '2024-12' });
    expect(fc.features[0].properties.rank).toBe(1);
    expect(fc.features[0].properties).toHaveProperty('percentile_smoothedRate');
    expect(fc.features[0].properties).toHaveProperty('value_change');
    expect(fc.features.map((f: any) => f.properties.rank)).toEqual([...fc.features.map((f: any) => f.properties.rank)].sort((a: number, b: number) => a - b));
  });

  it('HTML: a memo first, with the selection, the weights, a map with the chosen buurten numbered, then a page per buurt in rank order', async () => {
    const html = await (await t.app.request(`/api/export?format=html&${Q}&weights=${W}&codes=BU09350000,BU09350006&selection=Twee`)).text();
    const memo = html.slice(html.indexOf('<section class="page memo">'), html.indexOf('<section class="page">'));
    expect(memo).toContain('Selectie “Twee”: 2 buurten');
    expect(memo).toContain('Cijfer per 1.000 inwoners (EB) t.o.v. de stad 2, Verandering t.o.v. een jaar eerder (%) 1');
    expect(memo).toContain('<svg');
    expect(memo.match(/class="rank-label"/g)).toHaveLength(2);
    expect(html).not.toMatch(/server\/|\.json|npm /);
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

describe('GET /api/export?format=gpkg', () => {
  it('a GeoPackage with whole field names, WGS84 multipolygons and the ranking in rank order', async () => {
    const res = await t.app.request(`/api/export?format=gpkg&${Q}&weights=smoothedRate:2,change:1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/geopackage+sqlite3');
    expect(res.headers.get('Content-Disposition')).toMatch(/\.gpkg"$/);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-gpkg-')), 'x.gpkg');
    fs.writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('application_id', { simple: true })).toBe(0x47504b47);
      expect(db.prepare('SELECT table_name, data_type, srs_id FROM gpkg_contents').all()).toEqual([{ table_name: 'buurtveiligheid_buurt', data_type: 'features', srs_id: 4326 }]);
      expect(db.prepare('SELECT geometry_type_name FROM gpkg_geometry_columns').pluck().get()).toBe('MULTIPOLYGON');
      const rows = db.prepare('SELECT * FROM buurtveiligheid_buurt ORDER BY fid').all() as Record<string, unknown>[];
      expect(rows).toHaveLength(44);
      expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(['rank', 'score', 'code', 'naam', 'ratePer1000Smoothed', 'percentile_smoothedRate', 'value_change']));
      expect(rows.map((r) => r.rank)).toEqual([...rows.map((r) => r.rank)].sort((a, b) => (a as number) - (b as number)));
      expect((rows[0].geom as Buffer).subarray(0, 2).toString()).toBe('GP');
    } finally {
      db.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});

describe('GeoJSON that GIS tools read cleanly', () => {
  it('has RFC 7946 winding (exteriors counter-clockwise, holes clockwise) and no list-valued properties, for buurten and wijken', async () => {
    for (const level of ['buurt', 'wijk']) {
      const fc = (await (await t.app.request(`/api/export?format=geojson&gemeente=GM0935&level=${level}&category=0.0.0&from=2024-01&to=2024-12`)).json()) as any;
      expect(fc.features.length).toBeGreaterThan(0);
      for (const f of fc.features) {
        const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
        for (const rings of polygons) {
          expect(ringArea(rings[0]), `${f.id} exterior`).toBeGreaterThan(0);
          for (const hole of rings.slice(1)) expect(ringArea(hole), `${f.id} hole`).toBeLessThan(0);
        }
        for (const [k, v] of Object.entries(f.properties)) expect(Array.isArray(v) || (v !== null && typeof v === 'object'), `${f.id}.${k}`).toBe(false);
      }
    }
  });

  // GDAL (ogr2ogr) and geopandas as an analyst's QGIS/Python would read the file; skipped where they are
  // not installed (.ci/run installs gdal-bin and python3-geopandas).
  const hasGdal = spawnSync('ogr2ogr', ['--version']).status === 0;
  // Debian's python3-geopandas is for Debian's own interpreter (a pyenv python3 may come first on PATH).
  const python = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const hasGeopandas = spawnSync(python, ['-c', 'import geopandas']).status === 0;
  it.skipIf(!hasGdal || !hasGeopandas)('reads in ogr2ogr and geopandas and converts to GeoPackage and Shapefile without errors', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-gis-'));
    try {
      for (const level of ['buurt', 'wijk']) {
        const file = path.join(dir, `${level}.geojson`);
        fs.writeFileSync(file, await (await t.app.request(`/api/export?format=geojson&gemeente=GM0935&level=${level}&category=HIC&from=2024-01&to=2024-12`)).text());
        for (const [driver, out] of [['GPKG', `${level}.gpkg`], ['ESRI Shapefile', `${level}.shp`]]) {
          const r = spawnSync('ogr2ogr', ['-f', driver, path.join(dir, out), file], { encoding: 'utf8' });
          expect(r.status, `${driver}: ${r.stderr}`).toBe(0);
          expect(r.stderr, driver).not.toMatch(/ERROR/);
        }
        const py = spawnSync(python, ['-c', `import geopandas as g; d = g.read_file(${JSON.stringify(file)}); print(len(d), d.geometry.is_valid.all())`], { encoding: 'utf8' });
        expect(py.status, py.stderr).toBe(0);
        expect(py.stdout.trim()).toMatch(/^\d+ True$/);
        // The app's own GeoPackage: read by GDAL and geopandas without a word, field names whole.
        const gpkg = path.join(dir, `${level}-app.gpkg`);
        fs.writeFileSync(gpkg, new Uint8Array(await (await t.app.request(`/api/export?format=gpkg&gemeente=GM0935&level=${level}&category=HIC&from=2024-01&to=2024-12`)).arrayBuffer()));
        const info = spawnSync('ogrinfo', ['-so', '-al', gpkg], { encoding: 'utf8' });
        expect(info.status, info.stderr).toBe(0);
        expect(info.stderr).not.toMatch(/ERROR|Warning/);
        expect(info.stdout).toMatch(/percentile_smoothedRate: Real/);
        const gp = spawnSync(python, ['-c', `import geopandas as g; d = g.read_file(${JSON.stringify(gpkg)}); print(len(d), d.geometry.is_valid.all(), d.crs.to_epsg())`], { encoding: 'utf8' });
        expect(gp.status, gp.stderr).toBe(0);
        expect(gp.stdout.trim()).toMatch(/^\d+ True 4326$/);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('GET /api/export?format=html', () => {
  it('a printable page per buurt with every name, the credit and escaped text', async () => {
    const res = await t.app.request(`/api/export?format=html&${Q}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('page-break-after');
    expect(html).toContain('size: A4');
    expect(html.match(/<section class="page">/g)).toHaveLength(44);
    for (const a of t.dataset.areas('GM0935', 'buurt')) expect(html).toContain(a.naam.replace(/'/g, '&#39;'));
    expect(html).toContain('Bron: CBS, Politie (via CBS), Kadaster/PDOK');
    expect(html).toContain('Beatrixhaven');
    expect(html).toContain('Weinig inwoners');
    // Whole years of all crime are real; the default ranking leans on generated type and month splits.
    expect(html).toContain('DEMO-gegevens');
    const real = await (await t.app.request(`/api/export?format=html&${Q}&weights=smoothedRate:1`)).text();
    expect(real).not.toContain('DEMO-gegevens');
    const demo = await (await t.app.request('/api/export?format=html&gemeente=GM0935&category=HIC&codes=BU09350000')).text();
    expect(demo).toContain('DEMO-gegevens');
    expect(demo.match(/<section class="page">/g)).toHaveLength(1);
  });

  it('bad format -> 400', async () => {
    // A format the route does not know: the typed client would not send it.
    expect((await errorOf(await t.app.request(`/api/export?format=xlsx&${Q}`), 400)).parameter).toBe('format');
  });
});
