// The beheerder's import desk: every stored import, newest first (browser uploads, the command line and
// the sources loaded at start), who did it, what it changed, and whether it can still be undone; and
// the undo itself. Texts in Dutch: the beheerder's screen shows them as they are.
import type { Principal } from '../domain/roles.ts';
import type { Store, StoredImport } from '../store/store.ts';
import type { UserStore } from '../store/users.ts';
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
  undoable: boolean;
  /** Why it cannot be undone (null when it can). */
  undoNote: string | null;
}

export interface ImportHistory {
  imports: ImportHistoryRow[];
}

export interface UndoAnswer {
  undone: ImportHistoryRow;
  /** Rows deleted or given their previous values back. */
  restoredRows: number;
}

const NOT_RECORDED = 'niet terug te draaien: geïmporteerd voordat de app bijhield wat een import overschrijft';
const NOT_LATEST = 'alleen de laatste import kan ongedaan worden gemaakt';

/** An upload stored before the original name was recorded kept its temporary path. */
const UPLOAD_PATH = /[\\/]bvk-upload-\d+-[^\\/]+[\\/]([^\\/]+)$/;

/** How long after an import its audit line may be written (the audit follows the import at once). */
const AUDIT_WINDOW_MS = 10 * 60_000;

function viaOf(i: StoredImport, importedBy: string | null): ImportHistoryRow['via'] {
  if (importedBy !== null) return 'pagina';
  return i.format.startsWith('source-seed') || i.format === 'survey-plan' || i.file.endsWith(' (bron)') ? 'bron' : 'opdrachtregel';
}

function rowOf(i: StoredImport, latest: number | undefined, uploader: (i: StoredImport, name: string) => string | null): ImportHistoryRow {
  const name = UPLOAD_PATH.exec(i.file)?.[1] ?? i.file;
  const importedBy = uploader(i, name);
  const undoable = i.changesRecorded && i.id === latest;
  return {
    id: i.id, file: name, format: i.format, importedAt: i.importedAt, changedRows: i.changedRows, summary: i.summary,
    importedBy, via: viaOf(i, importedBy), undoable, undoNote: undoable ? null : i.changesRecorded ? NOT_LATEST : NOT_RECORDED,
  };
}

export function importHistory(store: Store, users: UserStore): ImportHistory {
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
  return { imports: stored.map((i) => rowOf(i, latest, uploader)).reverse() };
}

/** Undoes import `id` (the most recent one) and writes it to the audit trail as 'import-undo'. */
export function undoImport(store: Store, users: UserStore, who: Principal, id: number): UndoAnswer {
  const outcome = store.undoLastImport(id);
  if (!outcome.ok) {
    if (outcome.reason === 'unknown') throw new ApiError(404, `import ${id} bestaat niet (meer)`, 'id');
    if (outcome.reason === 'notLatest') {
      throw new ApiError(409, `import ${id} is niet de laatste import (dat is ${outcome.latestId}): ${NOT_LATEST}, anders gaan de wijzigingen van latere imports verloren`, 'id');
    }
    throw new ApiError(409, `import ${id} is ${NOT_RECORDED}`, 'id');
  }
  const undone = rowOf(outcome.undone, id, (i) => i.importedBy);
  users.audit({
    username: who.username, role: who.role, action: 'import-undo', resource: `/api/imports/${id}`,
    detail: { file: undone.file, format: undone.format, importedAt: undone.importedAt, importedBy: undone.importedBy, restoredRows: outcome.restoredRows },
  });
  return { undone, restoredRows: outcome.restoredRows };
}
