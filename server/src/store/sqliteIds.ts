// Ids of saved items that are never handed out twice: SQLite's INTEGER PRIMARY KEY takes max(id) + 1,
// so deleting the newest item gave its id (and an old link to it) to the next one. The highest id ever
// given is kept in `meta`; call inside the inserting transaction.
import type Database from 'better-sqlite3';

export function nextId(db: Database.Database, table: string): number {
  db.exec('CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  const key = `last_id:${table}`;
  const max = (db.prepare(`SELECT max(id) AS m FROM ${table}`).get() as { m: number | null }).m ?? 0;
  const last = Number((db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? 0);
  const id = Math.max(max, last) + 1;
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, String(id));
  return id;
}

/** Adds owner columns to a table created before they existed (shared: what the table held was visible to all). */
export function addOwnerColumns(db: Database.Database, table: string, sharedByDefault: boolean): void {
  const cols = new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
  if (!cols.has('created_by')) db.exec(`ALTER TABLE ${table} ADD COLUMN created_by TEXT`);
  if (!cols.has('shared')) db.exec(`ALTER TABLE ${table} ADD COLUMN shared INTEGER NOT NULL DEFAULT ${sharedByDefault ? 1 : 0}`);
}
