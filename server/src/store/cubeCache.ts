// The cube cache: per gemeente an in-memory cube (domain/cube.ts) of its registrations, rebuilt only when
// that gemeente's own store rows change. Built cubes are persisted to DATA_DIR/cubes/<gm>-<key>.bin (key =
// hash of everything the cube is made of), so a restart reads them back instead of redoing the demo split;
// `warmAll` loads or builds every gemeente in the background for the national view (`gemeente=NL`).
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { threadId } from 'node:worker_threads';
import type { TypeDef } from '../domain/categories.ts';
import { Cube, CUBE_FORMAT } from '../domain/cube.ts';
import type { DemoModel } from '../domain/demo.ts';
import type { GemeenteInfo } from '../../../geodata/build.ts';
import { gemeenteOf, type RegistrationCell, type Store, type YearlyTotal } from './store.ts';

/**
 * Version of the demo split (domain/demo.ts, random.ts). Part of every persisted cube's key; the
 * files' source text is hashed in too where it can be read, so a changed split never reads a stale cube.
 */
const DEMO_VERSION = 1;

/** The store rows one gemeente's cube is built from. */
interface CubeRows {
  yearlyTotals: YearlyTotal[];
  monthly: RegistrationCell[];
  yearlyType: RegistrationCell[];
}

export interface WarmStatus {
  done: number;
  total: number;
  loaded: number;
  built: number;
  ms: number;
}

/** The years a cube spans when the store has no rows at all. */
export const DEFAULT_FIRST_YEAR = 2021;
export const DEFAULT_LAST_YEAR = 2025;

/** Pseudo-area per gemeente holding registrations that CBS counts for the gemeente but no buurt. */
export const restArea = (gm: string) => `${gm}_REST`;

/** Hash of what every cube depends on besides its own store rows: the demo split's code, the types, the geodata. */
export function cubeBaseKey(types: TypeDef[], demoModel: DemoModel, sourceStamp: string): string {
  const h = createHash('sha256').update(`demo ${DEMO_VERSION} cube ${CUBE_FORMAT} geodata ${sourceStamp}\n`);
  h.update(JSON.stringify(types)).update(JSON.stringify(demoModel));
  for (const f of ['demo.ts', 'random.ts', 'cube.ts']) {
    try {
      h.update(fs.readFileSync(new URL(`../domain/${f}`, import.meta.url)));
    } catch {
      h.update(`${f}:unreadable`); // a bundled build: DEMO_VERSION alone then
    }
  }
  return h.digest('hex');
}

export interface CubeCacheInputs {
  store: Store;
  gemeenten: readonly GemeenteInfo[];
  /** The buurt codes of a gemeente, in index order (the cube's areas, before its rest area). */
  buurtenOf: (gm: string) => string[];
  types: TypeDef[];
  demoModel: DemoModel;
  baseKey: string;
  /** Where built cubes are persisted (omitted = memory only). */
  cacheDir?: string;
}

export class CubeCache {
  private readonly cubes = new Map<string, { revision: number; key: string; cube: Cube }>();
  private readonly store: Store;
  private readonly gemeenten: readonly GemeenteInfo[];
  private readonly buurtenOf: (gm: string) => string[];
  private readonly types: TypeDef[];
  private readonly demoModel: DemoModel;
  private readonly baseKey: string;
  private readonly cacheDir?: string;
  private warming: Promise<WarmStatus> | null = null;
  private warmingStopped = false;
  readonly warmStatus: WarmStatus;

  constructor(inputs: CubeCacheInputs) {
    ({ store: this.store, gemeenten: this.gemeenten, buurtenOf: this.buurtenOf, types: this.types, demoModel: this.demoModel, baseKey: this.baseKey, cacheDir: this.cacheDir } = inputs);
    this.warmStatus = { done: 0, total: this.gemeenten.length, loaded: 0, built: 0, ms: 0 };
  }

  /**
   * The cube of one gemeente. Valid while the store's revision is unchanged; after a change it is
   * rebuilt only when this gemeente's own rows differ (an import in Maastricht leaves Amsterdam alone).
   */
  cube(gm: string, revision = this.store.revision()): Cube {
    const hit = this.cubes.get(gm);
    if (hit && hit.revision === revision) return hit.cube;
    const rows = this.cubeRows(gm);
    const key = this.cubeKey(gm, rows);
    if (hit && hit.key === key) {
      hit.revision = revision;
      return hit.cube;
    }
    const cube = this.loadOrBuild(gm, key, rows).cube;
    this.cubes.set(gm, { revision, key, cube });
    return cube;
  }

  /**
   * Loads (from DATA_DIR/cubes) or builds the cube of every gemeente, one per event-loop turn, so
   * requests keep being answered meanwhile. Called once after the server listens; idempotent.
   */
  warmAll(log: (m: string) => void = () => {}): Promise<WarmStatus> {
    this.warming ??= (async () => {
      const t0 = performance.now();
      const revision = this.store.revision();
      // One query per table for the whole country instead of three per gemeente.
      const byGm = new Map<string, CubeRows>();
      const slot = (area: string) => {
        const gm = gemeenteOf(area);
        let r = byGm.get(gm);
        if (!r) byGm.set(gm, (r = { yearlyTotals: [], monthly: [], yearlyType: [] }));
        return r;
      };
      for (const r of this.store.yearlyTotals(null)) slot(r.area).yearlyTotals.push(r);
      for (const r of this.store.monthlyCells(null)) slot(r.area).monthly.push(r);
      for (const r of this.store.yearlyTypeCells(null)) slot(r.area).yearlyType.push(r);
      const status = this.warmStatus;
      for (const g of this.gemeenten) {
        if (this.warmingStopped) return status;
        const current = this.cubes.get(g.code);
        if (!current || current.revision !== revision) {
          const rows = byGm.get(g.code) ?? { yearlyTotals: [], monthly: [], yearlyType: [] };
          const key = this.cubeKey(g.code, rows);
          if (current?.key === key) current.revision = revision;
          else if (this.store.revision() === revision) {
            const r = this.loadOrBuild(g.code, key, rows);
            this.cubes.set(g.code, { revision, key, cube: r.cube });
            if (r.loaded) status.loaded++;
            else status.built++;
          } else this.cube(g.code); // the store changed meanwhile: the rows read above are stale
        }
        status.done++;
        await yieldToEventLoop();
      }
      status.ms = Math.round(performance.now() - t0);
      log(`cubes: ${status.total} gemeenten ready in ${(status.ms / 1000).toFixed(1)} s (${status.loaded} read from ${this.cacheDir ?? 'memory'}, ${status.built} built)`);
      return status;
    })();
    return this.warming;
  }

