// The Store contract against the embedded SQLite store (always runs), in a file so reopen is real.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../../server/src/store/sqlite.ts';
import { runStoreContract } from './store.contract.ts';

runStoreContract('SqliteStore', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-store-'));
  return {
    open: () => new SqliteStore(path.join(dir, 'store.sqlite')),
    destroy: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
});
