// A large police extract (300,000 registrations) uploaded to the server as `npm start` runs it: while it is
// imported, /api/health keeps answering (the import runs in a worker thread), its totals are served right
// after it, a second upload meanwhile is refused, and a file with one bad row near the end stores nothing.
// The server is a child process, so this test's own event loop measures it without being blocked with it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadServer, uploadWhilePolling, writeExtract } from '../support/largeUpload.ts';

const ROWS = 300_000;
const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-importworker-'));

const server = new UploadServer();
const { request, upload, marchTotal } = server;

beforeAll(() => server.start(WORK, ''), 300_000);

afterAll(async () => {
  await server.stop();
  fs.rmSync(WORK, { recursive: true, force: true });
});

describe('a 300,000-row police extract uploaded while others use the app', () => {
  it('keeps /api/health answering, refuses a second upload meanwhile, and serves the new totals right after', async () => {
    const file = path.join(WORK, 'extract.csv');
    const perMonth = writeExtract(file, ROWS);
    const revisionBefore = (JSON.parse((await request('GET', '/api/health')).text) as { storeRevision: number }).storeRevision;

    const { res, second, latencies, importMs } = await uploadWhilePolling(server, file, path.join(WORK, 'small.csv'));
    const max = Math.max(...latencies);
    console.log(`import of ${ROWS.toLocaleString('en')} rows: ${(importMs / 1000).toFixed(1)} s; /api/health answered ${latencies.length} times meanwhile, max ${max.toFixed(0)} ms, median ${latencies.sort((a, b) => a - b)[latencies.length >> 1].toFixed(0)} ms`);
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
