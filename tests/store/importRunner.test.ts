// ImportRunner on both engines: on SQLite the import runs in a worker thread with its own connection; its
// totals are served by the main thread's dataset at once (on PostgreSQL even with a revision cache that
// would otherwise answer from memory), a refused file comes back as the same ImportError and writes nothing, a second import meanwhile
// is refused, and audit rows written meanwhile are held and written afterwards with their own time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { composeDataset, ROOT } from '../../server/src/compose.ts';
import { outputDir } from '../../geodata/build.ts';
import { ImportBusy, ImportRunner } from '../../server/src/store/importRunner.ts';
import { ImportError } from '../../server/src/importers/errors.ts';
import { SqliteStore } from '../../server/src/store/sqlite.ts';
import { PostgresStore } from '../../server/src/store/postgres.ts';
import type { Store } from '../../server/src/store/store.ts';
import { ensureGeodata } from '../support/testApp.ts';
import { writeExtractRows } from '../support/policeExtract.ts';
import { dropSchema, TEST_DATABASE_URL, throwawaySchema } from '../support/postgres.ts';

const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-runner-'));
afterAll(() => fs.rmSync(WORK, { recursive: true, force: true }));
const fixture = (name: string) => path.join(ROOT, 'tests/fixtures/import', name);

const extract = (name: string, rows: string[]) => writeExtractRows(path.join(WORK, name), rows);

/** `worker`: whether the engine imports off the event loop (a worker thread on SQLite, a child process on PostgreSQL). */
function runnerContract(engine: string, worker: boolean, open: () => { store: Store; done: () => void }) {
  describe(`ImportRunner on ${engine}`, () => {
    it('imports in a worker; the main thread serves the new totals at once; one import at a time', async () => {
      const config = ensureGeodata();
      const { store, done } = open();
      try {
        expect(store.location()).not.toBeNull();
        const ds = composeDataset(store, { geodataDir: outputDir(config.dataDir), sourceDir: config.geodataDir });
        const march = () => ds.figures('GM0935', 'buurt', '0.0.0', '2024-03', '2024-03').figures.find((f) => f.code === 'BU09350000')!.current.count;
        const before = march();
        const runner = new ImportRunner(ds);
        const users = runner.deferAudits(store.users());
        const file = extract('maart.csv', ['P-1;05-03-2024;1.1.1;Inbraak;Vrijthof;1;6211LD;176248;317717', 'P-2;06-03-2024;1.1.1;Inbraak;Vrijthof;2;6211LD;176248;317717']);
        const running = runner.run(file, { gemeente: 'GM0935', name: 'maart.csv', importedBy: 'beheer', allowPartialMonths: true });
        let heldAt = '';
        if (worker) {
          await expect(runner.run(file, { gemeente: 'GM0935' })).rejects.toThrow(ImportBusy);
          expect(() => runner.assertIdle()).toThrow(/er loopt al een import \(maart\.csv, door beheer/);
          users.audit({ username: 'ana', role: 'analist', action: 'incidents', resource: '/api/incidents', detail: {} });
          heldAt = new Date().toISOString();
          expect(store.users().auditLog(10, { username: 'ana' })).toEqual([]);
        }
        const report = await running;
        expect(report).toMatchObject({ format: 'police-extract', alreadyImported: false, summary: { assigned: 2 } });
        expect(march()).toBe(2);
        expect(before).not.toBe(2);
        if (worker) {
          const held = store.users().auditLog(10, { username: 'ana' });
          expect(held).toHaveLength(1);
          expect(held[0].at <= heldAt).toBe(true);
        }

        const rev = store.revision();
        const imports = store.listImports().length;
        let err: unknown;
        try {
          await runner.run(fixture('cbs-47022NED-bad-lines.csv'), { gemeente: 'GM0935', name: 'fout.csv' });
        } catch (e) {
          err = e;
        }
        expect(err).toBeInstanceOf(ImportError);
        expect((err as ImportError).file).toBe(fixture('cbs-47022NED-bad-lines.csv'));
        expect((err as ImportError).issues).toEqual(expect.arrayContaining([expect.objectContaining({ line: 4, field: 'Perioden' })]));
        expect(store.revision()).toBe(rev);
        expect(store.listImports()).toHaveLength(imports);
        expect(() => runner.assertIdle()).not.toThrow();
      } finally {
        done();
      }
    });
  });
}

runnerContract('SQLite', true, () => {
  const store = new SqliteStore(path.join(WORK, `store-${Date.now()}.sqlite`));
  return { store, done: () => store.close() };
});

const url = TEST_DATABASE_URL;
if (url) {
  runnerContract('PostgreSQL', true, () => {
    const schema = throwawaySchema('runner');
    // A revision cache of a minute: only forgetRevision() makes the worker's import visible at once.
    const store = new PostgresStore(url, { schema, revisionTtlMs: 60_000 });
    return {
      store,
      done: () => {
        store.close();
        dropSchema(url, schema);
      },
    };
  });
} else {
  describe('ImportRunner on PostgreSQL', () => {
    it.skip('needs a PostgreSQL server: set TEST_DATABASE_URL', () => {});
  });
}
