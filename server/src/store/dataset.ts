// Everything a request needs, assembled once: the derived geodata (areas, TopoJSON buffers), the
// category list, the store, and the cube cache (cubeCache.ts); from them the figures, series and
// breakdowns every answer is made of, optionally through disclosure control.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Categories, groupFileSchema, UNSPLIT_TYPE, UNSPLIT_TYPE_DEF, type TypeDef } from '../domain/categories.ts';
import type { Cube, AreaSum } from '../domain/cube.ts';
import type { CellKeyRounding, CellContent } from '../domain/disclosure.ts';
import { splitTypeOverMonths, type DemoModel } from '../domain/demo.ts';
import type { AreaFigures } from '../domain/stats.ts';
import type { Level, SeriesPoint, TypeCount } from '../domain/model.ts';
import { NATIONAL, type AreaInfo, type GemeenteInfo, type GeodataIndex } from '../../../geodata/build.ts';
import { locate, readCsv } from '../../../geodata/sources.ts';
import { shiftMonth } from '../domain/months.ts';
import type { Store } from './store.ts';
import { CubeCache, cubeBaseKey, restArea, DEFAULT_FIRST_YEAR, DEFAULT_LAST_YEAR, type WarmStatus } from './cubeCache.ts';

export { NATIONAL };

export interface AreaFile {
  raw: Buffer;
  gzip: Buffer;
  brotli: Buffer;
  etag: string;
}

/** Breakdown row of a presentation that stands for every type with a small count (not a CBS type code). */
export const SMALL_TYPES = 'kleine-aantallen';

/** Real gemeente figures per year and crime type; null = withheld. */
export interface GemeenteTypeTable {
  byYear: Map<number, Map<string, number | null>>;
  firstYear: number | null;
}

export class Dataset {
  readonly categories: Categories;
  readonly index: GeodataIndex;
  private readonly areaByCode = new Map<string, AreaInfo>();
  private readonly gemeenteByCode = new Map<string, GemeenteInfo>();
  private readonly cubes: CubeCache;
  private readonly files = new Map<string, AreaFile>();
  private readonly demoModel: DemoModel;
  /** Areas per `${gemeente}|${level}` (and `NL|level` for the whole country), in index order. */
  private readonly areaLists = new Map<string, AreaInfo[]>();
  private populationCache: { revision: number; map: Map<string, number | null> } | null = null;
  private spanCache: { revision: number; span: { first: string; last: string } } | null = null;
  private readonly gemeenteTables = new Map<string, { revision: number; table: GemeenteTypeTable }>();
  /** Set on a view made by withDisclosure(): every count this view hands out is disclosure-controlled. */
  readonly disclosure: CellKeyRounding | null = null;

  /** `cacheDir`: where built cubes are persisted (omitted = memory only, e.g. tests with a throw-away store). */
  constructor(readonly store: Store, readonly geodataDir: string, readonly sourceDir: string, readonly groupsFile: string, readonly cacheDir?: string) {
    this.index = JSON.parse(fs.readFileSync(path.join(geodataDir, 'index.json'), 'utf8')) as GeodataIndex;
    for (const a of this.index.areas) {
      this.areaByCode.set(a.code, a);
      for (const k of [`${a.gemeentecode}|${a.level}`, `${NATIONAL}|${a.level}`]) (this.areaLists.get(k) ?? this.areaLists.set(k, []).get(k)!).push(a);
    }
    for (const g of this.index.gemeenten) this.gemeenteByCode.set(g.code, g);
    const types = loadTypes(sourceDir);
    const groups = groupFileSchema.parse(JSON.parse(fs.readFileSync(groupsFile, 'utf8')));
    this.categories = new Categories(types, groups);
    const national = loadNationalCounts(sourceDir);
    const misdrijven = types.filter((t) => t.kind === 'misdrijf' && t.code !== UNSPLIT_TYPE);
    this.demoModel = { types: misdrijven.map((t) => t.code), nationalCounts: misdrijven.map((t) => national.get(t.code) ?? 0) };
    this.cubes = new CubeCache({
      store,
      gemeenten: this.index.gemeenten,
      buurtenOf: (gm) => this.areas(gm, 'buurt').map((a) => a.code),
      types: this.categories.types,
      demoModel: this.demoModel,
      baseKey: cubeBaseKey(types, this.demoModel, this.index.sourceStamp),
      cacheDir,
    });
  }

