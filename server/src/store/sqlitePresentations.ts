// Presentations in the SQLite file (table presentations).
import type Database from 'better-sqlite3';
import type { Presentation, PresentationInput, PresentationStore, PresentationView } from './presentations.ts';
import { addOwnerColumns, nextId } from './sqliteIds.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS presentations (
  id INTEGER PRIMARY KEY, gemeente TEXT NOT NULL, title TEXT NOT NULL, views TEXT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS presentations_gm ON presentations (gemeente);
`;

type Raw = { id: number; gemeente: string; title: string; views: string; created_at: string; updated_at: string; created_by: string | null; shared: number };

const fromRaw = (r: Raw): Presentation => ({
  id: r.id,
  title: r.title,
  gemeente: r.gemeente,
  views: JSON.parse(r.views) as PresentationView[],
  createdBy: r.created_by,
  shared: r.shared !== 0,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class SqlitePresentationStore implements PresentationStore {
  constructor(private readonly db: Database.Database) {
    this.db.exec(SCHEMA);
    addOwnerColumns(this.db, 'presentations', true);
  }

  create(input: PresentationInput, createdBy: string | null): Presentation {
    const now = new Date().toISOString();
    const id = this.db.transaction(() => {
      const id = nextId(this.db, 'presentations');
      this.db
        .prepare('INSERT INTO presentations (id, gemeente, title, views, created_at, updated_at, created_by, shared) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, input.gemeente, input.title, JSON.stringify(input.views), now, now, createdBy, input.shared === false ? 0 : 1);
      return id;
    }).immediate();
    return this.get(id)!;
  }

  list(gemeente?: string): Presentation[] {
    const rows = gemeente
      ? (this.db.prepare('SELECT * FROM presentations WHERE gemeente = ? ORDER BY id').all(gemeente) as Raw[])
      : (this.db.prepare('SELECT * FROM presentations ORDER BY id').all() as Raw[]);
    return rows.map(fromRaw);
  }

  get(id: number): Presentation | undefined {
    const r = this.db.prepare('SELECT * FROM presentations WHERE id = ?').get(id) as Raw | undefined;
    return r && fromRaw(r);
  }

  update(id: number, input: PresentationInput): Presentation | undefined {
    const changed = this.db
      .prepare('UPDATE presentations SET gemeente = ?, title = ?, views = ?, updated_at = ?, shared = coalesce(?, shared) WHERE id = ?')
      .run(input.gemeente, input.title, JSON.stringify(input.views), new Date().toISOString(), input.shared === undefined ? null : input.shared ? 1 : 0, id).changes;
    return changed > 0 ? this.get(id) : undefined;
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM presentations WHERE id = ?').run(id).changes > 0;
  }
}
