// The in-memory registration cube of one gemeente: counts per area x month x type in typed arrays.
// Aggregating a year of one category for all buurten is a tight loop over a few thousand cells,
// which is why the store keeps SQLite for persistence and this for queries (see README, "Store").
// Counts are Uint16 when every cell fits (all of the Netherlands: ~60 M cells, ~120 MB), Int32 otherwise;
// withheld cells are a sparse set. A built cube serialises to one buffer (toBuffer / fromBuffer), so a
// restart reads it back with one readFileSync instead of redoing the demo split.
import { seasonalCumulative, splitTypeOverMonths, splitYear, splitYearConstrained, buurtTypeWeights, type DemoModel } from './demo.ts';
import { UNSPLIT_TYPE, type TypeDef } from './categories.ts';

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
  /**
   * Real gemeente figures per year and crime type (47018NED gemeente rows). The demo split of the areas'
   * yearly totals is constrained so that, per type and year, all areas together give exactly these.
   */
  gemeenteTypeTotals?: Map<number, Map<string, number>>;
}

export interface AreaSum {
  count: number;
  /** Some cell in the selection was withheld by CBS/Politie. */
  withheld: boolean;
  /** Some month in the selection is generated demo data. */
  demo: boolean;
  /** The split into crime types is generated (not only the split over months). */
  demoTypes?: boolean;
  /** Every cell in the selection was withheld or not published: no count at all. */
  allWithheld?: boolean;
  /** Months in the selection for which nothing is known. */
  missingMonths: number;
  /** Disclosure control: `count` is rounded and the true count is small; publish nothing derived from it. */
  suppressed?: boolean;
}

const MISDRIJF = 1;
const OVERLAST = 2;

// Demo bits per area x month: what in it is generated.
/** The misdrijf type split of a real yearly total is generated. */
const DEMO_TYPES = 1;
/** Misdrijf months are spread from a real yearly figure. */
const DEMO_MONTHS = 2;
/** Overlast months are spread from a real yearly figure. */
const DEMO_NUISANCE_MONTHS = 4;

/** Bump when the cube's content or byte layout changes for the same inputs. */
export const CUBE_FORMAT = 2;
const MAGIC = 0x43_4b_56_42; // 'BVKC' little-endian

export type CubeCounts = Uint16Array | Int32Array;

/** What a serialised cube holds besides its arrays. */
interface CubeHeader {
  format: number;
  areas: string[];
  firstYear: number;
  lastYear: number;
  types: string[];
  counts: 'u16' | 'i32';
  withheld: number[];
  unpublished: number[];
}

interface CubeParts {
  areas: string[];
  firstYear: number;
  lastYear: number;
  types: string[];
  counts: CubeCounts;
  withheld: Iterable<number>;
  unpublished: Iterable<number>;
  demo: Uint8Array;
  known: Uint8Array;
}

export class Cube {
  readonly A: number;
  readonly M: number;
  readonly T: number;
  readonly firstYear: number;
  readonly months: string[];
  /** Area codes in cube order. */
  readonly areas: string[];
  /** Type codes in cube order. */
  readonly types: string[];
  readonly areaIndex = new Map<string, number>();
  readonly typeIndex = new Map<string, number>();
  /** Per area x month x type (index ((a * M) + m) * T + t). */
  readonly counts: CubeCounts;
  /** Cell indexes withheld by CBS/Politie: rare, so a set instead of a byte per cell. */
  readonly withheld: Set<number>;
  /**
   * Cells of crime types the source does not publish for an area whose other types are real: unknown
   * on their own, but inside the area's "not split by type" remainder, so the total is still whole.
   */
  readonly unpublished: Set<number>;
  /** Per area x month: 1 when some cell of it is withheld or unpublished (keeps the sets out of the hot loop). */
  private readonly withheldAm: Uint8Array;
  /** Per area x month: demo bits (DEMO_TYPES, DEMO_MONTHS, DEMO_NUISANCE_MONTHS). */
  readonly demo: Uint8Array;
  /** Per area x month: bit 1 misdrijven known, bit 2 overlast known. */
  readonly known: Uint8Array;
  private readonly unsplitIndex: number;

