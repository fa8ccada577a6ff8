// Saved effect evaluations in the SQLite file (table evaluations).
import type Database from 'better-sqlite3';
import type { EvaluationInput, StoredEvaluation, EvaluationStore } from './evaluations.ts';
import { addOwnerColumns, nextId } from './sqliteIds.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS evaluations (
  id INTEGER PRIMARY KEY, gemeente TEXT NOT NULL, name TEXT NOT NULL, codes TEXT NOT NULL,
  attention_area_id INTEGER, start TEXT NOT NULL, categories TEXT NOT NULL,
  pre_months INTEGER NOT NULL, post_months INTEGER NOT NULL, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS evaluations_gm ON evaluations (gemeente);
`;

type Raw = {
  id: number; gemeente: string; name: string; codes: string; attention_area_id: number | null; start: string; categories: string;
  pre_months: number; post_months: number; created_at: string; created_by: string | null; shared: number;
};

const fromRaw = (r: Raw): StoredEvaluation => ({
  id: r.id,
  name: r.name,
  gemeente: r.gemeente,
  codes: JSON.parse(r.codes) as string[],
  attentionAreaId: r.attention_area_id,
  start: r.start,
  categories: JSON.parse(r.categories) as string[],
  preMonths: r.pre_months,
  postMonths: r.post_months,
  createdBy: r.created_by,
  shared: r.shared !== 0,
  createdAt: r.created_at,
});

export class SqliteEvaluationStore implements EvaluationStore {
  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
    this.db.exec(SCHEMA);
    addOwnerColumns(this.db, 'evaluations', true);
  }

  create(input: EvaluationInput, createdBy: string | null): StoredEvaluation {
    const id = this.db.transaction(() => {
      const id = nextId(this.db, 'evaluations');
      this.db
        .prepare(`INSERT INTO evaluations (id, gemeente, name, codes, attention_area_id, start, categories, pre_months, post_months, created_at, created_by, shared)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(id, input.gemeente, input.name, JSON.stringify(input.codes), input.attentionAreaId, input.start, JSON.stringify(input.categories), input.preMonths, input.postMonths,
          new Date().toISOString(), createdBy, input.shared === false ? 0 : 1);
      return id;
    }).immediate();
    return this.get(id)!;
  }

  list(gemeente?: string): StoredEvaluation[] {
    const rows = gemeente
      ? (this.db.prepare('SELECT * FROM evaluations WHERE gemeente = ? ORDER BY id').all(gemeente) as Raw[])
      : (this.db.prepare('SELECT * FROM evaluations ORDER BY id').all() as Raw[]);
    return rows.map(fromRaw);
  }

  get(id: number): StoredEvaluation | undefined {
    const r = this.db.prepare('SELECT * FROM evaluations WHERE id = ?').get(id) as Raw | undefined;
    return r && fromRaw(r);
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM evaluations WHERE id = ?').run(id).changes > 0;
  }
}
