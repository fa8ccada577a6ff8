// The answer of GET /api/benchmark: a gemeente against a benchmark group (the plan's reference
// gemeenten, G32, G40) on the REAL official gemeente totals of registered crime and CBS inhabitants.
// Rates and the weighted group average: domain/benchmark.ts. Shared by the route and the quarterly
// report (compute/survey.ts says why this layer exists).
import type { Dataset } from '../store/dataset.ts';
import type { YearlyPoint } from '../domain/model.ts';
import { defaultGroupId, groupsFor, ratePer1000, SIMILAR_SIZE, weightedAverage, type BenchmarkFile } from '../domain/benchmark.ts';

export type BenchmarkGroup = BenchmarkFile['groups'][number];

export interface BenchmarkRow {
  code: string;
  naam: string;
  count: number | null;
  population: number | null;
  ratePer1000: number | null;
  /** 1 = highest rate; null without a rate. */
  rank: number | null;
  isSelf: boolean;
  inGroup: boolean;
  note?: string;
}

export interface BenchmarkResponse {
  meta: {
    demo: false;
    bron: string;
    gemeente: string;
    year: number;
    years: number[];
    group: string;
    groupLabel: string;
    groupSource: string;
    groups: { id: string; label: string }[];
    populationYear: number;
    /** Whether the gemeente itself is a member of the group and so counted in the average. */
    selfInAverage: boolean;
    /** '0.0.0' (the official total) or a category the gemeente table of 47018NED covers per type. */
    category: string;
    categoryNaam: string;
    /** Every category the gemeente can be compared on (real figures per gemeente), the total first. */
    categories: { code: string; naam: string }[];
    notes: string[];
  };
  /** Per year with figures: the gemeente's rate and the group's weighted average (the trend); `members`:
   * how many group members had a figure that year, so a year averaged over fewer of them can say so. */
  trend: { year: number; ratePer1000: number | null; averageRatePer1000: number | null; members: number }[];
  rows: BenchmarkRow[];
  average: { ratePer1000: number | null; count: number; population: number; members: number };
}

/** Official gemeente total of registered crime per year (not the sum of its buurten). */
const official = (ds: Dataset, gm: string) => new Map(ds.store.yearlyTotals(gm).filter((t) => t.area === gm).map((t) => [t.year, t.count]));

/**
 * A gemeente's real count of `category` per year: the official total for 0.0.0, else its 47018NED
 * figures per type. Under disclosure control each year is published as the gemeente cell of /stats for
 * that year (rounded by its cell key, hidden when small), never the raw table: a small gemeente's count
 * of one type, or its rate, would otherwise give the hidden count away.
 */
function countsPerYear(ds: Dataset, gm: string, category: string): Map<number, number | null> {
  const raw = rawCountsPerYear(ds, gm, category);
  if (!ds.disclosure) return raw;
  return new Map([...raw.keys()].map((y) => [y, gemeenteYear(ds, gm, category, y).count]));
}

function rawCountsPerYear(ds: Dataset, gm: string, category: string): Map<number, number | null> {
  if (category === '0.0.0') return official(ds, gm);
  const types = ds.categories.typesOf(category) ?? [];
  const out = new Map<number, number | null>();
  for (const y of ds.gemeenteTable(gm).byYear.keys()) {
    const s = ds.gemeenteTableSum(gm, types, `${y}-01`, `${y}-12`);
    if (s) out.set(y, s.allWithheld ? null : s.count);
  }
  return out;
}

/**
 * One year of a gemeente as the gemeente level of /stats answers that whole year: the same cell, so
 * under disclosure control it gets the same rounded figure (two roundings of one cell could be averaged
 * back). `count` is null when the year is hidden (small) or not fully published.
 */
export function gemeenteYear(ds: Dataset, gm: string, category: string, year: number): YearlyPoint {
  const cell = ds.figures(gm, 'gemeente', category, `${year}-01`, `${year}-12`).figures[0]?.current;
  const hidden = !!cell?.suppressed;
  // A sum that lacks a withheld cell would be an undercount presented as the figure: not shown.
  const unknown = !cell || cell.missingMonths > 0 || cell.withheld;
  return {
    year,
    count: hidden || unknown ? null : cell.count,
    withheld: hidden || unknown,
    ...(hidden ? { suppressed: true } : {}),
  };
}

