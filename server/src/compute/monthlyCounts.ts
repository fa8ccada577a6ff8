// Month-by-month registrations per buurt or wijk of a gemeente for one or more categories, straight
// from the cube: the input of the signals and the evaluations.
import type { Dataset } from '../store/dataset.ts';

export interface AreaMonthly {
  code: string;
  naam: string;
  /** Per cube month; null where the month is unknown for every member buurt. */
  counts: (number | null)[];
  /** Per cube month: some member's figure is generated (DEMO). */
  demo: boolean[];
  /** Per cube month: some cell was withheld by CBS/Politie. */
  withheld: boolean[];
  /** Under disclosure control: per cube month, the true count is small (publish nothing derived from that month alone). */
  hidden?: boolean[];
}

export interface MonthlyCounts {
  months: string[];
  areas: AreaMonthly[];
}

/** The crime or nuisance types of `categories`; throws when they mix crime and nuisance. */
export function typesOfCategories(ds: Dataset, categories: string[]): { types: string[]; kind: 'misdrijf' | 'overlast' } {
  const kinds = new Set(categories.map((c) => (ds.categories.isNuisance(c) ? 'overlast' : 'misdrijf')));
  if (kinds.size > 1) throw new RangeError('categories mix crime and nuisance');
  const types = new Set<string>();
  for (const c of categories) for (const t of ds.categories.typesOf(c) ?? []) types.add(t);
  return { types: [...types], kind: kinds.has('overlast') ? 'overlast' : 'misdrijf' };
}

export function monthlyCounts(ds: Dataset, gm: string, level: 'buurt' | 'wijk', categories: string[], only?: Set<string>): MonthlyCounts {
  const cube = ds.cube(gm);
  const { types, kind } = typesOfCategories(ds, categories);
  const typeIdx = types.map((t) => cube.typeIndex.get(t)).filter((t): t is number => t !== undefined);
  const buurten = ds.areas(gm, 'buurt');
  const perBuurt = new Map<string, ReturnType<typeof cube.series>>();
  const seriesOf = (code: string) => {
    let s = perBuurt.get(code);
    if (!s) {
      const a = cube.areaIndex.get(code);
      s = a === undefined ? cube.months.map((month) => ({ month, count: null, demo: false, withheld: false })) : cube.series(a, typeIdx, kind);
      perBuurt.set(code, s);
    }
    return s;
  };
  const combine = (code: string, naam: string, members: string[]): AreaMonthly => {
    const parts = members.map(seriesOf);
    const counts = cube.months.map((_, m) => {
      const known = parts.filter((p) => p[m].count !== null);
      return known.length === 0 ? null : known.reduce((s, p) => s + p[m].count!, 0);
    });
    const out: AreaMonthly = {
      code,
      naam,
      counts,
      demo: cube.months.map((_, m) => parts.some((p) => p[m].demo)),
      withheld: cube.months.map((_, m) => parts.some((p) => p[m].withheld)),
    };
    // Under disclosure control each month is a cell of its own, rounded as the monthly series rounds it,
    // so whatever is computed from these counts (forecasts, tests, evaluations) sees no true count.
    const dc = ds.disclosure;
    if (!dc) return out;
    const rounded = counts.map((n, m) => (n === null ? null : dc.count(n, { areas: members, from: cube.months[m], to: cube.months[m], types })));
    return { ...out, counts: rounded.map((d) => d?.value ?? null), hidden: rounded.map((d) => d?.hidden === true) };
  };
  const wanted = (code: string) => !only || only.has(code);
  if (level === 'buurt') return { months: cube.months, areas: buurten.filter((b) => wanted(b.code)).map((b) => combine(b.code, b.naam, [b.code])) };
  return {
    months: cube.months,
    areas: ds
      .areas(gm, 'wijk')
      .filter((w) => wanted(w.code))
      .map((w) => combine(w.code, w.naam, buurten.filter((b) => b.wijkcode === w.code).map((b) => b.code))),
  };
}
