// The Store contract, one suite for every implementation (SQLite always, PostgreSQL when a server is
// available): imports are all or nothing, idempotent by content hash, count only real changes, and
// bump the revision only when something changed; withheld (null) counts survive as null. The feature
// stores (selections, attention areas, presentations, survey, incidents) keep the same rules on both
// engines, and a feature write plus an import in one Store.transaction commit together or not at all.
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportData, RegistrationCell, Store } from '../../server/src/store/store.ts';
import type { ImportRecord } from '../../server/src/store/imports.ts';
import type { Incident } from '../../server/src/store/incidents.ts';
import type { SurveyRow } from '../../server/src/store/survey.ts';
import type { PresentationInput } from '../../server/src/store/presentations.ts';

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

    describe('undo of the last import', () => {
      const contents = (s: Store) => {
        const { revision: _r, imports: _i, ...rows } = snapshot(s);
        return rows;
      };
      // B changes some of A's rows (a number, a null, an inhabitant), leaves others, and adds new ones.
      const B: ImportData = {
        yearlyTotals: [{ area: 'BU09350000', year: 2023, count: 900 }, { area: 'BU09350001', year: 2023, count: 4 }, { area: 'BU09359999', year: 2023, count: 1 }],
        cells: [
          { area: 'BU09350000', type: '1.1.1', period: '2024-01', count: 99 },
          { area: 'BU09350000', type: '1.2.3', period: '2024-01', count: 0 },
          { area: 'BU09350001', type: '1.1.1', period: '2024-01', count: 7 },
          { area: 'BU09350000', type: '1.1.1', period: '2024-01', count: 100 }, // the same cell twice: undo restores A's
          { area: 'BU09350002', type: '1.1.1', period: '2024-05', count: 2 },
          { area: 'BU03630000', type: '2.5.1', period: '2022', count: null },
          { area: 'BU03630000', type: '2.5.1', period: '2021', count: 8 },
        ],
        population: [{ area: 'GM0935', year: 2024, inwoners: 121_000 }, { area: 'GM0935', year: 2025, inwoners: 122_000 }],
      };

      it('records who imported it, how many rows it changed, and that it can be undone', () => {
        const s = openStore();
        s.applyImport({ ...rec('a'), importedBy: 'bea' }, DATA);
        s.applyImport(rec('b'), B);
        expect(s.listImports().map((i) => [i.sha256, i.importedBy, i.changedRows, i.changesRecorded])).toEqual([['a', 'bea', ROWS, true], ['b', null, 10, true]]);
      });

      it('records whether the monthly schedule made the import (false unless said)', () => {
        const s = openStore();
        s.applyImport({ ...rec('a'), automatic: true }, DATA);
        s.applyImport(rec('b'), B);
        expect(s.listImports().map((i) => [i.sha256, i.automatic])).toEqual([['a', true], ['b', false]]);
      });

      it('import A, import B over it, undo B: exactly A again; then undo A: empty; the revision rises each time', () => {
        const s = openStore();
        s.applyImport(rec('a'), DATA);
        const onlyA = contents(s);
        s.applyImport(rec('b'), B);
        const [impA, impB] = s.listImports();
        expect(impB.changedRows).toBe(10);
        const rev = s.revision();
        expect(s.undoLastImport(impB.id)).toMatchObject({ ok: true, undone: { id: impB.id, sha256: 'b' }, restoredRows: 10 });
        expect(contents(s)).toEqual(onlyA);
        expect(s.revision()).toBeGreaterThan(rev);
        // Committed: another store on the same storage sees A alone.
        const other = openStore();
        expect(contents(other)).toEqual(onlyA);
        expect(other.listImports().map((i) => i.sha256)).toEqual(['a']);
        // B's file may come again, and is again B.
        expect(s.applyImport(rec('b'), B).alreadyImported).toBe(false);
        expect(s.undoLastImport(s.listImports()[1].id)).toMatchObject({ ok: true, restoredRows: 10 });
        const rev2 = s.revision();
        expect(s.undoLastImport(impA.id)).toMatchObject({ ok: true, restoredRows: ROWS });
        expect(s.revision()).toBeGreaterThan(rev2);
        expect(contents(s)).toEqual({ yearlyTotals: [], monthly: [], yearlyType: [], population: [] });
        expect(s.listImports()).toEqual([]);
      });

      it('refuses an older import and an unknown id, changing nothing', () => {
        const s = openStore();
        s.applyImport(rec('a'), DATA);
        s.applyImport(rec('b'), B);
        const [impA, impB] = s.listImports();
        const before = snapshot(s);
        expect(s.undoLastImport(impA.id)).toEqual({ ok: false, reason: 'notLatest', latestId: impB.id });
        expect(s.undoLastImport(impB.id + 1000)).toEqual({ ok: false, reason: 'unknown' });
        expect(snapshot(s)).toEqual(before);
      });

      it('never hands out the id of an undone import again', () => {
        const s = openStore();
        s.applyImport(rec('a'), DATA);
        s.applyImport(rec('b'), B);
        const idB = s.listImports()[1].id;
        s.undoLastImport(idB);
        s.applyImport(rec('c'), B);
        expect(s.listImports()[1].id).toBeGreaterThan(idB);
      });

      it('undoes a survey import and a police extract (points and counts) too', () => {
        const s = openStore();
        const sv = s.features().survey;
        const inc = s.features().incidents;
        const survey = (sha256: string) => ({ file: `${sha256}.csv`, sha256, format: 'survey', summary: {} });
        sv.applyImport(survey('s1'), [surveyRow('GM0935', 2023, 'onveilig', 31.5), surveyRow('WK093500', 2023, 'onveilig', 40.25, { lower: null, demo: true })]);
        const police = (sha256: string, rows: Incident[], count: number) => s.transaction(() => {
          inc.upsert(rows, sha256);
          return s.applyImport({ file: `${sha256}.csv`, sha256, format: 'police-extract', summary: {} }, { cells: [{ area: 'BU09350000', type: '1.1.1', period: '2024-03', count }] });
        });
        police('p1', [incident('P-1'), incident('P-2', { omschrijving: null })], 2);
        const all = { gemeente: 'GM0935', codes: ['1.1.1'], from: '2024-01', to: '2024-12' };
        const points = inc.query(all, 10);
        const cellsBefore = s.monthlyCells('GM0935');
        police('p2', [incident('P-2', { omschrijving: 'Nu met tekst', lon: 5.7 }), incident('P-3')], 3);
        expect(s.listImports().at(-1)!.changedRows).toBe(3);
        expect(s.undoLastImport(s.listImports().at(-1)!.id)).toMatchObject({ ok: true, restoredRows: 3 });
        expect(inc.query(all, 10)).toEqual(points);
        expect(s.monthlyCells('GM0935')).toEqual(cellsBefore);
        const surveyBefore = sv.rows({ gemeente: 'GM0935' });
        sv.applyImport(survey('s2'), [surveyRow('GM0935', 2023, 'onveilig', 30), surveyRow('WK093500', 2023, 'onveilig', 40.25, { lower: null, demo: true }), surveyRow('GM0935', 2024, 'onveilig', 29)]);
        expect(s.listImports().at(-1)!.changedRows).toBe(2);
        const rev = s.revision();
        expect(s.undoLastImport(s.listImports().at(-1)!.id)).toMatchObject({ ok: true, restoredRows: 2 });
        expect(s.revision()).toBeGreaterThan(rev);
        expect(sv.rows({ gemeente: 'GM0935' })).toEqual(surveyBefore);
      });
    });

    describe('feature stores', () => featureContract(openStore, (s) => {
      s.close();
      open.splice(open.indexOf(s), 1);
      return openStore();
    }));
  });
}

