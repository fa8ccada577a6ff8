// Big inputs: POST /api/imports streams the body to a temporary file, refuses with a clear JSON 413
// past the limit (declared or streamed), leaves no temporary file behind, and reports bad files
// line by line. Only a beheerder may import.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteUserStore } from '../../server/src/store/sqliteUsers.ts';
import { ROOT } from '../../server/src/compose.ts';
import { makeTestApp } from '../support/testApp.ts';

const PW = 'correct horse battery';
const LIMIT = 64 * 1024; // 64 KiB for the tests
const fixture = (name: string) => fs.readFileSync(path.join(ROOT, 'tests/fixtures/import', name));
const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-upload-test-'));
let t: ReturnType<typeof makeTestApp>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = makeTestApp(':memory:', { maxUploadBytes: LIMIT, uploadDir });
  const users = new SqliteUserStore(t.store.db);
  users.add('beheer', PW, 'beheerder', []);
  users.add('ana', PW, 'analist', []);
  for (const u of ['beheer', 'ana']) {
    const res = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: u, password: PW }) });
    cookies[u] = (res.headers.get('Set-Cookie') ?? '').split(';')[0];
  }
});

afterAll(() => {
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

const leftovers = () => fs.readdirSync(uploadDir);

/** A body of `total` bytes delivered in 16 KiB chunks on demand; `pulled()` says how much was read. */
function streamingBody(total: number) {
  let sent = 0;
  const chunk = Buffer.alloc(16 * 1024, 'x');
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const n = Math.min(chunk.length, total - sent);
      sent += n;
      controller.enqueue(new Uint8Array(chunk.subarray(0, n)));
    },
  });
  return { stream, pulled: () => sent };
}

const upload = (body: BodyInit, query = 'name=47022NED.csv', user = 'beheer', headers: Record<string, string> = {}) =>
  t.app.request(`/api/imports?${query}`, { method: 'POST', body, headers: { Cookie: cookies[user] ?? '', ...headers }, duplex: 'half' } as RequestInit);

describe('POST /api/imports', () => {
  it('imports an uploaded 47022NED file and returns the report; the same file again changes nothing', async () => {
    const res = await upload(fixture('cbs-47022NED-valid.csv'));
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ file: '47022NED.csv', format: 'cbs-47022NED', alreadyImported: false, summary: { withheld: 3 } });
    expect(body.changedRows).toBeGreaterThan(0);
    const stats = (await (await t.app.request('/api/stats?gemeente=GM0935&category=1.2.3&from=2024-01&to=2024-01', { headers: { Cookie: cookies.beheer } })).json()) as any;
    expect(stats.rows.find((r: any) => r.code === 'BU09350000').count).toBe(17);
    const again = (await (await upload(fixture('cbs-47022NED-valid.csv'))).json()) as any;
    expect(again).toMatchObject({ alreadyImported: true, changedRows: 0 });
    expect(leftovers()).toEqual([]);
  });

  it('rejects a bad file with 400 { error, file, issues: [{ line, field, reason }] } and stores nothing', async () => {
    const before = t.store.listImports().length;
    const res = await upload(fixture('cbs-47022NED-bad-lines.csv'), 'name=mijn%20bestand.csv');
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.error).toMatch(/mijn bestand\.csv: geweigerd, er is niets opgeslagen \(2 fouten\)/);
    expect(body.file).toBe('mijn bestand.csv');
    expect(body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ line: 4, field: 'Perioden' }), expect.objectContaining({ line: 7, field: 'GeregistreerdeMisdrijven_1' })]));
    for (const i of body.issues) expect(Object.keys(i).sort()).toEqual(['field', 'line', 'reason']);
    expect(JSON.stringify(body)).not.toContain(uploadDir); // the temporary path never leaks
    expect(t.store.listImports().length).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  it('writes who imported which file, and what it changed or why it was refused, to the audit trail', async () => {
    const log = (await (await t.app.request('/api/audit?action=import', { headers: { Cookie: cookies.beheer } })).json()) as any;
    expect(log.entries[0]).toMatchObject({ username: 'beheer', resource: '/api/imports', detail: { file: '47022NED.csv', format: 'cbs-47022NED', alreadyImported: true, changedRows: 0 } });
    expect(log.entries.at(-1).detail).toMatchObject({ alreadyImported: false, changedRows: expect.any(Number) });
    const refused = (await (await t.app.request('/api/audit?action=import-rejected', { headers: { Cookie: cookies.beheer } })).json()) as any;
    expect(refused.entries[0]).toMatchObject({ username: 'beheer', detail: { file: 'mijn bestand.csv', issueCount: expect.any(Number), firstIssue: { line: expect.any(Number) } } });
    expect(JSON.stringify(refused)).not.toContain(uploadDir);
  });

  it('413 up front when Content-Length is over the limit, nothing written', async () => {
    const res = await upload(Buffer.alloc(LIMIT + 1, 'x'), 'name=big.csv', 'beheer', { 'Content-Length': String(LIMIT + 1) });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: 'upload is larger than the limit of 0.06 MB (MAX_UPLOAD_MB)', parameter: 'body' });
    expect(leftovers()).toEqual([]);
  });

  it('413 while streaming a body without Content-Length: stops reading soon after the limit, no temporary file left', async () => {
    const big = streamingBody(1024 * 1024 * 1024); // would be 1 GiB
    const res = await upload(big.stream as unknown as BodyInit, 'name=huge.csv');
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error).toMatch(/larger than the limit/);
    // Streamed, not buffered: only a little more than the limit was ever read.
    expect(big.pulled()).toBeLessThan(LIMIT + 256 * 1024);
    expect(leftovers()).toEqual([]);
  });

  it('a body exactly at the limit is accepted (and then judged as a file)', async () => {
    const res = await upload(Buffer.alloc(LIMIT, 'x'), 'name=noise.csv');
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).issues[0]).toMatchObject({ line: expect.any(Number), field: expect.any(String) });
    expect(leftovers()).toEqual([]);
  });

  it('refuses an empty body, a bad name, and everyone but a beheerder', async () => {
    expect((await upload(Buffer.alloc(0))).status).toBe(400);
    const bad = await upload(fixture('cbs-47022NED-valid.csv'), 'name=../../etc/passwd');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ parameter: 'name' });
    const ana = await upload(fixture('cbs-47022NED-valid.csv'), 'name=a.csv', 'ana');
    expect(ana.status).toBe(403);
    expect(await ana.json()).toEqual({ error: 'only a beheerder may import files' });
    expect((await upload(fixture('cbs-47022NED-valid.csv'), 'name=a.csv', 'nobody')).status).toBe(401);
    expect(leftovers()).toEqual([]);
  });

  it('over real HTTP (@hono/node-server): a chunked upload past the limit gets the JSON 413', async () => {
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    try {
      const result = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
        let sent = 0;
        const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/imports?name=huge.csv', headers: { Cookie: cookies.beheer, 'Transfer-Encoding': 'chunked' } }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
        });
        req.on('error', reject);
        const chunk = Buffer.alloc(16 * 1024, 'x');
        // Keep sending (up to 64 MiB) until the server answers.
        let answered = false;
        const pump = () => {
          while (!answered && sent < 64 * 1024 * 1024) {
            sent += chunk.length;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          req.end();
        };
        req.on('response', () => (answered = true));
        pump();
      });
      expect(result.status).toBe(413);
      expect(JSON.parse(result.body)).toMatchObject({ error: expect.stringMatching(/larger than the limit/) });
      expect(leftovers()).toEqual([]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
