// Importing a file again applies its values again: A, then B (the same cells, other values), then A leaves A's
// values; the same file twice in a row changes and records nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../server/src/store/importFile.ts';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf } from '../support/answers.ts';

const FIXTURE = path.join(import.meta.dirname, '../fixtures/import/cbs-47022NED-valid.csv');
let t: ReturnType<typeof makeTestApp>;
beforeEach(() => {
  t = makeTestApp();
});

/** The fixture with every count raised by `add` (the same cells, other values), under another name. */
function variant(add: number): string {
  const lines = fs.readFileSync(FIXTURE, 'utf8').split(/\r?\n/);
  const header = lines[0].split(';');
  const col = header.findIndex((h) => /GeregistreerdeMisdrijven/i.test(h));
  expect(col).toBeGreaterThan(-1);
  const out = lines.map((l, i) => {
    if (i === 0 || !l.trim()) return l;
    const f = l.split(';');
    const n = Number(f[col].replace(/"/g, '').trim());
    if (Number.isFinite(n) && f[col].trim() !== '') f[col] = String(n + add);
    return f.join(';');
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-again-')), `variant-${add}.csv`);
  fs.writeFileSync(file, out.join('\n'));
  return file;
}

const snapshot = async () => JSON.stringify((await answerOf(await t.client.stats.$get({ query: { gemeente: 'GM0935', category: '0.0.0', from: '2024-01', to: '2024-02' } }))).rows.map((r) => [r.code, r.count]));

describe('importing a file again', () => {
  it('A, then B, then A again: A\'s values', async () => {
    importFile(t.dataset, FIXTURE);
    const afterA = await snapshot();
    const b = importFile(t.dataset, variant(5));
    expect(b.changedRows).toBeGreaterThan(0);
    expect(await snapshot()).not.toBe(afterA);
    const again = importFile(t.dataset, FIXTURE);
    expect(again).toMatchObject({ alreadyImported: false });
    expect(again.changedRows).toBe(b.changedRows);
    expect(await snapshot()).toBe(afterA);
    // Each application is in the history, and the last one can be undone back to B's values.
    expect(t.store.listImports().filter((i) => i.file.endsWith('cbs-47022NED-valid.csv'))).toHaveLength(2);
  });

  it('the same file twice in a row changes nothing and records nothing', () => {
    importFile(t.dataset, FIXTURE);
    const n = t.store.listImports().length;
    const revision = t.store.revision();
    expect(importFile(t.dataset, FIXTURE)).toMatchObject({ alreadyImported: true, changedRows: 0 });
    expect(t.store.listImports()).toHaveLength(n);
    expect(t.store.revision()).toBe(revision);
  });
});
