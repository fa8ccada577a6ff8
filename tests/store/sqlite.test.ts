// The Store contract against the embedded SQLite store (always runs), in a file so reopen is real.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../server/src/store/sqlite.ts';
import { runStoreContract } from './store.contract.ts';

runStoreContract('SqliteStore', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-store-'));
  return {
    open: () => new SqliteStore(path.join(dir, 'store.sqlite')),
    destroy: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
});

describe('SqliteStore: a file from before imports recorded their changes', () => {
  it('keeps its imports, as not undoable; new imports are', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-store-'));
    try {
      const file = path.join(dir, 'store.sqlite');
      const old = new Database(file);
      old.exec(`CREATE TABLE imports (id INTEGER PRIMARY KEY, file TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE, format TEXT NOT NULL,
        summary TEXT NOT NULL, imported_at TEXT NOT NULL);
        INSERT INTO imports VALUES (1, 'oud.csv', 'old', 'cbs-47022NED', '{"rows":1}', '2024-01-01T00:00:00.000Z');`);
      old.close();
      const s = new SqliteStore(file);
      expect(s.listImports()).toEqual([{ id: 1, file: 'oud.csv', sha256: 'old', format: 'cbs-47022NED', summary: { rows: 1 }, importedAt: '2024-01-01T00:00:00.000Z', importedBy: null, changedRows: null, changesRecorded: false, automatic: false }]);
      expect(s.undoLastImport(1)).toEqual({ ok: false, reason: 'notRecorded' });
      s.applyImport({ file: 'nieuw.csv', sha256: 'new', format: 'yearly-totals', summary: {} }, { yearlyTotals: [{ area: 'BU09350000', year: 2023, count: 1 }] });
      expect(s.listImports().map((i) => [i.id, i.changesRecorded])).toEqual([[1, false], [2, true]]);
      expect(s.undoLastImport(2)).toMatchObject({ ok: true, restoredRows: 1 });
      expect(s.yearlyTotals(null)).toEqual([]);
      s.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SqliteStore: a file from before evaluations had owners', () => {
  it('keeps its evaluations visible to all, owned by nobody; new ones get an owner and a fresh id', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-store-'));
    try {
      const file = path.join(dir, 'store.sqlite');
      const old = new Database(file);
      old.exec(`CREATE TABLE evaluations (id INTEGER PRIMARY KEY, gemeente TEXT NOT NULL, name TEXT NOT NULL, codes TEXT NOT NULL,
        attention_area_id INTEGER, start TEXT NOT NULL, categories TEXT NOT NULL, pre_months INTEGER NOT NULL, post_months INTEGER NOT NULL, created_at TEXT NOT NULL);
        INSERT INTO evaluations VALUES (3, 'GM0935', 'Oud', '["BU09350000"]', NULL, '2024-03', '["1.1.1"]', 24, 12, '2024-05-01T00:00:00.000Z');`);
      old.close();
      const s = new SqliteStore(file);
      const ev = s.features().evaluations;
      expect(ev.get(3)).toMatchObject({ name: 'Oud', createdBy: null, shared: true });
      const nieuw = ev.create({ name: 'Nieuw', gemeente: 'GM0935', codes: ['BU09350001'], attentionAreaId: null, start: '2024-03', categories: ['1.1.1'], preMonths: 24, postMonths: 12, shared: false }, 'ana');
      expect(nieuw).toMatchObject({ id: 4, createdBy: 'ana', shared: false });
      s.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
