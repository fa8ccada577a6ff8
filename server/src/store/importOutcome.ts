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