/** Whether the benchmark can compare gemeenten on `category` (real figures per gemeente exist for it). */
export function benchmarkCategory(ds: Dataset, gemeente: string, category: string): boolean {
  return category === '0.0.0' || (ds.categories.has(category) && countsPerYear(ds, gemeente, category).size > 0);
}

/** The categories `benchmarkCategory` allows for the gemeente, in the order of the category list (total first). */
export function benchmarkCategories(ds: Dataset, gemeente: string): { code: string; naam: string }[] {
  return ds.categories.list.filter((c) => benchmarkCategory(ds, gemeente, c.code)).map((c) => ({ code: c.code, naam: c.naam }));
}

/** The years with a real figure of `category` for the gemeente, ascending; a benchmark can be asked for these. */
export function benchmarkYears(ds: Dataset, gemeente: string, category = '0.0.0'): number[] {
  return [...countsPerYear(ds, gemeente, category).keys()].sort((a, b) => a - b);
}

/** How many other gemeenten the similar-size group holds. */
const SIMILAR_SIZE_MEMBERS = 20;

/** The gemeente and the gemeenten nearest to it in inhabitants (on a log scale): a fair group for any
 * gemeente, also one in no G40 and without a plan of its own. */
export function similarSizeGroup(ds: Dataset, gemeente: string): BenchmarkGroup {
  const pop = (code: string) => ds.population(code).get(code) ?? ds.area(code)?.inwoners ?? null;
  const own = pop(gemeente);
  const others = ds.gemeenten()
    .filter((g) => g.code !== gemeente && pop(g.code))
    .map((g) => ({ code: g.code, naam: g.naam, d: own ? Math.abs(Math.log(pop(g.code)! / own)) : 0 }))
    .sort((a, b) => a.d - b.d || a.code.localeCompare(b.code))
    .slice(0, SIMILAR_SIZE_MEMBERS);
  return {
    id: SIMILAR_SIZE,
    label: `Gemeenten van vergelijkbare grootte (${SIMILAR_SIZE_MEMBERS} het dichtst bij in inwoners)`,
    source: `CBS Kerncijfers wijken en buurten (85984NED): de ${SIMILAR_SIZE_MEMBERS} gemeenten waarvan het aantal inwoners het dichtst bij dat van ${ds.gemeente(gemeente)?.naam ?? gemeente} ligt, plus de gemeente zelf`,
    members: [{ code: gemeente, naam: ds.gemeente(gemeente)?.naam ?? gemeente }, ...others.map(({ code, naam }) => ({ code, naam }))],
  };
}

/** The group with `id` for a gemeente (one of its groups, or the similar-size group); undefined when
 * the gemeente may not use it. Without an id: the group the gemeente opens on (defaultGroupId). */
export function groupFor(ds: Dataset, file: BenchmarkFile, gemeente: string, id?: string): BenchmarkGroup | undefined {
  const wanted = id ?? defaultGroupId(file.groups, gemeente);
  if (wanted === SIMILAR_SIZE) return similarSizeGroup(ds, gemeente);
  return groupsFor(file.groups, gemeente).find((g) => g.id === wanted);
}

/** The benchmark of a gemeente (in the data) against `group` (one of `file.groups`) for `year`, which
 * must be one of benchmarkYears(): the route and the report each decide what to do with other years. */
