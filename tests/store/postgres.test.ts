// The Store contract against PostgreSQL, when TEST_DATABASE_URL names a server (.ci/run starts one).
// Each test gets its own schema, dropped afterwards, so test files and reruns never see each other.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.ts';
import { Dataset } from '../../server/src/store/dataset.ts';
import { seedFromSource } from '../../server/src/store/seed.ts';
import { importFile } from '../../server/src/store/importFile.ts';
import { GROUPS_FILE, ROOT } from '../../server/src/index.ts';
import { outputDir } from '../../geodata/build.ts';
import { ensureGeodata, makeTestApp } from '../support/testApp.ts';
import { endClient, loadPgNative, PostgresStore, redact } from '../../server/src/store/postgres.ts';
import { runStoreContract, snapshot } from './store.contract.ts';

const url = process.env.TEST_DATABASE_URL;
let n = 0;
const newSchema = () => `bvk_test_${process.pid}_${Date.now().toString(36)}_${n++}`;

function dropSchema(schema: string) {
  const Client = loadPgNative();
  const c = new Client();
  c.connectSync(url!);
  c.querySync('SET client_min_messages TO warning');
  c.querySync(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  endClient(c);
}

if (!url) {
  console.warn('PostgresStore tests skipped: TEST_DATABASE_URL is not set (e.g. postgres://bvk:bvk@127.0.0.1:5432/bvk_test; .ci/run starts a server and sets it).');
  describe('Store contract: PostgresStore', () => {
    it.skip('needs a PostgreSQL server: set TEST_DATABASE_URL', () => {});
  });
} else {
  runStoreContract('PostgresStore', () => {
    const schema = newSchema();
    return {
      // Small chunks: the failing-import test then fails in a later INSERT than the first.
      open: () => new PostgresStore(url, { schema, revisionTtlMs: 0, chunkRows: 5000 }),
      destroy: () => dropSchema(schema),
    };
  });

  describe('PostgresStore specifics', () => {
    it('another app server sees an import after the revision TTL; its own import at once', async () => {
      const schema = newSchema();
      const a = new PostgresStore(url, { schema, revisionTtlMs: 200 });
      const b = new PostgresStore(url, { schema, revisionTtlMs: 200 });
      try {
        expect(b.revision()).toBe(0);
        a.applyImport({ file: 'x', sha256: 'x', format: 't', summary: {} }, { cells: [{ area: 'BU09350000', type: '1.1.1', period: '2024-01', count: 1 }] });
        expect(a.revision()).toBe(1);
        expect(b.population('GM0935')).toEqual([]);
        await new Promise((r) => setTimeout(r, 250));
        expect(b.revision()).toBe(1);
        // The second server refuses the same file by hash.
        expect(b.applyImport({ file: 'x2', sha256: 'x', format: 't', summary: {} }, {}).alreadyImported).toBe(true);
        expect(snapshot(b)).toEqual(snapshot(a));
      } finally {
        a.close();
        b.close();
        dropSchema(schema);
      }
    });

    it('a bad DATABASE_URL is a clear error without the password', () => {
      expect(() => new PostgresStore('postgres://bvk:geheim@127.0.0.1:1/none')).toThrow(/cannot connect to PostgreSQL at postgres:\/\/bvk:\*\*\*@127\.0\.0\.1:1\/none/);
      expect(redact('postgresql://u:p@h/d')).toBe('postgresql://u:***@h/d');
    });
  });

  describe('the app on PostgreSQL', () => {
    it('answers /api/stats and /api/series exactly as on SQLite, before and after an import; feature stores work', async () => {
      const config = ensureGeodata();
      const schema = newSchema();
      const store = new PostgresStore(url, { schema, revisionTtlMs: 0 });
      try {
        const dataset = new Dataset(store, outputDir(config.dataDir), config.geodataDir, GROUPS_FILE);
        seedFromSource(store, config.geodataDir, dataset.index);
        const pg = createApp({ dataset, lowPopulationThreshold: 200, basemapStyleUrl: '', defaultGemeente: 'GM0935' });
        const lite = makeTestApp();
        const urls = [
          '/api/stats?gemeente=GM0935&level=buurt&from=2024-01&to=2024-12',
          '/api/stats?gemeente=GM0935&level=gemeente&category=1.2.3&from=2024-01&to=2024-03',
          '/api/series?gemeente=GM0935&code=WK093500&category=1.1.1&from=2023-01&to=2024-12',
        ];
        const same = async () => {
          for (const u of urls) {
            const a = await pg.request(u);
            expect(a.status, u).toBe(200);
            expect(await a.json(), u).toEqual(await (await lite.app.request(u)).json());
          }
        };
        await same();
        const file = path.join(ROOT, 'tests/fixtures/import/cbs-47022NED-valid.csv');
        const r = importFile(dataset, file);
        expect(r.changedRows).toBeGreaterThan(0);
        expect(importFile(lite.dataset, file).changedRows).toBe(r.changedRows);
        expect(importFile(dataset, file).alreadyImported).toBe(true);
        await same();
        // Selections still live in the local SQLite file next to the PostgreSQL registrations.
        const post = await pg.request('/api/selections', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'x', gemeente: 'GM0935', codes: ['BU09350000'] }) });
        expect(post.status).toBe(201);
      } finally {
        store.close();
        dropSchema(schema);
      }
    });
  });
}
