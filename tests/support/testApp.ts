// Builds the app against the real open data in GEODATA_SOURCE_DIR, with a fresh in-memory store.
// The derived geodata is built once per test run into .tmp/ (shared by all test files).
import path from 'node:path';
import { loadConfig } from '../../server/src/config.ts';
import { hc } from 'hono/client';
import { createApp, type AppType } from '../../server/src/app.ts';
import { Dataset } from '../../server/src/store/dataset.ts';
import { SqliteStore } from '../../server/src/store/sqlite.ts';
import { seedFromSource } from '../../server/src/store/seed.ts';
import { GROUPS_FILE, ROOT } from '../../server/src/index.ts';
import { buildGeodata, isBuilt, outputDir } from '../../geodata/build.ts';

export const TEST_DATA_DIR = path.join(ROOT, '.tmp/test-data');

export function testConfig() {
  return loadConfig({ ...process.env, DATA_DIR: TEST_DATA_DIR }, ROOT);
}

export function ensureGeodata() {
  const config = testConfig();
  if (!isBuilt(config.geodataDir, config.dataDir)) buildGeodata(config.geodataDir, config.dataDir);
  return config;
}

export function makeTestApp(storeFile = ':memory:', extra: Partial<Parameters<typeof createApp>[0]> = {}) {
  const config = ensureGeodata();
  const store = new SqliteStore(storeFile);
  const dataset = new Dataset(store, outputDir(config.dataDir), config.geodataDir, GROUPS_FILE);
  seedFromSource(store, config.geodataDir, dataset.index);
  const app = createApp({ dataset, lowPopulationThreshold: 200, basemapStyleUrl: '', defaultGemeente: 'GM0935', ...extra });
  const getJson = async <T = any>(url: string): Promise<{ status: number; body: T; headers: Headers }> => {
    const res = await app.request(url);
    return { status: res.status, body: (await res.json()) as T, headers: res.headers };
  };
  /**
   * The typed client of /api (what hono/testing's testClient builds, on the whole app so every
   * middleware runs): a renamed route, parameter or answer field breaks the typecheck of the test.
   */
  const client = hc<AppType>('http://localhost/api', { fetch: (input: RequestInfo | URL, init?: RequestInit) => app.request(input, init) });
  return { app, client, dataset, store, config, getJson };
}
