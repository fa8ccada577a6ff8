// How an import that ran off the event loop (a worker thread on SQLite, a child process on PostgreSQL)
// ended, as the server reads it from the last message: one reading for both, so a rejected file gives
// the same ImportError (file, line, field, reason) whichever engine ran it.
import { ImportError, type ImportIssue } from '../importers/errors.ts';
import type { ImportReport } from './importFile.ts';

export type EndMessage =
  | { kind: 'done'; report: ImportReport }
  | { kind: 'rejected'; file: string; issues: ImportIssue[] }
  | { kind: 'failed'; message: string; stack?: string };

export type ImportOutcome = { ok: true; report: ImportReport } | { ok: false; error: Error };

export function outcomeOf(m: EndMessage): ImportOutcome {
  if (m.kind === 'done') return { ok: true, report: m.report };
  if (m.kind === 'rejected') return { ok: false, error: new ImportError(m.file, m.issues) };
  const error = new Error(m.message);
  if (m.stack) error.stack = m.stack;
  return { ok: false, error };
}

/**
 * The ending of an import that runs in a thread or process, kept until that thread or process exits: only the
 * exit says nothing more will come (a worker's last write, a child's rollback), so only then is it settled.
 */
export class OutcomeWatch {
  private outcome: ImportOutcome | null = null;

  /** The import's own end message: its word on how it ended stands over an error heard before it. */
  end(m: EndMessage): void {
    this.outcome = outcomeOf(m);
  }

  /** An error event or a message not understood: it stands only if the import has not said how it ended. */
  fail(error: Error): void {
    this.outcome ??= { ok: false, error };
  }

  /** At the exit: the ending heard, or `missing()` when the import stopped without one. */
  settle(resolve: (report: ImportReport) => void, reject: (error: Error) => void, missing: () => Error): void {
    const outcome = this.outcome;
    if (!outcome) reject(missing());
    else if (outcome.ok) resolve(outcome.report);
    else reject(outcome.error);
  }
}
