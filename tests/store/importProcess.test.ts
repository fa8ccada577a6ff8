// The PostgreSQL import process (importProcess.ts): a file is stored by the child in one transaction; a bad
// file comes back as the same ImportError and stores nothing; a child killed while its transaction has
// written rows stores nothing and the parent gets an ImportAborted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GROUPS_FILE, ROOT } from '../../server/src/compose.ts';
import { outputDir } from '../../geodata/build.ts';
import { ImportAborted, startImportProcess, type ChildInput } from '../../server/src/store/importProcess.ts';
import { ImportError } from '../../server/src/importers/errors.ts';
import { PostgresStore } from '../../server/src/store/postgres.ts';
import { endClient, loadPgNative } from '../../server/src/store/postgresClient.ts';
import { ensureGeodata } from '../support/testApp.ts';
import { writeExtractRows } from '../support/policeExtract.ts';
import { dropSchema, TEST_DATABASE_URL, throwawaySchema } from '../support/postgres.ts';

const url = TEST_DATABASE_URL;
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-importprocess-'));
afterAll(() => fs.rmSync(WORK, { recursive: true, force: true }));

function extract(name: string, count: number): string {
  const rows = Array.from({ length: count }, (_, i) => `P-${i};${(i % 28) + 1}-${(i % 12) + 1}-2024;1.1.1;Inbraak;Vrijthof;${i % 200};6211LD;${176248 + (i % 40)};${317717 + (i % 30)}`);
  return writeExtractRows(path.join(WORK, name), [...rows, '']);
}

if (!url) {
  console.warn('import process tests skipped: TEST_DATABASE_URL is not set (source .ci/postgres.sh && bvk_pg_setup).');
  describe('PostgreSQL import process', () => {
    it.skip('needs a PostgreSQL server: set TEST_DATABASE_URL', () => {});
  });
} else {
  describe('PostgreSQL import process', () => {
    const schema = throwawaySchema('proc');
    const store = new PostgresStore(url, { schema, revisionTtlMs: 0 });
    afterAll(() => {
      store.close();
      dropSchema(url, schema);
    });
    const input = (file: string): ChildInput => {
      const config = ensureGeodata();
      return { url, schema, geodataDir: outputDir(config.dataDir), sourceDir: config.geodataDir, groupsFile: GROUPS_FILE, file, options: { gemeente: 'GM0935', name: path.basename(file), importedBy: 'beheer', allowPartialMonths: true } };
    };
    const marchCells = () => store.monthlyCells('GM0935').filter((c) => c.period === '2024-03').reduce((s, c) => s + (c.count ?? 0), 0);

    it('stores a file in the child; the parent reads it at once', async () => {
      const report = await startImportProcess(input(extract('goed.csv', 1200))).result;
      expect(report).toMatchObject({ format: 'police-extract', alreadyImported: false, summary: { assigned: 1200 } });
      expect(marchCells()).toBe(100);
      expect(store.listImports().map((i) => i.file)).toContain('goed.csv');
    }, 120_000);

    it('a bad file comes back as an ImportError with line and field, and nothing is stored', async () => {
      const before = { imports: store.listImports().length, revision: store.revision() };
      const error = await startImportProcess(input(path.join(ROOT, 'tests/fixtures/import/cbs-47022NED-bad-lines.csv'))).result.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).issues).toEqual(expect.arrayContaining([expect.objectContaining({ line: 4, field: 'Perioden' })]));
      expect(store.listImports()).toHaveLength(before.imports);
      expect(store.revision()).toBe(before.revision);
    }, 120_000);

    it('a child killed after its transaction has written rows stores nothing', async () => {
      const before = { imports: store.listImports().length, revision: store.revision(), march: marchCells() };
      const proc = startImportProcess(input(extract('gedood.csv', 60_000)));
      const backendPid = await proc.began;
      // A transaction gets an id at its first write: once it has one, rows are written but not committed.
      const watcher = new (loadPgNative())();
      watcher.connectSync(url);
      try {
        while (proc.child.exitCode === null && !watcher.querySync('SELECT backend_xid IS NOT NULL AS wrote FROM pg_stat_activity WHERE pid = $1', [backendPid])[0]?.wrote) {
          await new Promise((r) => setTimeout(r, 5));
        }
      } finally {
        endClient(watcher);
      }
      proc.child.kill('SIGKILL');
      const error = await proc.result.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportAborted);
      expect(store.listImports()).toHaveLength(before.imports);
      expect(store.revision()).toBe(before.revision);
      expect(marchCells()).toBe(before.march);
      // The import lock went with the connection: the next import runs.
      const report = await startImportProcess(input(extract('daarna.csv', 120))).result;
      expect(report.alreadyImported).toBe(false);
    }, 120_000);
  });
}
