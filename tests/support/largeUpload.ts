// The server as `npm start` runs it, in a child process, for the robustness tests that upload a 300,000-row police
// extract while others use the app (tests/robustness/importWorker.test.ts on SQLite, importProcess.test.ts on
// PostgreSQL): being a child process, the server cannot block this test's own event loop, which measures it. Both
// files run the same tests (largeUploadTests), each with its own engine's server.
import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { expect, it } from 'vitest';
import { ROOT } from '../../server/src/compose.ts';
import { SqliteStore } from '../../server/src/store/sqlite.ts';
import { TEST_DATA_DIR, ensureGeodata } from './testApp.ts';
import { EXTRACT_HEADER } from './policeExtract.ts';

const PW = 'correct horse battery';

// RD New points in Maastricht (Vrijthof, station, MUMC, Markt, ...), jittered by up to 25 m.
const POINTS: [number, number][] = [[176248, 317717], [177417, 317823], [177799, 315922], [176000, 317800], [176500, 318100], [176800, 317900]];
const CODES = ['1.1.1', '1.2.3', '1.4.5'];

/** A police extract of `rows` registrations over 2024, `badLine` (physical line) an impossible date. */
export function writeExtract(file: string, rows: number, badLine?: number): Map<string, number> {
  const perMonth = new Map<string, number>();
  const out = fs.openSync(file, 'w');
  let chunk = [EXTRACT_HEADER];
  for (let i = 0; i < rows; i++) {
    const month = (i % 12) + 1;
    const day = (i % 28) + 1;
    const [x, y] = POINTS[i % POINTS.length];
    const jx = ((i * 7919) % 51) - 25;
    const jy = ((i * 104729) % 51) - 25;
    const date = i + 2 === badLine ? '31-02-2024' : `${day}-${month}-2024`;
    chunk.push(`PL-${i};${date};${CODES[i % CODES.length]};Test;Vrijthof;${i % 200};6211LD;${x + jx};${y + jy}`);
    const m = `2024-${String(month).padStart(2, '0')}`;
    perMonth.set(m, (perMonth.get(m) ?? 0) + 1);
    if (chunk.length >= 10_000) {
      fs.writeSync(out, chunk.join('\r\n') + '\r\n');
      chunk = [];
    }
  }
  fs.writeSync(out, chunk.join('\r\n') + '\r\n');
  fs.closeSync(out);
  return perMonth;
}

/** One answer, with how long it took. */
interface Answer {
  status: number;
  text: string;
  ms: number;
  setCookie?: string;
}

/** The server in a child process, logged in as a beheerder. Its methods are arrow functions so a test can take them apart. */
export class UploadServer {
  private child: ChildProcess | null = null;
  private base = '';
  private cookie = '';
  private logs = '';

  /** Starts the server on a fresh DATA_DIR in `work`; `databaseUrl` '' is the embedded SQLite store. */
  start = async (work: string, databaseUrl: string): Promise<void> => {
    ensureGeodata();
    const dataDir = path.join(work, 'data');
    fs.mkdirSync(dataDir);
    fs.symlinkSync(path.join(TEST_DATA_DIR, 'geodata'), path.join(dataDir, 'geodata'));
    // Shared by every run: the seeded gemeenten's cubes are read back instead of built again (~1 min).
    fs.mkdirSync(path.join(TEST_DATA_DIR, 'cubes'), { recursive: true });
    fs.symlinkSync(path.join(TEST_DATA_DIR, 'cubes'), path.join(dataDir, 'cubes'));
    // The account in the local file: a PostgreSQL store takes it over at its first start.
    const store = new SqliteStore(path.join(dataDir, 'store.sqlite'));
    store.users().add('beheer', PW, 'beheerder', []);
    store.close();
    // As `npm start` runs the server (package.json): node with tsx as its loader.
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
      cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', BASEMAP: 'none', DATABASE_URL: databaseUrl, MAX_UPLOAD_MB: '200' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stderr!.on('data', (d: Buffer) => (this.logs += d.toString()));
    this.base = await new Promise<string>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        this.logs += d.toString();
        const m = /Buurtveiligheidskaart: (http:\/\/\S+)/.exec(this.logs);
        if (m) resolve(m[1]);
      });
      child.on('exit', () => reject(new Error(`server exited early:\n${this.logs}`)));
    });
    // The national cubes are built in the background after start: wait, so they are not what is measured.
    const t0 = Date.now();
    while (!/cubes: \d+ gemeenten ready/.test(this.logs) && Date.now() - t0 < 240_000) await new Promise((r) => setTimeout(r, 200));
    const login = await this.request('POST', '/api/auth/login', JSON.stringify({ username: 'beheer', password: PW }), { 'Content-Type': 'application/json' });
    expect(login.status).toBe(200);
    this.cookie = (login.setCookie ?? '').split(';')[0];
  };

  stop = async (): Promise<void> => {
    const child = this.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  };

  /** One request with a plain node:http client (keep-alive off), timed. */
  request = (method: string, url: string, body?: string | fs.ReadStream, headers: Record<string, string> = {}): Promise<Answer> =>
    new Promise<Answer>((resolve, reject) => {
      const t0 = performance.now();
      const req = http.request(`${this.base}${url}`, { method, headers: { Cookie: this.cookie, Connection: 'close', ...headers } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, ms: performance.now() - t0, setCookie: res.headers['set-cookie']?.[0] }));
      });
      // A server may answer (409) before it has read the body and close: the write then fails with EPIPE, but
      // the answer is what counts, so an error after the response has begun is not a failure.
      let answered = false;
      req.on('response', () => (answered = true));
      req.on('error', (e) => (answered ? undefined : reject(e)));
      if (body === undefined) req.end();
      else if (typeof body === 'string') req.end(body);
      else body.pipe(req);
    });

  upload = (file: string, name: string): Promise<Answer> =>
    this.request('POST', `/api/imports?name=${name}&gemeente=GM0935&allowPartialMonths=true`, fs.createReadStream(file), { 'Content-Type': 'text/csv', 'Content-Length': String(fs.statSync(file).size) });

  marchTotal = async (): Promise<number> => {
    const r = await this.request('GET', '/api/stats?gemeente=GM0935&category=0.0.0&from=2024-03&to=2024-03');
    expect(r.status).toBe(200);
    return (JSON.parse(r.text) as { rows: { count: number | null }[] }).rows.reduce((s, x) => s + (x.count ?? 0), 0);
  };

  /** Polls /api/health every 20 ms until `done` settles; the latency of every answer. */
  pollHealth = async (done: Promise<unknown>): Promise<number[]> => {
    let running = true;
    void done.finally(() => (running = false));
    const latencies: number[] = [];
    while (running) {
      const r = await this.request('GET', '/api/health');
      expect(r.status).toBe(200);
      latencies.push(r.ms);
      await new Promise((res) => setTimeout(res, 20));
    }
    return latencies;
  };
}

