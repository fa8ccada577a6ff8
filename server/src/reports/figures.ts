// The registered-crime figures a report needs, computed with the same functions as /api/stats
// (Dataset.figures + computeStats), and the privacy rule for buurt-level tables.
import type { Dataset } from '../store/dataset.ts';
import { computeStats } from '../domain/stats.ts';
import { suppressStatsRow } from '../domain/privacy.ts';
import type { Level, StatsRow } from '../domain/model.ts';
import { shiftMonth } from '../domain/months.ts';

/** The four themes of the mayor's briefing; nuisance says "geen gegevens" until 47024NED is imported. */
export const THEMES = [
  { code: '1.1.1', label: 'Woninginbraak', detail: 'diefstal/inbraak woning (1.1.1)' },
  { code: 'G1.4', label: 'Geweld', detail: 'zwaar geweld, bedreiging, mishandeling, straatroof, overval (1.4.x)' },
  { code: 'OVERLAST', label: 'Overlast', detail: 'politieregistraties overlast (47024NED)' },
  { code: '0.0.0', label: 'Totaal misdrijven', detail: 'alle geregistreerde misdrijven' },
] as const;

export interface PeriodStats {
  rows: StatsRow[];
  demo: boolean;
  /** No area has any figure (e.g. nuisance not imported). */
  noData: boolean;
  from: string;
  to: string;
}

export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = shiftMonth(m, 1)) out.push(m);
  return out;
}

export class ReportFigures {
  constructor(
    private readonly ds: Dataset,
    private readonly gm: string,
    private readonly lowPopulationThreshold: number,
    readonly suppressionThreshold: number,
  ) {}

  stats(level: Level, category: string, from: string, to: string): PeriodStats {
    const { figures, months } = this.ds.figures(this.gm, level, category, from, to);
    const { rows, demo } = computeStats(figures, { lowPopulationThreshold: this.lowPopulationThreshold, months });
    return { rows, demo, noData: rows.every((r) => r.count === null), from, to };
  }

  /** Buurt rows for a wider audience: counts 1 up to the threshold (and what derives from them) hidden. */
  buurtStats(category: string, from: string, to: string): PeriodStats {
    const s = this.stats('buurt', category, from, to);
    return { ...s, rows: s.rows.map((r) => suppressStatsRow(r, this.suppressionThreshold)) };
  }

  total(category: string, from: string, to: string): StatsRow & { demo: boolean } {
    const s = this.stats('gemeente', category, from, to);
    return { ...s.rows[0], demo: s.demo };
  }

  /** Gemeente count per month (null when the month is not in the data or nothing was imported). */
  series(category: string, months: string[]): { month: string; count: number | null; demo: boolean }[] {
    const cube = this.ds.cube(this.gm);
    const first = cube.months[0];
    return months.map((m) => {
      if (m < first) return { month: m, count: null, demo: false };
      const r = this.total(category, m, m);
      return { month: m, count: r.count, demo: r.demo };
    });
  }
}