const isIso = (s: string) => new Date(s).toISOString() === s;

const incident = (registratienummer: string, over: Partial<Incident> = {}): Incident => ({
  registratienummer, buurt: 'BU09350000', wijk: 'WK093500', gemeente: 'GM0935', date: '2024-03-05', month: '2024-03',
  code: '1.1.1', kind: 'misdrijf', omschrijving: 'Inbraak woning', straat: 'Vrijthof', huisnummer: '12', postcode: '6211LD',
  lon: 5.688912345678901, lat: 50.84891234567891, ...over,
});

const surveyRow = (area: string, year: number, indicator: string, value: number, over: Partial<SurveyRow> = {}): SurveyRow => ({
  area, year, indicator, value, lower: value - 1.5, upper: value + 1.5, respondents: 321, source: 'Veiligheidsmonitor', demo: false, ...over,
});

const presentation = (title: string, gemeente = 'GM0935'): PresentationInput => ({
  title, gemeente,
  views: [{
    title: 'Inbraak', caption: 'Binnenstad "oud" \\ nieuw', focus: { level: 'wijk', codes: ['WK093500'], gemeente },
    measure: 'ratePer1000Smoothed', category: '1.1.1', from: '2024-01', to: '2024-06', layers: ['choropleth', 'hotspots'],
  }],
});

