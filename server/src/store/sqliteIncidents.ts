// Incident points in the SQLite file (table incidents).
import type Database from 'better-sqlite3';
import type { Incident, IncidentQuery, IncidentStore } from './incidents.ts';
import { journaledTable } from './importChanges.ts';
import { sqliteJournal } from './sqliteImportChanges.ts';

export class SqliteIncidentStore implements IncidentStore {
  constructor(private readonly db: Database.Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS incidents (
        registratienummer TEXT PRIMARY KEY, buurt TEXT NOT NULL, wijk TEXT NOT NULL, gemeente TEXT NOT NULL,
        date TEXT NOT NULL, month TEXT NOT NULL, code TEXT NOT NULL, kind TEXT NOT NULL, omschrijving TEXT,
        straat TEXT NOT NULL, huisnummer TEXT NOT NULL, postcode TEXT NOT NULL, lon REAL NOT NULL, lat REAL NOT NULL);
      CREATE INDEX IF NOT EXISTS incidents_gm_month ON incidents (gemeente, month);
    `);
  }

  upsert(rows: Incident[], importSha?: string): number {
    const st = this.db.prepare(`INSERT INTO incidents VALUES (@registratienummer, @buurt, @wijk, @gemeente, @date, @month, @code, @kind,
      @omschrijving, @straat, @huisnummer, @postcode, @lon, @lat)
      ON CONFLICT (registratienummer) DO UPDATE SET buurt = excluded.buurt, wijk = excluded.wijk, gemeente = excluded.gemeente,
        date = excluded.date, month = excluded.month, code = excluded.code, kind = excluded.kind, omschrijving = excluded.omschrijving,
        straat = excluded.straat, huisnummer = excluded.huisnummer, postcode = excluded.postcode, lon = excluded.lon, lat = excluded.lat`);
    const journal = sqliteJournal(this.db, 'incidents', importSha);
    const columns = journaledTable('incidents').values;
    let n = 0;
    for (const r of rows) n += journal([r.registratienummer], columns.map((c) => r[c as keyof Incident] ?? null), () => st.run(r).changes);
    return n;
  }

  monthsOf(gemeente: string, registratienummers: string[]): string[] {
    const out = new Set<string>();
    // SQLite allows 32,766 parameters per statement; an extract can hold more registrations.
    for (let i = 0; i < registratienummers.length; i += 10_000) {
      const chunk = registratienummers.slice(i, i + 10_000);
      const rows = this.db.prepare(`SELECT DISTINCT month FROM incidents WHERE gemeente = ? AND registratienummer IN (${chunk.map(() => '?').join(',')})`).all(gemeente, ...chunk) as { month: string }[];
      for (const r of rows) out.add(r.month);
    }
    return [...out].sort();
  }

  monthlyCounts(gemeente: string, months: string[]) {
    if (months.length === 0) return [];
    return this.db.prepare(`SELECT buurt AS area, month, code AS type, COUNT(*) AS count FROM incidents
      WHERE gemeente = ? AND month IN (${months.map(() => '?').join(',')}) GROUP BY buurt, month, code`).all(gemeente, ...months) as
      { area: string; month: string; type: string; count: number }[];
  }

  private where(q: IncidentQuery): { sql: string; args: unknown[] } {
    const parts = ['gemeente = ?', 'month BETWEEN ? AND ?'];
    const args: unknown[] = [q.gemeente, q.from, q.to];
    if (q.wijken) { parts.push(`wijk IN (${q.wijken.map(() => '?').join(',') || "''"})`); args.push(...q.wijken); }
    if (q.buurt) { parts.push('buurt = ?'); args.push(q.buurt); }
    parts.push(`code IN (${q.codes.map(() => '?').join(',') || "''"})`);
    args.push(...q.codes);
    return { sql: parts.join(' AND '), args };
  }

  query(q: IncidentQuery, limit: number): Incident[] {
    const w = this.where(q);
    return this.db.prepare(`SELECT * FROM incidents WHERE ${w.sql} ORDER BY date DESC, registratienummer LIMIT ?`).all(...w.args, limit) as Incident[];
  }

  streets(q: IncidentQuery): { straat: string; count: number }[] {
    const w = this.where(q);
    return this.db.prepare(`SELECT straat, COUNT(*) AS count FROM incidents WHERE ${w.sql} GROUP BY straat ORDER BY count DESC, straat`).all(...w.args) as
      { straat: string; count: number }[];
  }

  hasAny(gemeente: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM incidents WHERE gemeente = ? LIMIT 1').get(gemeente);
  }
}
