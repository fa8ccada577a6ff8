import { describe, expect, it } from 'vitest';
import { describePolygon, geometryErrorText, MAX_POLYGON_FILE_BYTES, parsePolygonFile, PolygonFileError, readPolygonFile } from './polygonFile.ts';

const square = (x: number, y: number, d: number) => [
  [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ],
];
const markt = square(5.69, 50.848, 0.004);
const feature = (geometry: unknown, properties: Record<string, unknown> = {}) => ({ type: 'Feature', properties, geometry });
const parse = (v: unknown) => parsePolygonFile(JSON.stringify(v));

/** The Dutch message a file is refused with. */
function refusal(text: string): string {
  try {
    parsePolygonFile(text);
  } catch (e) {
    expect(e).toBeInstanceOf(PolygonFileError);
    return (e as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe('parsePolygonFile', () => {
  it('takes a bare Polygon as is, in degrees, without a crs for the server', () => {
    const p = parse({ type: 'Polygon', coordinates: markt });
    expect(p.geometry).toEqual({ type: 'Polygon', coordinates: markt });
    expect(p).toMatchObject({ rd: false, polygons: 1, skipped: 0 });
    expect('crs' in p).toBe(false);
    expect(describePolygon(p)).toBe('1 polygoon, coördinaten in WGS84 (graden)');
  });

  it('takes the geometry of a Feature and drops heights and M values', () => {
    const withZ = markt.map((r) => r.map(([x, y]) => [x, y, 48.5, 0]));
    const p = parse(feature({ type: 'Polygon', coordinates: withZ }, { naam: 'Markt' }));
    expect(p.geometry).toEqual({ type: 'Polygon', coordinates: markt });
  });

  it('keeps a MultiPolygon with its holes', () => {
    const withHole = [...square(5.68, 50.84, 0.02), square(5.69, 50.85, 0.001)[0].slice().reverse()];
    const coordinates = [withHole, square(5.7, 50.86, 0.01)];
    const p = parse({ type: 'MultiPolygon', coordinates });
    expect(p.geometry).toEqual({ type: 'MultiPolygon', coordinates });
    expect(p.polygons).toBe(2);
  });

  it('merges the polygons of a FeatureCollection into one MultiPolygon and skips other features', () => {
    const p = parse({
      type: 'FeatureCollection',
      features: [
        feature({ type: 'Polygon', coordinates: markt }),
        feature({ type: 'Point', coordinates: [5.69, 50.85] }),
        feature({ type: 'MultiPolygon', coordinates: [square(5.7, 50.86, 0.01), square(5.72, 50.86, 0.01)] }),
        feature(null),
      ],
    });
    expect(p.geometry).toEqual({ type: 'MultiPolygon', coordinates: [markt, square(5.7, 50.86, 0.01), square(5.72, 50.86, 0.01)] });
    expect(p).toMatchObject({ polygons: 3, skipped: 2 });
    expect(describePolygon(p)).toBe('3 polygonen, coördinaten in WGS84 (graden), 2 objecten zonder polygoon overgeslagen');
  });

  it('passes RD New on to the server when the crs member declares it, in either spelling', () => {
    const rd = square(176_000, 317_000, 500);
    for (const name of ['urn:ogc:def:crs:EPSG::28992', 'EPSG:28992']) {
      const p = parse({ type: 'FeatureCollection', crs: { type: 'name', properties: { name } }, features: [feature({ type: 'Polygon', coordinates: rd })] });
      expect(p.crs).toBe('EPSG:28992');
      expect(p.rd).toBe(true);
      expect(describePolygon(p)).toBe('1 polygoon, coördinaten in RD New (meters)');
    }
  });

  it('leaves undeclared RD New to the server, but says what it will read', () => {
    const p = parse(feature({ type: 'Polygon', coordinates: square(176_000, 317_000, 500) }));
    expect(p.crs).toBeUndefined();
    expect(p.rd).toBe(true);
    const wgs = parse({ type: 'Polygon', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } }, coordinates: markt });
    expect(wgs.crs).toBeUndefined();
  });

  it('refuses another declared coordinate system by name', () => {
    expect(refusal(JSON.stringify({ type: 'Polygon', crs: { type: 'name', properties: { name: 'EPSG:3857' } }, coordinates: markt }))).toMatch(/coördinatenstelsel "EPSG:3857"/);
  });

  it('refuses garbage with a Dutch message', () => {
    expect(refusal('dit is geen geojson')).toMatch(/^Het bestand is geen geldige JSON/);
    expect(refusal('{"type": "Polygon", ')).toMatch(/^Het bestand is geen geldige JSON/);
    expect(refusal('  \n')).toBe('Het bestand is leeg.');
    expect(refusal('[1, 2, 3]')).toMatch(/^Het bestand bevat geen polygoon/);
    expect(refusal('{"hello": "world"}')).toMatch(/^Het bestand bevat geen polygoon/);
    expect(refusal(JSON.stringify(feature({ type: 'LineString', coordinates: [[5.69, 50.85], [5.7, 50.86]] })))).toMatch(/Gevonden: LineString\.$/);
    expect(refusal(JSON.stringify({ type: 'FeatureCollection', features: [feature({ type: 'Point', coordinates: [5.69, 50.85] })] }))).toMatch(/Gevonden: Point\.$/);
    expect(refusal(JSON.stringify({ type: 'FeatureCollection', features: [] }))).toMatch(/leeg\.$/);
  });

  it('refuses broken polygons before the server sees them', () => {
    expect(refusal(JSON.stringify({ type: 'Polygon', coordinates: [[[5.69, 50.85], [5.7, 50.85], [5.7, 50.86], [5.69, 50.86]]] }))).toMatch(/niet gesloten/);
    expect(refusal(JSON.stringify({ type: 'Polygon', coordinates: [[[5.69, 50.85], [5.7, 50.85], [5.69, 50.85]]] }))).toMatch(/minder dan 4 punten/);
    expect(refusal(JSON.stringify({ type: 'Polygon', coordinates: [[['5.69', 50.85]]] }))).toMatch(/ongeldige coördinaten/);
    expect(refusal(JSON.stringify({ type: 'Polygon', coordinates: [] }))).toMatch(/geen buitenrand/);
  });

  it('reads a file, with a BOM, and refuses one over 5 MB without reading it', async () => {
    const ok = await readPolygonFile(new Blob([`\uFEFF${JSON.stringify({ type: 'Polygon', coordinates: markt })}`]));
    expect(ok.geometry.type).toBe('Polygon');
    const big = new Blob([new Uint8Array(MAX_POLYGON_FILE_BYTES + 1)]);
    await expect(readPolygonFile(big)).rejects.toThrow(/^Het bestand is te groot \(5,0 MB\); het mag hoogstens 5 MB zijn/);
  });
});

describe('geometryErrorText', () => {
  it("translates the server's common refusals and leaves the rest to its own text", () => {
    expect(geometryErrorText('geometry: covers no buurt of GM0935 (a buurt counts when its interior point lies inside)', 'Maastricht')).toMatch(
      /^Het bestand bedekt geen enkele buurt van Maastricht\./,
    );
    expect(geometryErrorText('geometry: RD New coordinates outside the Netherlands (x 0–300000, y 289000–629000 m)', 'Maastricht')).toMatch(/buiten Nederland/);
    expect(geometryErrorText('geometry.coordinates.0.0: a ring must be closed (first position = last)', 'Maastricht')).toMatch(/niet gesloten/);
    expect(geometryErrorText('geometry: something new', 'Maastricht')).toBeNull();
  });
});
