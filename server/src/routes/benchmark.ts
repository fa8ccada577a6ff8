// Compares a gemeente with a benchmark group (the plan's reference gemeenten, G32, G40) on the REAL
// official gemeente totals of registered crime and CBS inhabitants: /benchmark?gemeente=&year=&group=.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import { loadBenchmarkGroups } from '../store/planData.ts';
import { ratePer1000, weightedAverage } from '../domain/benchmark.ts';
import { ApiError, parseQuery } from './errors.ts';
import { gemeenteParam } from './params.ts';

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

export function benchmarkRoutes(ds: Dataset) {
  const file = loadBenchmarkGroups();
  const ids = file.groups.map((g) => g.id);
  const query = z.object({
    gemeente: gemeenteParam,
    year: z.string().regex(/^\d{4}$/, 'expected a year like 2024').transform(Number).optional(),
    group: z.string().trim().default('reference').refine((g) => ids.includes(g), { message: `expected one of ${ids.join(', ')}` }),
  });
  const official = (gm: string) => new Map(ds.store.yearlyTotals(gm).filter((t) => t.area === gm).map((t) => [t.year, t.count]));

  return new Hono().get('/benchmark', (c) => {
    const q = parseQuery(query, c.req.query());
    if (!ds.gemeente(q.gemeente)) throw new ApiError(404, `gemeente ${q.gemeente} is not in the data`, 'gemeente');
    const group = file.groups.find((g) => g.id === q.group)!;
    const years = [...official(q.gemeente).keys()].sort((a, b) => a - b);
    const popYear = ds.index.populationYear;
    const year = q.year ?? (years.includes(popYear) ? popYear : years.at(-1));
    if (year === undefined) throw new ApiError(404, `gemeente: no crime totals for ${q.gemeente}`, 'gemeente');
    if (!years.includes(year)) throw new ApiError(400, `year: ${year} is outside the data (${years[0]} … ${years.at(-1)})`, 'year');

    const members = group.members.filter((m) => ds.gemeente(m.code));
    const missing = group.members.filter((m) => !ds.gemeente(m.code)).map((m) => m.code);
    const selfInAverage = members.some((m) => m.code === q.gemeente);
    const list = selfInAverage ? members : [...members, { code: q.gemeente, naam: ds.gemeente(q.gemeente)!.naam }];
    const rows: BenchmarkRow[] = list.map((m) => {
      const count = official(m.code).get(year) ?? null;
      const population = ds.population(m.code).get(m.code) ?? ds.area(m.code)?.inwoners ?? null;
      const note = 'note' in m && typeof m.note === 'string' ? m.note : undefined;
      return {
        code: m.code, naam: ds.gemeente(m.code)?.naam ?? m.naam, count, population, ratePer1000: ratePer1000(count, population),
        rank: null, isSelf: m.code === q.gemeente, inGroup: m.code !== q.gemeente || selfInAverage, ...(note ? { note } : {}),
      };
    });
    rows.sort((a, b) => (b.ratePer1000 ?? -Infinity) - (a.ratePer1000 ?? -Infinity) || a.naam.localeCompare(b.naam, 'nl'));
    rows.forEach((r, i) => { r.rank = r.ratePer1000 === null ? null : i + 1; });
    const average = weightedAverage(rows.filter((r) => r.inGroup));
    const notes = [
      `Geregistreerde misdrijven (totaal) in ${year}, officieel gemeentetotaal; inwoners op 1 januari ${popYear} (CBS 85984NED)${year !== popYear ? `, ook voor ${year}` : ''}.`,
      `Groepsgemiddelde gewogen: som van de misdrijven gedeeld door som van de inwoners van de ${average.members} groepsleden × 1.000; ${selfInAverage ? `${q.gemeente} is groepslid en telt mee` : `${q.gemeente} is geen groepslid en telt niet mee`}.`,
      'Per inwoner: drukke centrum-, toeristen- en studentensteden (zoals Maastricht) scoren hoger door bezoekers.',
    ];
    if (missing.length) notes.push(`Niet in de gegevens: ${missing.join(', ')}.`);
    const body: BenchmarkResponse = {
      meta: {
        demo: false,
        bron: 'Politie via CBS (47022NED, jaartotalen per gemeente); CBS Kerncijfers wijken en buurten 2024 (85984NED)',
        gemeente: q.gemeente, year, years, group: group.id, groupLabel: group.label, groupSource: group.source,
        groups: file.groups.map((g) => ({ id: g.id, label: g.label })),
        populationYear: popYear, selfInAverage, category: '0.0.0', notes,
      },
      rows,
      average,
    };
    return c.json(body, 200);
  });
}
