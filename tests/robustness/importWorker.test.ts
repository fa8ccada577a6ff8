// A large police extract (300,000 registrations) uploaded to the server as `npm start` runs it: while it is
// imported, /api/health keeps answering (the import runs in a worker thread), its totals are served right
// after it, a second upload meanwhile is refused, and a file with one bad row near the end stores nothing.
// The server is a child process, so this test's own event loop measures it without being blocked with it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { largeUploadTests, UploadServer } from '../support/largeUpload.ts';

const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-importworker-'));

const server = new UploadServer();

beforeAll(() => server.start(WORK, ''), 300_000);

afterAll(async () => {
  await server.stop();
  fs.rmSync(WORK, { recursive: true, force: true });
});

describe('a 300,000-row police extract uploaded while others use the app', () => largeUploadTests(server, WORK, 'SQLite'));
