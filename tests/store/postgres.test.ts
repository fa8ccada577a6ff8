// The Store contract against PostgreSQL, when TEST_DATABASE_URL names a server (.ci/run starts one).
// Each test gets its own schema, dropped afterwards, so test files and reruns never see each other.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/src/app.ts';
import { importFile } from '../../server/src/store/importFile.ts';
import { composeDataset, ROOT } from '../../server/src/compose.ts';
import { outputDir } from '../../geodata/build.ts';
import { ensureGeodata, makeTestApp } from '../support/testApp.ts';
import { PostgresStore, redact } from '../../server/src/store/postgres.ts';
import { SqliteStore } from '../../server/src/store/sqlite.ts';
import { runStoreContract, snapshot } from './store.contract.ts';
import { dropSchema, runSql, TEST_DATABASE_URL, throwawaySchema } from '../support/postgres.ts';

const url = TEST_DATABASE_URL;
const newSchema = () => throwawaySchema('test');

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
      destroy: () => dropSchema(url!, schema),
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
        dropSchema(url!, schema);
      }
    });

    it('two app servers share the feature tables', () => {
      const schema = newSchema();
      const a = new PostgresStore(url, { schema });
      const b = new PostgresStore(url, { schema });
      try {
        const p = a.features().presentations.create({ title: 'Noord', gemeente: 'GM0935', views: [] }, 'ana');
        expect(b.features().presentations.get(p.id)).toEqual(p);
        b.features().attentionAreas.create({ name: 'VBA', gemeente: 'GM0935', kind: 'vba', codes: ['BU09350000'], geometry: null }, 'ana');
        expect(a.features().attentionAreas.list('GM0935').map((x) => x.name)).toEqual(['VBA']);
        // Ids come from one sequence, whichever server creates.
        const s1 = a.features().selections.create({ name: 'a', gemeente: 'GM0935', codes: ['BU09350000'] }, 'ana');
        const s2 = b.features().selections.create({ name: 'b', gemeente: 'GM0935', codes: ['BU09350000'] }, 'ana');
        expect(s2.id).toBe(s1.id + 1);
      } finally {
        a.close();
        b.close();
        dropSchema(url!, schema);
      }
    });

    it('takes over the feature tables of the local SQLite file once, ids included', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-features-'));
      const featureFile = path.join(dir, 'store.sqlite');
      const schema = newSchema();
      const stores: PostgresStore[] = [];
      try {
        const local = new SqliteStore(featureFile);
        const f = local.features();
        f.selections.create({ name: 'weg', gemeente: 'GM0935', codes: ['BU09350000'] }, 'ana');
        const kept = f.selections.create({ name: 'blijft', gemeente: 'GM0935', codes: ['BU09350000'], criteria: { min: 2 } }, 'ana');
        f.selections.delete(kept.id - 1);
        const area = f.attentionAreas.create({ name: 'Camera', gemeente: 'GM0935', kind: 'camera', codes: ['BU09350000'], geometry: { type: 'Polygon', coordinates: [[[5.6, 50.8], [5.7, 50.8], [5.7, 50.9], [5.6, 50.8]]] } }, 'ana');
        const pres = f.presentations.create({ title: 'Noord', gemeente: 'GM0935', views: [] }, 'ana');
        const evaluation = f.evaluations.create({ name: 'Privé', gemeente: 'GM0935', codes: ['BU09350000'], attentionAreaId: null, start: '2024-03', categories: ['1.1.1'], preMonths: 24, postMonths: 12, shared: false }, 'ana');
        f.survey.applyImport({ file: 's.csv', sha256: 's', format: 'survey', summary: {} }, [
          { area: 'GM0935', year: 2023, indicator: 'onveilig', value: 31.5, lower: null, upper: 33, respondents: 120, source: 'VM', demo: true },
        ]);
        f.incidents.upsert([{ registratienummer: 'P-1', buurt: 'BU09350000', wijk: 'WK093500', gemeente: 'GM0935', date: '2024-03-05', month: '2024-03', code: '1.1.1', kind: 'misdrijf', omschrijving: null, straat: 'Vrijthof', huisnummer: '1', postcode: '6211LD', lon: 5.68, lat: 50.84 }]);
        local.close();

        const open = () => {
          const s = new PostgresStore(url, { schema, featureFile });
          stores.push(s);
          return s.features();
        };
        const pg = open();
        expect(pg.selections.list()).toEqual([kept]);
        expect(pg.attentionAreas.list()).toEqual([area]);
        expect(pg.presentations.get(pres.id)).toEqual(pres);
        expect(pg.evaluations.list()).toEqual([evaluation]);
        expect(pg.survey.rows({ gemeente: 'GM0935' })).toEqual([{ area: 'GM0935', year: 2023, indicator: 'onveilig', value: 31.5, lower: null, upper: 33, respondents: 120, source: 'VM', demo: true }]);
        expect(pg.incidents.hasAny('GM0935')).toBe(true);
        // New ids continue after the ones taken over; a second start copies nothing again, not even
        // into a table emptied since.
        const nieuw = pg.selections.create({ name: 'nieuw', gemeente: 'GM0935', codes: ['BU09350000'] }, 'ana');
        expect(nieuw.id).toBe(kept.id + 1);
        pg.selections.delete(kept.id);
        expect(open().selections.list().map((x) => x.name)).toEqual(['nieuw']);
        pg.selections.delete(nieuw.id);
        pg.presentations.delete(pres.id);
        const third = open();
        expect(third.selections.list()).toEqual([]);
        expect(third.presentations.list()).toEqual([]);
      } finally {
        for (const s of stores) s.close();
        dropSchema(url!, schema);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('evaluations from before owners were recorded (in PostgreSQL or a local file) stay visible to all, owned by nobody', () => {
      const OLD_TABLE = `(id INTEGER PRIMARY KEY, gemeente TEXT NOT NULL, name TEXT NOT NULL, codes TEXT NOT NULL, attention_area_id INTEGER,
        start TEXT NOT NULL, categories TEXT NOT NULL, pre_months INTEGER NOT NULL, post_months INTEGER NOT NULL, created_at TEXT NOT NULL)`;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-features-'));
      const [upgraded, takenOver] = [newSchema(), newSchema()];
      const stores: PostgresStore[] = [];
      try {
        // A database whose evaluations table was made before the owner columns existed.
        runSql(
          url,
          `CREATE SCHEMA ${upgraded}`,
          `CREATE TABLE ${upgraded}.evaluations (id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY, gemeente TEXT NOT NULL, name TEXT NOT NULL,
          codes JSONB NOT NULL, attention_area_id INTEGER, start TEXT NOT NULL, categories JSONB NOT NULL, pre_months INTEGER NOT NULL,
          post_months INTEGER NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
          `INSERT INTO ${upgraded}.evaluations (gemeente, name, codes, start, categories, pre_months, post_months)
          VALUES ('GM0935', 'Oud', '["BU09350000"]', '2024-03', '["1.1.1"]', 24, 12)`,
        );
        const pg = new PostgresStore(url, { schema: upgraded });
        stores.push(pg);
        expect(pg.features().evaluations.list()).toMatchObject([{ id: 1, name: 'Oud', createdBy: null, shared: true }]);
        expect(pg.features().evaluations.create({ name: 'Nieuw', gemeente: 'GM0935', codes: ['BU09350001'], attentionAreaId: null, start: '2024-03', categories: ['1.1.1'], preMonths: 24, postMonths: 12 }, 'ana'))
          .toMatchObject({ id: 2, createdBy: 'ana', shared: true });

        // A local file whose evaluations table was made before the owner columns existed.
        const featureFile = path.join(dir, 'store.sqlite');
        const local = new Database(featureFile);
        local.exec(`CREATE TABLE evaluations ${OLD_TABLE};
          INSERT INTO evaluations VALUES (5, 'GM0935', 'Lokaal', '["BU09350000"]', NULL, '2024-03', '["1.1.1"]', 24, 12, '2024-05-01T00:00:00.000Z');`);
        local.close();
        const taking = new PostgresStore(url, { schema: takenOver, featureFile });
        stores.push(taking);
        expect(taking.features().evaluations.list()).toEqual([
          { id: 5, name: 'Lokaal', gemeente: 'GM0935', codes: ['BU09350000'], attentionAreaId: null, start: '2024-03', categories: ['1.1.1'], preMonths: 24, postMonths: 12,
            createdBy: null, shared: true, createdAt: '2024-05-01T00:00:00.000Z' },
        ]);
      } finally {
        for (const s of stores) s.close();
        dropSchema(url!, upgraded);
        dropSchema(url!, takenOver);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('a police extract import is one PostgreSQL transaction: a failure after the points leaves nothing', () => {
      const config = ensureGeodata();
      const schema = newSchema();
      const store = new PostgresStore(url, { schema, revisionTtlMs: 0 });
      try {
        const dataset = composeDataset(store, { geodataDir: outputDir(config.dataDir), sourceDir: config.geodataDir });
        const file = path.join(ROOT, 'tests/fixtures/import/police-extract-valid.csv');
        const before = snapshot(store);
        const fail = vi.spyOn(store, 'applyImport').mockImplementationOnce(() => {
          throw new Error('PostgreSQL went away');
        });
        expect(() => importFile(dataset, file, { gemeente: 'GM0935', allowPartialMonths: true })).toThrow('PostgreSQL went away');
        fail.mockRestore();
        expect(store.features().incidents.hasAny('GM0935')).toBe(false);
        expect(snapshot(store)).toEqual(before);
        const r = importFile(dataset, file, { gemeente: 'GM0935', allowPartialMonths: true });
        expect(r).toMatchObject({ alreadyImported: false, format: 'police-extract' });
        expect(store.features().incidents.hasAny('GM0935')).toBe(true);
        expect(store.listImports().at(-1)!.format).toBe('police-extract');
      } finally {
        store.close();
        dropSchema(url!, schema);
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
        const dataset = composeDataset(store, { geodataDir: outputDir(config.dataDir), sourceDir: config.geodataDir });
        const pg = createApp({ dataset, lowPopulationThreshold: 200, basemap: 'none', defaultGemeente: 'GM0935' });
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
        // Selections live in PostgreSQL too: another app server on the same database lists them.
        // Open mode only reads: save as an analist.
        const accounts = store.users();
        const session = accounts.createSession(accounts.add('ana', 'correct horse battery', 'analist', []).id, 60_000);
        const post = await pg.request('/api/selections', { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: `bvk_session=${session}` }, body: JSON.stringify({ name: 'x', gemeente: 'GM0935', codes: ['BU09350000'] }) });
        expect(post.status).toBe(201);
        const other = new PostgresStore(url, { schema });
        try {
          expect(other.features().selections.list().map((x) => x.name)).toEqual(['x']);
        } finally {
          other.close();
        }
      } finally {
        store.close();
        dropSchema(url!, schema);
      }
    });
  });
}
