// Operations: one SIGTERM stops a server that has printed a PDF report; the store is owner-only;
// uploads a killed server left behind are swept at start; restricted answers are never cached;
// an unknown asset is a 404, not the app shell cached for a year; a built asset goes out in its compressed copy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../server/src/compose.ts';
import { SqliteUserStore } from '../../server/src/store/sqliteUsers.ts';
import { SqliteStore } from '../../server/src/store/sqlite.ts';
import { makeTestApp, TEST_DATA_DIR } from '../support/testApp.ts';

const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-ops-'));
afterAll(() => fs.rmSync(WORK, { recursive: true, force: true }));

describe('the server process', () => {
  it('stops on the first SIGTERM after printing a PDF; store owner-only; stale uploads swept', async () => {
    const dataDir = path.join(WORK, 'data');
    const tmp = path.join(WORK, 'tmp');
    fs.mkdirSync(dataDir);
    fs.mkdirSync(tmp);
    fs.symlinkSync(path.join(TEST_DATA_DIR, 'geodata'), path.join(dataDir, 'geodata'));
    // A folder of an upload whose server was killed (pid that cannot exist), and one of a live process.
    fs.mkdirSync(path.join(tmp, 'bvk-upload-999999999-abc'));
    fs.mkdirSync(path.join(tmp, `bvk-upload-${process.pid}-def`));

    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
      cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', TMPDIR: tmp, BASEMAP: 'none' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /Buurtveiligheidskaart: (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
      void exited.then(() => reject(new Error(`server exited early:\n${out}`)));
    });
    const pdf = await fetch(`${url}/api/reports/monthly?gemeente=GM0935&month=2024-06`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toMatch(/application\/pdf/);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 4).toString()).toBe('%PDF');

    expect(fs.statSync(path.join(dataDir, 'store.sqlite')).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(tmp, 'bvk-upload-999999999-abc'))).toBe(false);
    expect(fs.existsSync(path.join(tmp, `bvk-upload-${process.pid}-def`))).toBe(true);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toMatch(/SIGTERM: stopping/);
  }, 240_000);
});

describe('headers', () => {
  it('restricted and per-user answers are not cached; public boundaries may be', async () => {
    const t = makeTestApp(':memory:', {}, 'analist');
    for (const url of ['/api/incidents?gemeente=GM0935', '/api/stats?gemeente=GM0935', '/api/selections', '/api/auth/me']) {
      const res = await t.app.request(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('Cache-Control'), url).toBe('no-store');
    }
    expect((await t.app.request('/api/areas?gemeente=GM0935')).headers.get('Cache-Control')).not.toBe('no-store');
  });

  it('an unknown /assets/ path is a 404 that nobody caches; a real asset is immutable', async () => {
    const clientDir = path.join(WORK, 'client');
    fs.mkdirSync(path.join(clientDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>app</title>');
    fs.writeFileSync(path.join(clientDir, 'assets', 'app-abc123.js'), 'export {};');
    const t = makeTestApp(':memory:', { clientDir });
    const real = await t.app.request('/assets/app-abc123.js');
    expect(real.status).toBe(200);
    expect(real.headers.get('Cache-Control')).toMatch(/immutable/);
    const missing = await t.app.request('/assets/app-gone999.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Cache-Control') ?? '').not.toMatch(/max-age=31536000/);
    expect((await t.app.request('/some/view')).status).toBe(200);
  });

  it("a built script goes out as the build's brotli or gzip copy to a browser that accepts it, else as is", async () => {
    const clientDir = path.join(WORK, 'client-compressed');
    fs.mkdirSync(path.join(clientDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>app</title>');
    const script = Buffer.from('export const figure = 1;\n'.repeat(400));
    const file = path.join(clientDir, 'assets', 'index-abc123.js');
    fs.writeFileSync(file, script);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(script));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(script));
    const t = makeTestApp(':memory:', { clientDir });
    const get = (encodings: string | null) => t.app.request('/assets/index-abc123.js', encodings ? { headers: { 'Accept-Encoding': encodings } } : {});

    const br = await get('gzip, deflate, br');
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(br.headers.get('Vary')).toMatch(/Accept-Encoding/);
    expect(br.headers.get('Content-Type')).toMatch(/javascript/);
    expect(br.headers.get('Cache-Control')).toMatch(/immutable/);
    expect(zlib.brotliDecompressSync(Buffer.from(await br.arrayBuffer())).equals(script)).toBe(true);

    const gz = await get('gzip');
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(zlib.gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(script)).toBe(true);

    const plain = await get(null);
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(Buffer.from(await plain.arrayBuffer()).equals(script)).toBe(true);
  });

  it('a file store is created owner-only', () => {
    const file = path.join(WORK, 'own', 'store.sqlite');
    const s = new SqliteStore(file);
    new SqliteUserStore(s.db);
    s.close();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});