  /**
   * The same data seen through disclosure control: figures, series, breakdowns and unions of buurten
   * come out rounded by `dc` (hidden where the true count is 1 up to its threshold). Shares the cubes,
   * geodata and caches of this dataset; only the counts it hands out differ.
   */
  withDisclosure(dc: CellKeyRounding): Dataset {
    const view = Object.create(this) as Dataset;
    Object.defineProperty(view, 'disclosure', { value: dc, enumerable: true });
    return view;
  }

  gemeenten(): GemeenteInfo[] {
    return this.index.gemeenten;
  }

  gemeente(code: string): GemeenteInfo | undefined {
    return this.gemeenteByCode.get(code);
  }

  /** A gemeente or the whole country (`NL`): what /api/areas and /api/stats accept. */
  hasScope(code: string): boolean {
    return code === NATIONAL || this.gemeenteByCode.has(code);
  }

  area(code: string): AreaInfo | undefined {
    return this.areaByCode.get(code);
  }

  /** Areas of a level in a gemeente, or in the whole country for `NL`. Shared list: do not mutate. */
  areas(gm: string, level: Level): AreaInfo[] {
    return this.areaLists.get(`${gm}|${level}`) ?? [];
  }

  /** Months with data: the cube's, or for `NL` the span over all gemeenten. */
  months(gm: string): string[] {
    return this.monthsFrom(gm, false);
  }

  /**
   * Months the gemeente level can answer: the cube's, extended back to the first year of the real
   * gemeente figures per crime type (which reach further back than any buurt figure).
   */
  gemeenteMonths(gm: string): string[] {
    return this.monthsFrom(gm, true);
  }

