// Crash during import: `npm run import` is SIGKILLed at several moments while it writes a large
// 47022NED file (about 306,000 rows); the store opened afterwards holds exactly the old data or
// exactly the new data, never a mix. SQLite's WAL keeps uncommitted frames out on recovery.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../server/src/store/sqlite.ts';
import { ROOT } from '../../server/src/compose.ts';
import { locate, readCsv } from '../../geodata/sources.ts';
import type { GeodataIndex } from '../../geodata/build.ts';
import { ensureGeodata, TEST_DATA_DIR } from '../support/testApp.ts';

const WORK = path.join(ROOT, `.tmp/crash-${process.pid}`);
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const CLI = 'server/src/cli/import.ts';

/** A 47022NED file: every Maastricht buurt x crime type x month 2015-2024, counts shifted by `delta`. */
function write47022(file: string, delta: number, buurten: string[], types: string[]): number {
  const lines = ['\ufeff"ID";"SoortMisdrijf";"WijkenEnBuurten";"Perioden";"GeregistreerdeMisdrijven_1"'];
  let id = 0;
  for (let y = 2015; y <= 2024; y++) {
    for (let m = 1; m <= 12; m++) {
      const period = `${y}MM${String(m).padStart(2, '0')}`;
      for (const b of buurten) {
        for (let t = 0; t < types.length; t++) {
          // Every 97th cell withheld, so nulls cross the crash too.
          const v = (id * 31 + t) % 97 === 0 ? '.' : String(((id * 7 + t * 13) % 40) + delta);
          lines.push(`"${id++}";"${types[t].padEnd(6)}";"${b.padEnd(12)}";"${period}";"${v.padStart(7)}"`);
        }
      }
    }
  }
  fs.writeFileSync(file, lines.join('\r\n') + '\r\n');
  return id;
}

/** Everything the store holds, as one hash (plus a few numbers to make failures readable). */
function fingerprint(storeFile: string) {
  const s = new SqliteStore(storeFile);
  try {
    const h = createHash('sha256');
    const rows = s.db.prepare('SELECT area, month, type, count FROM monthly ORDER BY area, month, type').raw().all() as unknown[][];
    for (const r of rows) h.update(r.join('|') + '\n');
    const imports = s.listImports().map((i) => i.sha256);
    h.update(imports.join(','));
    h.update(String(s.revision()));
    return { hash: h.digest('hex'), monthly: rows.length, imports: imports.length, revision: s.revision() };
  } finally {
    s.close();
  }
}

