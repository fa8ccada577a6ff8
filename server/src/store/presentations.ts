// Saved presentations ("draaiboeken"): an ordered list of map views an analist prepares for a
// stadsdeel meeting, in the same SQLite file as everything else (own table).
import type Database from 'better-sqlite3';
import type { Level, Measure } from '../domain/model.ts';

export type PresentationLayer = 'choropleth' | 'hotspots' | 'survey' | 'bivariate';

export interface PresentationView {
  title: string;
  caption: string;
  /** The area in focus; `gemeente` is derived from the codes on the server. */
  focus: { level: Level; codes: string[]; gemeente: string };
  measure: Measure;
  category: string;
  from: string; // YYYY-MM
  to: string;
  layers: PresentationLayer[];
}

export interface PresentationInput {
  title: string;
  /** The gemeente of the first view; used to list a gemeente's presentations. */
  gemeente: string;
  views: PresentationView[];
}

export interface Presentation extends PresentationInput {
  id: number;
  createdAt: string;
  updatedAt: string;
}

export interface PresentationStore {
  create(input: PresentationInput): Presentation;
  list(gemeente?: string): Presentation[];
  get(id: number): Presentation | undefined;
  /** undefined when the id does not exist */
  update(id: number, input: PresentationInput): Presentation | undefined;
  /** true when something was deleted */
  delete(id: number): boolean;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS presentations (
  id INTEGER PRIMARY KEY, gemeente TEXT NOT NULL, title TEXT NOT NULL, views TEXT NOT NULL,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS presentations_gm ON presentations (gemeente);
`;

type Raw = { id: number; gemeente: string; title: string; views: string; created_at: string; updated_at: string };

const fromRaw = (r: Raw): Presentation => ({
  id: r.id,
  title: r.title,
  gemeente: r.gemeente,
  views: JSON.parse(r.views) as PresentationView[],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export class SqlitePresentationStore implements PresentationStore {
  constructor(private readonly db: Database.Database) {
    this.db.exec(SCHEMA);
  }

  create(input: PresentationInput): Presentation {
    const now = new Date().toISOString();
    const info = this.db
      .prepare('INSERT INTO presentations (gemeente, title, views, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(input.gemeente, input.title, JSON.stringify(input.views), now, now);
    return this.get(Number(info.lastInsertRowid))!;
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
      .prepare('UPDATE presentations SET gemeente = ?, title = ?, views = ?, updated_at = ? WHERE id = ?')
      .run(input.gemeente, input.title, JSON.stringify(input.views), new Date().toISOString(), id).changes;
    return changed > 0 ? this.get(id) : undefined;
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM presentations WHERE id = ?').run(id).changes > 0;
  }
}
