// Saved selections in the SQLite file (table selections).
import type Database from 'better-sqlite3';
import type { Selection, SelectionInput, SelectionStore } from './selections.ts';
import { addOwnerColumns, nextId } from './sqliteIds.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS selections (
  id INTEGER PRIMARY KEY, gemeente TEXT NOT NULL, name TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
  codes TEXT NOT NULL, criteria TEXT, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS selections_gm ON selections (gemeente);
`;

type Raw = { id: number; gemeente: string; name: string; note: string; codes: string; criteria: string | null; created_at: string; created_by: string | null; shared: number };

const fromRaw = (r: Raw): Selection => ({
  id: r.id,
  name: r.name,
  note: r.note,
  gemeente: r.gemeente,
  codes: JSON.parse(r.codes) as string[],
  criteria: r.criteria === null ? null : (JSON.parse(r.criteria) as Record<string, unknown>),
  createdBy: r.created_by,
  shared: r.shared !== 0,
  createdAt: r.created_at,
});

export class SqliteSelectionStore implements SelectionStore {
  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
    this.db.exec(SCHEMA);
    addOwnerColumns(this.db, 'selections', true);
  }

  create(input: SelectionInput, createdBy: string | null): Selection {
    const id = this.db.transaction(() => {
      const id = nextId(this.db, 'selections');
      this.db
        .prepare('INSERT INTO selections (id, gemeente, name, note, codes, criteria, created_at, created_by, shared) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, input.gemeente, input.name, input.note ?? '', JSON.stringify(input.codes), input.criteria === undefined ? null : JSON.stringify(input.criteria),
          new Date().toISOString(), createdBy, input.shared === false ? 0 : 1);
      return id;
    }).immediate();
    return this.get(id)!;
  }

  list(gemeente?: string): Selection[] {
    const rows = gemeente
      ? (this.db.prepare('SELECT * FROM selections WHERE gemeente = ? ORDER BY id').all(gemeente) as Raw[])
      : (this.db.prepare('SELECT * FROM selections ORDER BY id').all() as Raw[]);
    return rows.map(fromRaw);
  }

  get(id: number): Selection | undefined {
    const r = this.db.prepare('SELECT * FROM selections WHERE id = ?').get(id) as Raw | undefined;
    return r && fromRaw(r);
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM selections WHERE id = ?').run(id).changes > 0;
  }
}
