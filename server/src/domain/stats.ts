// Turns aggregated counts per area into the figures the map shows: rates per 1,000, the
// Empirical Bayes rate (fair to small buurten), density, change against a year earlier, and flags.
import { changeSignificant } from './significance.ts';
import { empiricalBayes } from './spatial.ts';
import type { AreaFlag, StatsRow } from './model.ts';
import type { AreaSum } from './cube.ts';

export interface AreaFigures {
  code: string;
  naam: string;
  wijkcode?: string;
  population: number | null;
  km2: number;
  /** City-centre areas where visitors inflate the rate per resident. */
  visitors: boolean;
  current: AreaSum;
  /** The same months a year earlier; null when outside the data. */
  previous: AreaSum | null;
}

export interface StatsOptions {
  lowPopulationThreshold: number;
  months: number;
}

const round = (x: number, d: number) => {
  const f = 10 ** d;
  return Math.round(x * f) / f;
};

export function computeStats(areas: AreaFigures[], opts: StatsOptions): { rows: StatsRow[]; referenceRatePer1000: number | null; demo: boolean } {
  const hasCount = (a: AreaFigures) => a.current.missingMonths < opts.months;
  // The EB prior is estimated over the areas that have both inhabitants and figures.
  const eligible = areas.map((a, i) => ({ a, i })).filter(({ a }) => hasCount(a) && !a.current.allWithheld && (a.population ?? 0) > 0);
  const eb = empiricalBayes(eligible.map(({ a }) => a.current.count), eligible.map(({ a }) => a.population ?? 0));
  const smoothed = new Map<number, number>();
  eligible.forEach(({ i }, k) => smoothed.set(i, eb[k]));
  const sumE = eligible.reduce((s, { a }) => s + a.current.count, 0);
  const sumP = eligible.reduce((s, { a }) => s + (a.population ?? 0), 0);

  let demo = false;
  const rows = areas.map((a, i): StatsRow => {
    const flags: AreaFlag[] = [];
    // Every cell withheld (or not published for this area): no count, never a 0.
    const known = hasCount(a) && !a.current.allWithheld;
    // A sum hidden by disclosure control keeps its place (and its rounded value in the prior above)
    // but publishes nothing derived from it.
    const hidden = a.current.suppressed === true;
    const count = known && !hidden ? a.current.count : null;
    const pop = a.population;
    if (!hasCount(a)) flags.push('noData');
    if (pop === null || pop === 0) flags.push('noPopulation');
    else if (pop < opts.lowPopulationThreshold) flags.push('lowPopulation');
    if (a.current.withheld) flags.push('withheld');
    if (a.visitors) flags.push('visitors');
    if (a.current.demo) { flags.push('demo'); demo = true; }
    if (hidden) flags.push('suppressed');
    const prevKnown = a.previous && a.previous.missingMonths === 0 && !a.previous.allWithheld && !a.previous.suppressed;
    const previousCount = prevKnown ? a.previous!.count : null;
    const rate = count !== null && pop ? (count / pop) * 1000 : null;
    const s = hidden ? undefined : smoothed.get(i);
    return {
      code: a.code,
      naam: a.naam,
      ...(a.wijkcode ? { wijkcode: a.wijkcode } : {}),
      count,
      population: pop,
      ratePer1000: rate === null ? null : round(rate, 2),
      ratePer1000Smoothed: s === undefined ? null : round(s * 1000, 2),
      densityPerKm2: count !== null && a.km2 > 0 ? round(count / a.km2, 1) : null,
      changePct: count !== null && previousCount ? round(((count - previousCount) / previousCount) * 100, 1) : null,
      previousCount,
      changeSignificant: changeSignificant(count, previousCount),
      flags,
      ...(hidden || a.previous?.suppressed ? { suppressed: true } : {}),
    };
  });
  return { rows, referenceRatePer1000: sumP > 0 ? round((sumE / sumP) * 1000, 2) : null, demo };
}
