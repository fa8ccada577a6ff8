// Incident-level registrations from the police's own monthly extract (restricted data): one row per
// registratienummer, already assigned to a buurt. Re-importing a registration replaces it.

export interface Incident {
  registratienummer: string;
  buurt: string;
  wijk: string;
  gemeente: string;
  date: string; // YYYY-MM-DD
  month: string; // YYYY-MM
  code: string;
  kind: 'misdrijf' | 'overlast';
  omschrijving: string | null;
  straat: string;
  huisnummer: string;
  postcode: string;
  lon: number;
  lat: number;
}

export interface IncidentQuery {
  gemeente: string;
  wijken?: string[];
  buurt?: string;
  codes: string[];
  from: string; // YYYY-MM
  to: string;
}

export interface IncidentStore {
  /** With `importSha`, what it overwrites is recorded for that import's undo (importChanges.ts); call it
   * then inside the transaction that records the import. */
  upsert(rows: Incident[], importSha?: string): number;
  /** The months these registrations are stored under now (before an extract moves one to another month). */
  monthsOf(gemeente: string, registratienummers: string[]): string[];
  /** Counts per buurt, month and code for the given months (to rebuild the monthly cells). */
  monthlyCounts(gemeente: string, months: string[]): { area: string; month: string; type: string; count: number }[];
  query(q: IncidentQuery, limit: number): Incident[];
  streets(q: IncidentQuery): { straat: string; count: number }[];
  hasAny(gemeente: string): boolean;
}