/** A DATA_DIR with the test run's derived geodata and a copy of `storeFile` (or none). */
function dataDir(name: string, storeFile?: string): string {
  const dir = path.join(WORK, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  fs.symlinkSync(path.join(TEST_DATA_DIR, 'geodata'), path.join(dir, 'geodata'));
  if (storeFile) fs.copyFileSync(storeFile, path.join(dir, 'store.sqlite'));
  return dir;
}

function runImport(dir: string, file: string) {
  const r = spawnSync(TSX, [CLI, file], { cwd: ROOT, env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`import failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/**
 * Runs the import CLI, polling the size of the store's write-ahead log every 2 ms; `killWhen` decides
 * (from elapsed ms and the largest WAL size seen) when to SIGKILL it. tsx runs the CLI in a child of
 * its own, so the whole process group is killed.
 */
async function watchImport(dir: string, file: string, killWhen: (elapsedMs: number, walBytes: number) => boolean) {
  const wal = path.join(dir, 'store.sqlite-wal');
  const child = spawn(TSX, [CLI, file], { cwd: ROOT, env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' }, stdio: 'ignore', detached: true });
  let running = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => {
    running = false;
    r({ code, signal });
  }));
  const t0 = performance.now();
  let maxWal = 0;
  while (running) {
    maxWal = Math.max(maxWal, fileSize(wal));
    const elapsed = performance.now() - t0;
    if (killWhen(elapsed, maxWal) || elapsed > 180_000) {
      process.kill(-child.pid!, 'SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  return { ...(await exited), maxWal, ms: performance.now() - t0 };
}

const fileSize = (f: string) => {
  try {
    return fs.statSync(f).size;
  } catch {
    return 0;
  }
};

let oldStore: string;
let OLD: ReturnType<typeof fingerprint>;
let NEW: ReturnType<typeof fingerprint>;
let newFile: string;
let rows: number;
let fullMs: number;
let fullWal: number;

beforeAll(async () => {
  const config = ensureGeodata();
  fs.mkdirSync(WORK, { recursive: true });
  const index = JSON.parse(fs.readFileSync(path.join(TEST_DATA_DIR, 'geodata/index.json'), 'utf8')) as GeodataIndex;
  const buurten = index.areas.filter((a) => a.gemeentecode === 'GM0935' && a.level === 'buurt').map((a) => a.code);
  const types = readCsv(locate(config.geodataDir, 'crimeTypes')).map((r) => (r.Key ?? '').trim()).filter((k) => k && k !== '0.0.0');
  const oldFile = path.join(WORK, '47022NED-old.csv');
  newFile = path.join(WORK, '47022NED-new.csv');
  rows = write47022(oldFile, 0, buurten, types);
  write47022(newFile, 1, buurten, types);
  // The old state: seeded store plus the old file, closed cleanly (WAL checkpointed away).
  const base = dataDir('base');
  runImport(base, oldFile);
  oldStore = path.join(base, 'store.sqlite');
  OLD = fingerprint(oldStore);
  // The new state: the same store after a complete import of the new file.
  const done = dataDir('complete', oldStore);
  const full = await watchImport(done, newFile, () => false);
  expect(full.code).toBe(0);
  fullMs = full.ms;
  fullWal = full.maxWal;
  NEW = fingerprint(path.join(done, 'store.sqlite'));
}, 600_000);

afterAll(() => {
  fs.rmSync(WORK, { recursive: true, force: true });
});

describe('crash during import (SIGKILL)', () => {
  it('the generated file is large and changes every stored cell', () => {
    expect(rows).toBeGreaterThan(300_000);
    expect(OLD.monthly).toBeGreaterThan(300_000);
    expect(NEW.monthly).toBe(OLD.monthly);
    expect(NEW.hash).not.toBe(OLD.hash);
    expect(NEW.imports).toBe(OLD.imports + 1);
    expect(fullMs).toBeGreaterThan(1000);
  });

  // Kill moments: while the new file is parsed (before any write), and after the write-ahead log
  // has grown to a share of what the complete import writes, i.e. inside the one transaction.
  const moments: { name: string; walShare: number }[] = [
    { name: 'while parsing, before the write', walShare: -1 },
    { name: 'just after the write began', walShare: 0 },
    { name: 'halfway through the write', walShare: 0.5 },
    { name: 'near the end of the write', walShare: 0.9 },
  ];

  it.each(moments)('killed $name: the store holds exactly the old or the new data', async ({ name, walShare }) => {
    const dir = dataDir(`kill-${moments.findIndex((m) => m.name === name)}`, oldStore);
    const walBytes = walShare < 0 ? -1 : Math.max(1, Math.floor(fullWal * walShare));
    const run = await watchImport(dir, newFile, (elapsed, wal) => (walBytes < 0 ? elapsed > fullMs * 0.3 && wal === 0 : wal >= walBytes));
    const after = fingerprint(path.join(dir, 'store.sqlite'));
    const state = after.hash === OLD.hash ? 'old' : after.hash === NEW.hash ? 'new' : 'MIXED';
    if (process.env.CRASH_VERBOSE) console.log(`${name}: ${run.signal ?? `exit ${run.code}`} after ${Math.round(run.ms)} ms, WAL ${(run.maxWal / 1e6).toFixed(1)} of ${(fullWal / 1e6).toFixed(1)} MB -> ${state}`);
    expect(state, JSON.stringify({ after, OLD, NEW })).not.toBe('MIXED');
    // It really was killed (it did not finish on its own), and inside the write where that was the aim.
    expect(run.signal).toBe('SIGKILL');
    if (walBytes < 0) expect(run.maxWal).toBe(0);
    else expect(run.maxWal).toBeGreaterThanOrEqual(walBytes);
    if (walShare === 0.5) {
      // After the restart the import simply runs again and completes.
      runImport(dir, newFile);
      expect(fingerprint(path.join(dir, 'store.sqlite')).hash).toBe(NEW.hash);
    }
  }, 300_000);
});
