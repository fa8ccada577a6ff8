// Saved effect evaluations: the definition an analist gave (treated buurten, start, categories,
// periods). The result is computed from the current registrations each time it is read, so a new
// import updates it. Engines: sqliteEvaluations.ts, and the PostgreSQL twin in postgresFeatures.ts.

export interface EvaluationInput {
  name: string;
  gemeente: string;
  /** The treated buurten (from the request's codes, or the attention area's buurten at creation). */
  codes: string[];
  attentionAreaId: number | null;
  /** First month of the approach, 'YYYY-MM'. */
  start: string;
  categories: string[];
  preMonths: number;
  postMonths: number;
  /** Visible to the other accounts (default true); false keeps it to its owner and the beheerders. */
  shared?: boolean;
}

export interface StoredEvaluation extends Omit<EvaluationInput, 'shared'> {
  id: number;
  /** Who saved it (null: saved before owners were recorded). */
  createdBy: string | null;
  shared: boolean;
  createdAt: string;
}

export interface EvaluationStore {
  create(input: EvaluationInput, createdBy: string | null): StoredEvaluation;
  list(gemeente?: string): StoredEvaluation[];
  get(id: number): StoredEvaluation | undefined;
  /** true when something was deleted */
  delete(id: number): boolean;
}
