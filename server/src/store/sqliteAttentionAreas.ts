// Attention areas in the SQLite file (table attention_areas).
import type Database from 'better-sqlite3';
import type { MultiPolygon, Polygon } from 'geojson';
import { addOwnerColumns, nextId } from './sqliteIds.ts';
import { ATTENTION_KINDS, type AttentionArea, type AttentionAreaInput, type AttentionAreaStore, type AttentionKind } from './attentionAreas.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS attention_areas (
  id INTEGER PRIMARY KEY, gemeente TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '', codes TEXT NOT NULL, geometry TEXT, created_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS attention_areas_gm ON attention_areas (gemeente);
`;

type Raw = { id: number; gemeente: string; name: string; kind: AttentionKind; note: string; codes: string; geometry: string | null; created_at: string; created_by: string | null; shared: number };

const fromRaw = (r: Raw): AttentionArea => ({
  id: r.id,
  name: r.name,
  gemeente: r.gemeente,
  kind: r.kind,
  kindNaam: ATTENTION_KINDS[r.kind] ?? r.kind,
  note: r.note,
  codes: JSON.parse(r.codes) as string[],
  geometry: r.geometry === null ? null : (JSON.parse(r.geometry) as Polygon | MultiPolygon),
  source: r.geometry === null ? 'codes' : 'geometry',
  createdBy: r.created_by,
  shared: r.shared !== 0,
  createdAt: r.created_at,
});

export class SqliteAttentionAreaStore implements AttentionAreaStore {
  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
    this.db.exec(SCHEMA);
    addOwnerColumns(this.db, 'attention_areas', true);
  }

  create(input: AttentionAreaInput, createdBy: string | null): AttentionArea {
    const id = this.db.transaction(() => {
      const id = nextId(this.db, 'attention_areas');
      this.db
        .prepare('INSERT INTO attention_areas (id, gemeente, name, kind, note, codes, geometry, created_at, created_by, shared) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(id, input.gemeente, input.name, input.kind, input.note ?? '', JSON.stringify(input.codes), input.geometry ? JSON.stringify(input.geometry) : null,
          new Date().toISOString(), createdBy, input.shared === false ? 0 : 1);
      return id;
    }).immediate();
    return this.get(id)!;
  }

  list(gemeente?: string): AttentionArea[] {
    const rows = gemeente
      ? (this.db.prepare('SELECT * FROM attention_areas WHERE gemeente = ? ORDER BY id').all(gemeente) as Raw[])
      : (this.db.prepare('SELECT * FROM attention_areas ORDER BY id').all() as Raw[]);
    return rows.map(fromRaw);
  }

  get(id: number): AttentionArea | undefined {
    const r = this.db.prepare('SELECT * FROM attention_areas WHERE id = ?').get(id) as Raw | undefined;
    return r && fromRaw(r);
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM attention_areas WHERE id = ?').run(id).changes > 0;
  }
}
