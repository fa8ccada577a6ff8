// The police's incident-level extract: RD coordinates -> WGS84 -> buurt, aggregated into the monthly
// counts (replacing the demo for those months), points kept for authorised use; all or nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importFile } from '../../server/src/store/importFile.ts';
import { ImportError } from '../../server/src/importers/index.ts';
import { SqliteIncidentStore } from '../../server/src/store/sqliteIncidents.ts';
import { makeTestApp } from '../support/testApp.ts';
import { answerOf, defined } from '../support/answers.ts';
import { writeExtractRows } from '../support/policeExtract.ts';

let t: ReturnType<typeof makeTestApp>;
beforeEach(() => {
  t = makeTestApp();
});

type StatsQuery = Parameters<typeof t.client.stats.$get>[0]['query'];
const stats = async (query: StatsQuery) => answerOf(await t.client.stats.$get({ query }));

const extract = (rows: string[]) => writeExtractRows(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bvk-pol-')), 'extract.csv'), rows);

// RD New coordinates of well-known places in Maastricht.
const VRIJTHOF = '176248;317717'; // Binnenstad (50.8489 N, 5.6889 E)
const STATION = '177417;317823'; // Wyck (50.8498 N, 5.7055 E)
const MUMC = '177799;315922'; // Randwyck (50.8327 N, 5.7108 E)

describe('police extract import', () => {
  it('assigns registrations to the right buurten and months, replacing the demo for those months', async () => {
    const file = extract([
      `P-1;05-03-2024;1.1.1;Inbraak;Vrijthof;1;6211LD;${VRIJTHOF}`,
      `P-2;2024-03-20;1.1.1;Inbraak;Vrijthof;2;6211LD;${VRIJTHOF}`,
      `P-3;31-03-2024;1.2.3;Fiets;Stationsplein;1;6221BT;${STATION}`,
      `P-4;14-03-2024;1.4.5;;Universiteitssingel;50;6229ER;${MUMC}`,
    ]);
    const r = importFile(t.dataset, file, { gemeente: 'GM0935', allowPartialMonths: true });
    expect(r.format).toBe('police-extract');
    expect(r.summary).toMatchObject({ rows: 4, assigned: 4 });
    const incidents = new SqliteIncidentStore(t.store.db).query({ gemeente: 'GM0935', codes: ['1.1.1', '1.2.3', '1.4.5'], from: '2024-03', to: '2024-03' }, 100);
    const byNr = Object.fromEntries(incidents.map((i) => [i.registratienummer, i.buurt]));
    expect(byNr).toEqual({ 'P-1': 'BU09350000', 'P-2': 'BU09350000', 'P-3': 'BU09350006', 'P-4': 'BU09350600' });
    const s = await stats({ gemeente: 'GM0935', category: '0.0.0', from: '2024-03', to: '2024-03' });
    const row = (code: string) => defined(s.rows.find((x) => x.code === code), code);
    expect(row('BU09350000').count).toBe(2);
    expect(row('BU09350006').count).toBe(1);
    expect(row('BU09350600').count).toBe(1);
    // The extract is the complete registration for March: every other buurt has 0, none is demo.
    expect(row('BU09350402').count).toBe(0);
    expect(s.meta.demo).toBe(false);
    // Other months keep the demo split.
    const feb = await stats({ gemeente: 'GM0935', category: '0.0.0', from: '2024-02', to: '2024-02' });
    expect(feb.meta.demo).toBe(true);
  });

  it('is idempotent on registratienummer', async () => {
    const file = extract([`P-1;05-03-2024;1.1.1;Inbraak;Vrijthof;1;6211LD;${VRIJTHOF}`]);
    importFile(t.dataset, file, { gemeente: 'GM0935', allowPartialMonths: true });
    const again = extract([`P-1;05-03-2024;1.1.1;Inbraak;Vrijthof;1;6211LD;${VRIJTHOF}`, '']);
    importFile(t.dataset, again, { gemeente: 'GM0935', allowPartialMonths: true });
    const s = await stats({ gemeente: 'GM0935', category: '1.1.1', from: '2024-03', to: '2024-03' });
    expect(s.rows.find((x) => x.code === 'BU09350000')?.count).toBe(1);
  });

  it('rejects a file with one bad row whole, naming the row', async () => {
    const file = extract([
      `P-1;05-03-2024;1.1.1;Inbraak;Vrijthof;1;6211LD;${VRIJTHOF}`,
      `P-2;31-02-2024;1.1.1;Inbraak;Vrijthof;2;6211LD;${VRIJTHOF}`,
    ]);
    expect(() => importFile(t.dataset, file, { gemeente: 'GM0935' })).toThrow(/regel 3: datum/);
    expect(new SqliteIncidentStore(t.store.db).hasAny('GM0935')).toBe(false);
  });

  it('rejects registrations outside the gemeente, naming the line', () => {
    const file = extract([
      `P-1;05-03-2024;1.1.1;Inbraak;Vrijthof;1;6211LD;${VRIJTHOF}`,
      'P-2;05-03-2024;1.1.1;Inbraak;Dam;1;1012JS;121400;487400',
    ]);
    let err: unknown;
    try {
      importFile(t.dataset, file, { gemeente: 'GM0935' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(/regel 3: x\/y: .*buiten gemeente GM0935/);
    expect(new SqliteIncidentStore(t.store.db).hasAny('GM0935')).toBe(false);
  });

  it('refuses an extract that would replace a month with far fewer crimes than it has, unless told to', async () => {
    const before = defined((await stats({ gemeente: 'GM0935', level: 'gemeente', category: '0.0.0', from: '2021-01', to: '2021-01' })).rows[0].count);
    expect(before).toBeGreaterThan(100);
    const file = extract([
      `P-1;05-01-2021;1.1.1;Inbraak;Vrijthof;1;6211LD;${VRIJTHOF}`,
      `P-2;06-01-2021;1.2.3;Fiets;Stationsplein;1;6221BT;${STATION}`,
      `P-3;07-01-2021;1.4.5;;Universiteitssingel;50;6229ER;${MUMC}`,
    ]);
    let err: unknown;
    try {
      importFile(t.dataset, file, { gemeente: 'GM0935' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(new RegExp(`2021-01: het extract bevat 3 misdrijven, de gemeente telt er nu ${before.toLocaleString('nl-NL').replace('.', '\\.')} voor die maand`));
    expect(new SqliteIncidentStore(t.store.db).hasAny('GM0935')).toBe(false);
    // Meant: the month is replaced, and says so.
    importFile(t.dataset, file, { gemeente: 'GM0935', allowPartialMonths: true });
    expect((await stats({ gemeente: 'GM0935', level: 'gemeente', category: '0.0.0', from: '2021-01', to: '2021-01' })).rows[0].count).toBe(3);
  });

  it('counts a registration that a later extract moves to another month in that month only', async () => {
    importFile(t.dataset, extract([
      `P-1;05-03-2024;1.1.1;Inbraak;Vrijthof;1;6211LD;${VRIJTHOF}`,
      `P-2;20-03-2024;1.1.1;Inbraak;Vrijthof;2;6211LD;${VRIJTHOF}`,
    ]), { gemeente: 'GM0935', allowPartialMonths: true });
    // The police corrected P-1's date: it happened in April.
    importFile(t.dataset, extract([`P-1;02-04-2024;1.1.1;Inbraak;Vrijthof;1;6211LD;${VRIJTHOF}`]), { gemeente: 'GM0935', allowPartialMonths: true });
    const count = async (month: string) => (await stats({ gemeente: 'GM0935', category: '1.1.1', from: month, to: month })).rows.find((x) => x.code === 'BU09350000')?.count;
    expect(await count('2024-03')).toBe(1);
    expect(await count('2024-04')).toBe(1);
  });
});
