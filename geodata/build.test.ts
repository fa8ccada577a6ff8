import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { feature } from 'topojson-client';
import { buildGeodata, isBuilt } from './build.ts';
import { RD_NEW } from './sources.ts';

/** A two-buurt gemeente around the Vrijthof, written in RD New like an official CBS export. */
function fixtureDir(opts: { rd: boolean; withGemeente: boolean }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-geo-'));
  fs.mkdirSync(path.join(dir, 'boundaries'));
  fs.mkdirSync(path.join(dir, 'population'));
  const toRd = proj4('EPSG:4326', RD_NEW);
  const sq = (x0: number, y0: number, d: number) => [[[x0, y0], [x0 + d, y0], [x0 + d, y0 + d], [x0, y0 + d], [x0, y0]]];
  const ring = (c: number[][][]) => (opts.rd ? c.map((r) => r.map((p) => toRd.forward(p))) : c);
  const poly = (coords: number[][][], props: object) => ({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: ring(coords) } });
  const fc = (features: object[]) => JSON.stringify({ type: 'FeatureCollection', ...(opts.rd ? { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } } } : {}), features });
  fs.writeFileSync(path.join(dir, 'boundaries/buurten_2024.geojson'), fc([
    poly(sq(5.68, 50.84, 0.01), { buurtcode: 'BU09990000', buurtnaam: 'Centrum', wijkcode: 'WK099900', gemeentenaam: 'Testdorp' }),
    poly(sq(5.69, 50.84, 0.01), { buurtcode: 'BU09990001', buurtnaam: 'Oost', wijkcode: 'WK099900', gemeentenaam: 'Testdorp' }),
  ]));
  fs.writeFileSync(path.join(dir, 'boundaries/wijken_2024.geojson'), fc([poly([[[5.68, 50.84], [5.7, 50.84], [5.7, 50.85], [5.68, 50.85], [5.68, 50.84]]], { wijkcode: 'WK099900', wijknaam: 'Wijk 00' })]));
  if (opts.withGemeente) fs.writeFileSync(path.join(dir, 'boundaries/gemeenten_2023.geojson'), fc([poly([[[5.68, 50.84], [5.7, 50.84], [5.7, 50.85], [5.68, 50.85], [5.68, 50.84]]], { gemeentecode: 'GM0999', gemeentenaam: 'Testdorp' })]));
  else fs.writeFileSync(path.join(dir, 'boundaries/gemeenten_2023.geojson'), fc([poly(sq(4, 52, 0.01), { gemeentecode: 'GM0001', gemeentenaam: 'Elders' })]));
  fs.writeFileSync(path.join(dir, 'population/buurten_inwoners_2024_85984NED_nl.csv'), '"","nhood_id","population"\n"1","BU09990000",1200\n"2","BU09990001",15\n');
  fs.writeFileSync(path.join(dir, 'population/kwb_2024_gemeenten_wijken_nl_85984NED.json'), JSON.stringify({ GM0999: { AantalInwoners_5: 1215, OppervlakteLand_123: 150 }, WK099900: { AantalInwoners_5: 1215, OppervlakteLand_123: 150 } }));
  return dir;
}

