// `npm run update` as a beheerder runs it: the command itself (tsx server/src/cli/update.ts, as package.json
// has it) against a local stand-in of CBS, on a data folder of its own. What it prints is what the beheerder
// reads, so the test reads it too: the tables, the new month, the exit code, and a Dutch reason when it fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../server/src/compose.ts';
import { SqliteStore } from '../../server/src/store/sqlite.ts';
import { closedAddress, maastrichtJanuary2026, startODataServer, type ODataServer } from '../support/odataServer.ts';
import { TEST_DATA_DIR, ensureGeodata } from '../support/testApp.ts';

const WORK = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-update-cli-'));
const DATA_DIR = path.join(WORK, 'data');
let server: ODataServer;

beforeAll(async () => {
  ensureGeodata();
  fs.mkdirSync(DATA_DIR);
  fs.symlinkSync(path.join(TEST_DATA_DIR, 'geodata'), path.join(DATA_DIR, 'geodata'));
  server = await startODataServer(maastrichtJanuary2026);
});

afterAll(async () => {
  await server?.close();
  fs.rmSync(WORK, { recursive: true, force: true });
});

/** Runs the command; asynchronously, since the stand-in of CBS answers from this test's own event loop. */
function update(baseUrl: string, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/update.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR, DATABASE_URL: '', CBS_POLICE_ODATA_URL: baseUrl, CBS_ODATA_URL: baseUrl, CBS_ODATA_TIMEOUT_S: '5' },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

const imports = () => {
  const store = new SqliteStore(path.join(DATA_DIR, 'store.sqlite'));
  try {
    return store.listImports().map((i) => i.file);
  } finally {
    store.close();
  }
};

describe('npm run update, as a command', () => {
  it('fetches and imports the month the store lacks, says so in Dutch and exits 0; a second run imports nothing', async () => {
    const first = await update(server.base, '--gemeente', 'GM0935');
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain('Nieuwe politiecijfers ophalen bij CBS voor GM0935');
    expect(first.out).toMatch(/47022NED \(http:\/\/127\.0\.0\.1:\d+\/47022NED\): 9 rijen opgehaald\n {2}nieuwe maanden: 2026-01\n {2}geïmporteerd: ja/);
    expect(first.out).toMatch(/47024NED .*: 0 rijen opgehaald\n {2}nieuwe maanden: geen\n {2}geïmporteerd: nee \(niets nieuws\)/);
    expect(imports().filter((f) => f.startsWith('cbs-47022NED-update-'))).toHaveLength(1);

    const second = await update(server.base, '--gemeente', 'GM0935');
    expect(second.code, second.err).toBe(0);
    expect(second.out).toMatch(/47022NED .*: 0 rijen opgehaald/);
    expect(imports().filter((f) => f.startsWith('cbs-47022NED-update-'))).toHaveLength(1);
  }, 180_000);

  it('CBS out of reach: exit 1, a Dutch reason naming the table, and nothing stored', async () => {
    const before = imports();
    const r = await update(await closedAddress(), '--gemeente', 'GM0935');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Nieuwe cijfers ophalen bij CBS mislukt: tabel 47022NED, .*niet bereikbaar \(ECONNREFUSED\)/);
    expect(r.err).toMatch(/Er is niets veranderd in de opgeslagen cijfers\./);
    expect(r.err).not.toMatch(/\?\./);
    expect(imports()).toEqual(before);
  }, 120_000);

  it('a wrong option: exit 2 with how to use it; a code that is no gemeente: exit 1 naming it', async () => {
    const wrong = await update(server.base, '--gemeent', 'GM0935');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/onbekende optie "--gemeent"\ngebruik: npm run update/);
    const unknown = await update(server.base, '--gemeente', 'GM9999');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/--gemeente: GM9999 staat niet in de gebiedsindeling/);
  }, 120_000);
});
