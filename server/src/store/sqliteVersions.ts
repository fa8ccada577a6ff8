// Versioned documents in the SQLite file (table versions; see versions.ts).
import type Database from 'better-sqlite3';
import type { StoredVersion, VersionStore } from './versions.ts';
import { nextId } from './sqliteIds.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS versions (
  id INTEGER PRIMARY KEY, key TEXT NOT NULL, value TEXT NOT NULL, saved_by TEXT, saved_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS versions_key ON versions (key, id);
`;

type Raw = { id: number; key: string; value: string; saved_by: string | null; saved_at: string };

const fromRaw = (r: Raw): StoredVersion => ({ id: r.id, key: r.key, value: JSON.parse(r.value) as unknown, savedBy: r.saved_by, savedAt: r.saved_at });

export class SqliteVersionStore implements VersionStore {
  constructor(private readonly db: Database.Database) {
    this.db.exec(SCHEMA);
  }

  save(key: string, value: unknown, savedBy: string | null): StoredVersion {
    const id = this.db.transaction(() => {
      const id = nextId(this.db, 'versions');
      this.db.prepare('INSERT INTO versions (id, key, value, saved_by, saved_at) VALUES (?, ?, ?, ?, ?)').run(id, key, JSON.stringify(value), savedBy, new Date().toISOString());
      return id;
    }).immediate();
    return fromRaw(this.db.prepare('SELECT * FROM versions WHERE id = ?').get(id) as Raw);
  }

  latest(key: string): StoredVersion | undefined {
    const r = this.db.prepare('SELECT * FROM versions WHERE key = ? ORDER BY id DESC LIMIT 1').get(key) as Raw | undefined;
    return r && fromRaw(r);
  }

  history(key: string): StoredVersion[] {
    return (this.db.prepare('SELECT * FROM versions WHERE key = ? ORDER BY id DESC').all(key) as Raw[]).map(fromRaw);
  }
}
