// What every import records and answers, whichever store (registrations, survey) it goes to.

export interface ImportRecord {
  file: string;
  sha256: string;
  format: string;
  summary: Record<string, unknown>;
}

export interface ImportOutcome {
  /** The same file (by content hash) was imported before: nothing changed. */
  alreadyImported: boolean;
  /** Rows inserted or whose value changed. */
  changedRows: number;
}
