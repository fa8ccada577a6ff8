// The answer of GET /api/benchmark: a gemeente against a benchmark group (the plan's reference
// gemeenten, G32, G40) on the REAL official gemeente totals of registered crime and CBS inhabitants.
// Rates and the weighted group average: domain/benchmark.ts. Shared by the route and the quarterly
// report (compute/survey.ts says why this layer exists).
import type { Dataset } from '../store/dataset.ts';
import { ratePer1000, weightedAverage, type BenchmarkFile } from '../domain/benchmark.ts';

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
    category: '0.0.0';
    notes: string[];
  };
  rows: BenchmarkRow[];
  average: { ratePer1000: number | null; count: number; population: number; members: number };
}

/** Official gemeente total of registered crime per year (not the sum of its buurten). */
const official = (ds: Dataset, gm: string) => new Map(ds.store.yearlyTotals(gm).filter((t) => t.area === gm).map((t) => [t.year, t.count]));

/** The years with an official crime total for the gemeente, ascending; a benchmark can be asked for these. */
export function benchmarkYears(ds: Dataset, gemeente: string): number[] {
  return [...official(ds, gemeente).keys()].sort((a, b) => a - b);
}

/** The benchmark of a gemeente (in the data) against `group` (one of `file.groups`) for `year`, which
 * must be one of benchmarkYears(): the route and the report each decide what to do with other years. */
export function computeBenchmark(ds: Dataset, file: BenchmarkFile, group: BenchmarkGroup, q: { gemeente: string; year: number }): BenchmarkResponse {
  const { gemeente, year } = q;
  const years = benchmarkYears(ds, gemeente);
  // A caller's bug, not bad input: answering would show a table of nulls as if the data had none.
  if (!years.includes(year)) throw new Error(`computeBenchmark: ${gemeente} has no crime total for ${year}`);
  const popYear = ds.index.populationYear;
  const members = group.members.filter((m) => ds.gemeente(m.code));
  const missing = group.members.filter((m) => !ds.gemeente(m.code)).map((m) => m.code);
  const selfInAverage = members.some((m) => m.code === gemeente);
  const list = selfInAverage ? members : [...members, { code: gemeente, naam: ds.gemeente(gemeente)!.naam }];
  const rows: BenchmarkRow[] = list.map((m) => {
    const count = official(ds, m.code).get(year) ?? null;
    const population = ds.population(m.code).get(m.code) ?? ds.area(m.code)?.inwoners ?? null;
    const note = 'note' in m && typeof m.note === 'string' ? m.note : undefined;
    return {
      code: m.code, naam: ds.gemeente(m.code)?.naam ?? m.naam, count, population, ratePer1000: ratePer1000(count, population),
      rank: null, isSelf: m.code === gemeente, inGroup: m.code !== gemeente || selfInAverage, ...(note ? { note } : {}),
    };
  });
  rows.sort((a, b) => (b.ratePer1000 ?? -Infinity) - (a.ratePer1000 ?? -Infinity) || a.naam.localeCompare(b.naam, 'nl'));
  rows.forEach((r, i) => { r.rank = r.ratePer1000 === null ? null : i + 1; });
  const average = weightedAverage(rows.filter((r) => r.inGroup));
  const notes = [
    `Geregistreerde misdrijven (totaal) in ${year}, officieel gemeentetotaal; inwoners op 1 januari ${popYear} (CBS 85984NED)${year !== popYear ? `, ook voor ${year}` : ''}.`,
    `Groepsgemiddelde gewogen: som van de misdrijven gedeeld door som van de inwoners van de ${average.members} groepsleden × 1.000; ${selfInAverage ? `${gemeente} is groepslid en telt mee` : `${gemeente} is geen groepslid en telt niet mee`}.`,
    'Per inwoner: drukke centrum-, toeristen- en studentensteden (zoals Maastricht) scoren hoger door bezoekers.',
  ];
  if (missing.length) notes.push(`Niet in de gegevens: ${missing.join(', ')}.`);
  return {
    meta: {
      demo: false,
      bron: 'Politie via CBS (47022NED, jaartotalen per gemeente); CBS Kerncijfers wijken en buurten 2024 (85984NED)',
      gemeente, year, years, group: group.id, groupLabel: group.label, groupSource: group.source,
      groups: file.groups.map((g) => ({ id: g.id, label: g.label })),
      populationYear: popYear, selfInAverage, category: '0.0.0', notes,
    },
    rows,
    average,
  };
}
