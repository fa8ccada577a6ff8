// Everything a request needs, assembled once: the derived geodata (areas, TopoJSON buffers), the
// category list, the store, and per gemeente an in-memory cube rebuilt only when the store changes.
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Categories, groupFileSchema, type TypeDef } from '../domain/categories.ts';
import { Cube, type AreaSum } from '../domain/cube.ts';
import type { DemoModel } from '../domain/demo.ts';
import type { AreaFigures } from '../domain/stats.ts';
import type { Level } from '../domain/model.ts';
import type { AreaInfo, GemeenteInfo, GeodataIndex } from '../../../geodata/build.ts';
import { locate, readCsv } from '../../../geodata/sources.ts';
import type { Store } from './store.ts';

export interface AreaFile {
  raw: Buffer;
  gzip: Buffer;
  brotli: Buffer;
  etag: string;
}

/** Pseudo-area per gemeente holding registrations that CBS counts for the gemeente but no buurt. */
export const restArea = (gm: string) => `${gm}_REST`;

export class Dataset {
  readonly categories: Categories;
  readonly index: GeodataIndex;
  private readonly areaByCode = new Map<string, AreaInfo>();
  private readonly gemeenteByCode = new Map<string, GemeenteInfo>();
  private readonly cubes = new Map<string, { revision: number; cube: Cube }>();
  private readonly files = new Map<string, AreaFile>();
  private readonly demoModel: DemoModel;

  constructor(readonly store: Store, readonly geodataDir: string, readonly sourceDir: string, groupsFile: string) {
    this.index = JSON.parse(fs.readFileSync(path.join(geodataDir, 'index.json'), 'utf8')) as GeodataIndex;
    for (const a of this.index.areas) this.areaByCode.set(a.code, a);
    for (const g of this.index.gemeenten) this.gemeenteByCode.set(g.code, g);
    const types = loadTypes(sourceDir);
    const groups = groupFileSchema.parse(JSON.parse(fs.readFileSync(groupsFile, 'utf8')));
    this.categories = new Categories(types, groups);
    const national = loadNationalCounts(sourceDir);
    const misdrijven = types.filter((t) => t.kind === 'misdrijf');
    this.demoModel = { types: misdrijven.map((t) => t.code), nationalCounts: misdrijven.map((t) => national.get(t.code) ?? 0) };
  }

  gemeenten(): GemeenteInfo[] {
    return this.index.gemeenten;
  }

  gemeente(code: string): GemeenteInfo | undefined {
    return this.gemeenteByCode.get(code);
  }

  area(code: string): AreaInfo | undefined {
    return this.areaByCode.get(code);
  }

