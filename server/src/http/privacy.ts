// Server-side privacy for presentations: for the presentatie role (or any request made from a
// presentation, ?view=presentatie) every JSON answer passes through one filter that hides counts
// from 1 up to the threshold and everything derived from them. One place, so no endpoint can forget.
import type { Context, MiddlewareHandler } from 'hono';
import { suppressesSmallCounts, type Principal } from '../domain/roles.ts';
import { isSmall } from '../domain/privacy.ts';
import type { AppEnv } from './env.ts';

/** Fields that reveal a small count when the count itself is hidden. */
const DERIVED = ['ratePer1000', 'ratePer1000Smoothed', 'densityPerKm2', 'changePct', 'changeSignificant'] as const;

export function mustSuppress(c: Context<AppEnv>): boolean {
  return suppressFor(c.get('principal'), c.req.query('view'));
}

/** The same decision from its two inputs (the /api/areas fast path in app.ts has no Context). */
export function suppressFor(p: Principal | null | undefined, view: string | undefined): boolean {
  return (!!p && suppressesSmallCounts(p)) || view === 'presentatie';
}

/** Recursively hides small `count` / `previousCount` values (and their rates) in a JSON value. */
export function suppressDeep(value: unknown, threshold: number): unknown {
  if (Array.isArray(value)) return value.map((v) => suppressDeep(v, threshold));
  if (value === null || typeof value !== 'object') return value;
  const obj: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) obj[k] = suppressDeep(v, threshold);
  let hidden = false;
  if (isSmall(obj.count as number, threshold)) {
    obj.count = null;
    for (const f of DERIVED) if (f in obj) obj[f] = null;
    hidden = true;
  }
  // A signal's observed count; its p and q would give the count back given the expected range.
  if (isSmall(obj.observed as number, threshold)) {
    obj.observed = null;
    if ('p' in obj) obj.p = null;
    if ('q' in obj) obj.q = null;
    hidden = true;
  }
  if (isSmall(obj.previousCount as number, threshold)) {
    obj.previousCount = null;
    if ('changePct' in obj) obj.changePct = null;
    if ('changeSignificant' in obj) obj.changeSignificant = null;
    hidden = true;
  }
  if (hidden) {
    obj.suppressed = true;
    if (Array.isArray(obj.flags) && !obj.flags.includes('suppressed')) obj.flags = [...obj.flags, 'suppressed'];
  }
  return obj;
}

/** Tells the reader of an answer with a `meta` object that its counts are rounded: `meta.privacy`, and in `meta.notes` where the answer has notes. */
export function withPrivacyNote(body: unknown, note: string): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const meta = (body as { meta?: unknown }).meta;
  if (!meta || typeof meta !== 'object' || Array.isArray(meta)) return body;
  const m = meta as Record<string, unknown>;
  return { ...body, meta: { ...m, privacy: note, ...(Array.isArray(m.notes) ? { notes: [...m.notes, note] } : {}) } };
}

/** `note`: said in every JSON answer's meta (the disclosure-controlled answers, whose counts are rounded). */
export function presentationPrivacy(threshold: number, note?: string): MiddlewareHandler<AppEnv> {
  const filter: MiddlewareHandler<AppEnv> = async (c, next) => {
    await next();
    if (!c.res.ok) return;
    const type = c.res.headers.get('Content-Type') ?? '';
    if (!/json/.test(type) || c.res.headers.get('Content-Encoding')) return;
    const hidden = suppressDeep(await c.res.clone().json(), threshold);
    const body = note ? withPrivacyNote(hidden, note) : hidden;
    const headers = new Headers(c.res.headers);
    headers.delete('Content-Length');
    headers.delete('ETag');
    c.res = new Response(JSON.stringify(body), { status: c.res.status, headers });
  };
  // Whether to filter depends only on the principal (set by the session middleware, which runs
  // before this one; no route changes it) and ?view=, both known before the handler runs. Requests
  // that are not filtered go straight on, without an async layer that awaits next() for nothing.
  return (c, next) => (mustSuppress(c) ? filter(c, next) : next());
}
