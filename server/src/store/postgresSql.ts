// SQL helpers shared by the PostgreSQL stores (registrations, accounts, feature tables).

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
  let n = 0;
  for (let i = 0; i < unique.length; i += chunkRows) {
    const chunk = unique.slice(i, i + chunkRows);
    n += Number(q(sql, w.cols.map((c) => arrayLiteral(chunk.map((r) => r[c]))))[0].n);
  }
  return n;
}