export function computeBenchmark(ds: Dataset, file: BenchmarkFile, group: BenchmarkGroup, q: { gemeente: string; year: number; category?: string }): BenchmarkResponse {
  const { gemeente, year } = q;
  const category = q.category ?? '0.0.0';
  const years = benchmarkYears(ds, gemeente, category);
  // A caller's bug, not bad input: answering would show a table of nulls as if the data had none.
  if (!years.includes(year)) throw new Error(`computeBenchmark: ${gemeente} has no crime total for ${year}`);
  const popYear = ds.index.populationYear;
  const members = group.members.filter((m) => ds.gemeente(m.code));
  const missing = group.members.filter((m) => !ds.gemeente(m.code)).map((m) => m.code);
  const selfInAverage = members.some((m) => m.code === gemeente);
  const list = selfInAverage ? members : [...members, { code: gemeente, naam: ds.gemeente(gemeente)!.naam }];
  const counts = new Map(list.map((m) => [m.code, countsPerYear(ds, m.code, category)]));
  const populationOf = (code: string) => ds.population(code).get(code) ?? ds.area(code)?.inwoners ?? null;
  const rows: BenchmarkRow[] = list.map((m) => {
    const count = counts.get(m.code)!.get(year) ?? null;
    const population = populationOf(m.code);
    const note = 'note' in m && typeof m.note === 'string' ? m.note : undefined;
    return {
      code: m.code, naam: ds.gemeente(m.code)?.naam ?? m.naam, count, population, ratePer1000: ratePer1000(count, population),
      rank: null, isSelf: m.code === gemeente, inGroup: m.code !== gemeente || selfInAverage, ...(note ? { note } : {}),
    };
  });
  rows.sort((a, b) => (b.ratePer1000 ?? -Infinity) - (a.ratePer1000 ?? -Infinity) || a.naam.localeCompare(b.naam, 'nl'));
  rows.forEach((r, i) => { r.rank = r.ratePer1000 === null ? null : i + 1; });
  const average = weightedAverage(rows.filter((r) => r.inGroup));
  const trend = years.map((y) => {
    const self = ratePer1000(counts.get(gemeente)!.get(y) ?? null, populationOf(gemeente));
    const inGroup = list.filter((m) => m.code !== gemeente || selfInAverage);
    const avg = weightedAverage(inGroup.map((m) => ({ code: m.code, count: counts.get(m.code)!.get(y) ?? null, population: populationOf(m.code) })));
    return { year: y, ratePer1000: self, averageRatePer1000: avg.ratePer1000, members: avg.members };
  });
  const categoryNaam = ds.categories.naam(category);
  const selfNaam = ds.gemeente(gemeente)!.naam;
  const what = category === '0.0.0' ? `Geregistreerde misdrijven (totaal) in ${year}, officieel gemeentetotaal` : `Geregistreerde misdrijven, ${categoryNaam.toLowerCase()}, in ${year}, echte cijfers per gemeente (CBS 47018NED)`;
  const notes = [
    `${what}; inwoners op 1 januari ${popYear} (CBS 85984NED)${year !== popYear ? `, ook voor ${year}` : ''}.`,
    `Groepsgemiddelde gewogen: som van de misdrijven gedeeld door som van de inwoners van de ${average.members} groepsleden × 1.000; ${selfInAverage ? `${selfNaam} is groepslid en telt mee` : `${selfNaam} is geen groepslid en telt niet mee`}.`,
    'Per inwoner: drukke centrum-, toeristen- en studentensteden scoren hoger door bezoekers.',
  ];
  if (missing.length) notes.push(`Niet in de gegevens: ${missing.join(', ')}.`);
  return {
    meta: {
      demo: false,
      bron: category === '0.0.0'
        ? 'Politie via CBS (47022NED, jaartotalen per gemeente); CBS Kerncijfers wijken en buurten 2024 (85984NED)'
        : 'Politie via CBS (47018NED, per soort misdrijf per gemeente); CBS Kerncijfers wijken en buurten 2024 (85984NED)',
      gemeente, year, years, group: group.id, groupLabel: group.label, groupSource: group.source,
      groups: [...groupsFor(file.groups, gemeente), similarSizeGroup(ds, gemeente)].map((g) => ({ id: g.id, label: g.label })),
      populationYear: popYear, selfInAverage, category, categoryNaam, notes,
      categories: benchmarkCategories(ds, gemeente),
    },
    rows,
    average,
    trend,
  };
}
