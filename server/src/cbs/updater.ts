// The update from CBS as the running server does it: for the beheerder's button (POST
// /api/imports/cbs-update) and for the monthly schedule (schedule.ts). Shares the one-import-at-a-time lock
// of the uploads, writes the audit trail, and remembers each successful run in the store (versions key
// 'cbs-update'), which the schedule and the Beheer page read.
import type { Config } from '../config.ts';
import type { Dataset } from '../store/dataset.ts';
import type { ImportRunner } from '../store/importRunner.ts';
import type { UserStore } from '../store/users.ts';
import { KERNCIJFERS } from './inhabitants.ts';
import { CbsUpdateError, gemeentenInUse, updateFromCbs, type TableOutcome } from './update.ts';

export type CbsSchedule = Config['CBS_UPDATE_SCHEDULE'];

export interface CbsUpdaterOptions {
  /** Base URL of the police OData v3 service. */
  policeBaseUrl: string;
  /** Base URL of CBS's own OData v3 service (inhabitants); absent: they are not fetched. */
  baseUrl?: string;
  /** Per HTTP request, in milliseconds. */
  timeoutMs: number;
  defaultGemeente: string;
  schedule: CbsSchedule;
  /** Today (tests pin it). */
  now?: () => Date;
}

/** The police tables an update fetches, in words for the beheerder. */
const TABLES = [
  { table: '47022NED', label: 'Misdrijven per buurt, per maand' },
  { table: '47018NED', label: 'Misdrijven per soort, per jaar' },
  { table: '47024NED', label: 'Overlast per buurt, per maand' },
  { table: KERNCIJFERS.table, label: 'Inwoners per buurt, wijk en gemeente' },
] as const;

const KEY = 'cbs-update';

export interface CbsUpdateStatus {
  schedule: CbsSchedule;
  tables: { table: string; label: string }[];
  /** The gemeenten an update fetches: the default gemeente and those with monthly figures. */
  gemeenten: { code: string; naam: string }[];
  /** The last successful update (by the button or the schedule); null: never. */
  lastRun: { at: string; by: string | null } | null;
  /** An import or update runs now. */
  busy: boolean;
}

/** A table's outcome as the Beheer page shows it: named, without the service address (that is for the log). */
export type CbsTableAnswer = Omit<TableOutcome, 'url'> & { label: string };

export interface CbsUpdateAnswer {
  at: string;
  gemeenten: { code: string; naam: string }[];
  tables: CbsTableAnswer[];
  /** One Dutch sentence for the beheerder. */
  summary: string;
}

/** Who started an update: a beheerder on the Beheer page, or the schedule (null). */
export type CbsUpdateCaller = { username: string | null; role: string } | null;

export class CbsUpdater {
  constructor(
    private readonly ds: Dataset,
    private readonly runner: ImportRunner,
    private readonly users: UserStore,
    readonly options: CbsUpdaterOptions,
  ) {}

  /** The last successful update, from the store (so it survives a restart and is shared by app servers). */
  lastRun(): { at: string; by: string | null } | null {
    const v = this.ds.store.features().versions.latest(KEY);
    return v ? { at: v.savedAt, by: v.savedBy } : null;
  }

  status(): CbsUpdateStatus {
    return {
      schedule: this.options.schedule,
      // Inhabitants only where CBS's own service is configured (the server always has it; a test may not).
      tables: TABLES.filter((t) => t.table !== KERNCIJFERS.table || this.options.baseUrl !== undefined).map((t) => ({ ...t })),
      gemeenten: this.named(gemeentenInUse(this.ds, this.options.defaultGemeente)),
      lastRun: this.lastRun(),
      busy: this.runner.busy(),
    };
  }

  /** Whether an import (or update) runs now: the schedule then waits for its next check. */
  busy(): boolean {
    return this.runner.busy();
  }

  /**
   * Fetches and imports the newest figures. Throws ImportBusy while another import runs, CbsUpdateError when
   * CBS cannot be reached or its figures are refused (nothing stored; audited as 'cbs-update-failed').
   *
   * In-process, not in the import worker: the worker imports one file it is handed, while an update first
   * fetches over the network and then imports up to three files in one transaction. That write is small
   * (one month of a few gemeenten: hundreds of rows), so the event loop is held for a moment only.
   */
  async run(caller: CbsUpdateCaller, gemeenten?: string[]): Promise<CbsUpdateAnswer> {
    const chosen = gemeenten ?? gemeentenInUse(this.ds, this.options.defaultGemeente);
    const by = caller?.username ?? null;
    const audit = (action: string, detail: Record<string, unknown>) =>
      this.users.audit({ username: by, role: caller?.role ?? 'automatisch', action, resource: '/api/imports/cbs-update', detail });
    return this.runner.exclusive('nieuwe cijfers van CBS', by, async () => {
      const now = this.options.now?.() ?? new Date();
      let outcomes: TableOutcome[];
      try {
        outcomes = await updateFromCbs(this.ds, { policeBaseUrl: this.options.policeBaseUrl, baseUrl: this.options.baseUrl, gemeenten: chosen, timeoutMs: this.options.timeoutMs, now, importedBy: by, automatic: caller === null });
      } catch (e) {
        if (e instanceof CbsUpdateError) audit('cbs-update-failed', { gemeenten: chosen, reason: e.message });
        throw e;
      }
      const tables = outcomes.map(({ url: _url, ...o }): CbsTableAnswer => ({ ...o, label: TABLES.find((t) => t.table === o.table)?.label ?? o.table }));
      const named = this.named(chosen);
      const summary = summarise(tables, named);
      const saved = this.ds.store.features().versions.save(KEY, { gemeenten: chosen, imported: tables.filter((t) => t.imported).map((t) => t.table) }, by);
      audit('cbs-update', { gemeenten: chosen, imported: tables.filter((t) => t.imported).map((t) => t.table), changedRows: tables.reduce((n, t) => n + t.changedRows, 0), summary });
      return { at: saved.savedAt, gemeenten: named, tables, summary };
    });
  }

  private named(codes: string[]): { code: string; naam: string }[] {
    return codes.map((code) => ({ code, naam: this.ds.gemeente(code)?.naam ?? code }));
  }
}

const MONTH = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** '2026-01' → 'januari 2026'; a year stays a year. */
export function periodLabel(period: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  return m ? MONTH.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1))) : period;
}

function listNl(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
}

/** One sentence: what came in, or that nothing was new. */
function summarise(tables: CbsTableAnswer[], gemeenten: { naam: string }[]): string {
  const where = listNl(gemeenten.map((g) => g.naam));
  const imported = tables.filter((t) => t.imported);
  if (imported.length === 0) {
    const again = tables.some((t) => t.alreadyImported);
    return `Geen nieuwe cijfers bij CBS voor ${where}${again ? ' (de opgehaalde cijfers waren al geïmporteerd)' : ''}; er is niets veranderd.`;
  }
  const parts = imported.map((t) => `${t.label.toLowerCase()} (${listNl(t.periods.map(periodLabel))})`);
  return `Nieuwe cijfers van CBS geïmporteerd voor ${where}: ${listNl(parts)}.`;
}
