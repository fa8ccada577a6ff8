// The import worker (a node:worker_threads thread started by importRunner.ts): reads, checks and stores one
// file with a connection of its own to the same SQLite file, so parsing 300,000 rows and writing them never
// holds up the event loop that answers the users. One import per worker; the thread ends with it.
import { parentPort, workerData } from 'node:worker_threads';
import { Dataset } from './dataset.ts';
import { importFile } from './importFile.ts';
import { ImportError } from '../importers/errors.ts';
import { SqliteStore } from './sqlite.ts';
import type { Store } from './store.ts';
import { GATE_WAITING, type WorkerInput, type WorkerMessage } from './importRunner.ts';

const input = workerData as WorkerInput;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);
const gate = new Int32Array(input.gate);

/**
 * Before the store's write transaction begins, the main thread is told and must answer: from then on
 * it holds its own writes back (they would wait on this thread's write lock with the event loop
 * stopped). Waiting for the answer closes the gap between "told" and "holding back".
 */
function announceWrite(): void {
  Atomics.store(gate, 0, GATE_WAITING);
  post({ kind: 'writing' });
  // The main thread answers between two of its tasks; a minute means it is gone, and then nobody waits.
  Atomics.wait(gate, 0, GATE_WAITING, 60_000);
}

/**
 * The store with every outermost write transaction announced (announceWrite) and, when it ends,
 * reported done: the police extract's and a repeated file's transaction(), applyImport() of the CBS
 * files, the survey's own applyImport().
 */
function announced(store: Store): Store {
  let depth = 0;
  const around = <T>(fn: () => T): T => {
    if (depth === 0) announceWrite();
    depth++;
    try {
      return fn();
    } finally {
      if (--depth === 0) post({ kind: 'written' });
    }
  };
  const features = store.features();
  const survey = Object.create(features.survey) as typeof features.survey;
  survey.applyImport = (record, rows) => around(() => features.survey.applyImport(record, rows));
  const view = Object.create(store) as Store;
  view.transaction = (fn) => around(() => store.transaction(fn));
  view.applyImport = (record, data) => around(() => store.applyImport(record, data));
  view.features = () => ({ ...features, survey });
  return view;
}

const store = new SqliteStore(input.storeFile);
try {
  const ds = new Dataset(announced(store), input.geodataDir, input.sourceDir, input.groupsFile, input.cacheDir);
  post({ kind: 'done', report: importFile(ds, input.file, input.options) });
} catch (e) {
  // The route answers an ImportError with its issues unchanged (file, line, field, reason); anything
  // else is an unexpected failure, answered 500 like before.
  if (e instanceof ImportError) post({ kind: 'rejected', file: e.file, issues: e.issues });
  else post({ kind: 'failed', message: (e as Error).message ?? String(e), stack: (e as Error).stack });
} finally {
  store.close();
}