  areas(gm: string, level: Level): AreaInfo[] {
    return this.index.areas.filter((a) => a.gemeentecode === gm && a.level === level);
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

  /** Latest known inhabitants per area (from the store). */
  population(gm: string): Map<string, number | null> {
    const latest = new Map<string, { year: number; inwoners: number | null }>();
    for (const p of this.store.population(gm)) {
      const cur = latest.get(p.area);
      if (!cur || p.year > cur.year) latest.set(p.area, { year: p.year, inwoners: p.inwoners });
    }
    return new Map([...latest].map(([k, v]) => [k, v.inwoners]));
  }

  cube(gm: string): Cube {
    const revision = this.store.revision();
    const hit = this.cubes.get(gm);
    if (hit && hit.revision === revision) return hit.cube;
    const buurten = this.areas(gm, 'buurt').map((a) => a.code);
    const yearlyTotals = new Map<string, Map<number, number | null>>();
    let firstYear = Infinity;
    let lastYear = -Infinity;
    for (const t of this.store.yearlyTotals(gm)) {
      (yearlyTotals.get(t.area) ?? yearlyTotals.set(t.area, new Map()).get(t.area)!).set(t.year, t.count);
      firstYear = Math.min(firstYear, t.year);
      lastYear = Math.max(lastYear, t.year);
    }
    const monthlyCells = this.store.monthlyCells(gm).map((c) => ({ area: c.area, type: c.type, month: c.period, count: c.count }));
    for (const c of monthlyCells) {
      const y = Number(c.month.slice(0, 4));
      firstYear = Math.min(firstYear, y);
      lastYear = Math.max(lastYear, y);
    }
    const yearlyTypeCells = this.store.yearlyTypeCells(gm).map((c) => ({ area: c.area, type: c.type, year: Number(c.period), count: c.count }));
    if (!Number.isFinite(firstYear)) { firstYear = 2021; lastYear = 2025; }
    // The gemeente's official total minus its buurten = registrations without a buurt.
    const rest = restArea(gm);
    const official = yearlyTotals.get(gm);
    if (official) {
      const restTotals = new Map<number, number | null>();
      for (const [y, total] of official) {
        if (total === null) continue;
        let sum = 0;
        for (const b of buurten) sum += yearlyTotals.get(b)?.get(y) ?? 0;
        if (total > sum) restTotals.set(y, total - sum);
      }
      yearlyTotals.set(rest, restTotals);
    }
    const cube = new Cube({
      areas: [...buurten, rest],
      firstYear,
      lastYear,
      types: this.categories.types,
      demo: this.demoModel,
      yearlyTotals,
      yearlyTypeCells,
      monthlyCells,
    });
    this.cubes.set(gm, { revision, cube });
    return cube;
  }

  /** Aggregated figures per area of `level` for a category and month range (plus a year earlier). */
  figures(gm: string, level: Level, category: string, from: string, to: string): { figures: AreaFigures[]; cube: Cube; months: number } {
    const cube = this.cube(gm);
    const typeIdx = (this.categories.typesOf(category) ?? []).map((t) => cube.typeIndex.get(t)!).filter((t) => t !== undefined);
    const kind = this.categories.isNuisance(category) ? 'overlast' : 'misdrijf';
    const m0 = cube.monthIndex(from);
    const m1 = cube.monthIndex(to);
    const months = m1 - m0 + 1;
    const pop = this.population(gm);
    const buurten = this.areas(gm, 'buurt');
    const cur = new Map<string, AreaSum>();
    const prev = new Map<string, AreaSum>();
    for (const b of buurten) {
      const a = cube.areaIndex.get(b.code)!;
      cur.set(b.code, cube.sum(a, m0, m1, typeIdx, kind));
      prev.set(b.code, cube.sum(a, m0 - 12, m1 - 12, typeIdx, kind));
    }
    // Whole calendar years of all crime add up to the real yearly totals: nothing demo about them.
    const allTypes = kind === 'misdrijf' && typeIdx.length === this.demoModel.types.length;
    if (allTypes && from.endsWith('-01') && to.endsWith('-12')) {
      for (const m of [cur, prev]) for (const s of m.values()) s.demo = false;
    }
    const restIdx = cube.areaIndex.get(restArea(gm))!;
    const visitorWijken = new Set(this.areas(gm, 'wijk').filter((w) => isCentre(w.naam)).map((w) => w.code));
    const figure = (a: AreaInfo, members: string[], extra: AreaSum[] = []): AreaFigures => {
      const sumOf = (m: Map<string, AreaSum>, more: AreaSum[]) => combine([...members.map((c) => m.get(c)!), ...more.map((x) => (allTypes && from.endsWith('-01') && to.endsWith('-12') ? { ...x, demo: false } : x))], months);
      const previous = sumOf(prev, extra.length ? [cube.sum(restIdx, m0 - 12, m1 - 12, typeIdx, kind)] : []);
      return {
        code: a.code,
        naam: a.naam,
        ...(a.wijkcode ? { wijkcode: a.wijkcode } : {}),
        population: pop.get(a.code) ?? a.inwoners,
        km2: a.oppervlakteKm2,
        visitors: a.level === 'buurt' ? visitorWijken.has(a.wijkcode!) || isCentre(a.naam) : a.level === 'wijk' && visitorWijken.has(a.code),
        current: sumOf(cur, extra),
        previous: m0 - 12 < 0 ? null : previous,
      };
    };
    let figures: AreaFigures[];
    if (level === 'buurt') figures = buurten.map((b) => figure(b, [b.code]));
    else if (level === 'wijk') figures = this.areas(gm, 'wijk').map((w) => figure(w, buurten.filter((b) => b.wijkcode === w.code).map((b) => b.code)));
    else figures = this.areas(gm, 'gemeente').map((g) => figure(g, buurten.map((b) => b.code), [cube.sum(restIdx, m0, m1, typeIdx, kind)]));
    return { figures, cube, months };
  }
}

/** Sum of member areas. A month counts as missing only when no member knows it. */
function combine(parts: AreaSum[], months: number): AreaSum {
  if (parts.length === 0) return { count: 0, withheld: false, demo: false, missingMonths: months };
  let count = 0;
  let withheld = false;
  let demo = false;
  let missing = months;
  for (const p of parts) {
    count += p.count;
    withheld ||= p.withheld;
    demo ||= p.demo;
    missing = Math.min(missing, p.missingMonths);
  }
  return { count, withheld, demo, missingMonths: missing };
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
