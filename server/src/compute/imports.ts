// The beheerder's import desk: every stored import, newest first (browser uploads, the command line and
// the sources loaded at start), who did it, what it changed, and whether it can still be undone; and
// the undo itself. Texts in Dutch: the beheerder's screen shows them as they are.
import path from 'node:path';
import type { Principal } from '../domain/roles.ts';
import type { Store, StoredImport } from '../store/store.ts';
import type { UserStore } from '../store/users.ts';
import type { KeptUploads } from '../store/keptUploads.ts';
import { ApiError } from './errors.ts';

export interface ImportHistoryRow {
  id: number;
  /** The file's name (an upload's original name). */
  file: string;
  format: string;
  importedAt: string;
  /** Rows inserted or changed; null for imports stored before this was counted. */
  changedRows: number | null;
  summary: Record<string, unknown>;
  /** The beheerder who uploaded it; null when it came in another way (`via`). */
  importedBy: string | null;
  via: 'pagina' | 'opdrachtregel' | 'bron';
  /** Made by the monthly update from CBS (CBS_UPDATE_SCHEDULE=maandelijks); `via` is then 'opdrachtregel', as before. */
  automatic: boolean;
  undoable: boolean;
  /** Why it cannot be undone (null when it can). */
  undoNote: string | null;
}

/** An undone upload whose file is kept: POST /api/imports/:id/reimport imports it again. */
export interface ReimportableImport {
  /** The id the import had before it was undone. */
  id: number;
  file: string;
}

export interface ImportHistory {
  imports: ImportHistoryRow[];
  reimportable: ReimportableImport[];
}

export interface UndoAnswer {
  undone: ImportHistoryRow;
  /** Rows deleted or given their previous values back. */
  restoredRows: number;
  /** The uploaded file is kept: it can be imported again (POST /api/imports/:id/reimport). */
  reimportable: boolean;
}

const NOT_RECORDED = 'niet terug te draaien: van vóór het bijhouden van wijzigingen';
const NOT_LATEST = 'alleen de laatste import kan ongedaan worden gemaakt';
const SOURCE = 'bij de start geladen: wordt bij elke start opnieuw geladen';

/** An upload stored before the original name was recorded kept its temporary path. */
const UPLOAD_PATH = /[\\/]bvk-upload-\d+-[^\\/]+[\\/]([^\\/]+)$/;

/** How long after an import its audit line may be written (the audit follows the import at once). */
const AUDIT_WINDOW_MS = 10 * 60_000;

function viaOf(i: StoredImport, importedBy: string | null): ImportHistoryRow['via'] {
  if (importedBy !== null) return 'pagina';
  return i.format.startsWith('source-seed') || i.format === 'survey-plan' || i.file.endsWith(' (bron)') ? 'bron' : 'opdrachtregel';
}

/** File names without the server's folders ('a.csv + b.csv (bron)' for a source loaded at start). */
const fileNames = (file: string): string => file.split(' + ').map((p) => path.basename(p)).join(' + ');

function undoNoteOf(i: StoredImport, via: ImportHistoryRow['via'], latest: number | undefined): string | null {
  // A source loaded at start comes back at the next start: undoing it would only last until then.
  if (via === 'bron') return SOURCE;
  if (!i.changesRecorded) return NOT_RECORDED;
  return i.id === latest ? null : NOT_LATEST;
}

function rowOf(i: StoredImport, latest: number | undefined, uploader: (i: StoredImport, name: string) => string | null): ImportHistoryRow {
  const name = UPLOAD_PATH.exec(i.file)?.[1] ?? fileNames(i.file);
  const importedBy = uploader(i, name);
  const via = viaOf(i, importedBy);
  const undoNote = undoNoteOf(i, via, latest);
  return {
    id: i.id, file: name, format: i.format, importedAt: i.importedAt, changedRows: i.changedRows, summary: i.summary,
    importedBy, via, automatic: i.automatic, undoable: undoNote === null, undoNote,
  };
}

export function importHistory(store: Store, users: UserStore, kept?: KeptUploads): ImportHistory {
  const stored = store.listImports();
  const latest = stored.at(-1)?.id;
  // Uploads from before imports kept their uploader: the audit line written right after the import.
  const legacy = stored.some((i) => i.importedBy === null && UPLOAD_PATH.test(i.file));
  const audit = legacy ? users.auditLog(10_000, { action: 'import' }) : [];
  const uploader = (i: StoredImport, name: string): string | null => {
    if (i.importedBy !== null) return i.importedBy;
    if (!UPLOAD_PATH.test(i.file)) return null;
    const at = Date.parse(i.importedAt);
    const hit = audit.find((e) => e.detail.file === name && e.detail.format === i.format && e.detail.alreadyImported === false && Date.parse(e.at) >= at && Date.parse(e.at) - at < AUDIT_WINDOW_MS);
    return hit?.username ?? null;
  };
  const imported = new Set(stored.map((i) => i.sha256));
  const reimportable = (kept?.undone() ?? []).filter((k) => !imported.has(k.sha256)).map((k) => ({ id: k.undoneId ?? 0, file: k.name }));
  return { imports: stored.map((i) => rowOf(i, latest, uploader)).reverse(), reimportable };
}

/** Undoes import `id` (the most recent one) and writes it to the audit trail as 'import-undo'. */
export function undoImport(store: Store, users: UserStore, who: Principal, id: number, kept?: KeptUploads): UndoAnswer {
  const stored = store.listImports().find((i) => i.id === id);
  if (stored && viaOf(stored, stored.importedBy) === 'bron') throw new ApiError(409, `import ${id} is ${SOURCE}`, 'id');
  const outcome = store.undoLastImport(id);
  if (!outcome.ok) {
    if (outcome.reason === 'unknown') throw new ApiError(404, `import ${id} bestaat niet (meer)`, 'id');
    if (outcome.reason === 'notLatest') {
      throw new ApiError(409, `import ${id} is niet de laatste import (dat is ${outcome.latestId}): ${NOT_LATEST}, anders gaan de wijzigingen van latere imports verloren`, 'id');
    }
    throw new ApiError(409, `import ${id} is niet terug te draaien: geïmporteerd voordat de app bijhield wat een import overschrijft`, 'id');
  }
  const undone = rowOf(outcome.undone, id, (i) => i.importedBy);
  users.audit({
    username: who.username, role: who.role, action: 'import-undo', resource: `/api/imports/${id}`,
    detail: { file: undone.file, format: undone.format, importedAt: undone.importedAt, importedBy: undone.importedBy, restoredRows: outcome.restoredRows },
  });
  const reimportable = kept?.markUndone(outcome.undone.sha256, id) ?? false;
  return { undone, restoredRows: outcome.restoredRows, reimportable };
}
