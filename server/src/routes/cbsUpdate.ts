// GET /imports/cbs-update: what an update from CBS fetches, whether the monthly schedule is on, when the
// last one ran. POST /imports/cbs-update: fetch and import the newest police figures now (cbs/updater.ts).
// For the beheerder only; 502 when CBS cannot be reached or refuses (nothing changed), 409 while an import runs.
import { Hono, type Context, type Next } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/env.ts';
import type { Dataset } from '../store/dataset.ts';
import type { ApiError as ApiErrorBody } from '../domain/model.ts';
import { ApiError } from '../compute/errors.ts';
import { mayAdminister } from '../domain/roles.ts';
import { jsonBody } from '../http/body.ts';
import { principalOf } from '../http/session.ts';
import { ImportBusy } from '../store/importRunner.ts';
import { CbsUpdateError } from '../cbs/update.ts';
import type { CbsUpdater } from '../cbs/updater.ts';

/** Before the body is read: someone who may not update learns nothing about its form. */
const beheerderOnly = (c: Context<AppEnv>, next: Next) => {
  if (!mayAdminister(principalOf(c))) throw new ApiError(403, 'alleen een beheerder haalt nieuwe cijfers op bij CBS');
  return next();
};

const updateBody = z.object({
  /** Default: the default gemeente and every gemeente with monthly figures in the store. */
  gemeenten: z.array(z.string().trim().toUpperCase().regex(/^GM\d{4}$/, 'verwacht CBS-gemeentecodes zoals GM0935')).min(1, 'noem minstens één gemeente').max(400, 'te veel gemeenten').optional(),
});

export function cbsUpdateRoutes(ds: Dataset, updater: CbsUpdater) {
  return new Hono<AppEnv>()
    .get('/imports/cbs-update', beheerderOnly, (c) => c.json(updater.status(), 200))
    .post('/imports/cbs-update', beheerderOnly, jsonBody(updateBody), async (c) => {
      const who = principalOf(c);
      const { gemeenten } = c.req.valid('json');
      const unknown = (gemeenten ?? []).filter((g) => !ds.gemeente(g));
      if (unknown.length) throw new ApiError(404, `gemeenten: ${unknown.join(', ')} staat niet in de gebiedsindeling`, 'gemeenten');
      try {
        return c.json(await updater.run({ username: who.username, role: who.role }, gemeenten ? [...new Set(gemeenten)].sort() : undefined), 200);
      } catch (e) {
        if (e instanceof ImportBusy) throw new ApiError(409, e.message, 'body');
        // CBS out of reach, or figures the importer refuses: the gateway failed, not the request.
        if (e instanceof CbsUpdateError) return c.json({ error: e.message, parameter: e.parameter } satisfies ApiErrorBody, 502);
        throw e;
      }
    });
}