  constructor(input: CubeInput | CubeParts) {
    const parts = 'counts' in input ? input : buildParts(input);
    this.areas = parts.areas;
    this.types = parts.types;
    this.firstYear = parts.firstYear;
    this.A = parts.areas.length;
    this.T = parts.types.length;
    this.months = [];
    for (let y = parts.firstYear; y <= parts.lastYear; y++) for (let m = 1; m <= 12; m++) this.months.push(`${y}-${String(m).padStart(2, '0')}`);
    this.M = this.months.length;
    parts.areas.forEach((a, i) => this.areaIndex.set(a, i));
    parts.types.forEach((t, i) => this.typeIndex.set(t, i));
    const cells = this.A * this.M * this.T;
    if (parts.counts.length !== cells || parts.demo.length !== this.A * this.M || parts.known.length !== this.A * this.M) {
      throw new Error(`cube arrays do not match ${this.A} areas x ${this.M} months x ${this.T} types`);
    }
    this.counts = parts.counts;
    this.demo = parts.demo;
    this.known = parts.known;
    this.withheld = new Set(parts.withheld);
    this.unpublished = new Set(parts.unpublished);
    this.withheldAm = new Uint8Array(this.A * this.M);
    for (const set of [this.withheld, this.unpublished]) {
      for (const i of set) {
        if (!(i >= 0 && i < cells)) throw new Error(`withheld cell ${i} outside the cube`);
        this.withheldAm[Math.floor(i / this.T)] = 1;
      }
    }
    this.unsplitIndex = this.typeIndex.get(UNSPLIT_TYPE) ?? -1;
  }

  monthIndex(month: string): number {
    const [y, m] = month.split('-').map(Number);
    return (y - this.firstYear) * 12 + (m - 1);
  }

  /** Bytes of this cube: magic, format, JSON header, then counts, demo and known (8-byte aligned). */
  toBuffer(): Buffer {
    const header: CubeHeader = {
      format: CUBE_FORMAT,
      areas: this.areas,
      firstYear: this.firstYear,
      lastYear: this.firstYear + this.M / 12 - 1,
      types: this.types,
      counts: this.counts instanceof Uint16Array ? 'u16' : 'i32',
      withheld: [...this.withheld].sort((a, b) => a - b),
      unpublished: [...this.unpublished].sort((a, b) => a - b),
    };
    const json = Buffer.from(JSON.stringify(header));
    const head = Buffer.alloc(12);
    head.writeUInt32LE(MAGIC, 0);
    head.writeUInt32LE(CUBE_FORMAT, 4);
    head.writeUInt32LE(json.length, 8);
    const pad = Buffer.alloc((8 - ((12 + json.length) % 8)) % 8);
    const view = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    return Buffer.concat([head, json, pad, view(this.counts), view(this.demo), view(this.known)]);
  }

  /** Reads toBuffer()'s bytes back; the arrays are views on `buf` (no copy when aligned). Throws on a mismatch. */
  static fromBuffer(buf: Buffer): Cube {
    if (buf.length < 12 || buf.readUInt32LE(0) !== MAGIC) throw new Error('not a cube file');
    if (buf.readUInt32LE(4) !== CUBE_FORMAT) throw new Error(`cube format ${buf.readUInt32LE(4)}, expected ${CUBE_FORMAT}`);
    const len = buf.readUInt32LE(8);
    const header = JSON.parse(buf.subarray(12, 12 + len).toString('utf8')) as CubeHeader;
    let off = 12 + len;
    off += (8 - (off % 8)) % 8;
    const A = header.areas.length;
    const M = (header.lastYear - header.firstYear + 1) * 12;
    const cells = A * M * header.types.length;
    const Ctor = header.counts === 'u16' ? Uint16Array : Int32Array;
    const countBytes = cells * Ctor.BYTES_PER_ELEMENT;
    if (buf.length !== off + countBytes + 2 * A * M) throw new Error(`cube file has ${buf.length} bytes, expected ${off + countBytes + 2 * A * M}`);
    const at = buf.byteOffset + off;
    // A Buffer from readFileSync owns its memory at offset 0; anything else misaligned is copied once.
    const counts = at % Ctor.BYTES_PER_ELEMENT === 0 ? new Ctor(buf.buffer as ArrayBuffer, at, cells) : new Ctor(new Uint8Array(buf.subarray(off, off + countBytes)).buffer);
    off += countBytes;
    // Plain Uint8Array views (not Buffer subclasses), so sum() sees one array shape for every cube.
    const demo = new Uint8Array(buf.buffer, buf.byteOffset + off, A * M);
    const known = new Uint8Array(buf.buffer, buf.byteOffset + off + A * M, A * M);
    return new Cube({ areas: header.areas, firstYear: header.firstYear, lastYear: header.lastYear, types: header.types, counts, withheld: header.withheld, unpublished: header.unpublished, demo, known });
  }

