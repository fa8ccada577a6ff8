// The import journal (importChanges.ts) in the SQLite file: recorded row by row as the upserts run,
// restored row by row on undo.
import type Database from 'better-sqlite3';
import { JOURNALED, journaledTable } from './importChanges.ts';

export const IMPORT_CHANGES_SCHEMA = `
CREATE TABLE IF NOT EXISTS import_changes (
  import_sha TEXT NOT NULL, tbl TEXT NOT NULL, key TEXT NOT NULL, previous TEXT,
  PRIMARY KEY (import_sha, tbl, key)) WITHOUT ROWID;
`;

/**
 * Wraps one row's upsert (`write`, answering the rows it changed): when it changed the row, the row's
 * values before are recorded for the import `sha` (null: it was new). Only the first write of a row
 * counts, so a file that repeats a row still restores what was there before the file.
 */
export type JournaledWrite = (key: readonly unknown[], values: readonly unknown[], write: () => number) => number;

export function sqliteJournal(db: Database.Database, table: string, sha: string | undefined): JournaledWrite {
  if (sha === undefined) return (_key, _values, write) => write();
  const t = journaledTable(table);
  const before = db.prepare(`SELECT ${t.values.join(', ')} FROM ${t.table} WHERE ${t.key.map((k) => `${k} = ?`).join(' AND ')}`).raw();
  const note = db.prepare('INSERT OR IGNORE INTO import_changes (import_sha, tbl, key, previous) VALUES (?, ?, ?, ?)');
  return (key, values, write) => {
    const prev = before.get(...key) as unknown[] | undefined;
    const n = write();
    if (n > 0 && (!prev || JSON.stringify(prev) !== JSON.stringify(values))) note.run(sha, t.table, JSON.stringify(key), prev ? JSON.stringify(prev) : null);
    return n;
  };
}

/** Rows the import `sha` inserted or changed (what undo would restore). */
export function sqliteJournalCount(db: Database.Database, sha: string): number {
  return (db.prepare('SELECT count(*) AS n FROM import_changes WHERE import_sha = ?').get(sha) as { n: number }).n;
}

/** Puts back what the import `sha` overwrote and forgets its journal; answers the rows restored. */
export function sqliteUndoJournal(db: Database.Database, sha: string): number {
  let restored = 0;
  const changes = db.prepare('SELECT key, previous FROM import_changes WHERE import_sha = ? AND tbl = ?').raw();
  for (const t of JOURNALED) {
    const rows = changes.all(sha, t.table) as [string, string | null][];
    if (rows.length === 0) continue;
    const where = t.key.map((k) => `${k} = ?`).join(' AND ');
    const remove = db.prepare(`DELETE FROM ${t.table} WHERE ${where}`);
    const restore = db.prepare(`UPDATE ${t.table} SET ${t.values.map((c) => `${c} = ?`).join(', ')} WHERE ${where}`);
    for (const [key, previous] of rows) {
      const k = JSON.parse(key) as unknown[];
      restored += previous === null ? remove.run(...k).changes : restore.run(...(JSON.parse(previous) as unknown[]), ...k).changes;
    }
  }
  db.prepare('DELETE FROM import_changes WHERE import_sha = ?').run(sha);
  return restored;
}
