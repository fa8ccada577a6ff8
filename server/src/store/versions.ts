// Documents a beheerder edits in the browser (a gemeente's plan targets, the settings that may change
// without a restart). Every save is a new version and none is ever overwritten: the history says who
// changed what when, and an earlier version can be saved again to restore it.

export interface StoredVersion {
  /** Increases with every save, across keys; never handed out twice. */
  id: number;
  /** What the document is, e.g. 'targets:GM0935' or 'settings'. */
  key: string;
  value: unknown;
  /** Username of whoever saved it (null: saved by a program, e.g. a migration). */
  savedBy: string | null;
  savedAt: string;
}

export interface VersionStore {
  save(key: string, value: unknown, savedBy: string | null): StoredVersion;
  /** The newest version of `key`, undefined when it was never saved. */
  latest(key: string): StoredVersion | undefined;
  /** Every version of `key`, newest first. */
  history(key: string): StoredVersion[];
}
