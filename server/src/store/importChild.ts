// The import process for a PostgreSQL store (forked by importProcess.ts): reads, checks and stores one file
// with a connection of its own, all in one transaction, and reports how it ended. One import per process.
import { Dataset } from './dataset.ts';
import { importFile } from './importFile.ts';
import { ImportError } from '../importers/errors.ts';
import { PostgresStore } from './postgres.ts';
import { childInputSchema, type ChildMessage } from './importProcess.ts';

function answer(m: ChildMessage): Promise<void> {
  return new Promise((resolve) => process.send!(m, undefined, {}, () => resolve()));
}

function run(raw: unknown): ChildMessage {
  const input = childInputSchema.parse(raw);
  const store = new PostgresStore(input.url, input.schema ? { schema: input.schema } : {});
  try {
    const ds = new Dataset(store, input.geodataDir, input.sourceDir, input.groupsFile, input.cacheDir);
    // One transaction around the whole import (store transactions nest as savepoints): what the file writes
    // commits at the end or not at all, whatever part of it the process got to before it was stopped.
    const report = store.transaction(() => {
      void answer({ kind: 'began', backendPid: store.backendPid() });
      return importFile(ds, input.file, input.options);
    });
    return { kind: 'done', report };
  } finally {
    store.close();
  }
}

process.once('message', (raw) => {
  let m: ChildMessage;
  try {
    m = run(raw);
  } catch (e) {
    // The route answers an ImportError with its issues unchanged (file, line, field, reason); anything else is
    // an unexpected failure, answered 500 like before.
    m = e instanceof ImportError ? { kind: 'rejected', file: e.file, issues: e.issues } : { kind: 'failed', message: (e as Error).message ?? String(e), stack: (e as Error).stack };
  }
  void answer(m).then(() => process.disconnect());
});
