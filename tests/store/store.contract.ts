// The Store contract, one suite for every implementation (SQLite always, PostgreSQL when a server is
// available): imports are all or nothing, idempotent by content hash, count only real changes, and
// bump the revision only when something changed; withheld (null) counts survive as null.
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportData, ImportRecord, RegistrationCell, Store } from '../../server/src/store/store.ts';

/** Opens stores on one storage (again and again, to test persistence) and removes it at the end. */
export interface StoreFactory {
  open(): Store;
  destroy(): void;
}

const rec = (sha256: string, file = `${sha256}.csv`): ImportRecord => ({
  file, sha256, format: 'cbs-47022NED', summary: { rows: 3, periods: ['2024-01'], nested: { withheld: 1 } },
});

const DATA: ImportData = {
  yearlyTotals: [
    { area: 'BU09350000', year: 2023, count: 812 },
    { area: 'BU09350001', year: 2023, count: null },
    { area: 'GM0935', year: 2023, count: 9000 },
    { area: 'BU03630000', year: 2023, count: 1500 },
  ],
  cells: [
    { area: 'BU09350000', type: '1.1.1', period: '2024-01', count: 17 },
    { area: 'BU09350000', type: '1.2.3', period: '2024-01', count: 0 },
    { area: 'BU09350001', type: '1.1.1', period: '2024-01', count: null },
    { area: 'BU03630000', type: '1.1.1', period: '2024-02', count: 5 },
    { area: 'BU09350000', type: '1.1.1', period: '2023', count: 140 },
    { area: 'BU09350001', type: '1.1.1', period: '2023', count: null },
    { area: 'BU03630000', type: '2.5.1', period: '2022', count: Number.MAX_SAFE_INTEGER },
  ],
  population: [
    { area: 'BU09350000', year: 2024, inwoners: 1230 },
    { area: 'BU09350001', year: 2024, inwoners: null },
    { area: 'GM0935', year: 2024, inwoners: 120_000 },
    { area: 'BU03630000', year: 2024, inwoners: 4000 },
  ],
};
const ROWS = DATA.yearlyTotals!.length + DATA.cells!.length + DATA.population!.length;

const byKey = <T extends object>(rows: T[]) =>
  [...rows].sort((a, b) => JSON.stringify(Object.values(a)).localeCompare(JSON.stringify(Object.values(b))));

/** Everything a store can answer, in a stable order: equal snapshots = equal contents. */
export function snapshot(s: Store) {
  return {
    revision: s.revision(),
    imports: s.listImports().map((i) => ({ ...i, importedAt: '' })),
    yearlyTotals: byKey(s.yearlyTotals(null)),
    monthly: byKey(s.monthlyCells(null)),
    yearlyType: byKey(s.yearlyTypeCells(null)),
    population: byKey(s.population(null)),
  };
}

