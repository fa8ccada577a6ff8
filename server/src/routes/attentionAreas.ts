// Attention areas: GET/POST/DELETE /attention-areas. Defined either as a set of buurten/wijken or
// as a GeoJSON polygon (WGS84 or RD New); compute/attentionAreas.ts works out the buurten it covers.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import type { AreaGeometry } from '../store/geometry.ts';
import { ATTENTION_KINDS, type AttentionArea, type AttentionAreaStore, type AttentionKind } from '../store/attentionAreas.ts';
import { ApiError } from '../compute/errors.ts';
import { requireGemeente } from '../compute/scope.ts';
import { attentionAreaCodes } from '../compute/attentionAreas.ts';
import { validate } from '../http/validate.ts';
import { gemeenteParam } from '../http/params.ts';
import { idParam, jsonBody } from '../http/body.ts';
import { mayChangeItem, mayReadItem } from '../domain/ownership.ts';
import type { AppEnv } from '../http/env.ts';
import { principalOf } from '../http/session.ts';
import type { UserStore } from '../store/users.ts';

const position = z.array(z.number().finite(), { error: 'expected [x, y]' }).min(2, 'expected [x, y]').max(3, 'expected [x, y]');
const ring = z
  .array(position, { error: 'expected a ring of positions' })
  .min(4, 'a ring needs at least 4 positions')
  .refine((r) => r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1], 'a ring must be closed (first position = last)');
const polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1, 'needs an outer ring') });
const multiPolygon = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1, 'needs an outer ring')).min(1, 'needs a polygon') });
/** More than enough for a hand-drawn or exported area; 300,000 once took 9.5 s to save and sat in every list answer. */
const MAX_VERTICES = 20_000;
const vertexCount = (g: z.infer<typeof polygon> | z.infer<typeof multiPolygon>) =>
  (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).reduce((n, rings) => n + rings.reduce((m, r) => m + r.length, 0), 0);
const geometrySchema = z
  .discriminatedUnion('type', [polygon, multiPolygon], { error: 'expected a GeoJSON Polygon or MultiPolygon' })
  .refine((g) => vertexCount(g) <= MAX_VERTICES, `at most ${MAX_VERTICES.toLocaleString('en')} positions: simplify the polygon first (e.g. 5 m tolerance in QGIS)`);

const kinds = Object.keys(ATTENTION_KINDS) as [AttentionKind, ...AttentionKind[]];

export const attentionAreaBody = z
  .object({
    name: z.string({ error: 'is required' }).trim().min(1, 'must not be empty').max(200, 'is too long'),
    gemeente: gemeenteParam,
    kind: z.enum(kinds, { error: `expected one of ${kinds.join(', ')}` }),
    note: z.string().max(5000, 'is too long').optional(),
    codes: z.array(z.string().trim().toUpperCase(), { error: 'expected a list of buurt/wijk codes' }).min(1, 'must list at least one area').max(5000, 'too many codes').optional(),
    geometry: geometrySchema.optional(),
    /** Optional CRS of `geometry`: EPSG:4326 (default when coordinates look like degrees) or EPSG:28992. */
    crs: z.enum(['EPSG:4326', 'EPSG:28992'], { error: "expected 'EPSG:4326' or 'EPSG:28992'" }).optional(),
    shared: z.boolean({ error: 'expected true or false' }).optional(),
  })
  .refine((b) => (b.codes === undefined) !== (b.geometry === undefined), { message: 'give either codes or geometry (exactly one)', path: ['codes'] });

export function attentionAreasRoutes(ds: Dataset, geometry: AreaGeometry, store: AttentionAreaStore, users: UserStore) {
  /** The area if this user may see it; a private one of someone else is as absent as a deleted one. */
  const readable = (c: Context<AppEnv>, id: number): AttentionArea => {
    const found = store.get(id);
    if (!found || !mayReadItem(principalOf(c), found)) throw new ApiError(404, `attention area ${id} does not exist`, 'id');
    return found;
  };
  const audit = (c: Context<AppEnv>, action: string, id: number, detail: Record<string, unknown>) => {
    const p = principalOf(c);
    users.audit({ username: p.username, role: p.role, action, resource: `/api/attention-areas/${id}`, detail });
  };
  return new Hono<AppEnv>()
    .get('/attention-areas', validate('query', z.object({ gemeente: gemeenteParam.optional() })), (c) => {
      const q = c.req.valid('query');
      const p = principalOf(c);
      const list: AttentionArea[] = store.list(q.gemeente).filter((x) => mayReadItem(p, x));
      return c.json(list, 200);
    })
    .get('/attention-areas/:id', (c) => c.json(readable(c, idParam(c.req.param('id'))), 200))
    .post('/attention-areas', jsonBody(attentionAreaBody), (c) => {
      const body = c.req.valid('json');
      requireGemeente(ds, body.gemeente);
      const { codes, geometry: geo } = attentionAreaCodes(ds, geometry, body);
      const created = store.create({ name: body.name, gemeente: body.gemeente, kind: body.kind, note: body.note, codes, geometry: geo, shared: body.shared }, principalOf(c).username);
      audit(c, 'attention-area-created', created.id, { name: created.name, kind: created.kind, shared: created.shared });
      return c.json(created, 201);
    })
    .delete('/attention-areas/:id', (c) => {
      const id = idParam(c.req.param('id'));
      const found = readable(c, id);
      if (!mayChangeItem(principalOf(c), found)) throw new ApiError(403, `attention area ${id} belongs to ${found.createdBy ?? 'nobody'}: only they or a beheerder may delete it`, 'id');
      if (!store.delete(id)) throw new ApiError(404, `attention area ${id} does not exist`, 'id');
      audit(c, 'attention-area-deleted', id, { name: found.name });
      return c.json({ deleted: id }, 200);
    });
}
