// Presentations ("draaiboeken") for stadsdeel meetings: GET/POST /presentations,
// GET/PUT/DELETE /presentations/:id. Writing needs a role that may write (enforced in app.ts);
// the presentatie role reads. Every answer carries `url`, the link that opens it in the client.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import type { Presentation, PresentationStore } from '../store/presentations.ts';
import { resolvePresentationInput, withUrl } from '../compute/presentations.ts';
import type { AppEnv } from '../http/env.ts';
import { ApiError } from '../compute/errors.ts';
import { validate } from '../http/validate.ts';
import { gemeenteParam, levelParam, monthParam } from '../http/params.ts';
import { idParam, jsonBody } from '../http/body.ts';
import { isAlignedPeriod, PERIOD_RULE } from '../domain/disclosure.ts';
import { principalOf } from '../http/session.ts';
import { mayChangeItem, mayReadItem } from '../domain/ownership.ts';
import type { UserStore } from '../store/users.ts';

export const MEASURES = ['count', 'ratePer1000', 'ratePer1000Smoothed', 'densityPerKm2', 'changePct'] as const;
export const LAYERS = ['choropleth', 'hotspots', 'survey', 'bivariate'] as const;
export const MAX_VIEWS = 50;

const CODE_OF_LEVEL = {
  buurt: /^BU\d{4}[0-9A-Z]{4}$/,
  wijk: /^WK\d{4}[0-9A-Z]{2}$/,
  gemeente: /^GM\d{4}$/,
} as const;

const viewSchema = z
  .object({
    title: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200, 'is too long (at most 200 characters)'),
    caption: z.string({ error: 'expected text' }).trim().max(1000, 'is too long (at most 1000 characters)').default(''),
    focus: z
      .object(
        {
          level: levelParam,
          codes: z
            .array(z.string({ error: 'expected a CBS area code' }).trim().toUpperCase(), { error: 'expected a list of CBS area codes' })
            .min(1, 'must list at least one area')
            .max(500, 'too many codes (at most 500)'),
        },
        { error: 'expected { level, codes }' },
      )
      .superRefine((f, ctx) => {
        f.codes.forEach((code, i) => {
          if (!CODE_OF_LEVEL[f.level].test(code)) ctx.addIssue({ code: 'custom', path: ['codes', i], message: `${code} is not a ${f.level} code` });
        });
      }),
    // The level of the areas the step colours: the one it was built on (absent: buurten, the map's default).
    level: z.enum(['buurt', 'wijk'], { error: "expected 'buurt' or 'wijk'" }).default('buurt'),
    measure: z.enum(MEASURES, { error: `expected one of ${MEASURES.join(', ')}` }).default('ratePer1000Smoothed'),
    category: z.string({ error: 'expected a category code like 0.0.0' }).trim().min(1, 'must not be empty').max(40, 'is too long').default('0.0.0'),
    from: monthParam,
    to: monthParam,
    layers: z
      .array(z.enum(LAYERS, { error: `expected one of ${LAYERS.join(', ')}` }), { error: 'expected a list of layers' })
      .max(LAYERS.length, 'too many layers')
      .default(['choropleth'])
      .transform((l) => [...new Set(l)]),
  })
  .refine((v) => v.from <= v.to, { path: ['to'], message: 'must not be before from' })
  // A presentation is always shown under disclosure control, which answers aligned periods only.
  .refine((v) => v.from > v.to || isAlignedPeriod(v.from, v.to), { path: ['from'], message: PERIOD_RULE });

export const presentationBody = z.object({
  shared: z.boolean({ error: 'expected true or false' }).optional(),
  title: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200, 'is too long (at most 200 characters)'),
  views: z
    .array(viewSchema, { error: 'expected a list of views' })
    .min(1, 'must contain at least one view')
    .max(MAX_VIEWS, `at most ${MAX_VIEWS} views`),
});

export function presentationsRoutes(ds: Dataset, store: PresentationStore, users: UserStore) {
  // Someone else's private presentation answers like one that does not exist.
  const found = (c: Context<AppEnv>, id: number): Presentation => {
    const p = store.get(id);
    if (!p || !mayReadItem(principalOf(c), p)) throw new ApiError(404, `presentation ${id} does not exist`, 'id');
    return p;
  };
  const changeable = (c: Context<AppEnv>, id: number): Presentation => {
    const p = found(c, id);
    if (!mayChangeItem(principalOf(c), p)) throw new ApiError(403, `presentation ${id} belongs to ${p.createdBy ?? 'nobody'}: only they or a beheerder may change it`, 'id');
    return p;
  };
  const audit = (c: Context<AppEnv>, action: string, id: number, detail: Record<string, unknown> = {}) => {
    const p = principalOf(c);
    users.audit({ username: p.username, role: p.role, action, resource: `/api/presentations/${id}`, detail });
  };
  return new Hono<AppEnv>()
    .post('/presentations', jsonBody(presentationBody), (c) => {
      const input = resolvePresentationInput(ds, c.req.valid('json'));
      const created = store.create(input, principalOf(c).username);
      audit(c, 'presentation-created', created.id, { title: created.title, shared: created.shared });
      return c.json(withUrl(created), 201);
    })
    .get('/presentations', validate('query', z.object({ gemeente: gemeenteParam.optional() })), (c) => {
      const q = c.req.valid('query');
      const p = principalOf(c);
      return c.json(store.list(q.gemeente).filter((x) => mayReadItem(p, x)).map(withUrl), 200);
    })
    .get('/presentations/:id', (c) => c.json(withUrl(found(c, idParam(c.req.param('id')))), 200))
    .put('/presentations/:id', (c, next) => {
      // Who may change it is decided before the body is read (404/403 before any 400).
      changeable(c, idParam(c.req.param('id')));
      return next();
    }, jsonBody(presentationBody), (c) => {
      const id = idParam(c.req.param('id'));
      const input = resolvePresentationInput(ds, c.req.valid('json'));
      const updated = store.update(id, input);
      if (!updated) throw new ApiError(404, `presentation ${id} does not exist`, 'id');
      audit(c, 'presentation-changed', id, { title: updated.title, shared: updated.shared });
      return c.json(withUrl(updated), 200);
    })
    .delete('/presentations/:id', (c) => {
      const id = idParam(c.req.param('id'));
      const p = changeable(c, id);
      if (!store.delete(id)) throw new ApiError(404, `presentation ${id} does not exist`, 'id');
      audit(c, 'presentation-deleted', id, { title: p.title });
      return c.json({ deleted: id }, 200);
    });
}
