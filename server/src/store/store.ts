// The storage interface. The embedded SQLite store is the default; a server database
// (PostgreSQL) implements the same interface. Everything the app persists goes through here.
import type { AttentionAreaStore } from './attentionAreas.ts';
import type { IncidentStore } from './incidents.ts';
import type { PresentationStore } from './presentations.ts';
import type { SelectionStore } from './selections.ts';
import type { EvaluationStore } from './evaluations.ts';
import type { SurveyStore } from './survey.ts';
import type { UserStore } from './users.ts';
import type { VersionStore } from './versions.ts';
import type { ImportOutcome, ImportRecord } from './imports.ts';
import type { UndoRefusal } from './importChanges.ts';

/** One registration count. `period` is 'YYYY-MM' (month) or 'YYYY' (year); count null = withheld. */
export interface RegistrationCell {
  area: string;
  type: string;
  period: string;
  count: number | null;
}

/** Real yearly total of all registered crime per area (buurt, or gemeente for the official total). */
export interface YearlyTotal {
  area: string;
  year: number;
  count: number | null;
}

export interface PopulationRow {
  area: string;
  year: number;
  inwoners: number | null;
}

export interface StoredImport extends ImportRecord {
  id: number;
  importedAt: string;
  importedBy: string | null;
  automatic: boolean;
  /** Rows it inserted or changed, every table counted once; null when stored before that was recorded. */
  changedRows: number | null;
  /** What it overwrote was recorded (importChanges.ts): false for imports stored before that. */
  changesRecorded: boolean;
}

export type UndoOutcome = { ok: true; undone: StoredImport; restoredRows: number } | ({ ok: false } & UndoRefusal);

export interface ImportData {
  yearlyTotals?: YearlyTotal[];
  cells?: RegistrationCell[];
  population?: PopulationRow[];
}

/** The app's own tables, kept by the same engine (and connection) as the registrations. */
export interface FeatureStores {
  selections: SelectionStore;
  evaluations: EvaluationStore;
  attentionAreas: AttentionAreaStore;
  presentations: PresentationStore;
  /** What a beheerder edits in the browser (targets, settings), every version kept. */
  versions: VersionStore;
  survey: SurveyStore;
  incidents: IncidentStore;
}

/** Where a second connection finds the same data: what an import worker (importRunner.ts) opens. */
export type StoreLocation = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string; schema?: string };

export interface Store {
  /** All or nothing: every row is stored and the import recorded, or nothing is. */
  applyImport(record: ImportRecord, data: ImportData): ImportOutcome;
  /**
   * Runs `fn` (synchronous) all or nothing, one writer at a time (across app servers too), so a
   * feature store's write and applyImport commit together. Nests: a call inside another, applyImport's
   * own included, is a savepoint of the outer one; only the outermost commits.
   */
  transaction<T>(fn: () => T): T;
  /** The feature stores on this store's database (created on first use, then the same ones). */
  features(): FeatureStores;
  /** Accounts, sessions and the audit trail on this store's database (the same one every call). */
  users(): UserStore;
  /** Oldest first. */
  listImports(): StoredImport[];
  /**
   * Reverts import `id` if it is the most recent one and recorded what it overwrote: every row it
   * inserted is deleted, every row it changed gets its previous values back, and its record goes (so
   * the same file may be imported again); all in one transaction, and the revision increases.
   */
  undoLastImport(id: number): UndoOutcome;
  /** Increases with every change; lets caches know when to rebuild. */
  revision(): number;
  /**
   * Drops any remembered revision, so the next revision() asks the database: after another connection
   * (an import worker) changed it, the caches keyed by the revision rebuild at once.
   */
  forgetRevision(): void;
  /** Where another connection opens this store; null when none can (an in-memory database). */
  location(): StoreLocation | null;
  yearlyTotals(gemeente: string | null): YearlyTotal[];
  /** Imported monthly cells (47022NED / 47024NED / police extract aggregates). */
  monthlyCells(gemeente: string | null): RegistrationCell[];
  /** Imported yearly per-type cells (47018NED). */
  yearlyTypeCells(gemeente: string | null): RegistrationCell[];
  population(gemeente: string | null): PopulationRow[];
  close(): void;
}

/** 'BU09350000' | 'WK093500' | 'GM0935' -> 'GM0935'. */
export function gemeenteOf(area: string): string {
  return 'GM' + area.slice(2, 6);
}
