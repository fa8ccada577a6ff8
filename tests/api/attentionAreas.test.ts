// Attention areas from a set of buurten or from an RD New polygon, and /api/stats?area=.
import { beforeAll, describe, expect, it } from 'vitest';
import proj4 from 'proj4';
import { pointOnFeature } from '@turf/turf';
import { RD_NEW } from '../../geodata/sources.ts';
import { AreaGeometry } from '../../server/src/store/geometry.ts';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf, defined, errorOf } from '../support/answers.ts';

let t: ReturnType<typeof makeTestApp>;
beforeAll(() => {
  t = makeTestApp(':memory:', {}, 'analist');
});

const post = async (body: unknown) => {
  const res = await t.app.request('/api/attention-areas', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
};

/** A square of `half` metres around the interior point of a buurt, in RD New. */
function rdSquareAround(code: string, half: number) {
  const f = new AreaGeometry(t.dataset).features('GM0935', 'buurt').find((x) => x.properties.code === code)!;
  const [lon, lat] = pointOnFeature(f).geometry.coordinates;
  const [x, y] = proj4('EPSG:4326', RD_NEW).forward([lon, lat]);
  return { type: 'Polygon', coordinates: [[[x - half, y - half], [x + half, y - half], [x + half, y + half], [x - half, y + half], [x - half, y - half]]] };
}

describe('/api/attention-areas', () => {
  it('from codes: wijken expand to their buurten; stats?area= gives its buurten and the total', async () => {
    const created = await post({ name: 'KVO Beatrixhaven-Randwyck', gemeente: 'GM0935', kind: 'kvo', codes: ['BU09350500', 'BU09350600'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'KVO Beatrixhaven-Randwyck', kind: 'kvo', kindNaam: 'Keurmerk Veilig Ondernemen', source: 'codes', geometry: null, codes: ['BU09350500', 'BU09350600'] });

    const s = await answerOf(await t.client.stats.$get({ query: { gemeente: 'GM0935', from: '2024-01', to: '2024-12', area: String(created.body.id) } }));
    expect(s.rows.map((r) => r.code).sort()).toEqual(['BU09350500', 'BU09350600']);
    const area = defined(s.meta.area, 'meta.area');
    const total = area.total;
    expect(total.count).toBe(s.rows.reduce((n, r) => n + defined(r.count), 0));
    expect(total.population).toBe(15 + 2875);
    expect(total.ratePer1000).toBeCloseTo((defined(total.count) / defined(total.population)) * 1000, 1);
    expect(area).toMatchObject({ id: created.body.id, name: 'KVO Beatrixhaven-Randwyck', kind: 'kvo' });

    const centrum = await post({ name: 'Centrum', gemeente: 'GM0935', kind: 'overig', codes: ['WK093500'] });
    expect(centrum.body.codes).toHaveLength(7);
    const w = await answerOf(await t.client.stats.$get({ query: { gemeente: 'GM0935', level: 'wijk', from: '2024-01', to: '2024-12', area: String(centrum.body.id) } }));
    expect(w.rows.map((r) => r.code)).toEqual(['WK093500']);
    expect(w.meta.area?.total.count).toBe(w.rows[0].count);
  });

  it('from an RD New polygon: reprojected, covering the buurt whose interior point is inside', async () => {
    const created = await post({ name: 'Cameratoezicht Binnenstad', gemeente: 'GM0935', kind: 'camera', geometry: rdSquareAround('BU09350000', 60) });
    expect(created.status).toBe(201);
    expect(created.body.codes).toEqual(['BU09350000']);
    expect(created.body.source).toBe('geometry');
    const [lon, lat] = created.body.geometry.coordinates[0][0];
    expect(lon).toBeGreaterThan(5.6);
    expect(lon).toBeLessThan(5.8);
    expect(lat).toBeGreaterThan(50.8);
    expect(lat).toBeLessThan(50.9);
    // The same square in WGS84 gives the same buurten.
    const wgs = await post({ name: 'idem WGS84', gemeente: 'GM0935', kind: 'camera', geometry: created.body.geometry });
    expect(wgs.body.codes).toEqual(['BU09350000']);
    // A big square covers the centre buurten.
    const big = await post({ name: 'groot', gemeente: 'GM0935', kind: 'handhaving', crs: 'EPSG:28992', geometry: rdSquareAround('BU09350000', 900) });
    expect(big.body.codes.length).toBeGreaterThan(3);
    expect(big.body.codes).toContain('BU09350000');

    const list = await answerOf(await t.client['attention-areas'].$get({ query: { gemeente: 'GM0935' } }));
    expect(list.map((a) => a.id)).toContain(created.body.id);
    const id = String(created.body.id);
    await answerOf(await t.client['attention-areas'][':id'].$delete({ param: { id } }));
    await errorOf(await t.client['attention-areas'][':id'].$get({ param: { id } }), 404);
    expect((await errorOf(await t.client.stats.$get({ query: { gemeente: 'GM0935', area: id } }))).parameter).toBe('area');
  });

  const square = (x: number, y: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] });
  const bad: [string, unknown, string][] = [
    ['both codes and geometry', { name: 'x', gemeente: 'GM0935', kind: 'kvo', codes: ['BU09350000'], geometry: square(5.6, 50.8) }, 'codes'],
    ['neither', { name: 'x', gemeente: 'GM0935', kind: 'kvo' }, 'codes'],
    ['unknown kind', { name: 'x', gemeente: 'GM0935', kind: 'park', codes: ['BU09350000'] }, 'kind'],
    ['a Point', { name: 'x', gemeente: 'GM0935', kind: 'kvo', geometry: { type: 'Point', coordinates: [5.69, 50.85] } }, 'geometry.type'],
    ['an open ring', { name: 'x', gemeente: 'GM0935', kind: 'kvo', geometry: { type: 'Polygon', coordinates: [[[5.6, 50.8], [5.7, 50.8], [5.7, 50.9], [5.6, 50.9]]] } }, 'geometry.coordinates.0'],
    ['a polygon far away', { name: 'x', gemeente: 'GM0935', kind: 'kvo', geometry: square(4.0, 52.0) }, 'geometry'],
    ['RD outside NL', { name: 'x', gemeente: 'GM0935', kind: 'kvo', geometry: square(900000, 100000) }, 'geometry'],
    ['a buurt of another gemeente', { name: 'x', gemeente: 'GM0935', kind: 'kvo', codes: ['BU00140000'] }, 'codes'],
  ];
  for (const [what, body, parameter] of bad) {
    it(`400 for ${what}`, async () => {
      const r = await post(body);
      expect(r.status).toBe(400);
      expect(r.body.parameter).toBe(parameter);
    });
  }

  it('stats?area= of another gemeente or a bad id', async () => {
    const a = await post({ name: 'Groningen centrum', gemeente: 'GM0014', kind: 'overig', codes: ['BU00140000'] });
    const stats = async (area: string) => t.client.stats.$get({ query: { gemeente: 'GM0935', area } });
    await errorOf(await stats(String(a.body.id)), 400);
    expect((await errorOf(await stats('abc'), 400)).parameter).toBe('area');
    await errorOf(await stats('99999'), 404);
  });
});

describe('server/data/attention-areas.example.json', () => {
  it('every example can be posted as-is', async () => {
    const fs = await import('node:fs');
    const ex = JSON.parse(fs.readFileSync(new URL('../../server/data/attention-areas.example.json', import.meta.url), 'utf8'));
    for (const a of ex.areas) {
      const r = await post(a);
      expect(r.status, a.name).toBe(201);
      expect(r.body.codes).toEqual(a.codes);
    }
  });
});
