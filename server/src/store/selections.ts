// Saved selections of the workbench (a named shortlist of buurten with a note and the criteria
// used). The SQLite engine is in sqliteSelections.ts, the PostgreSQL one in postgresFeatures.ts.

export interface SelectionInput {
  name: string;
  note?: string;
  gemeente: string;
  codes: string[];
  criteria?: Record<string, unknown>;
  /** Visible to the other accounts (default true); false keeps it to its owner and the beheerders. */
  shared?: boolean;
}

export interface Selection {
  id: number;
  name: string;
  note: string;
  gemeente: string;
  codes: string[];
  criteria: Record<string, unknown> | null;
  /** Who saved it (null: saved before owners were recorded). */
  createdBy: string | null;
  shared: boolean;
  createdAt: string;
}

export interface SelectionStore {
  create(input: SelectionInput, createdBy: string | null): Selection;
  list(gemeente?: string): Selection[];
  get(id: number): Selection | undefined;
  /** true when something was deleted */
  delete(id: number): boolean;
}
