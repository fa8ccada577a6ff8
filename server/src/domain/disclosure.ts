// Statistical disclosure control for counts shown to a wider audience (the presentatie role): the
// cell-key method with a rounding perturbation table, i.e. fixed random rounding to base
// threshold + 1 (docs/decisions/0006-disclosure-control.md says why and what risk remains).
//
// Every published count is a multiple of the base, so no sum or difference of published counts can
// be 1 up to the threshold. Each cell is rounded up or down by its cell key, a keyed hash of what the
// cell contains (areas, months, crime types), so the same cell always gets the same figure however
// it is asked for, and a total is rounded on its own rather than summed from rounded parts.
import { createHmac } from 'node:crypto';

/** What a cell counts. Two descriptions of the same cell must give the same key. */
export interface CellContent {
  /** Area codes (buurt, wijk, gemeente) or, for a union of buurten, the buurt codes. */
  areas: readonly string[];
  from: string;
  to: string;
  /** Crime or nuisance type codes the cell sums. */
  types: readonly string[];
}

export interface DisclosedCount {
  /** The count to compute with and, unless hidden, to publish: a multiple of `base`. */
  value: number;
  /** The true count is 1 up to the threshold: publish neither it nor anything derived from it. */
  hidden: boolean;
}

export class CellKeyRounding {
  readonly base: number;

  /** `key`: the installation's secret; without it a reader could compute each cell's rounding direction. */
  constructor(
    private readonly key: Buffer,
    readonly threshold: number,
  ) {
    if (key.length < 16) throw new Error('disclosure key: expected at least 16 bytes');
    this.base = threshold + 1;
  }

  /** Uniform in [0, 1), fixed per cell content. */
  cellKey(content: CellContent): number {
    const text = `${[...content.areas].sort().join(',')}|${content.from}|${content.to}|${[...content.types].sort().join(',')}`;
    const h = createHmac('sha256', this.key).update(text).digest();
    return h.readUInt32BE(0) / 0x1_0000_0000;
  }

  /**
   * Unbiased random rounding of `n` to a multiple of the base, decided by the cell key: up with
   * probability (n mod base) / base. Zero stays zero, a multiple of the base stays as it is.
   */
  round(n: number, key: number): number {
    const r = n % this.base;
    if (r === 0) return n;
    return key < r / this.base ? n - r + this.base : n - r;
  }

  /** What a reader of rounded figures is told (Dutch, for screens, exports and reports). */
  note(): string {
    return `Privacy: op een presentatiescherm zijn alle aantallen willekeurig afgerond op een veelvoud van ${this.base} (licht verstoord) en worden aantallen van 1 tot en met ${this.threshold} niet getoond; cijfers per inwoner en per km², veranderingen, aandelen en hotspots zijn berekend uit de afgeronde aantallen.`;
  }

  count(n: number, content: CellContent): DisclosedCount {
    if (this.base <= 1) return { value: n, hidden: false };
    return { value: this.round(n, this.cellKey(content)), hidden: n >= 1 && n <= this.threshold };
  }
}

/**
 * Periods a disclosure-controlled reader may ask for: one month, one calendar quarter, one half-year
 * or whole calendar years. Any other range would let a reader average many overlapping cells (for example
 * January–June minus January–May, February–June minus February–May, ...) until the rounding cancels out.
 */
/** In Dutch: the presentation screen shows it as it is. */
export const PERIOD_RULE = 'een presentatie toont één maand, een kwartaal (bijv. 2025-04 … 2025-06), een halfjaar (2025-01 … 2025-06) of hele kalenderjaren (2025-01 … 2025-12)';

export function isAlignedPeriod(from: string, to: string): boolean {
  if (from === to) return true;
  const fy = Number(from.slice(0, 4));
  const fm = Number(from.slice(5, 7));
  const ty = Number(to.slice(0, 4));
  const tm = Number(to.slice(5, 7));
  if (fm === 1 && tm === 12 && ty >= fy) return true;
  return fy === ty && ((fm % 3 === 1 && tm === fm + 2) || (fm % 6 === 1 && tm === fm + 5));
}
