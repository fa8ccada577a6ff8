// The in-memory registration cube of one gemeente: counts per area x month x type in typed arrays.
// Aggregating a year of one category for all buurten is a tight loop over a few thousand cells,
// which is why the store keeps SQLite for persistence and this for queries (see README, "Store").
import { splitTypeOverMonths, splitYear, buurtTypeWeights, type DemoModel } from './demo.ts';
import type { TypeDef } from './categories.ts';

export interface CubeInput {
  /** Area codes in cube order (buurten, then pseudo areas). */
  areas: string[];
  /** First and last year of the cube (inclusive). */
  firstYear: number;
  lastYear: number;
  types: TypeDef[];
  demo: DemoModel;
  /** Real yearly totals per area (all crime). */
  yearlyTotals: Map<string, Map<number, number | null>>;
  yearlyTypeCells: { area: string; type: string; year: number; count: number | null }[];
  monthlyCells: { area: string; type: string; month: string; count: number | null }[];
}

export interface AreaSum {
  count: number;
  /** Some cell in the selection was withheld by CBS/Politie. */
  withheld: boolean;
  /** Some month in the selection is generated demo data. */
  demo: boolean;
  /** Months in the selection for which nothing is known. */
  missingMonths: number;
}

const MISDRIJF = 1;
const OVERLAST = 2;

export class Cube {
  readonly A: number;
  readonly M: number;
  readonly T: number;
  readonly months: string[];
  readonly areaIndex = new Map<string, number>();
  readonly typeIndex = new Map<string, number>();
  readonly counts: Int32Array;
  readonly withheld: Uint8Array;
  /** Per area x month: 1 when the misdrijf figures are (partly) demo. */
  readonly demo: Uint8Array;
  /** Per area x month: bit 1 misdrijven known, bit 2 overlast known. */
  readonly known: Uint8Array;

  constructor(readonly input: CubeInput) {
    const { areas, firstYear, lastYear, types } = input;
    this.A = areas.length;
    this.T = types.length;
    this.months = [];
    for (let y = firstYear; y <= lastYear; y++) for (let m = 1; m <= 12; m++) this.months.push(`${y}-${String(m).padStart(2, '0')}`);
    this.M = this.months.length;
    areas.forEach((a, i) => this.areaIndex.set(a, i));
    types.forEach((t, i) => this.typeIndex.set(t.code, i));
    this.counts = new Int32Array(this.A * this.M * this.T);
    this.withheld = new Uint8Array(this.A * this.M * this.T);
    this.demo = new Uint8Array(this.A * this.M);
    this.known = new Uint8Array(this.A * this.M);
    this.fill();
  }

  monthIndex(month: string): number {
    const [y, m] = month.split('-').map(Number);
    return (y - this.input.firstYear) * 12 + (m - 1);
  }

  private fill() {
    const { areas, firstYear, lastYear, types, demo, yearlyTotals } = this.input;
    const T = this.T;
    const isMisdrijf = types.map((t) => t.kind === 'misdrijf');
    // The demo model covers the misdrijf types only; map its order onto cube order.
    const demoToCube = demo.types.map((c) => this.typeIndex.get(c)!);

    const yearlyType = new Map<string, { type: string; count: number | null }[]>();
    for (const c of this.input.yearlyTypeCells) {
      const k = `${c.area}|${c.year}`;
      (yearlyType.get(k) ?? yearlyType.set(k, []).get(k)!).push(c);
    }

    for (let a = 0; a < this.A; a++) {
      const area = areas[a];
      const weights = buurtTypeWeights(demo, area);
      for (let y = firstYear; y <= lastYear; y++) {
        const m0 = (y - firstYear) * 12;
        const typed = yearlyType.get(`${area}|${y}`);
        if (typed) {
          // Real counts per type for the year; only the month split is demo.
          for (const c of typed) {
            const t = this.typeIndex.get(c.type);
            if (t === undefined) continue;
            const split = c.count === null ? null : splitTypeOverMonths(c.type, area, y, c.count);
            for (let m = 0; m < 12; m++) {
              const i = ((a * this.M) + m0 + m) * T + t;
              if (split) this.counts[i] = split[m];
              else this.withheld[i] = 1;
            }
          }
          for (let m = 0; m < 12; m++) { this.demo[a * this.M + m0 + m] = 1; this.known[a * this.M + m0 + m] |= MISDRIJF; }
          continue;
        }
        const total = yearlyTotals.get(area)?.get(y);
        if (total === undefined || total === null) continue;
        const split = splitYear(demo, area, y, total, weights);
        const D = demo.types.length;
        for (let m = 0; m < 12; m++) {
          const base = ((a * this.M) + m0 + m) * T;
          for (let d = 0; d < D; d++) this.counts[base + demoToCube[d]] = split[m * D + d];
          this.demo[a * this.M + m0 + m] = 1;
          this.known[a * this.M + m0 + m] |= MISDRIJF;
        }
      }
    }

    // Imported monthly figures replace the demo for the area-months they cover.
    const cleared = new Set<number>();
    for (const c of this.input.monthlyCells) {
      const a = this.areaIndex.get(c.area);
      const t = this.typeIndex.get(c.type);
      if (a === undefined || t === undefined) continue;
      const m = this.monthIndex(c.month);
      if (m < 0 || m >= this.M) continue;
      const am = a * this.M + m;
      if (isMisdrijf[t]) {
        if (!cleared.has(am)) {
          cleared.add(am);
          for (let k = 0; k < T; k++) if (isMisdrijf[k]) { this.counts[am * T + k] = 0; this.withheld[am * T + k] = 0; }
          this.demo[am] = 0;
          this.known[am] |= MISDRIJF;
        }
      } else this.known[am] |= OVERLAST;
      if (c.count === null) this.withheld[am * T + t] = 1;
      else this.counts[am * T + t] = c.count;
    }
  }

  /** Sums types `typeIdx` over months [m0, m1] for one area. */
  sum(a: number, m0: number, m1: number, typeIdx: number[], kind: 'misdrijf' | 'overlast'): AreaSum {
    const bit = kind === 'misdrijf' ? MISDRIJF : OVERLAST;
    let count = 0;
    let withheld = false;
    let demo = false;
    let missing = 0;
    const T = this.T;
    for (let m = Math.max(0, m0); m <= Math.min(this.M - 1, m1); m++) {
      const am = a * this.M + m;
      if (!(this.known[am] & bit)) { missing++; continue; }
      if (kind === 'misdrijf' && this.demo[am]) demo = true;
      const base = am * T;
      for (const t of typeIdx) {
        count += this.counts[base + t];
        if (this.withheld[base + t]) withheld = true;
      }
    }
    missing += Math.max(0, -m0) + Math.max(0, m1 - (this.M - 1));
    return { count, withheld, demo, missingMonths: missing };
  }

  /** Monthly counts of one area (summed over `typeIdx`), null where unknown. */
  series(a: number, typeIdx: number[], kind: 'misdrijf' | 'overlast'): { month: string; count: number | null; demo: boolean; withheld: boolean }[] {
    return this.months.map((month, m) => {
      const s = this.sum(a, m, m, typeIdx, kind);
      return { month, count: s.missingMonths ? null : s.count, demo: s.demo, withheld: s.withheld };
    });
  }
}
