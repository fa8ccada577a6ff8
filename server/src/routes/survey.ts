// Veiligheidsmonitor scores: /survey/indicators and /survey (one indicator, one year, all areas of a
// level). The answer itself is computed in compute/survey.ts (shared with the ranking and the reports);
// this route only validates the query.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import { loadSurveyIndicators } from '../store/planData.ts';
import { computeSurvey } from '../compute/survey.ts';
import { ApiError } from '../compute/errors.ts';
import { validate } from '../http/validate.ts';
import { gemeenteParam, levelParam } from '../http/params.ts';


export function surveyRoutes(ds: Dataset) {
  const indicators = loadSurveyIndicators();
  const store = ds.store.features().survey;
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  const query = z.object({
    gemeente: gemeenteParam,
    level: levelParam.default('buurt'),
    indicator: z
      .string()
      .trim()
      .default('onveilig_buurt_pct')
      .refine((s) => byCode.has(s), { message: `unknown indicator (one of ${indicators.map((i) => i.code).join(', ')})` }),
    year: z.string().regex(/^\d{4}$/, 'expected a year like 2014').transform(Number).optional(),
  });

  return new Hono()
    .get('/survey/indicators', (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(indicators, 200);
    })
    .get('/survey', validate('query', query), (c) => {
      const q = c.req.valid('query');
      if (!ds.gemeente(q.gemeente)) throw new ApiError(404, `gemeente ${q.gemeente} is not in the data`, 'gemeente');
      const body = computeSurvey(ds, store, byCode.get(q.indicator)!, q);
      return c.json(body, 200);
    });
}