  /** Sums types `typeIdx` over months [m0, m1] for one area. */
  sum(a: number, m0: number, m1: number, typeIdx: number[], kind: 'misdrijf' | 'overlast'): AreaSum {
    const bit = kind === 'misdrijf' ? MISDRIJF : OVERLAST;
    const demoBits = kind === 'misdrijf' ? DEMO_TYPES | DEMO_MONTHS : DEMO_NUISANCE_MONTHS;
    let count = 0;
    let demo = false;
    let demoTypes = false;
    let missing = 0;
    let cells = 0;
    let withheldCells = 0;
    const T = this.T;
    const counts = this.counts;
    const n = typeIdx.length;
    // With the remainder in the selection, unpublished types are counted in it, not missing.
    const unpublishedCounts = !typeIdx.includes(this.unsplitIndex);
    for (let m = Math.max(0, m0); m <= Math.min(this.M - 1, m1); m++) {
      const am = a * this.M + m;
      if (!(this.known[am] & bit)) { missing++; continue; }
      const d = this.demo[am] & demoBits;
      if (d) { demo = true; if (d & DEMO_TYPES) demoTypes = true; }
      const base = am * T;
      for (let k = 0; k < n; k++) count += counts[base + typeIdx[k]];
      cells += n;
      if (this.withheldAm[am]) {
        for (let k = 0; k < n; k++) {
          const i = base + typeIdx[k];
          if (this.withheld.has(i) || (unpublishedCounts && this.unpublished.has(i))) withheldCells++;
        }
      }
    }
    missing += Math.max(0, -m0) + Math.max(0, m1 - (this.M - 1));
    return { count, withheld: withheldCells > 0, allWithheld: cells > 0 && withheldCells === cells, demo, demoTypes, missingMonths: missing };
  }

  /** Monthly counts of one area (summed over `typeIdx`), null where unknown. */
  series(a: number, typeIdx: number[], kind: 'misdrijf' | 'overlast'): { month: string; count: number | null; demo: boolean; withheld: boolean }[] {
    return this.months.map((month, m) => {
      const s = this.sum(a, m, m, typeIdx, kind);
      return { month, count: s.missingMonths || s.allWithheld ? null : s.count, demo: s.demo, withheld: s.withheld };
    });
  }
}

