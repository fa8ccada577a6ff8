// The beheerder's import desk: GET /api/imports lists every import (uploads, the command line, the
// sources loaded at start) with who and what changed; POST /api/imports/:id/undo undoes the most recent
// one only, restores the figures every route answers from, and writes it to the audit trail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../server/src/compose.ts';
import { importFile } from '../../server/src/store/importFile.ts';
import { SqliteUserStore } from '../../server/src/store/sqliteUsers.ts';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf, defined } from '../support/answers.ts';

const FILE_A = fs.readFileSync(path.join(ROOT, 'tests/fixtures/import/cbs-47022NED-valid.csv'), 'utf8');
// B changes one of A's cells (bike thefts in the Binnenstad, January 2024: 17 -> 25, and so the part of that
// month's total not split by type) and adds a month.
const FILE_B = FILE_A.replace('"     17"', '"     25"') + '"14";"1.2.3 ";"BU09350000  ";"2024MM03";"      6"\n';

let t: ReturnType<typeof makeTestApp>;
let analist: string;

beforeEach(async () => {
  t = makeTestApp(':memory:', {}, 'beheerder');
  new SqliteUserStore(t.store.db).add('ana', 'correct horse battery', 'analist', []);
  const res = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'ana', password: 'correct horse battery' }) });
  analist = (res.headers.get('Set-Cookie') ?? '').split(';')[0];
});

const upload = async (name: string, body: string) => {
  const res = await t.app.request(`/api/imports?name=${encodeURIComponent(name)}`, { method: 'POST', body, headers: { 'Content-Type': 'application/octet-stream' } });
  expect(res.status).toBe(200);
  return res.json();
};
const history = async () => {
  const res = await t.client.imports.$get();
  expect(res.status).toBe(200);
  return (await res.json()).imports;
};
const undo = (id: number, cookie?: string) => t.app.request(`/api/imports/${id}/undo`, { method: 'POST', ...(cookie ? { headers: { Cookie: cookie } } : {}) });
const bikeThefts = async (month: string) => {
  const s = await answerOf(await t.client.stats.$get({ query: { gemeente: 'GM0935', category: '1.2.3', from: month, to: month } }));
  return defined(s.rows.find((r) => r.code === 'BU09350000'), 'BU09350000');
};
const auditOf = async (action: string) => {
  const res = await t.client.audit.$get({ query: { action } });
  return (await answerOf(res)).entries;
};

describe('GET /api/imports', () => {
  it('401 without a session, 403 JSON for another role', async () => {
    const anonymous = await t.app.request('/api/imports', { headers: { Cookie: 'nobody=1' } });
    expect(anonymous.status).toBe(401);
    const other = await t.app.request('/api/imports', { headers: { Cookie: analist } });
    expect(other.status).toBe(403);
    expect(await other.json()).toEqual({ error: expect.stringMatching(/beheerder/) });
  });

  it('lists every import newest first: an upload with its uploader, the command line, the sources loaded at start', async () => {
    const seeded = await history();
    expect(seeded.every((i) => i.via === 'bron' && i.importedBy === null && !i.undoable)).toBe(true);
    // File names only, never the server's folders.
    expect(seeded.every((i) => !/[\\/]/.test(i.file))).toBe(true);
    // A source loaded at start would come back at the next start: it is not undone, even as the newest import.
    const source = await undo(seeded[0].id);
    expect(source.status).toBe(409);
    expect((await source.json()).error).toMatch(/bij de start geladen/);
    importFile(t.dataset, path.join(ROOT, 'tests/fixtures/import/yearly-totals-valid.csv'));
    await upload('A.csv', FILE_A);
    const [a, cli, ...rest] = await history();
    expect(a).toMatchObject({ file: 'A.csv', format: 'cbs-47022NED', importedBy: 'test-beheerder', via: 'pagina', undoable: true, undoNote: null, summary: { withheld: 3 } });
    expect(a.changedRows).toBeGreaterThan(0);
    expect(new Date(a.importedAt).toISOString()).toBe(a.importedAt);
    expect(cli).toMatchObject({ format: 'yearly-totals', importedBy: null, via: 'opdrachtregel', undoable: false, undoNote: expect.stringMatching(/alleen de laatste/) });
    expect(rest).toHaveLength(seeded.length);
    expect(a.id).toBeGreaterThan(cli.id);
  });
});