describe('buildGeodata', () => {
  for (const rd of [true, false]) {
    it(`builds one TopoJSON per gemeente from ${rd ? 'RD New' : 'WGS84'} input`, () => {
      const src = fixtureDir({ rd, withGemeente: true });
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-out-'));
      const index = buildGeodata(src, out);
      expect(index.gemeenten).toEqual([expect.objectContaining({ code: 'GM0999', naam: 'Testdorp', buurten: 2, wijken: 1 })]);
      const topo = JSON.parse(fs.readFileSync(path.join(out, 'geodata/areas/GM0999.topojson'), 'utf8'));
      const buurten = feature(topo, topo.objects.buurten) as any;
      expect(buurten.features.map((f: any) => f.id)).toEqual(['BU09990000', 'BU09990001']);
      expect(buurten.features[1].properties).toMatchObject({ code: 'BU09990001', naam: 'Oost', wijkcode: 'WK099900', inwoners: 15 });
      // Back in WGS84 within a metre or so, whatever the input CRS.
      const [lon, lat] = buurten.features[0].geometry.coordinates[0][0];
      expect(lon).toBeCloseTo(5.68, 4);
      expect(lat).toBeCloseTo(50.84, 4);
      expect(buurten.features[0].properties.oppervlakteKm2).toBeGreaterThan(0.7);
      const wijk = (feature(topo, topo.objects.wijken) as any).features[0];
      expect(wijk.properties).toMatchObject({ code: 'WK099900', inwoners: 1215, oppervlakteKm2: 1.5 });
      expect(isBuilt(src, out)).toBe(true);
    });
  }

  it('dissolves the buurten when the gemeente polygon is missing', () => {
    const src = fixtureDir({ rd: false, withGemeente: false });
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-out-'));
    buildGeodata(src, out);
    const topo = JSON.parse(fs.readFileSync(path.join(out, 'geodata/areas/GM0999.topojson'), 'utf8'));
    const g = (feature(topo, topo.objects.gemeente) as any).features[0];
    expect(g.id).toBe('GM0999');
    expect(['Polygon', 'MultiPolygon']).toContain(g.geometry.type);
  });

  it('names the missing file and what to do', () => {
    const src = fixtureDir({ rd: false, withGemeente: true });
    fs.rmSync(path.join(src, 'boundaries/buurten_2024.geojson'));
    expect(() => buildGeodata(src, os.tmpdir())).toThrow(/buurten_2024\.geojson: no buurten file found[\s\S]*GEODATA_SOURCE_DIR/);
    expect(() => buildGeodata('/no/such/folder', os.tmpdir())).toThrow(/does not exist/);
  });

  it('names an unreadable file', () => {
    const src = fixtureDir({ rd: false, withGemeente: true });
    fs.writeFileSync(path.join(src, 'boundaries/wijken_2024.geojson'), '{"type": "FeatureCollection", "features": [');
    expect(() => buildGeodata(src, os.tmpdir())).toThrow(/wijken_2024\.geojson: is not valid JSON/);
  });

  describe("a gemeente's own boundaries (boundaries/gemeente-eigen/<GMcode>*.geojson)", () => {
    /** Two detailed buurten (a 40-point edge instead of a square), in RD New like a municipal export. */
    const writeOwn = (src: string, codes: string[]) => {
      const toRd = proj4('EPSG:4326', RD_NEW);
      const detailed = (x0: number) => {
        const ring: number[][] = [];
        for (let i = 0; i <= 40; i++) ring.push([x0 + (0.01 * i) / 40, 50.84 + (i % 2) * 0.0002]);
        ring.push([x0 + 0.01, 50.85], [x0, 50.85], ring[0]);
        return [ring.map((p) => toRd.forward(p))];
      };
      fs.mkdirSync(path.join(src, 'boundaries/gemeente-eigen'), { recursive: true });
      fs.writeFileSync(
        path.join(src, 'boundaries/gemeente-eigen/GM0999_testdorp_buurten.geojson'),
        JSON.stringify({
          type: 'FeatureCollection',
          crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
          features: codes.map((c, i) => ({ type: 'Feature', properties: { buurtcode: c }, geometry: { type: 'Polygon', coordinates: detailed(5.68 + i * 0.01) } })),
        }),
      );
    };

    it('replace the national buurten of that gemeente (and its wijken, dissolved from them), keeping the CBS names', () => {
      const src = fixtureDir({ rd: false, withGemeente: true });
      writeOwn(src, ['BU09990000', 'BU09990001']);
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-out-'));
      const index = buildGeodata(src, out);
      const topo = JSON.parse(fs.readFileSync(path.join(out, 'geodata/areas/GM0999.topojson'), 'utf8'));
      const buurten = (feature(topo, topo.objects.buurten) as any).features;
      expect(buurten.map((f: any) => f.id).sort()).toEqual(['BU09990000', 'BU09990001']);
      expect(buurten.find((f: any) => f.id === 'BU09990001').properties).toMatchObject({ naam: 'Oost', wijkcode: 'WK099900', inwoners: 15 });
      expect(buurten[0].geometry.coordinates[0].length).toBeGreaterThan(40);
      const [lon, lat] = buurten[0].geometry.coordinates[0][0];
      expect(Math.abs(lon - 5.68) < 0.011 && Math.abs(lat - 50.84) < 0.001).toBe(true);
      const wijk = (feature(topo, topo.objects.wijken) as any).features[0];
      expect(JSON.stringify(wijk.geometry.coordinates).split('],[').length).toBeGreaterThan(40);
      expect(index.areas.find((a) => a.code === 'BU09990000')!.oppervlakteKm2).toBeGreaterThan(0.5);
      // A changed own file makes the build stale.
      expect(isBuilt(src, out)).toBe(true);
      writeOwn(src, ['BU09990001', 'BU09990000']);
      fs.utimesSync(path.join(src, 'boundaries/gemeente-eigen/GM0999_testdorp_buurten.geojson'), new Date(), new Date(Date.now() + 5000));
      expect(isBuilt(src, out)).toBe(false);
    });

    it('outline the gemeente, in the gemeente file and in the national one, instead of the national polygon', () => {
      const src = fixtureDir({ rd: false, withGemeente: true });
      writeOwn(src, ['BU09990000', 'BU09990001']);
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-out-'));
      buildGeodata(src, out);
      for (const file of ['GM0999', 'NL']) {
        const topo = JSON.parse(fs.readFileSync(path.join(out, `geodata/areas/${file}.topojson`), 'utf8'));
        const g = (feature(topo, topo.objects.gemeente) as any).features.find((f: any) => f.id === 'GM0999');
        // The national polygon is a 5-point rectangle; the own buurten's zigzag southern edge is in the outline.
        const ring: number[][] = g.geometry.type === 'Polygon' ? g.geometry.coordinates[0] : g.geometry.coordinates[0][0];
        expect(ring.length).toBeGreaterThan(40);
        expect(ring.filter(([, lat]) => Math.abs(lat - 50.8402) < 0.00005).length).toBeGreaterThan(10);
      }
    });

    it('names unknown and missing CBS codes in the build error', () => {
      const src = fixtureDir({ rd: false, withGemeente: true });
      writeOwn(src, ['BU09990000', 'BU09990077']);
      expect(() => buildGeodata(src, os.tmpdir())).toThrow(/GM0999_testdorp_buurten\.geojson: unknown buurt code\(s\) BU09990077; missing buurt code\(s\) BU09990001/);
      writeOwn(src, ['BU09990000', 'BU08880001']);
      expect(() => buildGeodata(src, os.tmpdir())).toThrow(/BU08880001 does not belong to GM0999/);
    });
  });
});