  private monthsFrom(gm: string, withGemeenteTable: boolean): string[] {
    const revision = this.store.revision();
    let first = '';
    let last = '';
    for (const code of gm === NATIONAL ? this.index.gemeenten.map((g) => g.code) : [gm]) {
      const m = this.cube(code, revision).months;
      const t = withGemeenteTable ? this.gemeenteTable(code, revision).firstYear : null;
      const m0 = t !== null && `${t}-01` < m[0] ? `${t}-01` : m[0];
      if (!first || m0 < first) first = m0;
      if (!last || m[m.length - 1] > last) last = m[m.length - 1];
    }
    const out: string[] = [];
    for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++) for (let m = 1; m <= 12; m++) out.push(`${y}-${String(m).padStart(2, '0')}`);
    return out;
  }

  /**
   * First and last month with data in the whole store, as the cubes span them (whole calendar years
   * from the first to the last year with any row). Read from the store rows, not from the cubes, so
   * it never builds every gemeente's cube; recomputed only when the store changes.
   */
  monthSpan(revision = this.store.revision()): { first: string; last: string } {
    if (this.spanCache?.revision === revision) return this.spanCache.span;
    let firstYear = Infinity;
    let lastYear = -Infinity;
    const see = (y: number) => {
      if (y < firstYear) firstYear = y;
      if (y > lastYear) lastYear = y;
    };
    for (const t of this.store.yearlyTotals(null)) see(t.year);
    for (const c of this.store.monthlyCells(null)) see(Number(c.period.slice(0, 4)));
    if (!Number.isFinite(firstYear)) [firstYear, lastYear] = [DEFAULT_FIRST_YEAR, DEFAULT_LAST_YEAR];
    const span = { first: `${firstYear}-01`, last: `${lastYear}-12` };
    this.spanCache = { revision, span };
    return span;
  }

  areaFile(gm: string): AreaFile {
    let f = this.files.get(gm);
    if (!f) {
      const base = path.join(this.geodataDir, 'areas', `${gm}.topojson`);
      const raw = fs.readFileSync(base);
      f = {
        raw,
        gzip: fs.readFileSync(`${base}.gz`),
        brotli: fs.readFileSync(`${base}.br`),
        etag: `"${createHash('sha1').update(raw).digest('base64url').slice(0, 20)}"`,
      };
      this.files.set(gm, f);
    }
    return f;
  }

  /**
   * Latest known inhabitants per area (from the store). One map for the whole country, read again only
   * when the store changes; look areas up by code (it holds more than gemeente `gm`).
   */
  population(_gm: string, revision = this.store.revision()): Map<string, number | null> {
    if (this.populationCache?.revision === revision) return this.populationCache.map;
    const latest = new Map<string, { year: number; inwoners: number | null }>();
    for (const p of this.store.population(null)) {
      const cur = latest.get(p.area);
      if (!cur || p.year > cur.year) latest.set(p.area, { year: p.year, inwoners: p.inwoners });
    }
    const map = new Map([...latest].map(([k, v]) => [k, v.inwoners]));
    this.populationCache = { revision, map };
    return map;
  }

  /**
   * Real gemeente figures per crime type and year (47018NED gemeente rows: the seeded national table
   * and any imported file's gemeente rows); null = withheld.
   */
  gemeenteTable(gm: string, revision = this.store.revision()): GemeenteTypeTable {
    const hit = this.gemeenteTables.get(gm);
    if (hit?.revision === revision) return hit.table;
    const byYear = new Map<number, Map<string, number | null>>();
    let firstYear: number | null = null;
    for (const c of this.store.yearlyTypeCells(gm)) {
      if (c.area !== gm) continue;
      const y = Number(c.period);
      (byYear.get(y) ?? byYear.set(y, new Map()).get(y)!).set(c.type, c.count);
      if (firstYear === null || y < firstYear) firstYear = y;
    }
    const table = { byYear, firstYear };
    this.gemeenteTables.set(gm, { revision, table });
    return table;
  }

  /**
   * The gemeente's own figure for `types` over [from, to] from its real per-type table, or null when
   * the table lacks a type or year. Whole years are real; parts of a year are the real yearly figure
   * spread over the months (demo).
   */
  gemeenteTableSum(gm: string, types: string[], from: string, to: string, revision = this.store.revision()): AreaSum | null {
    if (types.length === 0) return null;
    const { byYear } = this.gemeenteTable(gm, revision);
    let count = 0;
    let demo = false;
    let withheldCells = 0;
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
      const row = byYear.get(y);
      if (!row) return null;
      const mFrom = y === Number(from.slice(0, 4)) ? Number(from.slice(5, 7)) : 1;
      const mTo = y === Number(to.slice(0, 4)) ? Number(to.slice(5, 7)) : 12;
      for (const t of types) {
        if (!row.has(t)) return null;
        const n = row.get(t)!;
        if (n === null) { withheldCells++; continue; }
        if (mFrom === 1 && mTo === 12) count += n;
        else {
          demo = true;
          const split = splitTypeOverMonths(t, gm, y, n);
          for (let m = mFrom; m <= mTo; m++) count += split[m - 1];
        }
      }
    }
    const cells = types.length * (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) + 1);
    return { count, withheld: withheldCells > 0, allWithheld: withheldCells === cells, demo, demoTypes: false, missingMonths: 0 };
  }

  /**
   * The cube of one gemeente (see cubeCache.ts): valid while the store's revision is unchanged, rebuilt
   * only when this gemeente's own rows differ.
   */
  cube(gm: string, revision = this.store.revision()): Cube {
    return this.cubes.cube(gm, revision);
  }

  /** Loads or builds every gemeente's cube in the background (see CubeCache.warmAll). */
  warmAll(log: (m: string) => void = () => {}): Promise<WarmStatus> {
    return this.cubes.warmAll(log);
  }

  /** Ends a running warmAll at the next gemeente (before the store is closed). */
  stopWarming(): void {
    this.cubes.stopWarming();
  }

  get warmStatus(): WarmStatus {
    return this.cubes.warmStatus;
  }

  /**
   * Aggregated figures per area of `level` for a category and month range (plus a year earlier).
   * `gm` = `NL`: every area of the level in the country (the gemeente level = one row per gemeente).
   */
  figures(gm: string, level: Level, category: string, from: string, to: string): { figures: AreaFigures[]; months: number } {
    const months = monthsBetween(from, to);
    const revision = this.store.revision(); // once, not per gemeente of the country
    if (gm !== NATIONAL) return { figures: this.gemeenteFigures(gm, level, category, from, to, months, revision), months };
    const figures: AreaFigures[] = [];
    for (const g of this.index.gemeenten) for (const f of this.gemeenteFigures(g.code, level, category, from, to, months, revision)) figures.push(f);
    return { figures, months };
  }

  private gemeenteFigures(gm: string, level: Level, category: string, from: string, to: string, months: number, revision: number): AreaFigures[] {
    const cube = this.cube(gm, revision);
    const typeIdx = (this.categories.typesOf(category) ?? []).map((t) => cube.typeIndex.get(t)!).filter((t) => t !== undefined);
    const kind = this.categories.isNuisance(category) ? 'overlast' : 'misdrijf';
    const m0 = cube.monthIndex(from);
    const m1 = cube.monthIndex(to);
    const pop = this.population(gm, revision);
    const buurten = this.areas(gm, 'buurt');
    const cur = new Map<string, AreaSum>();
    const prev = new Map<string, AreaSum>();
    for (const b of buurten) {
      const a = cube.areaIndex.get(b.code)!;
      cur.set(b.code, cube.sum(a, m0, m1, typeIdx, kind));
      prev.set(b.code, cube.sum(a, m0 - 12, m1 - 12, typeIdx, kind));
    }
    // Over whole calendar years only the type split can be generated (a spread over months adds up
    // again), and all crime together adds up to the real yearly totals.
    const allTypes = kind === 'misdrijf' && typeIdx.length === this.categories.types.filter((t) => t.kind === 'misdrijf').length;
    const realYears = from.endsWith('-01') && to.endsWith('-12');
    const settle = (s: AreaSum): AreaSum => (realYears ? { ...s, demo: kind === 'misdrijf' && !allTypes && !!s.demoTypes } : s);
    if (realYears) {
      for (const m of [cur, prev]) for (const [k, s] of m) m.set(k, settle(s));
    }
    const restIdx = cube.areaIndex.get(restArea(gm))!;
    const wijken = this.areas(gm, 'wijk');
    const visitorWijken = new Set(wijken.filter((w) => isCentre(w.naam)).map((w) => w.code));
    const types = this.categories.typesOf(category) ?? [];
    const figure = (a: AreaInfo, members: string[], extra: AreaSum[] = []): AreaFigures => {
      const sumOf = (m: Map<string, AreaSum>, more: AreaSum[]) => combine([...members.map((c) => m.get(c)!), ...more.map(settle)], months);
      const previous = sumOf(prev, extra.length ? [cube.sum(restIdx, m0 - 12, m1 - 12, typeIdx, kind)] : []);
      const content = extra.length ? [...members, restArea(gm)] : members;
      return {
        code: a.code,
        naam: a.naam,
        ...(a.wijkcode ? { wijkcode: a.wijkcode } : {}),
        population: pop.get(a.code) ?? a.inwoners,
        km2: a.oppervlakteKm2,
        visitors: a.level === 'buurt' ? visitorWijken.has(a.wijkcode!) || isCentre(a.naam) : a.level === 'wijk' && visitorWijken.has(a.code),
        current: this.disclose(sumOf(cur, extra), { areas: content, from, to, types }),
        previous: m0 - 12 < 0 ? null : this.disclose(previous, { areas: content, from: shiftMonth(from, -12), to: shiftMonth(to, -12), types }),
      };
    };
    if (level === 'buurt') return buurten.map((b) => figure(b, [b.code]));
    if (level === 'wijk') {
      const members = new Map<string, string[]>();
      for (const b of buurten) (members.get(b.wijkcode!) ?? members.set(b.wijkcode!, []).get(b.wijkcode!)!).push(b.code);
      return wijken.map((w) => figure(w, members.get(w.code) ?? []));
    }
    // The gemeente's own per-type figures, where it has them, are the gemeente's answer (its buurten
    // hold a split of them, constrained to add up to them).
    const own = kind === 'misdrijf' ? this.gemeenteTableSum(gm, types, from, to, revision) : null;
    const ownPrev = own ? this.gemeenteTableSum(gm, types, shiftMonth(from, -12), shiftMonth(to, -12), revision) : null;
    return this.areas(gm, 'gemeente').map((g) => {
      const f = figure(g, buurten.map((b) => b.code), [cube.sum(restIdx, m0, m1, typeIdx, kind)]);
      if (!own) return f;
      const content = { areas: [...buurten.map((b) => b.code), restArea(gm)], types };
      return {
        ...f,
        current: this.disclose(own, { ...content, from, to }),
        previous: ownPrev ? this.disclose(ownPrev, { ...content, from: shiftMonth(from, -12), to: shiftMonth(to, -12) }) : f.previous,
      };
    });
  }

  /**
   * A union of buurten of one gemeente (an attention area) as one cell: its sum over the period and a
   * year earlier. Under disclosure control the union is rounded as a cell of its own, not summed
   * from its rounded buurten, so "total minus the visible buurten" gives no hidden buurt back.
   */
  unionSums(gm: string, codes: readonly string[], category: string, from: string, to: string): { current: AreaSum; previous: AreaSum | null } {
    const cube = this.cube(gm);
    const { typeIdx, kind, types } = this.typeSelection(cube, category);
    const months = monthsBetween(from, to);
    const m0 = cube.monthIndex(from);
    const m1 = cube.monthIndex(to);
    const idx = codes.map((c) => cube.areaIndex.get(c)).filter((i): i is number => i !== undefined);
    const sum = (a: number, b: number) => combine(idx.map((i) => cube.sum(i, a, b, typeIdx, kind)), months);
    return {
      current: this.disclose(sum(m0, m1), { areas: codes, from, to, types }),
      previous: m0 - 12 < 0 ? null : this.disclose(sum(m0 - 12, m1 - 12), { areas: codes, from: shiftMonth(from, -12), to: shiftMonth(to, -12), types }),
    };
  }

  /** Month by month count of one area (buurt, wijk or gemeente) for a category, over all months of the data. */
  series(area: AreaInfo, category: string): SeriesPoint[] {
    const gm = area.gemeentecode;
    const cube = this.cube(gm);
    const { typeIdx, kind, types } = this.typeSelection(cube, category);
    const members = this.buurtenOf(area);
    const idx = members.map((m) => cube.areaIndex.get(m)).filter((i): i is number => i !== undefined);
    const perArea = idx.map((a) => cube.series(a, typeIdx, kind));
    return cube.months.map((month, m) => {
      const parts = perArea.map((s) => s[m]);
      const known = parts.filter((p) => p.count !== null);
      const point: SeriesPoint = {
        month,
        count: known.length ? known.reduce((s, p) => s + (p.count ?? 0), 0) : null,
        demo: parts.some((p) => p.demo),
        withheld: parts.some((p) => p.withheld),
      };
      if (!this.disclosure || point.count === null) return point;
      const d = this.disclosure.count(point.count, { areas: members, from: month, to: month, types });
      return d.hidden ? { ...point, count: null, suppressed: true } : { ...point, count: d.value };
    });
  }

  /**
   * Count per crime type of one area over a period, largest first; types without registrations left out. `demo`: the
   * split is (partly) generated: a type split that is not published per buurt, or, over part of a year, months spread
   * from real yearly figures (over whole calendar years a spread over months adds up again).
   */
  typeBreakdown(area: AreaInfo, category: string, from: string, to: string): { rows: TypeCount[]; demo: boolean } {
    const cube = this.cube(area.gemeentecode);
    const { typeIdx, kind } = this.typeSelection(cube, category);
    const members = this.buurtenOf(area);
    const idx = members.map((m) => cube.areaIndex.get(m)).filter((i): i is number => i !== undefined);
    const m0 = cube.monthIndex(from);
    const m1 = cube.monthIndex(to);
    const rows: TypeCount[] = [];
    const small: { code: string; count: number }[] = [];
    const wholeYears = from.endsWith('-01') && to.endsWith('-12');
    let demo = false;
    for (const t of typeIdx) {
      const { code, naam } = this.categories.types[t];
      let count = 0;
      let generated = false;
      for (const a of idx) {
        const sum = cube.sum(a, m0, m1, [t], kind);
        count += sum.count;
        if (sum.count > 0) generated ||= wholeYears ? !!sum.demoTypes : sum.demo;
      }
      // A gemeente's buurten hold a split of its own real per-type figures, constrained to add up to them: the
      // gemeente's sum of a type it has real figures for is real (over whole years).
      if (generated && area.level === 'gemeente' && kind === 'misdrijf') generated = this.gemeenteTableSum(area.gemeentecode, [code], from, to)?.demo ?? true;
      demo ||= generated;
      if (count === 0) continue;
      if (!this.disclosure) rows.push({ code, naam, count });
      else if (count <= this.disclosure.threshold) small.push({ code, count });
      else rows.push({ code, naam, count: this.disclosure.count(count, { areas: members, from, to, types: [code] }).value });
    }
    // Under disclosure control the types with small counts are one row, rounded as a cell of its own:
    // listed one by one, "the total minus the visible types" over their number would say each is 1.
    if (small.length) {
      const d = this.disclosure!.count(small.reduce((s, x) => s + x.count, 0), { areas: members, from, to, types: small.map((x) => x.code) });
      rows.push({ code: SMALL_TYPES, naam: 'Overige soorten met kleine aantallen (samen)', count: d.hidden ? null : d.value, ...(d.hidden ? { suppressed: true } : {}) });
    }
    return { rows: rows.sort((a, b) => (b.count ?? -1) - (a.count ?? -1)), demo };
  }

  /** The buurten (and for a gemeente its registrations without a buurt) an area's counts are summed over. */
  private buurtenOf(area: AreaInfo): string[] {
    const gm = area.gemeentecode;
    if (area.level === 'buurt') return [area.code];
    if (area.level === 'wijk') return this.areas(gm, 'buurt').filter((b) => b.wijkcode === area.code).map((b) => b.code);
    return [...this.areas(gm, 'buurt').map((b) => b.code), restArea(gm)];
  }

  private typeSelection(cube: Cube, category: string): { typeIdx: number[]; kind: 'misdrijf' | 'overlast'; types: string[] } {
    const types = this.categories.typesOf(category) ?? [];
    return {
      typeIdx: types.map((t) => cube.typeIndex.get(t)!).filter((t) => t !== undefined),
      kind: this.categories.isNuisance(category) ? 'overlast' : 'misdrijf',
      types,
    };
  }

  /** A sum as this dataset hands it out: as is, or rounded (and marked hidden) under disclosure control. */
  private disclose(sum: AreaSum, content: CellContent): AreaSum {
    if (!this.disclosure) return sum;
    const d = this.disclosure.count(sum.count, content);
    return { ...sum, count: d.value, ...(d.hidden ? { suppressed: true } : {}) };
  }
}

