// The plan's effect indicators against their targets (GET /targets?gemeente=GM0935, computed in
// compute/targets.ts, shared with the reports), and the plan itself for the beheerder: read with its
// history (GET /targets/plan) and saved as a new version (PUT /targets/plan), audited.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import type { UserStore } from '../store/users.ts';
import { computeTargets } from '../compute/targets.ts';
import { TargetPlans } from '../compute/targetPlans.ts';
import { ApiError } from '../compute/errors.ts';
import { mayAdminister } from '../domain/roles.ts';
import type { AppEnv } from '../http/env.ts';
import { validate } from '../http/validate.ts';
import { jsonBody } from '../http/body.ts';
import { gemeenteParam } from '../http/params.ts';
import { principalOf } from '../http/session.ts';

const query = z.object({ gemeente: gemeenteParam });

export function targetsRoutes(ds: Dataset, users: UserStore) {
  const plans = new TargetPlans(ds);
  const survey = ds.store.features().survey;
  const known = (gemeente: string) => {
    if (!ds.gemeente(gemeente)) throw new ApiError(404, `gemeente ${gemeente} is not in the data`, 'gemeente');
  };

  return new Hono<AppEnv>()
    .get('/targets', validate('query', query), (c) => {
      const { gemeente } = c.req.valid('query');
      known(gemeente);
      return c.json(computeTargets(ds, plans.plan(gemeente), survey, gemeente, {}, plans.indicators), 200);
    })
    .get('/targets/plan', validate('query', query), (c) => {
      if (!mayAdminister(principalOf(c))) throw new ApiError(403, 'alleen een beheerder beheert de doelen van het plan');
      const { gemeente } = c.req.valid('query');
      known(gemeente);
      return c.json(plans.answer(gemeente), 200);
    })
    .put('/targets/plan', validate('query', query), (c, next) => {
      // Who asks and for which gemeente are checked before the body is read (403/404 before any 400).
      if (!mayAdminister(principalOf(c))) throw new ApiError(403, 'alleen een beheerder beheert de doelen van het plan');
      known(c.req.valid('query').gemeente);
      return next();
    }, jsonBody(z.unknown()), (c) => {
      const who = principalOf(c);
      const { gemeente } = c.req.valid('query');
      // Validated in TargetPlans.save, which gives Dutch messages for the beheerder's form.
      const saved = plans.save(gemeente, c.req.valid('json'), who.username ?? '');
      users.audit({
        username: who.username, role: who.role, action: 'targets-changed', resource: `/api/targets/plan?gemeente=${gemeente}`,
        detail: { gemeente, version: saved.id, indicators: saved.plan.indicators.map((i) => i.id) },
      });
      return c.json({ ...plans.answer(gemeente), saved }, 200);
    });
}
