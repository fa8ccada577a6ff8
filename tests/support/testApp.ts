// Builds the app against the real open data in GEODATA_SOURCE_DIR, with a fresh in-memory store seeded
// by the same composition root as the server (server/src/compose.ts).
// The derived geodata is built once per test run into .tmp/ (shared by all test files).
import path from 'node:path';
import { loadConfig } from '../../server/src/config.ts';
import { hc } from 'hono/client';
import { createApp, type AppType } from '../../server/src/app.ts';
import { SqliteStore } from '../../server/src/store/sqlite.ts';
import { composeDataset, ROOT } from '../../server/src/compose.ts';
import { buildGeodata, isBuilt, outputDir } from '../../geodata/build.ts';
import { SqliteUserStore } from '../../server/src/store/sqliteUsers.ts';
import { SESSION_COOKIE } from '../../server/src/http/session.ts';
import type { Role } from '../../server/src/domain/roles.ts';

export const TEST_DATA_DIR = path.join(ROOT, '.tmp/test-data');

export function testConfig() {
  return loadConfig({ ...process.env, DATA_DIR: TEST_DATA_DIR }, ROOT);
}

export function ensureGeodata() {
  const config = testConfig();
  if (!isBuilt(config.geodataDir, config.dataDir)) buildGeodata(config.geodataDir, config.dataDir);
  return config;
}

/**
 * `signedInAs`: an account of that role (username `test-<role>`) is created and every request that
 * brings no Cookie of its own carries its session (open mode only reads).
 */
export function makeTestApp(storeFile = ':memory:', extra: Partial<Parameters<typeof createApp>[0]> = {}, signedInAs?: Role) {
  const config = ensureGeodata();
  const store = new SqliteStore(storeFile);
  const dataset = composeDataset(store, { geodataDir: outputDir(config.dataDir), sourceDir: config.geodataDir });
  const app = createApp({ dataset, lowPopulationThreshold: 200, basemap: 'none', defaultGemeente: 'GM0935', ...extra });
  if (signedInAs) {
    const users = new SqliteUserStore(store.db);
    const user = users.get(`test-${signedInAs}`) ?? users.add(`test-${signedInAs}`, 'correct horse battery', signedInAs, signedInAs === 'wijkagent' ? ['WK093500'] : []);
    const cookie = `${SESSION_COOKIE}=${users.createSession(user.id, 24 * 3600_000)}`;
    const request = app.request;
    app.request = (input, init, ...rest) => {
      const headers = new Headers(init?.headers);
      if (!headers.has('Cookie')) headers.set('Cookie', cookie);
      return request(input, { ...init, headers }, ...rest);
    };
  }
  /**
   * The typed client of /api (what hono/testing's testClient builds, on the whole app so every
   * middleware runs): a renamed route, parameter or answer field breaks the typecheck of the test.
   */
  const client = hc<AppType>('http://localhost/api', { fetch: (input: RequestInfo | URL, init?: RequestInit) => app.request(input, init) });
  return { app, client, dataset, store, config };
}
