// What every import records and answers, whichever store (registrations, survey) it goes to.

export interface ImportRecord {
  file: string;
  sha256: string;
  format: string;
  summary: Record<string, unknown>;
  /** The beheerder who uploaded it; absent or null: the command line, or a source loaded at start. */
  importedBy?: string | null;
  /** Made by the monthly schedule (CBS_UPDATE_SCHEDULE), not by a person: the history says "automatische update". */
  automatic?: boolean;
}

export interface ImportOutcome {
  /** The same file (by content hash) was imported before: nothing changed. */
  alreadyImported: boolean;
  /** Rows inserted or whose value changed. */
  changedRows: number;
}