  /** Ends a running warmAll at the next gemeente (before the store is closed). */
  stopWarming(): void {
    this.warmingStopped = true;
  }

  private cubeRows(gm: string): CubeRows {
    return { yearlyTotals: this.store.yearlyTotals(gm), monthly: this.store.monthlyCells(gm), yearlyType: this.store.yearlyTypeCells(gm) };
  }

  /** Content hash of a cube's inputs: the shared base, the gemeente's buurten and its store rows (order-free). */
  private cubeKey(gm: string, rows: CubeRows): string {
    const lines = [
      ...rows.yearlyTotals.map((r) => `t ${r.area} ${r.year} ${r.count}`),
      ...rows.monthly.map((r) => `m ${r.area} ${r.period} ${r.type} ${r.count}`),
      ...rows.yearlyType.map((r) => `y ${r.area} ${r.period} ${r.type} ${r.count}`),
    ].sort();
    const h = createHash('sha256').update(this.baseKey).update(`\n${gm}\n`);
    h.update(this.buurtenOf(gm).join(',')).update('\n');
    for (const l of lines) h.update(l).update('\n');
    return h.digest('hex').slice(0, 24);
  }

  private cubeFile(gm: string, key: string): string | null {
    return this.cacheDir ? path.join(this.cacheDir, `${gm}-${key}.bin`) : null;
  }

  private loadOrBuild(gm: string, key: string, rows: CubeRows): { cube: Cube; loaded: boolean } {
    const file = this.cubeFile(gm, key);
    const areas = [...this.buurtenOf(gm), restArea(gm)];
    if (file && fs.existsSync(file)) {
      try {
        const cube = Cube.fromBuffer(fs.readFileSync(file));
        if (cube.areas.length === areas.length && cube.areas.every((a, i) => a === areas[i])) return { cube, loaded: true };
      } catch {
        // Damaged or from another format: build it again below (and overwrite).
      }
    }
    const cube = this.buildCube(gm, areas, rows);
    if (file) this.persist(gm, file, cube);
    return { cube, loaded: false };
  }

  /** Atomic write (temp file + rename), then remove the gemeente's older cubes. A failure only costs speed. */
  private persist(gm: string, file: string, cube: Cube): void {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // The thread too: an import worker of this process may persist the same gemeente's cube at the same moment.
      const tmp = `${file}.tmp-${process.pid}-${threadId}`;
      fs.writeFileSync(tmp, cube.toBuffer());
      fs.renameSync(tmp, file);
      const prefix = `${gm}-`;
      for (const f of fs.readdirSync(path.dirname(file))) {
        if (f.startsWith(prefix) && f.endsWith('.bin') && path.join(path.dirname(file), f) !== file) fs.rmSync(path.join(path.dirname(file), f), { force: true });
      }
    } catch (e) {
      console.warn(`cube ${gm} not persisted: ${(e as Error).message}`);
    }
  }

  private buildCube(gm: string, areas: string[], rows: CubeRows): Cube {
    const buurten = areas.slice(0, -1);
    const yearlyTotals = new Map<string, Map<number, number | null>>();
    let firstYear = Infinity;
    let lastYear = -Infinity;
    for (const t of rows.yearlyTotals) {
      (yearlyTotals.get(t.area) ?? yearlyTotals.set(t.area, new Map()).get(t.area)!).set(t.year, t.count);
      firstYear = Math.min(firstYear, t.year);
      lastYear = Math.max(lastYear, t.year);
    }
    const monthlyCells = rows.monthly.map((c) => ({ area: c.area, type: c.type, month: c.period, count: c.count }));
    for (const c of monthlyCells) {
      const y = Number(c.month.slice(0, 4));
      firstYear = Math.min(firstYear, y);
      lastYear = Math.max(lastYear, y);
    }
    const yearlyTypeCells: { area: string; type: string; year: number; count: number | null }[] = [];
    const gemeenteTypeTotals = new Map<number, Map<string, number>>();
    for (const c of rows.yearlyType) {
      const year = Number(c.period);
      if (c.area !== gm) yearlyTypeCells.push({ area: c.area, type: c.type, year, count: c.count });
      else if (c.count !== null) (gemeenteTypeTotals.get(year) ?? gemeenteTypeTotals.set(year, new Map()).get(year)!).set(c.type, c.count);
    }
    if (!Number.isFinite(firstYear)) { firstYear = DEFAULT_FIRST_YEAR; lastYear = DEFAULT_LAST_YEAR; }
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
    return new Cube({
      areas,
      firstYear,
      lastYear,
      types: this.types,
      demo: this.demoModel,
      yearlyTotals,
      yearlyTypeCells,
      monthlyCells,
      gemeenteTypeTotals,
    });
  }
}