/** Builds the arrays from the store's rows and the demo split. */
function buildParts(input: CubeInput): CubeParts {
  const { areas, firstYear, lastYear, types, demo, yearlyTotals } = input;
  const A = areas.length;
  const T = types.length;
  const M = (lastYear - firstYear + 1) * 12;
  const typeIndex = new Map(types.map((t, i) => [t.code, i]));
  const areaIndex = new Map(areas.map((a, i) => [a, i]));
  const counts = new Int32Array(A * M * T);
  const withheld = new Set<number>();
  const unpublished = new Set<number>();
  const demoFlags = new Uint8Array(A * M);
  const known = new Uint8Array(A * M);
  const isMisdrijf = types.map((t) => t.kind === 'misdrijf');
  const unsplit = typeIndex.get(UNSPLIT_TYPE);
  // The demo model covers the published misdrijf types only; map its order onto cube order.
  const demoToCube = demo.types.map((c) => typeIndex.get(c)!);
  const seasonal = seasonalCumulative(demo);
  const D = demo.types.length;

  const yearlyType = new Map<string, { type: string; count: number | null }[]>();
  for (const c of input.yearlyTypeCells) {
    const k = `${c.area}|${c.year}`;
    (yearlyType.get(k) ?? yearlyType.set(k, []).get(k)!).push(c);
  }
  const putDemoSplit = (a: number, m0: number, split: Int32Array) => {
    for (let m = 0; m < 12; m++) {
      const base = ((a * M) + m0 + m) * T;
      for (let d = 0; d < D; d++) counts[base + demoToCube[d]] = split[m * D + d];
      demoFlags[a * M + m0 + m] |= DEMO_TYPES | DEMO_MONTHS;
      known[a * M + m0 + m] |= MISDRIJF;
    }
  };
  const weightsOf = new Map<number, Float64Array>();
  const weights = (a: number) => weightsOf.get(a) ?? weightsOf.set(a, buurtTypeWeights(demo, areas[a])).get(a)!;

  for (let y = firstYear; y <= lastYear; y++) {
    const m0 = (y - firstYear) * 12;
    // Real per-type figures of this year, summed over the areas that have them (for the constraint).
    const realByType = new Map<string, number>();
    const demoAreas: { a: number; total: number }[] = [];
    for (let a = 0; a < A; a++) {
      const area = areas[a];
      const typed = yearlyType.get(`${area}|${y}`) ?? [];
      let crimeTyped = 0;
      let typedSum = 0;
      let typedWithheld = false;
      const present = new Set<number>();
      for (const c of typed) {
        const t = typeIndex.get(c.type);
        if (t === undefined) continue;
        const split = c.count === null ? null : splitTypeOverMonths(c.type, area, y, c.count);
        for (let m = 0; m < 12; m++) {
          const i = ((a * M) + m0 + m) * T + t;
          if (split) counts[i] = split[m];
          else withheld.add(i);
        }
        const flagBits = isMisdrijf[t] ? DEMO_MONTHS : DEMO_NUISANCE_MONTHS;
        for (let m = 0; m < 12; m++) { demoFlags[a * M + m0 + m] |= flagBits; known[a * M + m0 + m] |= isMisdrijf[t] ? MISDRIJF : OVERLAST; }
        if (!isMisdrijf[t]) continue;
        crimeTyped++;
        present.add(t);
        if (c.count === null) typedWithheld = true;
        else {
          typedSum += c.count;
          realByType.set(c.type, (realByType.get(c.type) ?? 0) + c.count);
        }
      }
      const total = yearlyTotals.get(area)?.get(y);
      if (crimeTyped > 0) {
        // Real counts per type for the year. Types the file does not publish for this area are not
        // known (withheld); what the real yearly total holds beyond the published types is its own
        // type, so the total stays the official one.
        for (let t = 0; t < T; t++) {
          if (!isMisdrijf[t] || present.has(t) || t === unsplit) continue;
          for (let m = 0; m < 12; m++) unpublished.add(((a * M) + m0 + m) * T + t);
        }
        if (unsplit !== undefined && total !== undefined && total !== null) {
          const rest = Math.max(0, total - typedSum);
          const split = splitTypeOverMonths(UNSPLIT_TYPE, areas[a], y, rest);
          for (let m = 0; m < 12; m++) {
            const i = ((a * M) + m0 + m) * T + unsplit;
            counts[i] = split[m];
            // Withheld published types hide inside the remainder: it is a bound, not a figure.
            if (typedWithheld) withheld.add(i);
          }
        } else if (unsplit !== undefined) for (let m = 0; m < 12; m++) withheld.add(((a * M) + m0 + m) * T + unsplit);
        continue;
      }
      if (total === undefined || total === null) continue;
      demoAreas.push({ a, total });
    }
    if (demoAreas.length === 0) continue;

    // Constrained split: the generated areas together give the real gemeente figure per type minus
    // what areas with real per-type figures already hold.
    const gemeente = input.gemeenteTypeTotals?.get(y);
    let fixed: Map<number, number> | null = null;
    if (gemeente && gemeente.size) {
      fixed = new Map();
      let fixedSum = 0;
      demo.types.forEach((code, d) => {
        const g = gemeente.get(code);
        if (g === undefined) return;
        const left = Math.max(0, g - (realByType.get(code) ?? 0));
        fixed!.set(d, left);
        fixedSum += left;
      });
      const totalSum = demoAreas.reduce((s, x) => s + x.total, 0);
      if (fixed.size === 0 || fixedSum > totalSum) fixed = null; // sources disagree: no constraint this year
    }
    if (fixed) {
      const splits = splitYearConstrained(demo, demoAreas.map((x) => ({ area: areas[x.a], total: x.total, weights: weights(x.a) })), y, fixed, seasonal);
      demoAreas.forEach((x, k) => putDemoSplit(x.a, m0, splits[k]));
    } else {
      for (const x of demoAreas) putDemoSplit(x.a, m0, splitYear(demo, areas[x.a], y, x.total, weights(x.a), seasonal));
    }
  }

  // Imported monthly figures replace the demo for the area-months they cover.
  const cleared = new Set<number>();
  const monthIndex = (month: string) => (Number(month.slice(0, 4)) - firstYear) * 12 + Number(month.slice(5, 7)) - 1;
  for (const c of input.monthlyCells) {
    const a = areaIndex.get(c.area);
    const t = typeIndex.get(c.type);
    if (a === undefined || t === undefined) continue;
    const m = monthIndex(c.month);
    if (m < 0 || m >= M) continue;
    const am = a * M + m;
    if (isMisdrijf[t]) {
      if (!cleared.has(am)) {
        cleared.add(am);
        for (let k = 0; k < T; k++) if (isMisdrijf[k]) { counts[am * T + k] = 0; withheld.delete(am * T + k); unpublished.delete(am * T + k); }
        demoFlags[am] &= ~(DEMO_TYPES | DEMO_MONTHS);
        known[am] |= MISDRIJF;
      }
    } else known[am] |= OVERLAST;
    if (c.count === null) withheld.add(am * T + t);
    else counts[am * T + t] = c.count;
  }

  // Half the memory when every cell fits in 16 bits (true for the demo and any realistic import).
  let max = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i] > max) max = counts[i];
  let min = 0;
  if (max <= 0xffff) for (let i = 0; i < counts.length; i++) if (counts[i] < min) min = counts[i];
  const compact = max <= 0xffff && min >= 0 ? Uint16Array.from(counts) : counts;
  return { areas, firstYear, lastYear, types: types.map((t) => t.code), counts: compact, withheld, unpublished, demo: demoFlags, known };
}
