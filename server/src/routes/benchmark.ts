// Compares a gemeente with a benchmark group: /benchmark?gemeente=&year=&group=. The answer is computed
// in compute/benchmark.ts (shared with the quarterly report); this route validates the query, including
// the year against the years the gemeente has totals for.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import { loadBenchmarkGroups } from '../store/planData.ts';
import { benchmarkCategory, benchmarkYears, computeBenchmark, groupFor } from '../compute/benchmark.ts';
import { SIMILAR_SIZE } from '../domain/benchmark.ts';
import { ApiError } from '../compute/errors.ts';
import { validate } from '../http/validate.ts';
import { categoryParam, gemeenteParam } from '../http/params.ts';


export function benchmarkRoutes(ds: Dataset) {
  const file = loadBenchmarkGroups();
  const ids = [...file.groups.map((g) => g.id), SIMILAR_SIZE];
  const query = z.object({
    gemeente: gemeenteParam,
    year: z.string().regex(/^\d{4}$/, 'expected a year like 2024').transform(Number).optional(),
    category: categoryParam.default('0.0.0'),
    // Without a group: the one the gemeente opens on (its own plan's, its G40, else similar size).
    group: z.string().trim().refine((g) => ids.includes(g), { message: `expected one of ${ids.join(', ')}` }).optional(),
  });

  return new Hono().get('/benchmark', validate('query', query), (c) => {
    const q = c.req.valid('query');
    if (!ds.gemeente(q.gemeente)) throw new ApiError(404, `gemeente ${q.gemeente} is not in the data`, 'gemeente');
    if (!benchmarkCategory(ds, q.gemeente, q.category)) {
      throw new ApiError(400, `category: no real figures per gemeente for '${q.category}' (the total 0.0.0 or a crime type of the gemeente table, see /api/categories)`, 'category');
    }
    const years = benchmarkYears(ds, q.gemeente, q.category);
    // Default: the year the inhabitants are from, so counts and inhabitants match; else the latest total.
    const popYear = ds.index.populationYear;
    const year = q.year ?? (years.includes(popYear) ? popYear : years.at(-1));
    if (year === undefined) throw new ApiError(404, `gemeente: no crime totals for ${q.gemeente}`, 'gemeente');
    if (!years.includes(year)) throw new ApiError(400, `year: ${year} is outside the data (${years[0]} … ${years.at(-1)})`, 'year');
    const group = groupFor(ds, file, q.gemeente, q.group);
    if (!group) throw new ApiError(400, `group: '${q.group}' is the group of another gemeente's plan`, 'group');
    return c.json(computeBenchmark(ds, file, group, { gemeente: q.gemeente, year, category: q.category }), 200);
  });
}
