// The PostgreSQL import process (store/importProcess.ts): a child process with its own connection imports a
// file in one transaction. A good file is stored and its report comes back; a bad file comes back as the
// same ImportError (file, line, field) with nothing stored; a child killed in the middle of its transaction
// is an ImportAborted and leaves nothing behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { composeDataset, ROOT } from '../../server/src/compose.ts';
import { outputDir } from '../../geodata/build.ts';
import { ImportAborted, startImportProcess, type ChildInput } from '../../server/src/store/importProcess.ts';
import { ImportError } from '../../server/src/importers/errors.ts';
import { PostgresStore } from '../../server/src/store/postgres.ts';
import { endClient, loadPgNative } from '../../server/src/store/postgresClient.ts';
import { ensureGeodata } from '../support/testApp.ts';

const url = process.env.TEST_DATABASE_URL;
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-importprocess-'));
afterAll(() => fs.rmSync(WORK, { recursive: true, force: true }));
const fixture = (name: string) => path.join(ROOT, 'tests/fixtures/import', name);

function extract(name: string, lines: string[]): string {
  const file = path.join(WORK, name);
  fs.writeFileSync(file, ['registratienummer;datum;code;omschrijving;straat;huisnummer;postcode;x;y', ...lines].join('\r\n'));
  return file;
}

function connect() {
  const c = new (loadPgNative())();
  c.connectSync(url!);
  c.querySync('SET client_min_messages TO warning');
  return c;
}

if (!url) {
  console.warn('Import process tests skipped: TEST_DATABASE_URL is not set (e.g. postgres://bvk:bvk@127.0.0.1:5432/bvk_test; .ci/run starts a server and sets it).');
  describe('import process (PostgreSQL)', () => {
    it.skip('needs a PostgreSQL server: set TEST_DATABASE_URL', () => {});
  });
} else {
  describe('import process (PostgreSQL)', () => {
    const schema = `bvk_process_${process.pid}_${Date.now().toString(36)}`;
    const store = new PostgresStore(url, { schema, revisionTtlMs: 0 });
    const config = ensureGeodata();
    const ds = composeDataset(store, { geodataDir: outputDir(config.dataDir), sourceDir: config.geodataDir });
    const input = (file: string, name: string): ChildInput => ({
      url,
      schema,
      geodataDir: ds.geodataDir,
      sourceDir: ds.sourceDir,
      groupsFile: ds.groupsFile,
      file,
      options: { gemeente: 'GM0935', name, importedBy: 'beheer', allowPartialMonths: true },
    });
    const incidents = () => {
      const c = connect();
      try {
        return Number(c.querySync(`SELECT count(*) AS n FROM ${schema}.incidents`)[0].n);
      } finally {
        endClient(c);
      }
    };
    afterAll(() => {
      store.close();
      const c = connect();
      c.querySync(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      endClient(c);
    });

    it('stores a good file and answers its report', async () => {
      const file = extract('maart.csv', ['P-1;05-03-2024;1.1.1;Inbraak;Vrijthof;1;6211LD;176248;317717', 'P-2;06-03-2024;1.1.1;Inbraak;Vrijthof;2;6211LD;176248;317717']);
      const report = await startImportProcess(input(file, 'maart.csv')).result;
      expect(report).toMatchObject({ format: 'police-extract', alreadyImported: false, changedRows: expect.any(Number) });
      store.forgetRevision();
      expect(store.listImports().map((i) => [i.file, i.importedBy])).toEqual([['maart.csv', 'beheer']]);
      expect(incidents()).toBe(2);
    });

    it('answers a bad file with its ImportError and stores nothing', async () => {
      const before = store.listImports().length;
      const rev = store.revision();
      const err = await startImportProcess(input(fixture('cbs-47022NED-bad-lines.csv'), 'fout.csv')).result.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ImportError);
      expect((err as ImportError).file).toBe(fixture('cbs-47022NED-bad-lines.csv'));
      expect((err as ImportError).issues).toEqual(expect.arrayContaining([expect.objectContaining({ line: 4, field: 'Perioden' })]));
      store.forgetRevision();
      expect(store.listImports()).toHaveLength(before);
      expect(store.revision()).toBe(rev);
    });

    it('a child killed inside its transaction is an ImportAborted and leaves nothing behind', async () => {
      const before = store.listImports().length;
      const rows = incidents();
      // Another connection holds the revision row, so the child, having written its points, waits on it at
      // the end of its import: killed there, deterministically, with its writes not yet committed.
      const holder = connect();
      holder.querySync('BEGIN');
      holder.querySync(`SELECT value FROM ${schema}.meta WHERE key = 'revision' FOR UPDATE`);
      try {
        const file = extract('april.csv', ['P-3;05-04-2024;1.1.1;Inbraak;Vrijthof;1;6211LD;176248;317717']);
        const child = startImportProcess(input(file, 'april.csv'));
        const pid = await child.began;
        const watcher = connect();
        try {
          for (;;) {
            const [row] = watcher.querySync('SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1', [pid]);
            if (row?.wait_event_type === 'Lock') break;
            await sleep(50);
          }
        } finally {
          endClient(watcher);
        }
        child.child.kill('SIGKILL');
        const err = await child.result.catch((e: unknown) => e);
        expect(err).toBeInstanceOf(ImportAborted);
        expect((err as ImportAborted).message).toMatch(/SIGKILL/);
      } finally {
        holder.querySync('COMMIT');
        endClient(holder);
      }
      // PostgreSQL rolls the dead connection's transaction back once it notices; until then its rows are
      // invisible anyway (never committed).
      store.forgetRevision();
      expect(store.listImports()).toHaveLength(before);
      expect(incidents()).toBe(rows);
    });
  });
}