/**
 * Uploads `file` as groot.csv and, once that is under way, `small` as tweede.csv, while polling /api/health
 * until the first has been answered: both answers, the health latencies meanwhile and the import's duration.
 */
export async function uploadWhilePolling(server: UploadServer, file: string, small: string) {
  const t0 = performance.now();
  const running = server.upload(file, 'groot.csv');
  // Once the first upload is under way, a second one is refused (409) rather than queued. It is a small file:
  // the server refuses it without reading the body, and a large body would still be streaming then.
  writeExtract(small, 100);
  const secondAnswer = new Promise((r) => setTimeout(r, 1500)).then(() => server.upload(small, 'tweede.csv'));
  secondAnswer.catch(() => undefined); // awaited below, after the first upload; not an unhandled rejection meanwhile
  const latencies = await server.pollHealth(running);
  const res = await running;
  const second = await secondAnswer;
  return { res, second, latencies, importMs: performance.now() - t0 };
}

/** Registrations in the large upload both engines are tested with. */
export const LARGE_UPLOAD_ROWS = 300_000;

/**
 * What a large upload must do on either engine (SQLite in a worker thread, PostgreSQL in a child process), as the
 * tests of one `describe`: the same contract, so the two engines are held to the very same assertions.
 */
export function largeUploadTests(server: UploadServer, work: string, engine: string): void {
  const ROWS = LARGE_UPLOAD_ROWS;
  it('keeps /api/health answering, refuses a second upload meanwhile, and serves the new totals right after', async () => {
    const file = path.join(work, 'extract.csv');
    const perMonth = writeExtract(file, ROWS);
    const revisionBefore = (JSON.parse((await server.request('GET', '/api/health')).text) as { storeRevision: number }).storeRevision;

    const { res, second, latencies, importMs } = await uploadWhilePolling(server, file, path.join(work, 'small.csv'));
    const max = Math.max(...latencies);
    console.log(`${engine}: import of ${ROWS.toLocaleString('en')} rows: ${(importMs / 1000).toFixed(1)} s; /api/health answered ${latencies.length} times meanwhile, max ${max.toFixed(0)} ms, median ${latencies.sort((a, b) => a - b)[latencies.length >> 1].toFixed(0)} ms`);
    expect(res.status, res.text).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ file: 'groot.csv', format: 'police-extract', alreadyImported: false, summary: { rows: ROWS, assigned: ROWS } });
    expect(second.status, second.text).toBe(409);
    expect(JSON.parse(second.text)).toMatchObject({ parameter: 'body' });
    expect(JSON.parse(second.text).error).toMatch(/import/);

    expect(latencies.length).toBeGreaterThan(5);
    // Lenient on purpose (shared CI machines): on the event loop this was several seconds.
    expect(max).toBeLessThan(1000);

    // Right after the answer: the new totals, and a higher revision.
    expect(await server.marchTotal()).toBe(perMonth.get('2024-03'));
    const revisionAfter = (JSON.parse((await server.request('GET', '/api/health')).text) as { storeRevision: number }).storeRevision;
    expect(revisionAfter).toBeGreaterThan(revisionBefore);
  }, 300_000);

  it('a file with one bad row near the end is refused with line, field and reason, and nothing is written', async () => {
    const before = await server.marchTotal();
    const history = JSON.parse((await server.request('GET', '/api/imports')).text) as { imports: unknown[] };
    const file = path.join(work, 'bad.csv');
    const badLine = ROWS - 10;
    writeExtract(file, ROWS, badLine);
    const res = await server.upload(file, 'fout.csv');
    expect(res.status, res.text).toBe(400);
    const body = JSON.parse(res.text) as { error: string; file: string; issueCount: number; issues: { line: number; field: string; reason: string }[] };
    expect(body.error).toMatch(/fout\.csv: geweigerd, er is niets opgeslagen \(1 fout\)/);
    expect(body).toMatchObject({ file: 'fout.csv', issueCount: 1 });
    expect(body.issues[0]).toMatchObject({ line: badLine, field: 'datum' });
    expect(await server.marchTotal()).toBe(before);
    expect((JSON.parse((await server.request('GET', '/api/imports')).text) as { imports: unknown[] }).imports.length).toBe(history.imports.length);
  }, 300_000);
}
