// Runs the imports of uploaded files off the event loop: each in a worker thread (importWorker.ts) with its
// own connection to the same SQLite file (WAL mode), or in a child process (importProcess.ts) with its own
// connection to PostgreSQL, so a 300,000-row police extract no longer stops every other user for the
// seconds its parsing, locating and writing take.
// One import at a time; while one runs, the main thread keeps its audit rows in memory and holds its other
// writes back until the worker's write transaction has ended (see the class comment for why).
import { Worker } from 'node:worker_threads';
import type { ImportIssue } from '../importers/errors.ts';
import { importFile, type ImportOptions, type ImportReport } from './importFile.ts';
import { ImportAborted, startImportProcess } from './importProcess.ts';
import type { Dataset } from './dataset.ts';
import type { AuditEntry, UserStore } from './users.ts';
import { OutcomeWatch } from './importOutcome.ts';

/** What the worker is given (structured-cloned). */
export interface WorkerInput {
  /** The SQLite file (WAL): the worker opens a connection of its own to it. */
  storeFile: string;
  geodataDir: string;
  sourceDir: string;
  groupsFile: string;
  cacheDir?: string;
  file: string;
  options: ImportOptions;
  /** One Int32: the write handshake (GATE_*). */
  gate: SharedArrayBuffer;
}

/** What the worker says: it is about to write / has written; and how the import ended. */
export type WorkerMessage =
  | { kind: 'writing' }
  | { kind: 'written' }
  | { kind: 'done'; report: ImportReport }
  | { kind: 'rejected'; file: string; issues: ImportIssue[] }
  | { kind: 'failed'; message: string; stack?: string };

export const GATE_WAITING = 1;
export const GATE_GRANTED = 2;

/** Another import is running: the caller answers 409 with this message. */
export class ImportBusy extends Error {
  override readonly name = 'ImportBusy';
}

/** The running import, as the 409 names it. */
interface Running {
  name: string;
  by: string | null;
  since: Date;
}

/** tsx registered inside the worker before its TypeScript entry is imported: `--import tsx` in a worker's
 * execArgv comes too late on Node 20 (the entry is resolved first), in `npm start` and in vitest alike. */
