// The same as importWorker.test.ts on PostgreSQL (DATABASE_URL, a throwaway schema): while a 300,000-row police
// extract is imported in a child process, /api/health keeps answering, a second upload meanwhile is refused,
// the totals are served right after it, and a file with one bad row near the end stores nothing.
// Skipped, and says so, without TEST_DATABASE_URL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { largeUploadTests, UploadServer } from '../support/largeUpload.ts';
import { dropSchema, runSql, TEST_DATABASE_URL, throwawaySchema } from '../support/postgres.ts';

const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-importprocess-'));
const url = TEST_DATABASE_URL;
const schema = throwawaySchema('robust');

/** TEST_DATABASE_URL with the throwaway schema as search_path (libpq's `options`), for the server and its import child. */
function schemaUrl(): string {
  const u = new URL(url!);
  u.searchParams.set('options', `-csearch_path=${schema}`);
  return u.toString();
}

const server = new UploadServer();

beforeAll(async () => {
  if (!url) return;
  runSql(url, `CREATE SCHEMA ${schema}`);
  await server.start(WORK, schemaUrl());
}, 300_000);

afterAll(async () => {
  await server.stop();
  fs.rmSync(WORK, { recursive: true, force: true });
  if (url) dropSchema(url, schema);
});

if (!url) console.warn('PostgreSQL import process robustness test skipped: TEST_DATABASE_URL is not set (source .ci/postgres.sh && bvk_pg_setup).');

describe.skipIf(!url)('a 300,000-row police extract uploaded on PostgreSQL while others use the app', () => largeUploadTests(server, WORK, 'PostgreSQL'));