function featureContract(openStore: () => Store, reopen: (s: Store) => Store) {
  describe('selections', () => {
    it('creates with ids in order, note and criteria as given (null when absent), ISO timestamps', () => {
      const sel = openStore().features().selections;
      const a = sel.create({ name: 'Aanpak', gemeente: 'GM0935', codes: ['BU09350000', 'WK093501'], criteria: { min: 3, nested: { ok: true, list: [1, 'twee', null] }, tekst: 'ĳ€ "q"' } }, 'ana');
      const b = sel.create({ name: 'Zonder', note: 'let op', gemeente: 'GM0935', codes: ['BU09350001'] }, 'ana');
      expect(b.id).toBeGreaterThan(a.id);
      expect(a).toMatchObject({ name: 'Aanpak', note: '', gemeente: 'GM0935', codes: ['BU09350000', 'WK093501'], criteria: { min: 3, nested: { ok: true, list: [1, 'twee', null] }, tekst: 'ĳ€ "q"' } });
      expect(b).toMatchObject({ note: 'let op', criteria: null });
      expect(a).toMatchObject({ createdBy: 'ana', shared: true });
      expect(sel.create({ name: 'Privé', gemeente: 'GM0935', codes: ['BU09350000'], shared: false }, null)).toMatchObject({ createdBy: null, shared: false });
      expect(isIso(a.createdAt)).toBe(true);
      expect(sel.get(a.id)).toEqual(a);
      expect(sel.get(b.id + 1000)).toBeUndefined();
    });

    it('lists all or one gemeente in creation order; deletes once', () => {
      const sel = openStore().features().selections;
      const a = sel.create({ name: 'a', gemeente: 'GM0935', codes: ['BU09350000'] }, 'ana');
      const b = sel.create({ name: 'b', gemeente: 'GM0363', codes: ['BU03630000'] }, 'ana');
      const c = sel.create({ name: 'c', gemeente: 'GM0935', codes: ['BU09350001'] }, 'ana');
      expect(sel.list().map((x) => x.name)).toEqual(['a', 'b', 'c']);
      expect(sel.list('GM0935')).toEqual([a, c]);
      expect(sel.list('GM0363')).toEqual([b]);
      expect(sel.list('GM9999')).toEqual([]);
      expect(sel.delete(a.id)).toBe(true);
      expect(sel.delete(a.id)).toBe(false);
      expect(sel.list().map((x) => x.id)).toEqual([b.id, c.id]);
    });

    it('persists across close and reopen; new ids continue after the old ones', () => {
      const s = openStore();
      const a = s.features().selections.create({ name: 'a', gemeente: 'GM0935', codes: ['BU09350000'] }, 'ana');
      const again = reopen(s).features().selections;
      expect(again.list()).toEqual([a]);
      expect(again.create({ name: 'b', gemeente: 'GM0935', codes: ['BU09350001'] }, 'ana').id).toBeGreaterThan(a.id);
    });
  });

  describe('evaluations', () => {
    const def = { gemeente: 'GM0935', codes: ['BU09350000', 'BU09350001'], attentionAreaId: null, start: '2024-03', categories: ['1.1.1', 'G1.2'], preMonths: 24, postMonths: 12 };

    it('creates, reads back (attention area id or null), lists per gemeente, deletes once, persists', () => {
      const s = openStore();
      const ev = s.features().evaluations;
      const a = ev.create({ name: 'Aanpak Wyck', ...def }, 'ana');
      const b = ev.create({ name: 'VBA', ...def, gemeente: 'GM0363', codes: ['BU03630000'], attentionAreaId: 7 }, 'ana');
      expect(a).toMatchObject({ name: 'Aanpak Wyck', ...def });
      expect(b.attentionAreaId).toBe(7);
      expect(isIso(a.createdAt)).toBe(true);
      expect(ev.get(a.id)).toEqual(a);
      expect(ev.get(b.id + 1000)).toBeUndefined();
      expect(ev.list('GM0935')).toEqual([a]);
      expect(ev.list().map((x) => x.id)).toEqual([a.id, b.id]);
      expect(ev.delete(b.id)).toBe(true);
      expect(ev.delete(b.id)).toBe(false);
      expect(reopen(s).features().evaluations.list()).toEqual([a]);
    });

    it('records the owner and whether it is shared; a deleted id is never handed out again', () => {
      const s = openStore();
      const ev = s.features().evaluations;
      const a = ev.create({ name: 'Team', ...def }, 'ana');
      const b = ev.create({ name: 'Privé', ...def, shared: false }, 'ana');
      expect(a).toMatchObject({ createdBy: 'ana', shared: true });
      expect(b).toMatchObject({ createdBy: 'ana', shared: false });
      expect(ev.create({ name: 'Zonder eigenaar', ...def }, null)).toMatchObject({ createdBy: null, shared: true });
      expect(ev.get(b.id)).toEqual(b);
      const last = ev.create({ name: 'Laatste', ...def }, 'ana');
      ev.delete(last.id);
      expect(ev.create({ name: 'Nieuw', ...def }, 'bob').id).toBeGreaterThan(last.id);
      const again = reopen(s).features().evaluations;
      expect(again.get(b.id)).toEqual(b);
      expect(again.create({ name: 'Na heropenen', ...def }, 'bob').id).toBeGreaterThan(last.id + 1);
    });
  });

  describe('attention areas', () => {
    const square = { type: 'Polygon' as const, coordinates: [[[5.68, 50.84], [5.69, 50.84], [5.69, 50.85], [5.68, 50.85], [5.68, 50.84]]] };

    it('keeps codes-only and polygon-defined areas apart, with the kind name', () => {
      const aa = openStore().features().attentionAreas;
      const byCodes = aa.create({ name: 'VBA Noord', gemeente: 'GM0935', kind: 'vba', codes: ['BU09350000'], geometry: null }, 'ana');
      const byShape = aa.create({ name: 'Camera markt', gemeente: 'GM0935', kind: 'camera', note: 'pilot', codes: ['BU09350000', 'BU09350001'], geometry: square }, 'ana');
      expect(byCodes).toMatchObject({ kind: 'vba', kindNaam: 'Veilige Buurten Aanpak', note: '', geometry: null, source: 'codes' });
      expect(byCodes).toMatchObject({ createdBy: 'ana', shared: true });
      expect(aa.create({ name: 'Privé', gemeente: 'GM0935', kind: 'overig', codes: ['BU09350000'], geometry: null, shared: false }, 'ana').shared).toBe(false);
      expect(byShape).toMatchObject({ kindNaam: 'Cameratoezicht', note: 'pilot', codes: ['BU09350000', 'BU09350001'], geometry: square, source: 'geometry' });
      expect(isIso(byShape.createdAt)).toBe(true);
      expect(aa.get(byShape.id)).toEqual(byShape);
      expect(aa.get(byShape.id + 1000)).toBeUndefined();
    });

    it('lists per gemeente in creation order; deletes once', () => {
      const aa = openStore().features().attentionAreas;
      const a = aa.create({ name: 'a', gemeente: 'GM0935', kind: 'kvo', codes: ['BU09350000'], geometry: null }, 'ana');
      const b = aa.create({ name: 'b', gemeente: 'GM0363', kind: 'overig', codes: ['BU03630000'], geometry: square }, 'ana');
      expect(aa.list().map((x) => x.name)).toEqual(['a', 'b']);
      expect(aa.list('GM0363')).toEqual([b]);
      expect(aa.delete(a.id)).toBe(true);
      expect(aa.delete(a.id)).toBe(false);
      expect(aa.list()).toEqual([b]);
    });
  });

  describe('presentations', () => {
    it('creates, updates (views, title, gemeente; updatedAt moves, createdAt stays) and deletes', async () => {
      const ps = openStore().features().presentations;
      const p = ps.create(presentation('Stadsdeel Noord'), 'ana');
      expect(p).toMatchObject(presentation('Stadsdeel Noord'));
      expect(p.updatedAt).toBe(p.createdAt);
      expect(isIso(p.createdAt)).toBe(true);
      await new Promise((r) => setTimeout(r, 5));
      const next = { ...presentation('Heerlen', 'GM0917'), views: [...presentation('x', 'GM0917').views, { ...presentation('y', 'GM0917').views[0], layers: ['survey' as const] }] };
      const u = ps.update(p.id, next)!;
      expect(u).toMatchObject({ id: p.id, ...next, createdAt: p.createdAt });
      expect(u.updatedAt > p.updatedAt).toBe(true);
      expect(ps.get(p.id)).toEqual(u);
      expect(ps.list('GM0935')).toEqual([]);
      expect(ps.list('GM0917')).toEqual([u]);
      expect(ps.update(p.id + 1000, next)).toBeUndefined();
      expect(ps.delete(p.id)).toBe(true);
      expect(ps.delete(p.id)).toBe(false);
      expect(ps.get(p.id)).toBeUndefined();
    });

    it('records the owner and whether it is shared; a deleted id is never handed out again', () => {
      const ps = openStore().features().presentations;
      const a = ps.create(presentation('eigen'), 'ana');
      const b = ps.create({ ...presentation('privé'), shared: false }, 'ana');
      expect(a).toMatchObject({ createdBy: 'ana', shared: true });
      expect(b).toMatchObject({ createdBy: 'ana', shared: false });
      expect(ps.update(b.id, { ...presentation('privé'), shared: true })).toMatchObject({ shared: true, createdBy: 'ana' });
      expect(ps.update(b.id, presentation('privé'))).toMatchObject({ shared: true });
      ps.delete(b.id);
      const c = ps.create(presentation('nieuw'), 'bob');
      expect(c.id).toBeGreaterThan(b.id);
    });

    it('lists in creation order', () => {
      const ps = openStore().features().presentations;
      const ids = ['a', 'b', 'c'].map((t) => ps.create(presentation(t), 'ana').id);
      expect(ps.list().map((p) => p.id)).toEqual(ids);
      expect(ps.list('GM0935').map((p) => p.title)).toEqual(['a', 'b', 'c']);
    });
  });

  describe('versions', () => {
    it('keeps every version per key (newest first), JSON as given, who and when; the newest is the latest', () => {
      let s = openStore();
      const vs = s.features().versions;
      expect(vs.latest('targets:GM0935')).toBeUndefined();
      expect(vs.history('targets:GM0935')).toEqual([]);
      const doc = { bron: 'Plan "2025" \\ nieuw', indicators: [{ id: 'a', value: 1.5, nothing: null }] };
      const v1 = vs.save('targets:GM0935', doc, 'ana');
      vs.save('settings', { lowPopulationThreshold: 300 }, null);
      const v2 = vs.save('targets:GM0935', { ...doc, bron: 'Plan 2026' }, 'bea');
      expect(v2.id).toBeGreaterThan(v1.id);
      expect(isIso(v1.savedAt)).toBe(true);
      expect(v1).toMatchObject({ key: 'targets:GM0935', value: doc, savedBy: 'ana' });
      expect(vs.latest('targets:GM0935')).toEqual(v2);
      expect(vs.history('targets:GM0935').map((v) => v.savedBy)).toEqual(['bea', 'ana']);
      expect(vs.latest('settings')).toMatchObject({ value: { lowPopulationThreshold: 300 }, savedBy: null });
      s = reopen(s);
      expect(s.features().versions.history('targets:GM0935')).toHaveLength(2);
      expect(s.features().versions.latest('targets:GM0935')?.value).toEqual({ ...doc, bron: 'Plan 2026' });
    });
  });

  describe('survey', () => {
    const ROWS = [
      surveyRow('GM0935', 2023, 'onveilig', 31.5),
      surveyRow('WK093500', 2023, 'onveilig', 40.25, { lower: null, upper: null, respondents: null }),
      surveyRow('BU09350000', 2023, 'onveilig', 44, { demo: true, source: 'test' }),
      surveyRow('GM0935', 2021, 'onveilig', 33),
      surveyRow('GM0935', 2023, 'overlast', 12.75),
      surveyRow('GM0363', 2023, 'onveilig', 20),
    ];
    const record = (sha256: string) => ({ file: `${sha256}.csv`, sha256, format: 'survey', summary: { rows: 6 } });

    it('imports rows, records the import, answers per gemeente, indicator, level and year, by year then area', () => {
      const s = openStore();
      const sv = s.features().survey;
      expect(sv.applyImport(record('s1'), ROWS)).toEqual({ alreadyImported: false, changedRows: 6 });
      expect(s.listImports().map((i) => [i.sha256, i.format])).toEqual([['s1', 'survey']]);
      expect(s.revision()).toBe(0);
      const onveilig = sv.rows({ gemeente: 'GM0935', indicator: 'onveilig' });
      expect(onveilig.map((r) => `${r.year} ${r.area}`)).toEqual(['2021 GM0935', '2023 BU09350000', '2023 GM0935', '2023 WK093500']);
      expect(onveilig[3]).toEqual(ROWS[1]);
      expect(onveilig[1]).toEqual(ROWS[2]);
      expect(sv.rows({ gemeente: 'GM0935', level: 'wijk' })).toEqual([ROWS[1]]);
      expect(sv.rows({ gemeente: 'GM0935', indicator: 'onveilig', level: 'gemeente', year: 2023 })).toEqual([ROWS[0]]);
      expect(sv.rows({ gemeente: 'GM0935' })).toHaveLength(5);
      expect(sv.rows({ gemeente: 'GM0363' })).toEqual([ROWS[5]]);
    });

    it('the same file again changes nothing; other files count only real changes', () => {
      const s = openStore();
      const sv = s.features().survey;
      sv.applyImport(record('s1'), ROWS);
      expect(sv.applyImport(record('s1'), [surveyRow('GM0935', 2023, 'onveilig', 99)])).toEqual({ alreadyImported: true, changedRows: 0 });
      expect(sv.applyImport(record('s2'), ROWS)).toEqual({ alreadyImported: false, changedRows: 0 });
      const changed = [surveyRow('GM0935', 2023, 'onveilig', 31.5, { lower: null }), ROWS[1], surveyRow('WK093501', 2023, 'onveilig', 1)];
      expect(sv.applyImport(record('s3'), changed)).toEqual({ alreadyImported: false, changedRows: 2 });
      expect(sv.rows({ gemeente: 'GM0935', level: 'gemeente', year: 2023, indicator: 'onveilig' })[0].lower).toBeNull();
      expect(s.listImports().map((i) => i.sha256)).toEqual(['s1', 's2', 's3']);
    });

    it('a failing import (bad row after good ones) stores neither rows nor its record', () => {
      const s = openStore();
      const sv = s.features().survey;
      sv.applyImport(record('s1'), ROWS.slice(0, 2));
      const many = Array.from({ length: 3000 }, (_, i) => surveyRow(`BU0935${String(i).padStart(4, '0')}`, 2024, 'onveilig', i));
      many[2500] = { ...many[2500], value: null as unknown as number };
      expect(() => sv.applyImport(record('bad'), many)).toThrow();
      expect(sv.rows({ gemeente: 'GM0935' })).toEqual([ROWS[1], ROWS[0]].sort((a, b) => a.area.localeCompare(b.area)));
      expect(s.listImports().map((i) => i.sha256)).toEqual(['s1']);
      expect(sv.applyImport(record('bad'), many.slice(0, 10)).changedRows).toBe(10);
    });
  });

  describe('incidents', () => {
    const ROWS = [
      incident('PL-3', { date: '2024-03-20', straat: 'Markt' }),
      incident('PL-1', { omschrijving: null, huisnummer: '', postcode: '' }),
      incident('pl-2', { straat: 'markt' }),
      incident('PL-4', { date: '2024-02-10', month: '2024-02', code: '1.2.3', buurt: 'BU09350100', wijk: 'WK093501', straat: 'Markt' }),
      incident('PL-5', { date: '2024-03-01', code: 'E35', kind: 'overlast', buurt: 'BU09350101', wijk: 'WK093501', straat: 'Ánkerstraat' }),
      incident('HL-1', { gemeente: 'GM0917', buurt: 'BU09170000', wijk: 'WK091700' }),
    ];
    const q = (over = {}) => ({ gemeente: 'GM0935', codes: ['1.1.1', '1.2.3', 'E35'], from: '2024-01', to: '2024-12', ...over });

    it('stores points as given and answers by gemeente, months, wijken, buurt and codes, newest first', () => {
      const inc = openStore().features().incidents;
      expect(inc.hasAny('GM0935')).toBe(false);
      inc.upsert(ROWS);
      expect(inc.hasAny('GM0935')).toBe(true);
      expect(inc.hasAny('GM0363')).toBe(false);
      // Same date: registratienummer in byte order (upper case before lower case).
      expect(inc.query(q(), 100).map((r) => r.registratienummer)).toEqual(['PL-3', 'PL-1', 'pl-2', 'PL-5', 'PL-4']);
      expect(inc.query(q(), 100).find((r) => r.registratienummer === 'PL-1')).toEqual(ROWS[1]);
      expect(inc.query(q(), 2).map((r) => r.registratienummer)).toEqual(['PL-3', 'PL-1']);
      expect(inc.query(q({ from: '2024-02', to: '2024-02' }), 100).map((r) => r.registratienummer)).toEqual(['PL-4']);
      expect(inc.query(q({ wijken: ['WK093501'] }), 100).map((r) => r.registratienummer)).toEqual(['PL-5', 'PL-4']);
      expect(inc.query(q({ wijken: [] }), 100)).toEqual([]);
      expect(inc.query(q({ buurt: 'BU09350101' }), 100).map((r) => r.registratienummer)).toEqual(['PL-5']);
      expect(inc.query(q({ codes: ['E35'] }), 100).map((r) => r.kind)).toEqual(['overlast']);
      expect(inc.query(q({ codes: [] }), 100)).toEqual([]);
    });

    it('counts per street (most first, then the name in byte order) and per buurt, month and code', () => {
      const inc = openStore().features().incidents;
      inc.upsert(ROWS);
      expect(inc.streets(q())).toEqual([
        { straat: 'Markt', count: 2 }, { straat: 'Vrijthof', count: 1 }, { straat: 'markt', count: 1 }, { straat: 'Ánkerstraat', count: 1 },
      ]);
      const counts = inc.monthlyCounts('GM0935', ['2024-03', '2024-02']);
      expect(byKey(counts)).toEqual(byKey([
        { area: 'BU09350000', month: '2024-03', type: '1.1.1', count: 3 },
        { area: 'BU09350101', month: '2024-03', type: 'E35', count: 1 },
        { area: 'BU09350100', month: '2024-02', type: '1.2.3', count: 1 },
      ]));
      expect(inc.monthlyCounts('GM0935', [])).toEqual([]);
      expect(inc.monthlyCounts('GM0935', ['2023-01'])).toEqual([]);
    });

    it('re-importing a registratienummer replaces it', () => {
      const inc = openStore().features().incidents;
      inc.upsert(ROWS);
      inc.upsert([incident('PL-1', { buurt: 'BU09350100', wijk: 'WK093501', omschrijving: 'Gewijzigd' })]);
      const all = inc.query(q(), 100);
      expect(all).toHaveLength(5);
      expect(all.find((r) => r.registratienummer === 'PL-1')).toMatchObject({ buurt: 'BU09350100', omschrijving: 'Gewijzigd', postcode: '6211LD' });
    });

    it('tells the months some registrations are stored under (sorted, once each; unknown numbers and other gemeenten add none)', () => {
      const inc = openStore().features().incidents;
      inc.upsert([incident('M-1', { month: '2024-03' }), incident('M-2', { month: '2024-01', date: '2024-01-09' }), incident('M-3', { month: '2024-03' }), incident('M-4', { gemeente: 'GM0363', month: '2024-05' })]);
      expect(inc.monthsOf('GM0935', ['M-3', 'M-1', 'M-2', 'M-4', 'onbekend'])).toEqual(['2024-01', '2024-03']);
      expect(inc.monthsOf('GM0935', [])).toEqual([]);
    });
  });

  describe('transaction: a feature write and an import together', () => {
    const cells: RegistrationCell[] = [{ area: 'BU09350000', type: '1.1.1', period: '2024-03', count: 3 }];
    const police = (sha256: string) => ({ file: `${sha256}.csv`, sha256, format: 'police-extract', summary: { rows: 3 } });

    it('commits the points, the monthly counts and the import record together', () => {
      const s = openStore();
      const out = s.transaction(() => {
        s.features().incidents.upsert([incident('P-1'), incident('P-2'), incident('P-3')]);
        return s.applyImport(police('p1'), { cells });
      });
      expect(out).toEqual({ alreadyImported: false, changedRows: 1 });
      expect(s.features().incidents.query({ gemeente: 'GM0935', codes: ['1.1.1'], from: '2024-03', to: '2024-03' }, 10)).toHaveLength(3);
      expect(s.monthlyCells('GM0935')).toEqual(cells);
      expect(s.revision()).toBe(1);
      // And another store on the same storage sees it all (committed, not just this connection's view).
      expect(reopen(s).features().incidents.hasAny('GM0935')).toBe(true);
    });

    it('a failure after the incident write (in applyImport, or after it) leaves nothing', () => {
      const s = openStore();
      const before = snapshot(s);
      const bad: RegistrationCell[] = [...cells, { area: 'BU09350001', type: null as unknown as string, period: '2024-03', count: 1 }];
      expect(() => s.transaction(() => {
        s.features().incidents.upsert([incident('P-1'), incident('P-2')]);
        return s.applyImport(police('p1'), { cells: bad });
      })).toThrow();
      expect(s.features().incidents.hasAny('GM0935')).toBe(false);
      expect(snapshot(s)).toEqual(before);
      // applyImport itself succeeded (its own, inner transaction), then the outer one failed.
      expect(() => s.transaction(() => {
        s.features().incidents.upsert([incident('P-1')]);
        s.applyImport(police('p1'), { cells });
        throw new Error('after the import');
      })).toThrow('after the import');
      expect(s.features().incidents.hasAny('GM0935')).toBe(false);
      expect(snapshot(s)).toEqual(before);
      // Nothing left open: the same import goes through afterwards, and survives a reopen.
      s.transaction(() => {
        s.features().incidents.upsert([incident('P-1')]);
        s.applyImport(police('p1'), { cells });
      });
      const again = reopen(s);
      expect(again.features().incidents.hasAny('GM0935')).toBe(true);
      expect(again.listImports().map((i) => i.sha256)).toEqual(['p1']);
    });

    it('nests: an inner failure caught by the caller undoes only the inner part', () => {
      const s = openStore();
      const sel = s.features().selections;
      s.transaction(() => {
        sel.create({ name: 'kept', gemeente: 'GM0935', codes: ['BU09350000'] }, 'ana');
        expect(() => s.transaction(() => {
          sel.create({ name: 'undone', gemeente: 'GM0935', codes: ['BU09350000'] }, 'ana');
          throw new Error('inner');
        })).toThrow('inner');
        s.features().survey.applyImport({ file: 's.csv', sha256: 's', format: 'survey', summary: {} }, [surveyRow('GM0935', 2023, 'onveilig', 1)]);
      });
      expect(reopen(s).features().selections.list().map((x) => x.name)).toEqual(['kept']);
    });

    it('a survey import inside a failing transaction leaves nothing', () => {
      const s = openStore();
      expect(() => s.transaction(() => {
        s.features().survey.applyImport({ file: 's.csv', sha256: 's', format: 'survey', summary: {} }, [surveyRow('GM0935', 2023, 'onveilig', 1)]);
        throw new Error('later');
      })).toThrow('later');
      expect(s.features().survey.rows({ gemeente: 'GM0935' })).toEqual([]);
      expect(s.listImports()).toEqual([]);
    });
  });
}
