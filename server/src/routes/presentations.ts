// Presentations ("draaiboeken") for stadsdeel meetings: GET/POST /presentations,
// GET/PUT/DELETE /presentations/:id. Writing needs a role that may write (enforced in app.ts);
// the presentatie role reads. Every answer carries `url`, the link that opens it in the client.
import { Hono } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import type { Presentation, PresentationInput, PresentationStore, PresentationView } from '../store/presentations.ts';
import type { AppEnv } from './env.ts';
import { ApiError, parseQuery } from './errors.ts';
import { gemeenteParam, monthParam } from './params.ts';
import { idParam, parseJsonBody } from './body.ts';

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
          level: z.enum(['buurt', 'wijk', 'gemeente'], { error: "expected 'buurt', 'wijk' or 'gemeente'" }),
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
  .refine((v) => v.from <= v.to, { path: ['to'], message: 'must not be before from' });

export const presentationBody = z.object({
  title: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200, 'is too long (at most 200 characters)'),
  views: z
    .array(viewSchema, { error: 'expected a list of views' })
    .min(1, 'must contain at least one view')
    .max(MAX_VIEWS, `at most ${MAX_VIEWS} views`),
});

export type PresentationOut = Presentation & { url: string };

export const presentationUrl = (id: number) => `/?view=presentatie&presentation=${id}`;
const withUrl = (p: Presentation): PresentationOut => ({ ...p, url: presentationUrl(p.id) });

/** Checks what zod cannot: the codes exist in one gemeente, the category is known, the months are in the data. */
function resolveInput(ds: Dataset, body: z.infer<typeof presentationBody>): PresentationInput {
  const views: PresentationView[] = body.views.map((v, i) => {
    const at = (field: string) => `views.${i}.${field}`;
    let gemeente: string | undefined;
    v.focus.codes.forEach((code, j) => {
      const area = ds.area(code);
      if (!area || area.level !== v.focus.level) throw new ApiError(400, `${at(`focus.codes.${j}`)}: ${code} is not a ${v.focus.level} in the data`, at(`focus.codes.${j}`));
      gemeente ??= area.gemeentecode;
      if (area.gemeentecode !== gemeente) throw new ApiError(400, `${at(`focus.codes.${j}`)}: ${code} is not in ${gemeente} like the codes before it`, at(`focus.codes.${j}`));
    });
    if (!ds.categories.has(v.category)) throw new ApiError(400, `${at('category')}: unknown category '${v.category}' (see /api/categories)`, at('category'));
    const months = ds.cube(gemeente!).months;
    const first = months[0];
    const last = months[months.length - 1];
    for (const f of ['from', 'to'] as const) {
      if (v[f] < first || v[f] > last) throw new ApiError(400, `${at(f)}: ${v[f]} is outside the data (${first} … ${last})`, at(f));
    }
    return { ...v, focus: { level: v.focus.level, codes: [...new Set(v.focus.codes)], gemeente: gemeente! } };
  });
  return { title: body.title, gemeente: views[0].focus.gemeente, views };
}

export function presentationsRoutes(ds: Dataset, store: PresentationStore) {
  const found = (id: number): Presentation => {
    const p = store.get(id);
    if (!p) throw new ApiError(404, `presentation ${id} does not exist`, 'id');
    return p;
  };
  return new Hono<AppEnv>()
    .post('/presentations', async (c) => {
      const input = resolveInput(ds, await parseJsonBody(c, presentationBody));
      return c.json(withUrl(store.create(input)), 201);
    })
    .get('/presentations', (c) => {
      const q = parseQuery(z.object({ gemeente: gemeenteParam.optional() }), c.req.query());
      return c.json(store.list(q.gemeente).map(withUrl), 200);
    })
    .get('/presentations/:id', (c) => c.json(withUrl(found(idParam(c.req.param('id')))), 200))
    .put('/presentations/:id', async (c) => {
      const id = idParam(c.req.param('id'));
      found(id);
      const input = resolveInput(ds, await parseJsonBody(c, presentationBody));
      const updated = store.update(id, input);
      if (!updated) throw new ApiError(404, `presentation ${id} does not exist`, 'id');
      return c.json(withUrl(updated), 200);
    })
    .delete('/presentations/:id', (c) => {
      const id = idParam(c.req.param('id'));
      if (!store.delete(id)) throw new ApiError(404, `presentation ${id} does not exist`, 'id');
      return c.json({ deleted: id }, 200);
    });
}
