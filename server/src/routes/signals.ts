// GET /signals: how surprising each buurt's or wijk's registrations in a month (or window) are
// against its own history (compute/signals.ts).
import { Hono } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import { signalsAnswer } from '../compute/signals.ts';
import { ApiError } from '../compute/errors.ts';
import { requireCategory, requireGemeente, resolvePeriod } from '../compute/scope.ts';
import { validate } from '../http/validate.ts';
import { areaLevelParam, categoryParam, gemeenteParam, monthParam } from '../http/params.ts';
import { mustSuppress } from '../http/privacy.ts';
import type { AppEnv } from '../http/env.ts';

const monthsBetween = (from: string, to: string) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;

const query = z.object({
  gemeente: gemeenteParam,
  level: areaLevelParam.default('buurt'),
  category: categoryParam.default('0.0.0'),
  /** One month; or a window with from/to. Default: the last month with data. */
  month: monthParam.optional(),
  from: monthParam.optional(),
  to: monthParam.optional(),
});

export function signalsRoutes(ds: Dataset, suppressionThreshold: number) {
  return new Hono<AppEnv>().get('/signals', validate('query', query), (c) => {
    const q = c.req.valid('query');
    requireGemeente(ds, q.gemeente);
    requireCategory(ds, q.category);
    if (q.month && (q.from || q.to)) throw new ApiError(400, 'month: give either month or from/to, not both', 'month');
    const months = ds.months(q.gemeente);
    const first = months[0];
    const last = months[months.length - 1];
    // Each month given is checked under its own name: a month outside the data must not be blamed on `from`.
    for (const parameter of ['month', 'from', 'to'] as const) {
      const value = q[parameter];
      if (value && (value < first || value > last)) throw new ApiError(400, `${parameter}: ${value} is outside the data (${first} … ${last})`, parameter);
    }
    const { from, to } = q.month ? resolvePeriod(ds, q.gemeente, q.month, q.month) : resolvePeriod(ds, q.gemeente, q.from ?? q.to ?? last, q.to ?? q.from ?? last);
    if (monthsBetween(from, to) > 12) throw new ApiError(400, 'to: a window is at most 12 months', 'to');
    return c.json(signalsAnswer(ds, { gemeente: q.gemeente, level: q.level, category: q.category, from, to }, mustSuppress(c) ? suppressionThreshold : null), 200);
  });
}
