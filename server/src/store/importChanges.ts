// What an import overwrote, so the most recent import can be undone: for every row an import inserts
// or changes, the row's key and its values before (none when the import inserted it), recorded the
// first time that import writes the row, in the same transaction. Both engines keep it in
// `import_changes`, keyed by the import's content hash, which every writer knows before the import's
// record exists (the survey and police-extract writes come before it).

/** A table imports write, with the columns that identify a row and those an import sets. */
export interface JournaledTable {
  table: string;
  key: readonly string[];
  values: readonly string[];
  /** PostgreSQL type of each key and value column (the casts when restoring). */
  types: Readonly<Record<string, string>>;
}

const INCIDENT_VALUES = ['buurt', 'wijk', 'gemeente', 'date', 'month', 'code', 'kind', 'omschrijving', 'straat', 'huisnummer', 'postcode', 'lon', 'lat'] as const;

/** Every table an import writes: registrations, inhabitants, survey results and incident points. */
export const JOURNALED: readonly JournaledTable[] = [
  { table: 'yearly_totals', key: ['area', 'year'], values: ['count'], types: { area: 'text', year: 'integer', count: 'bigint' } },
  { table: 'monthly', key: ['area', 'month', 'type'], values: ['count'], types: { area: 'text', month: 'text', type: 'text', count: 'bigint' } },
  { table: 'yearly_type', key: ['area', 'year', 'type'], values: ['count'], types: { area: 'text', year: 'integer', type: 'text', count: 'bigint' } },
  { table: 'population', key: ['area', 'year'], values: ['inwoners'], types: { area: 'text', year: 'integer', inwoners: 'bigint' } },
  {
    table: 'survey', key: ['area', 'year', 'indicator'], values: ['value', 'lower', 'upper', 'respondents', 'source', 'demo'],
    types: { area: 'text', year: 'integer', indicator: 'text', value: 'float8', lower: 'float8', upper: 'float8', respondents: 'bigint', source: 'text', demo: 'boolean' },
  },
  {
    table: 'incidents', key: ['registratienummer'], values: INCIDENT_VALUES,
    types: { registratienummer: 'text', ...Object.fromEntries(INCIDENT_VALUES.map((c) => [c, c === 'lon' || c === 'lat' ? 'float8' : 'text'])) },
  },
];

export const journaledTable = (table: string): JournaledTable => {
  const t = JOURNALED.find((j) => j.table === table);
  if (!t) throw new Error(`import_changes: no journal for table ${table}`);
  return t;
};

/** Why an import cannot be undone (the store's answer to undoLastImport). */
export type UndoRefusal =
  | { reason: 'unknown' }
  /** Only the most recent import: what later imports wrote on top of it would otherwise be lost. */
  | { reason: 'notLatest'; latestId: number }
  /** Stored before imports recorded what they overwrote. */
  | { reason: 'notRecorded' };