export function runStoreContract(name: string, makeFactory: () => StoreFactory) {
  describe(`Store contract: ${name}`, () => {
    let factory: StoreFactory;
    const open: Store[] = [];
    const openStore = () => {
      factory ??= makeFactory();
      const s = factory.open();
      open.push(s);
      return s;
    };
    afterEach(() => {
      for (const s of open.splice(0)) s.close();
      factory?.destroy();
      factory = undefined as unknown as StoreFactory;
    });

    it('starts empty at revision 0', () => {
      const s = openStore();
      expect(snapshot(s)).toEqual({ revision: 0, imports: [], yearlyTotals: [], monthly: [], yearlyType: [], population: [] });
    });

    it('applies an import: every row stored, the import recorded, the revision bumped once', () => {
      const s = openStore();
      const out = s.applyImport(rec('a'), DATA);
      expect(out).toEqual({ alreadyImported: false, changedRows: ROWS });
      expect(s.revision()).toBe(1);
      const [imp] = s.listImports();
      expect(imp).toMatchObject({ file: 'a.csv', sha256: 'a', format: 'cbs-47022NED', summary: { rows: 3, periods: ['2024-01'], nested: { withheld: 1 } } });
      expect(imp.id).toBeTypeOf('number');
      expect(new Date(imp.importedAt).toISOString()).toBe(imp.importedAt);
    });

    it('reads per gemeente (and all with null), monthly and yearly-type cells apart', () => {
      const s = openStore();
      s.applyImport(rec('a'), DATA);
      expect(byKey(s.yearlyTotals('GM0935'))).toEqual(byKey([
        { area: 'BU09350000', year: 2023, count: 812 },
        { area: 'BU09350001', year: 2023, count: null },
        { area: 'GM0935', year: 2023, count: 9000 },
      ]));
      expect(s.yearlyTotals(null)).toHaveLength(4);
      expect(byKey(s.monthlyCells('GM0935'))).toEqual(byKey(DATA.cells!.filter((c) => c.period.length === 7 && c.area.startsWith('BU0935'))));
      expect(s.monthlyCells('GM0363')).toEqual([{ area: 'BU03630000', type: '1.1.1', period: '2024-02', count: 5 }]);
      expect(byKey(s.yearlyTypeCells(null))).toEqual(byKey(DATA.cells!.filter((c) => c.period.length === 4)));
      expect(s.yearlyTypeCells('GM0363')[0].count).toBe(Number.MAX_SAFE_INTEGER);
      expect(byKey(s.population('GM0935'))).toEqual(byKey(DATA.population!.filter((p) => p.area !== 'BU03630000')));
      expect(s.monthlyCells('GM9999')).toEqual([]);
    });

    it('keeps withheld (null) counts as null, never zero', () => {
      const s = openStore();
      s.applyImport(rec('a'), DATA);
      expect(s.monthlyCells('GM0935').find((c) => c.area === 'BU09350001')!.count).toBeNull();
      expect(s.yearlyTypeCells('GM0935').find((c) => c.area === 'BU09350001')!.count).toBeNull();
      expect(s.yearlyTotals('GM0935').find((c) => c.area === 'BU09350001')!.count).toBeNull();
      expect(s.population('GM0935').find((c) => c.area === 'BU09350001')!.inwoners).toBeNull();
      expect(s.monthlyCells('GM0935').find((c) => c.type === '1.2.3')!.count).toBe(0);
    });

    it('re-importing the same file (same hash) changes nothing', () => {
      const s = openStore();
      s.applyImport(rec('a'), DATA);
      const before = snapshot(s);
      expect(s.applyImport(rec('a', 'renamed.csv'), DATA)).toEqual({ alreadyImported: true, changedRows: 0 });
      expect(snapshot(s)).toEqual(before);
    });

    it('the same figures in another file: recorded, 0 changes, revision unchanged', () => {
      const s = openStore();
      s.applyImport(rec('a'), DATA);
      expect(s.applyImport(rec('b'), DATA)).toEqual({ alreadyImported: false, changedRows: 0 });
      expect(s.revision()).toBe(1);
      expect(s.listImports().map((i) => i.sha256)).toEqual(['a', 'b']);
    });

    it('counts only real changes, null <-> number included, and bumps the revision once per changing import', () => {
      const s = openStore();
      s.applyImport(rec('a'), DATA);
      const cells: RegistrationCell[] = [
        { area: 'BU09350000', type: '1.1.1', period: '2024-01', count: 18 }, // 17 -> 18
        { area: 'BU09350001', type: '1.1.1', period: '2024-01', count: 3 }, // null -> 3
        { area: 'BU09350000', type: '1.2.3', period: '2024-01', count: null }, // 0 -> null
        { area: 'BU09350000', type: '1.1.1', period: '2023', count: 140 }, // same
        { area: 'BU09350001', type: '1.1.1', period: '2023', count: null }, // null -> null: same
        { area: 'BU09350002', type: '1.1.1', period: '2024-03', count: 1 }, // new
      ];
      expect(s.applyImport(rec('c'), { cells, population: [{ area: 'BU09350000', year: 2024, inwoners: 1230 }] })).toEqual({ alreadyImported: false, changedRows: 4 });
      expect(s.revision()).toBe(2);
      const m = new Map(s.monthlyCells('GM0935').map((c) => [`${c.area}|${c.type}|${c.period}`, c.count]));
      expect(m.get('BU09350000|1.1.1|2024-01')).toBe(18);
      expect(m.get('BU09350001|1.1.1|2024-01')).toBe(3);
      expect(m.get('BU09350000|1.2.3|2024-01')).toBeNull();
      expect(m.get('BU09350002|1.1.1|2024-03')).toBe(1);
    });

    it('an empty import is recorded without bumping the revision', () => {
      const s = openStore();
      expect(s.applyImport(rec('empty'), {})).toEqual({ alreadyImported: false, changedRows: 0 });
      expect(s.revision()).toBe(0);
      expect(s.listImports()).toHaveLength(1);
    });

    it('a failing import (constraint violated mid-way, after many rows) leaves nothing behind', () => {
      const s = openStore();
      s.applyImport(rec('a'), DATA);
      const before = snapshot(s);
      // 25,000 valid monthly cells with one NOT NULL violation near the end: the earlier rows (and,
      // for PostgreSQL, earlier INSERT statements) were already written inside the transaction.
      const cells: RegistrationCell[] = [];
      for (let i = 0; i < 25_000; i++) cells.push({ area: `BU0935${String(i % 100).padStart(4, '0')}`, type: `${1 + (i % 7)}.1.1`, period: `20${10 + Math.floor(i / 700) % 15}-${String(1 + (i % 12)).padStart(2, '0')}`, count: i });
      cells[21_000] = { ...cells[21_000], type: null as unknown as string };
      expect(() => s.applyImport(rec('bad'), { yearlyTotals: [{ area: 'GM0935', year: 2030, count: 1 }], cells })).toThrow();
      expect(snapshot(s)).toEqual(before);
      // A failing population row after valid registrations: same.
      expect(() => s.applyImport(rec('bad2'), { cells: cells.slice(0, 100), population: [{ area: 'BU09350000', year: null as unknown as number, inwoners: 1 }] })).toThrow();
      expect(snapshot(s)).toEqual(before);
      // And the store still works afterwards (no transaction left open).
      expect(s.applyImport(rec('bad'), { cells: cells.slice(0, 10) }).changedRows).toBe(10);
      expect(s.revision()).toBe(before.revision + 1);
    });

    it('stores odd text (quotes, backslashes, braces, commas, NULL, unicode) unchanged', () => {
      const s = openStore();
      const types = ['a"b', 'c\\d', '{e,f}', 'NULL', 'ĳ€ 🚲', ' sp ', ''];
      const cells = types.map((type, i) => ({ area: 'BU09350000', type, period: '2024-01', count: i }));
      expect(s.applyImport(rec('odd'), { cells }).changedRows).toBe(types.length);
      expect(byKey(s.monthlyCells('GM0935'))).toEqual(byKey(cells));
    });

    it('persists across close and reopen', () => {
      const s = openStore();
      s.applyImport(rec('a'), DATA);
      const before = snapshot(s);
      s.close();
      open.splice(open.indexOf(s), 1);
      const again = openStore();
      expect(snapshot(again)).toEqual(before);
      expect(again.applyImport(rec('a'), DATA).alreadyImported).toBe(true);
    });

    it('stores a large import in one go (60,000 cells)', () => {
      const s = openStore();
      const cells: RegistrationCell[] = [];
      for (let b = 0; b < 100; b++) for (let m = 1; m <= 12; m++) for (let t = 0; t < 50; t++) {
        cells.push({ area: `BU0935${String(b).padStart(4, '0')}`, type: `t${t}`, period: `2024-${String(m).padStart(2, '0')}`, count: (b * m + t) % 13 === 0 ? null : b + m + t });
      }
      expect(s.applyImport(rec('big'), { cells }).changedRows).toBe(60_000);
      const got = s.monthlyCells('GM0935');
      expect(got).toHaveLength(60_000);
      expect(got.reduce((n, c) => n + (c.count ?? 0), 0)).toBe(cells.reduce((n, c) => n + (c.count ?? 0), 0));
      expect(got.filter((c) => c.count === null)).toHaveLength(cells.filter((c) => c.count === null).length);
    });
  });
}
