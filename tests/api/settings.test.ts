// The settings a beheerder changes without a restart: the low-population threshold (the flags of every
// answer follow at once) and the basemap (the client's configuration and the Content-Security-Policy follow);
// the disclosure control's threshold and the other installation settings are shown, never changed here.
import { beforeAll, describe, expect, it } from 'vitest';
import { SqliteUserStore } from '../../server/src/store/sqliteUsers.ts';
import { makeTestApp } from '../support/testApp.ts';
import { sessions, TEST_PASSWORD as PW } from '../support/sessions.ts';

let t: ReturnType<typeof makeTestApp>;
const { login, send, cookies } = sessions(() => t.app);

type Row = { code: string; flags: string[] };
const lowPopulationCount = async () => {
  const r = await send('ana', 'GET', '/api/stats?gemeente=GM0935&level=buurt&category=0.0.0&from=2024-01&to=2024-12');
  return (r.body.rows as Row[]).filter((x) => x.flags.includes('lowPopulation')).length;
};

beforeAll(async () => {
  t = makeTestApp(':memory:', { suppressionThreshold: 4 });
  const users = new SqliteUserStore(t.store.db);
  users.add('beheer', PW, 'beheerder', []);
  users.add('ana', PW, 'analist', []);
  for (const u of ['beheer', 'ana']) expect(await login(u)).toBe(200);
});

describe('settings without a restart', () => {
  it('only a beheerder reads or changes them', async () => {
    expect((await send('ana', 'GET', '/api/settings')).status).toBe(403);
    expect((await send('ana', 'PUT', '/api/settings', { lowPopulationThreshold: 1, basemap: 'none' })).status).toBe(403);
  });

  it("start as the environment's values, with the fixed ones beside them", async () => {
    const r = await send('beheer', 'GET', '/api/settings');
    expect(r.body).toMatchObject({
      values: { lowPopulationThreshold: 200, basemap: 'none' },
      defaults: { lowPopulationThreshold: 200, basemap: 'none' },
      fixed: { suppressionThreshold: 4, defaultGemeente: 'GM0935', database: 'ingebouwd (SQLite)' },
      history: [],
    });
  });

  it('a new low-population threshold flags more buurten in the next answer; a basemap reaches the configuration and the CSP', async () => {
    const before = await lowPopulationCount();
    const saved = await send('beheer', 'PUT', '/api/settings', { lowPopulationThreshold: 1500, basemap: 'https://tiles.example.nl/styles/kaart.json' });
    expect(saved.status).toBe(200);
    expect(saved.body.history).toHaveLength(1);
    expect(await lowPopulationCount()).toBeGreaterThan(before);
    const config = await send('ana', 'GET', '/api/config');
    expect(config.body).toMatchObject({ lowPopulationThreshold: 1500, basemapStyleUrl: 'https://tiles.example.nl/styles/kaart.json', basemap: { id: 'eigen' }, suppressionThreshold: 4 });
    expect(config.headers.get('Content-Security-Policy')).toMatch(/connect-src 'self' https:\/\/api\.pdok\.nl https:\/\/service\.pdok\.nl https:\/\/tiles\.example\.nl;/);
    // The boundaries' fast path sends the same header.
    const areas = await t.app.request('/api/areas?gemeente=GM0935', { headers: { Cookie: cookies.ana } });
    expect(areas.headers.get('Content-Security-Policy')).toMatch(/https:\/\/tiles\.example\.nl/);
    const audit = (await send('beheer', 'GET', '/api/audit?action=settings-changed')).body.entries as { detail: { before: { lowPopulationThreshold: number }; after: { lowPopulationThreshold: number } } }[];
    expect(audit[0].detail).toMatchObject({ before: { lowPopulationThreshold: 200 }, after: { lowPopulationThreshold: 1500 } });
  });

  it('refuses a bad value or a fixed setting, naming it in Dutch, and changes nothing', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ lowPopulationThreshold: -1, basemap: 'none' }, 'lowPopulationThreshold', /negatief/],
      [{ lowPopulationThreshold: 2.5, basemap: 'none' }, 'lowPopulationThreshold', /heel getal/],
      [{ lowPopulationThreshold: 200, basemap: 'javascript:alert(1)' }, 'basemap', /https-adres/],
      [{ lowPopulationThreshold: 200, basemap: 'http://tiles.example.nl/style.json' }, 'basemap', /https-adres/],
      [{ lowPopulationThreshold: 200, basemap: 'grijs' }, 'basemap', /PDOK-kaarten/],
      [{ lowPopulationThreshold: 200, basemap: 'none', suppressionThreshold: 0 }, 'suppressionThreshold', /installatie/],
    ];
    for (const [body, parameter, message] of cases) {
      const r = await send('beheer', 'PUT', '/api/settings', body);
      expect(r.status, parameter).toBe(400);
      expect(r.body.parameter).toBe(parameter);
      expect(r.body.error).toMatch(message);
    }
    const r = await send('beheer', 'GET', '/api/settings');
    expect(r.body.history).toHaveLength(1);
    expect(r.body.values.lowPopulationThreshold).toBe(1500);
  });

  it('a PDOK preset as the basemap: the client gets its tiles and the choices, the CSP allows PDOK', async () => {
    const saved = await send('beheer', 'PUT', '/api/settings', { lowPopulationThreshold: 1500, basemap: 'pdok-standaard' });
    expect(saved.status).toBe(200);
    const config = await send('ana', 'GET', '/api/config');
    expect(config.body.basemapStyleUrl).toBe('');
    expect(config.body.basemap).toMatchObject({ id: 'pdok-standaard', tiles: 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png', attribution: 'Kadaster / PDOK' });
    expect(config.body.basemaps.map((b: { id: string }) => b.id)).toEqual(['pdok-grijs', 'pdok-standaard', 'pdok-pastel', 'pdok-water', 'luchtfoto', 'none']);
    expect(config.headers.get('Content-Security-Policy')).toMatch(/img-src 'self' data: blob: https:\/\/service\.pdok\.nl/);
    expect((await send('ana', 'GET', '/api/config')).body.suppressionThreshold).toBe(4);
  });
});