function startWorker(input: WorkerInput): Worker {
  const entry = new URL('./importWorker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(code, { eval: true, workerData: input, execArgv: [] });
}

/**
 * One import at a time: in a worker thread on a SQLite file, in a child process on PostgreSQL (pg-native
 * cannot load in a thread; runInProcess). An in-memory SQLite store (most tests) imports in-process.
 *
 * A second import while one runs is refused (ImportBusy → 409), not queued: an upload of 250 MB would
 * otherwise hold its request open for minutes behind the first (proxies time out), and whether the second
 * file should still go in is the beheerder's call once the first has answered (an extract replaces whole
 * months; only the latest import can be undone).
 *
 * The worker's write transaction holds SQLite's write lock for as long as it writes: measured 9 s for a
 * 300,000-row police extract on the CI machine. A main-thread write meanwhile would wait in
 * better-sqlite3's busy handler, which sleeps on the event loop itself, and give up with SQLITE_BUSY after
 * busy_timeout (5 s): busy_timeout alone would bring the blocking back. So while an import runs the audit
 * rows that reads write (/api/incidents, /api/streets, /api/mijn-wijk, the wijkbrief, logins) are kept in
 * memory with their own time and written when it ends (deferAudits), and requests that change data wait,
 * asynchronously, for the write transaction to end (writesAllowed). busy_timeout stays as the backstop.
 */
export class ImportRunner {
  private running: Running | null = null;
  private writing: Promise<void> | null = null;
  private heldAudits: { users: UserStore; entry: Omit<AuditEntry, 'id'> }[] = [];

  constructor(private readonly ds: Dataset) {}

  /** Throws ImportBusy while an import runs (an undo, or an upload before its body is read). */
  assertIdle(): void {
    if (this.running) throw new ImportBusy(busyMessage(this.running));
  }

  /**
   * Imports `file` like importFile(), off the event loop. Throws ImportBusy when another import runs, and
   * the worker's ImportError (file, issues) unchanged when the file is refused.
   */
  async run(file: string, options: ImportOptions): Promise<ImportReport> {
    this.assertIdle();
    this.running = { name: options.name ?? file, by: options.importedBy ?? null, since: new Date() };
    try {
      const location = this.ds.store.location();
      if (location === null) return importFile(this.ds, file, options);
      if (location.engine === 'sqlite') return await this.runInWorker(location.file, file, options);
      return await this.runInProcess(location, file, options);
    } finally {
      // Whatever happened in the worker, the next revision() asks the database.
      this.ds.store.forgetRevision();
      this.running = null;
      this.flushAudits();
    }
  }

  /** Whether an import (or an update from CBS) is running now. */
  busy(): boolean {
    return this.running !== null;
  }

  /**
   * Runs `job` as the one import of the moment (ImportBusy when another runs): the update from CBS
   * (cbs/updater.ts), which fetches first and then imports in-process, so an upload and an update never
   * run at once.
   */
  async exclusive<T>(name: string, by: string | null, job: () => Promise<T>): Promise<T> {
    this.assertIdle();
    this.running = { name, by, since: new Date() };
    try {
      return await job();
    } finally {
      this.ds.store.forgetRevision();
      this.running = null;
      this.flushAudits();
    }
  }

  /** Resolves when no import worker holds (or is about to take) the store's write lock. */
  writesAllowed(): Promise<void> {
    return this.writing ?? Promise.resolve();
  }

  /** `users` with audit() held in memory while an import runs (written, in order and with their time, after it). */
  deferAudits(users: UserStore): UserStore {
    const view = Object.create(users) as UserStore;
    view.audit = (entry) => {
      // An in-process import (in-memory store) runs synchronously: nothing else is audited meanwhile.
      if (this.running) this.heldAudits.push({ users, entry: { ...entry, at: entry.at ?? new Date().toISOString() } });
      else users.audit(entry);
    };
    return view;
  }

  private flushAudits(): void {
    const held = this.heldAudits;
    this.heldAudits = [];
    for (const { users, entry } of held) {
      try {
        users.audit(entry);
      } catch (e) {
        console.error(`audit: a held entry (${entry.action} ${entry.resource}) could not be written: ${(e as Error).message}`);
      }
    }
  }

  /**
   * PostgreSQL: in a child process (importProcess.ts), not a thread. Writes here need not wait for it: its
   * transaction holds the import lock and the rows it writes, which only an import or an undo (both refused
   * while it runs) would take. A child that dies without an answer is an ImportAborted; that it wrote nothing
   * is checked, not assumed: a child stopped between its commit and its answer did store the file.
   */
  private async runInProcess(location: { url: string; schema?: string }, file: string, options: ImportOptions): Promise<ImportReport> {
    const ds = this.ds;
    const lastBefore = ds.store.listImports().at(-1)?.id ?? 0;
    try {
      return await startImportProcess({ ...location, geodataDir: ds.geodataDir, sourceDir: ds.sourceDir, groupsFile: ds.groupsFile, cacheDir: ds.cacheDir, file, options }).result;
    } catch (e) {
      if (!(e instanceof ImportAborted)) throw e;
      const name = options.name ?? file;
      const stored = ds.store.listImports().some((i) => i.id > lastBefore && i.file === name && i.importedBy === (options.importedBy ?? null));
      throw new ImportAborted(e.message, stored);
    }
  }

  private runInWorker(storeFile: string, file: string, options: ImportOptions): Promise<ImportReport> {
    const ds = this.ds;
    const gate = new SharedArrayBuffer(4);
    const worker = startWorker({ storeFile, geodataDir: ds.geodataDir, sourceDir: ds.sourceDir, groupsFile: ds.groupsFile, cacheDir: ds.cacheDir, file, options, gate });
    let release: (() => void) | null = null;
    const endWrite = () => {
      release?.();
      release = null;
      this.writing = null;
    };
    return new Promise<ImportReport>((resolve, reject) => {
      const watch = new OutcomeWatch();
      worker.on('message', (m: WorkerMessage) => {
        switch (m.kind) {
          case 'writing': {
            this.writing = new Promise<void>((r) => (release = r));
            const flag = new Int32Array(gate);
            Atomics.store(flag, 0, GATE_GRANTED);
            Atomics.notify(flag, 0);
            break;
          }
          case 'written':
            endWrite();
            break;
          default:
            watch.end(m);
        }
      });
      worker.on('error', (e) => watch.fail(e));
      worker.on('exit', (code) => {
        endWrite();
        watch.settle(resolve, reject, () => new Error(`import worker stopped (exit code ${code}) without an answer`));
      });
    });
  }
}

function busyMessage(r: Running): string {
  const since = r.since.toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return `er loopt al een import (${r.name}${r.by ? `, door ${r.by}` : ''}, sinds ${since}): probeer het opnieuw als die klaar is`;
}
