// Importing official files into the store: real monthly figures replace the demo, invalid files
// are rejected whole, and re-importing changes nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../server/src/store/importFile.ts';
import { ImportError } from '../../server/src/importers/index.ts';
import { ROOT } from '../../server/src/compose.ts';
import { makeTestApp, TEST_DATA_DIR } from '../support/testApp.ts';
import { answerOf, defined } from '../support/answers.ts';

const fixture = (name: string) => path.join(ROOT, 'tests/fixtures/import', name);
let t: ReturnType<typeof makeTestApp>;
beforeEach(() => {
  t = makeTestApp();
});

describe('import of CBS/Politie open data (47022NED)', () => {
  it('stores buurt cells, skips total rows, keeps withheld cells as withheld', async () => {
    const r = importFile(t.dataset, fixture('cbs-47022NED-valid.csv'));
    expect(r.format).toBe('cbs-47022NED');
    expect(r.alreadyImported).toBe(false);
    expect(r.summary).toMatchObject({ withheld: 3 });
    const s = await answerOf(await t.client.stats.$get({ query: { gemeente: 'GM0935', category: '1.2.3', from: '2024-01', to: '2024-01' } }));
    const binnenstad = defined(s.rows.find((x) => x.code === 'BU09350000'));
    // Real imported figure: 17 bike thefts in January 2024; no demo for that area-month.
    expect(binnenstad.count).toBe(17);
    expect(binnenstad.flags).not.toContain('demo');
    const jekerkwartier = defined(s.rows.find((x) => x.code === 'BU09350001'));
    expect(jekerkwartier.flags).toContain('withheld');
    // WK and GM total rows were not added to the buurten: the wijk is the sum of its buurten.
    const w = await answerOf(await t.client.stats.$get({ query: { gemeente: 'GM0935', level: 'wijk', category: '1.1.1', from: '2024-01', to: '2024-01' } }));
    const centrum = defined(w.rows.find((x) => x.code === 'WK093500'));
    const buurten = s.rows.filter((x) => x.code.startsWith('BU093500'));
    expect(centrum.count).toBeGreaterThanOrEqual(3);
    expect(buurten.length).toBe(7);
  });

  it('re-importing the same file changes nothing', () => {
    const first = importFile(t.dataset, fixture('cbs-47022NED-valid.csv'));
    const rev = t.store.revision();
    const again = importFile(t.dataset, fixture('cbs-47022NED-valid.csv'));
    expect(first.changedRows).toBeGreaterThan(0);
    expect(again.alreadyImported).toBe(true);
    expect(t.store.revision()).toBe(rev);
  });

  it('rejects a malformed file whole, naming every bad line, and stores nothing', () => {
    const before = t.store.listImports().length;
    const rev = t.store.revision();
    let err: unknown;
    try {
      importFile(t.dataset, fixture('cbs-47022NED-bad-lines.csv'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(/regel 4: Perioden:/);
    expect((err as Error).message).toMatch(/regel 7: GeregistreerdeMisdrijven_1:/);
    expect(t.store.listImports().length).toBe(before);
    expect(t.store.revision()).toBe(rev);
  });

  it('a missing file is a clear error', () => {
    expect(() => importFile(t.dataset, '/nonexistent/file.csv')).toThrow(/file.*kan niet worden gelezen/);
  });
});

describe('npm run import (CLI)', () => {
  it('prints a summary, exits 0; exits 1 naming bad lines for a bad file', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-cli-'));
    // Reuse the derived geodata of the test run instead of rebuilding it.
    fs.symlinkSync(path.join(TEST_DATA_DIR, 'geodata'), path.join(dataDir, 'geodata'));
    const env = { ...process.env, DATA_DIR: dataDir };
    const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
    const ok = execFileSync(tsx, ['server/src/cli/import.ts', fixture('cbs-47022NED-valid.csv')], { cwd: ROOT, env, encoding: 'utf8' });
    expect(ok).toMatch(/cbs-47022NED/);
    expect(ok).toMatch(/rijen 9/);
    expect(ok).toMatch(/zonder aantal 3/);
    const bad = spawnSync(tsx, ['server/src/cli/import.ts', fixture('cbs-47022NED-bad-lines.csv')], { cwd: ROOT, env, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/regel 4: Perioden/);
    expect(bad.stderr).toMatch(/niets opgeslagen/);
  });
});