function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
}

/** Sum of member areas. A month counts as missing only when no member knows it. */
function combine(parts: AreaSum[], months: number): AreaSum {
  if (parts.length === 0) return { count: 0, withheld: false, demo: false, missingMonths: months };
  let count = 0;
  let withheld = false;
  let demo = false;
  let demoTypes = false;
  let missing = months;
  let anyWithheldOnly = false;
  let anyCounted = false;
  for (const p of parts) {
    count += p.count;
    withheld ||= p.withheld;
    demo ||= p.demo;
    demoTypes ||= !!p.demoTypes;
    missing = Math.min(missing, p.missingMonths);
    if (p.missingMonths >= months) continue;
    if (p.allWithheld) anyWithheldOnly = true;
    else anyCounted = true;
  }
  return { count, withheld, allWithheld: anyWithheldOnly && !anyCounted, demo, demoTypes, missingMonths: missing };
}

/** City centres draw many visitors; rates per resident overstate risk there (PRODUCT.md). */
function isCentre(naam: string): boolean {
  return /\b(centrum|binnenstad)\b/i.test(naam);
}

function loadTypes(sourceDir: string): TypeDef[] {
  const types: TypeDef[] = [];
  for (const r of readCsv(locate(sourceDir, 'crimeTypes'))) {
    const code = (r.Key ?? '').trim();
    if (!code || code === '0.0.0') continue;
    types.push({ code, naam: (r.Title ?? code).replace(/^\d+\.\d+\.\d+\s+/, '').trim(), kind: 'misdrijf' });
  }
  types.push(UNSPLIT_TYPE_DEF);
  for (const r of readCsv(locate(sourceDir, 'nuisanceTypes'))) {
    const code = (r.Key ?? '').trim();
    if (!code || code === '0.0.0') continue;
    types.push({ code, naam: (r.Title ?? code).trim(), kind: 'overlast' });
  }
  return types;
}

function loadNationalCounts(sourceDir: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of readCsv(locate(sourceDir, 'nationalTypeCounts'))) {
    const code = (r.crimetype_lab ?? '').split(' ')[0];
    const n = Number(r.crime);
    if (code && Number.isFinite(n)) out.set(code, n);
  }
  return out;
}