describe('POST /api/imports/:id/undo', () => {
  it('undoes the newest import: the figures are A\'s again, the record goes, the audit trail says who', async () => {
    await upload('A.csv', FILE_A);
    expect((await bikeThefts('2024-01')).count).toBe(17);
    await upload('B.csv', FILE_B);
    expect((await bikeThefts('2024-01')).count).toBe(25);
    expect((await bikeThefts('2024-03')).count).toBe(6);
    const [b, a] = await history();
    expect(b).toMatchObject({ file: 'B.csv', undoable: true, changedRows: 3 });
    expect(a).toMatchObject({ file: 'A.csv', undoable: false });

    const revision = t.store.revision();
    const res = await t.client.imports[':id'].undo.$post({ param: { id: String(b.id) } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ undone: { id: b.id, file: 'B.csv' }, restoredRows: 3 });
    expect(t.store.revision()).toBeGreaterThan(revision);
    expect((await bikeThefts('2024-01')).count).toBe(17);
    // March 2024 had no imported figure before B: back to the demo.
    expect((await bikeThefts('2024-03')).flags).toContain('demo');
    expect((await history())[0]).toMatchObject({ id: a.id, file: 'A.csv', undoable: true });

    const audit = await auditOf('import-undo');
    expect(audit[0]).toMatchObject({ username: 'test-beheerder', role: 'beheerder', resource: `/api/imports/${b.id}`, detail: { file: 'B.csv', format: 'cbs-47022NED', restoredRows: 3 } });
    // The same file may come again.
    expect(await upload('B.csv', FILE_B)).toMatchObject({ alreadyImported: false, changedRows: 3 });
    expect((await bikeThefts('2024-01')).count).toBe(25);
  });

  it('409 naming why for an older import, 404 for an unknown one, 400 for a bad id; nothing changes', async () => {
    await upload('A.csv', FILE_A);
    await upload('B.csv', FILE_B);
    const [b, a] = await history();
    const older = await undo(a.id);
    expect(older.status).toBe(409);
    expect(await older.json()).toEqual({ error: expect.stringMatching(new RegExp(`import ${a.id} is niet de laatste import \\(dat is ${b.id}\\)`)), parameter: 'id' });
    const unknown = await undo(b.id + 100);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatch(/bestaat niet/);
    expect((await undo(0)).status).toBe(400);
    expect((await bikeThefts('2024-01')).count).toBe(25);
    expect((await history()).map((i) => i.id).slice(0, 2)).toEqual([b.id, a.id]);
  });

  it('403 for another role (which may write, but not undo imports); 401 without a session', async () => {
    await upload('A.csv', FILE_A);
    const [a] = await history();
    const res = await undo(a.id, analist);
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/beheerder/);
    expect((await undo(a.id, 'nobody=1')).status).toBe(401);
    expect((await history())[0].id).toBe(a.id);
  });
});

describe('POST /api/imports/:id/reimport', () => {
  it('keeps an upload owner-only under the kept folder, and imports it again from there after an undo', async () => {
    const kept = fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-kept-'));
    try {
      t = makeTestApp(':memory:', { keptUploadsDir: path.join(kept, 'uploads') }, 'beheerder');
      await upload('A.csv', FILE_A);
      await upload('B.csv', FILE_B);
      const files = fs.readdirSync(path.join(kept, 'uploads'));
      expect(files.filter((f) => /^[0-9a-f]{64}$/.test(f))).toHaveLength(2);
      for (const f of files) expect(fs.statSync(path.join(kept, 'uploads', f)).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.join(kept, 'uploads')).mode & 0o777).toBe(0o700);

      const [b] = await history();
      expect((await t.client.imports.$get().then((r) => r.json())).reimportable).toEqual([]);
      expect((await t.app.request(`/api/imports/${b.id}/reimport`, { method: 'POST' })).status).toBe(404);
      const undone = await (await undo(b.id)).json();
      expect(undone).toMatchObject({ reimportable: true, restoredRows: 3 });
      expect((await bikeThefts('2024-01')).count).toBe(17);
      expect((await t.client.imports.$get().then((r) => r.json())).reimportable).toEqual([{ id: b.id, file: 'B.csv' }]);

      const res = await t.client.imports[':id'].reimport.$post({ param: { id: String(b.id) } });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ file: 'B.csv', format: 'cbs-47022NED', alreadyImported: false, changedRows: 3 });
      expect((await bikeThefts('2024-01')).count).toBe(25);
      const after = await t.client.imports.$get().then((r) => r.json());
      expect(after.reimportable).toEqual([]);
      expect(after.imports[0]).toMatchObject({ file: 'B.csv', importedBy: 'test-beheerder', undoable: true });
      expect(after.imports[0].id).toBeGreaterThan(b.id);
      expect((await t.app.request(`/api/imports/${b.id}/reimport`, { method: 'POST' })).status).toBe(404);
      const audit = await auditOf('import');
      expect(audit[0]).toMatchObject({ username: 'test-beheerder', detail: { file: 'B.csv', reimportOf: b.id } });
    } finally {
      fs.rmSync(kept, { recursive: true, force: true });
    }
  });

  it('403 for another role', async () => {
    expect((await t.app.request('/api/imports/1/reimport', { method: 'POST', headers: { Cookie: analist } })).status).toBe(403);
  });
});
