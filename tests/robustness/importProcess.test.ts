// The same as importWorker.test.ts on PostgreSQL (DATABASE_URL, a throwaway schema): while a 300,000-row police
// extract is imported in a child process, /api/health keeps answering, a second upload meanwhile is refused,
// the totals are served right after it, and a file with one bad row near the end stores nothing.
// Skipped, and says so, without TEST_DATABASE_URL.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endClient, loadPgNative } from '../../server/src/store/postgresClient.ts';
import { UploadServer, uploadWhilePolling, writeExtract } from '../support/largeUpload.ts';

const ROWS = 300_000;
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-importprocess-'));
const url = process.env.TEST_DATABASE_URL;
const schema = `bvk_robust_${process.pid}_${Date.now().toString(36)}`;

/** One statement on a connection of this test's own. */
function pg(sql: string): void {
  const c = new (loadPgNative())();
  c.connectSync(url!);
  c.querySync('SET client_min_messages TO warning');
  c.querySync(sql);
  endClient(c);
}

/** TEST_DATABASE_URL with the throwaway schema as search_path (libpq's `options`), for the server and its import child. */
function schemaUrl(): string {
  const u = new URL(url!);
  u.searchParams.set('options', `-csearch_path=${schema}`);
  return u.toString();
}

const server = new UploadServer();
const { request, upload, marchTotal } = server;

beforeAll(async () => {
  if (!url) return;
  pg(`CREATE SCHEMA ${schema}`);
  await server.start(WORK, schemaUrl());
}, 300_000);

afterAll(async () => {
  await server.stop();
  fs.rmSync(WORK, { recursive: true, force: true });
  if (url) pg(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
});

if (!url) console.warn('PostgreSQL import process robustness test skipped: TEST_DATABASE_URL is not set (source .ci/postgres.sh && bvk_pg_setup).');

describe.skipIf(!url)('a 300,000-row police extract uploaded on PostgreSQL while others use the app', () => {
  it('keeps /api/health answering, refuses a second upload meanwhile, and serves the new totals right after', async () => {
    const file = path.join(WORK, 'extract.csv');
    const perMonth = writeExtract(file, ROWS);
    const revisionBefore = (JSON.parse((await request('GET', '/api/health')).text) as { storeRevision: number }).storeRevision;

    const { res, second, latencies, importMs } = await uploadWhilePolling(server, file, path.join(WORK, 'small.csv'));
    const max = Math.max(...latencies);
    console.log(`PostgreSQL: import of ${ROWS.toLocaleString('en')} rows: ${(importMs / 1000).toFixed(1)} s; /api/health answered ${latencies.length} times meanwhile, max ${max.toFixed(0)} ms, median ${latencies.sort((a, b) => a - b)[latencies.length >> 1].toFixed(0)} ms`);
    expect(res.status, res.text).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ file: 'groot.csv', format: 'police-extract', alreadyImported: false, summary: { rows: ROWS, assigned: ROWS } });
    expect(second.status, second.text).toBe(409);
    expect(JSON.parse(second.text)).toMatchObject({ parameter: 'body' });
    expect(JSON.parse(second.text).error).toMatch(/import/);

    expect(latencies.length).toBeGreaterThan(5);
    // Lenient on purpose (shared CI machines): on the event loop this was several seconds.
    expect(max).toBeLessThan(1000);

    // Right after the answer: the new totals, and a higher revision.
    expect(await marchTotal()).toBe(perMonth.get('2024-03'));
    const revisionAfter = (JSON.parse((await request('GET', '/api/health')).text) as { storeRevision: number }).storeRevision;
    expect(revisionAfter).toBeGreaterThan(revisionBefore);
  }, 300_000);

  it('a file with one bad row near the end is refused with line, field and reason, and nothing is written', async () => {
    const before = await marchTotal();
    const history = JSON.parse((await request('GET', '/api/imports')).text) as { imports: unknown[] };
    const file = path.join(WORK, 'bad.csv');
    const badLine = ROWS - 10;
    writeExtract(file, ROWS, badLine);
    const res = await upload(file, 'fout.csv');
    expect(res.status, res.text).toBe(400);
    const body = JSON.parse(res.text) as { error: string; file: string; issueCount: number; issues: { line: number; field: string; reason: string }[] };
    expect(body.error).toMatch(/fout\.csv: geweigerd, er is niets opgeslagen \(1 fout\)/);
    expect(body).toMatchObject({ file: 'fout.csv', issueCount: 1 });
    expect(body.issues[0]).toMatchObject({ line: badLine, field: 'datum' });
    expect(await marchTotal()).toBe(before);
    expect((JSON.parse((await request('GET', '/api/imports')).text) as { imports: unknown[] }).imports.length).toBe(history.imports.length);
  }, 300_000);
});
