// SQL helpers shared by the PostgreSQL stores (registrations, accounts, feature tables).
import { JOURNALED, journaledTable } from './importChanges.ts';

/** Runs one statement on the store's single connection (pg-native's querySync). */
export type Query = (sql: string, params?: unknown[]) => Record<string, unknown>[];

/** A PostgreSQL array literal: every element quoted (backslash and quote escaped), null as NULL. */
export function arrayLiteral(values: unknown[]): string {
  return `{${values.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
}

/** A timestamptz column as the string Date.prototype.toISOString() gives, which the SQLite stores keep. */
export const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface BulkWrite {
  table: string;
  cols: string[];
  /** PostgreSQL type of each column, for its array parameter. */
  types: string[];
  /** ON CONFLICT target; rows repeating a key keep the last one (a statement may touch a row once). */
  key?: string[];
  /** Columns replaced on conflict. */
  update?: string[];
  /** Count (and write) a conflicting row only when an `update` column differs. */
  onlyChanged?: boolean;
  /** INSERT … OVERRIDING SYSTEM VALUE: keeps given identity ids (taking over a SQLite file). */
  keepIds?: boolean;
  /** Content hash of the import writing the rows: what they overwrite is recorded for its undo
   * (importChanges.ts); the table must be one of JOURNALED. */
  journal?: string;
}

/**
 * INSERT (… ON CONFLICT DO UPDATE) of many rows, `chunkRows` per statement, each column sent as one
 * array parameter (unnest: about twice as fast as json_to_recordset here). Returns the rows written.
 */
export function writeRows(q: Query, w: BulkWrite, rows: Record<string, unknown>[], chunkRows: number): number {
  if (rows.length === 0) return 0;
  let unique = rows;
  if (w.key) {
    const byKey = new Map<string, Record<string, unknown>>();
    for (const r of rows) byKey.set(w.key.map((k) => r[k]).join('\u0000'), r);
    unique = [...byKey.values()];
  }
  const update = w.update ?? [];
  const distinct = (side: string) => `(${update.map((c) => `${side}.${c}`).join(', ')})`;
  const conflict = !w.key ? '' : update.length === 0 ? `ON CONFLICT (${w.key.join(', ')}) DO NOTHING`
    : `ON CONFLICT (${w.key.join(', ')}) DO UPDATE SET ${update.map((c) => `${c} = excluded.${c}`).join(', ')}` +
      (w.onlyChanged ? ` WHERE ${distinct(w.table)} IS DISTINCT FROM ${distinct('excluded')}` : '');
  const sql = `WITH written AS (
      INSERT INTO ${w.table} (${w.cols.join(', ')}) ${w.keepIds ? 'OVERRIDING SYSTEM VALUE' : ''}
      SELECT * FROM unnest(${w.cols.map((_, i) => `$${i + 1}::${w.types[i]}[]`).join(', ')})
      ${conflict}
      RETURNING 1)
    SELECT count(*)::int AS n FROM written`;
  const journal = w.journal === undefined ? null : journalSql(w);
  let n = 0;
  for (let i = 0; i < unique.length; i += chunkRows) {
    const chunk = unique.slice(i, i + chunkRows);
    const params = w.cols.map((c) => arrayLiteral(chunk.map((r) => r[c])));
    if (journal) q(journal, [...params, w.journal]);
    n += Number(q(sql, params)[0].n);
  }
  return n;
}

/** Before a chunk is written: the rows of it that are new, or whose values will change, with their
 * values before (null: new); the first write of a row by this import wins. */
function journalSql(w: BulkWrite): string {
  const t = journaledTable(w.table);
  const row = (side: string, cols: readonly string[]) => `(${cols.map((c) => `${side}.${c}`).join(', ')})`;
  return `INSERT INTO import_changes (import_sha, tbl, key, previous)
    SELECT $${w.cols.length + 1}, '${t.table}', jsonb_build_array${row('n', t.key)},
      CASE WHEN o.${t.key[0]} IS NULL THEN NULL ELSE jsonb_build_array${row('o', t.values)} END
    FROM unnest(${w.cols.map((_, i) => `$${i + 1}::${w.types[i]}[]`).join(', ')}) AS n(${w.cols.join(', ')})
    LEFT JOIN ${t.table} o ON ${t.key.map((k) => `o.${k} = n.${k}`).join(' AND ')}
    WHERE o.${t.key[0]} IS NULL OR ${row('o', t.values)} IS DISTINCT FROM ${row('n', t.values)}
    ON CONFLICT DO NOTHING`;
}

/** Puts back what the import `sha` overwrote (deleting what it inserted) and forgets its journal;
 * answers the rows restored. */
export function undoJournal(q: Query, sha: string): number {
  let restored = 0;
  for (const t of JOURNALED) {
    const match = `c.import_sha = $1 AND c.tbl = '${t.table}' AND ${t.key.map((k, i) => `o.${k} = (c.key->>${i})::${t.types[k]}`).join(' AND ')}`;
    restored += Number(q(`WITH d AS (DELETE FROM ${t.table} o USING import_changes c WHERE ${match} AND c.previous IS NULL RETURNING 1)
      SELECT count(*)::int AS n FROM d`, [sha])[0].n);
    restored += Number(q(`WITH u AS (UPDATE ${t.table} o SET ${t.values.map((v, i) => `${v} = (c.previous->>${i})::${t.types[v]}`).join(', ')}
      FROM import_changes c WHERE ${match} AND c.previous IS NOT NULL RETURNING 1)
      SELECT count(*)::int AS n FROM u`, [sha])[0].n);
  }
  q('DELETE FROM import_changes WHERE import_sha = $1', [sha]);
  return restored;
}
