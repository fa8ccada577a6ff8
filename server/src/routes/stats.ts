// Registered crime per area: /stats (all areas of a level) and /series (one area, month by month).
// The answers are computed in compute/stats.ts; /stats answers are cached as JSON text per store revision.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import type { AttentionAreaStore } from '../store/attentionAreas.ts';
import { seriesAnswer, statsAnswer } from '../compute/stats.ts';
import { requireCategory, requireGemeente, resolvePeriod } from '../compute/scope.ts';
import { validate } from '../http/validate.ts';
import { areaCodeParam, categoryParam, gemeenteOrNationalParam, levelParam, monthParam } from '../http/params.ts';
import { AnswerCache, jsonText } from '../http/answerCache.ts';
import { mayReadItem } from '../domain/ownership.ts';
import { ApiError } from '../compute/errors.ts';
import { principalOf } from '../http/session.ts';
import type { AppEnv } from '../http/env.ts';

const statsQuery = z.object({
  gemeente: gemeenteOrNationalParam,
  level: levelParam.default('buurt'),
  category: categoryParam.default('0.0.0'),
  from: monthParam.optional(),
  to: monthParam.optional(),
  /** Attention area id: only its areas, plus meta.area with the area as a whole. */
  area: z.coerce.number({ error: 'expected an attention area id' }).int('expected an attention area id').positive('expected an attention area id').optional(),
});

const seriesQuery = z.object({
  gemeente: gemeenteOrNationalParam.optional(),
  code: areaCodeParam,
  category: categoryParam.default('0.0.0'),
  from: monthParam.optional(),
  to: monthParam.optional(),
});

export function statsRoutes(ds: Dataset, lowPopulation: () => number, attentionAreas?: AttentionAreaStore) {
  const answers = new AnswerCache();
  return new Hono<AppEnv>()
    .get('/stats', validate('query', statsQuery), (c) => {
      const q = c.req.valid('query');
      requireGemeente(ds, q.gemeente);
      requireCategory(ds, q.category);
      const scope = { ...q, ...resolvePeriod(ds, q.gemeente, q.from, q.to, q.level) };
      const lowPopulationThreshold = lowPopulation();
      // An attention area can change without the registrations changing: those answers are not cached.
      if (q.area !== undefined) {
        // A private attention area of someone else is as absent here as in /attention-areas.
        const area = attentionAreas?.get(q.area);
        if (area && !mayReadItem(principalOf(c), area)) throw new ApiError(404, `area: attention area ${q.area} does not exist`, 'area');
        return c.json(statsAnswer(ds, attentionAreas, lowPopulationThreshold, scope), 200);
      }
      const key = [q.gemeente, q.level, q.category, scope.from, scope.to, ds.store.revision(), lowPopulationThreshold].join('|');
      return jsonText(c, answers.json(key, () => statsAnswer(ds, attentionAreas, lowPopulationThreshold, scope)));
    })
    .get('/series', validate('query', seriesQuery), (c) => c.json(seriesAnswer(ds, c.req.valid('query')), 200));
}
