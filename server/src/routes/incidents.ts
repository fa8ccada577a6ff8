// Restricted detail: incident points and counts per street. Analist everywhere, wijkagent only in
// their own wijken, nobody else; every access (allowed or refused) goes into the audit trail.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { mayAccessRestricted, type Principal } from '../domain/roles.ts';
import { demoIncidents } from '../domain/demoIncidents.ts';
import type { Dataset } from '../store/dataset.ts';
import type { AreaGeometry } from '../store/geometry.ts';
import type { IncidentStore } from '../store/incidents.ts';
import type { UserStore } from '../store/users.ts';
import type { AppEnv } from './env.ts';
import { ApiError, parseQuery } from './errors.ts';
import { areaCodeParam, categoryParam, gemeenteParam, monthParam } from './params.ts';
import { resolveScope } from './scope.ts';
import { principalOf } from './session.ts';

const MAX_POINTS = 50_000;

const incidentsQuery = z.object({
  gemeente: gemeenteParam,
  wijk: z.string().trim().toUpperCase().regex(/^WK\d{4}[0-9A-Z]{2}$/, 'expected a CBS wijk code like WK093502').optional(),
  category: categoryParam.default('0.0.0'),
  from: monthParam.optional(),
  to: monthParam.optional(),
});

const streetsQuery = z.object({
  gemeente: gemeenteParam,
  code: areaCodeParam,
  category: categoryParam.default('0.0.0'),
  from: monthParam.optional(),
  to: monthParam.optional(),
});

export interface PointProps {
  registratienummer: string;
  datum: string;
  code: string;
  soort: string;
  straat: string;
  huisnummer: string;
  buurt: string;
  demo: boolean;
}

export function incidentRoutes(ds: Dataset, geometry: AreaGeometry, incidents: IncidentStore, users: UserStore) {
  const audit = (c: Context<AppEnv>, p: Principal, action: string, detail: Record<string, unknown>) =>
    users.audit({ username: p.username, role: p.role, action, resource: c.req.url.replace(/^https?:\/\/[^/]+/, ''), detail });

  /** Points (real where imported, demo elsewhere) for buurten `codes` in the period. */
  const points = (gm: string, codes: Set<string>, category: string, from: string, to: string) => {
    const cube = ds.cube(gm);
    const types = ds.categories.typesOf(category) ?? [];
    const out: { lon: number; lat: number; props: PointProps }[] = [];
    const naam = (code: string) => ds.categories.types.find((t) => t.code === code)?.naam ?? code;
    const real = incidents.query({ gemeente: gm, codes: types, from, to }, MAX_POINTS).filter((r) => codes.has(r.buurt));
    const realMonths = new Set(real.map((r) => `${r.buurt}|${r.month}`));
    for (const r of real) out.push({ lon: r.lon, lat: r.lat, props: { registratienummer: r.registratienummer, datum: r.date, code: r.code, soort: naam(r.code), straat: r.straat, huisnummer: r.huisnummer, buurt: r.buurt, demo: false } });
    const m0 = cube.monthIndex(from);
    const m1 = cube.monthIndex(to);
    for (const f of geometry.features(gm, 'buurt')) {
      if (!codes.has(f.properties.code)) continue;
      const a = cube.areaIndex.get(f.properties.code);
      if (a === undefined) continue;
      for (let m = m0; m <= m1; m++) {
        if (!cube.demo[a * cube.M + m] || realMonths.has(`${f.properties.code}|${cube.months[m]}`)) continue;
        for (const t of types) {
          const ti = cube.typeIndex.get(t);
          if (ti === undefined) continue;
          const n = cube.counts[(a * cube.M + m) * cube.T + ti];
          if (!n) continue;
          for (const d of demoIncidents(f, cube.months[m], t, n)) {
            out.push({ lon: d.lon, lat: d.lat, props: { registratienummer: d.registratienummer, datum: d.date, code: d.code, soort: naam(d.code), straat: d.straat, huisnummer: d.huisnummer, buurt: d.buurt, demo: true } });
          }
        }
        if (out.length > MAX_POINTS) throw new ApiError(413, `more than ${MAX_POINTS} points: choose a shorter period, a wijk or a category`, 'from');
      }
    }
    return out;
  };

  return new Hono<AppEnv>()
    .get('/incidents', (c) => {
      const p = principalOf(c);
      const q = resolveScope(ds, parseQuery(incidentsQuery, c.req.query()));
      if (q.wijk && !ds.area(q.wijk)) throw new ApiError(404, `wijk: ${q.wijk} is not in the data`, 'wijk');
      if (q.wijk && ds.area(q.wijk)?.gemeentecode !== q.gemeente) throw new ApiError(400, `wijk: ${q.wijk} is not in gemeente ${q.gemeente}`, 'wijk');
      // A wijkagent without a wijk parameter gets their own wijken; with one, only if it is theirs.
      const wijken = q.wijk ? [q.wijk] : p.role === 'wijkagent' ? p.wijken.filter((w) => ds.area(w)?.gemeentecode === q.gemeente) : null;
      const allowed = wijken === null ? mayAccessRestricted(p, null) && p.role === 'analist' : wijken.length > 0 && wijken.every((w) => mayAccessRestricted(p, w));
      audit(c, p, 'incidents', { gemeente: q.gemeente, wijken, category: q.category, from: q.from, to: q.to, allowed });
      if (!allowed) throw new ApiError(403, p.role === 'wijkagent' ? 'a wijkagent sees incident points of their own wijken only' : 'incident points are for analisten and wijkagenten only');
      const codes = new Set(ds.areas(q.gemeente, 'buurt').filter((b) => wijken === null || wijken.includes(b.wijkcode!)).map((b) => b.code));
      const pts = points(q.gemeente, codes, q.category, q.from, q.to);
      return c.json({
        type: 'FeatureCollection' as const,
        meta: { demo: pts.some((x) => x.props.demo), gemeente: q.gemeente, wijken, category: q.category, from: q.from, to: q.to, count: pts.length, restricted: true },
        features: pts.map((x) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [x.lon, x.lat] }, properties: x.props })),
      }, 200);
    })
    .get('/streets', (c) => {
      const p = principalOf(c);
      const q = resolveScope(ds, parseQuery(streetsQuery, c.req.query()));
      const area = ds.area(q.code);
      if (!area || area.level !== 'buurt') throw new ApiError(404, `code: buurt ${q.code} is not in the data`, 'code');
      if (area.gemeentecode !== q.gemeente) throw new ApiError(400, `code: ${q.code} is not in gemeente ${q.gemeente}`, 'code');
      const allowed = mayAccessRestricted(p, area.wijkcode ?? null);
      audit(c, p, 'streets', { gemeente: q.gemeente, buurt: q.code, category: q.category, from: q.from, to: q.to, allowed });
      if (!allowed) throw new ApiError(403, 'street-level figures are for analisten, and for wijkagenten in their own wijken');
      const pts = points(q.gemeente, new Set([q.code]), q.category, q.from, q.to);
      const counts = new Map<string, number>();
      for (const x of pts) counts.set(x.props.straat, (counts.get(x.props.straat) ?? 0) + 1);
      const rows = [...counts].map(([straat, count]) => ({ straat, count })).sort((a, b) => b.count - a.count || a.straat.localeCompare(b.straat));
      return c.json({ meta: { demo: pts.some((x) => x.props.demo), gemeente: q.gemeente, code: q.code, naam: area.naam, category: q.category, from: q.from, to: q.to, restricted: true }, rows }, 200);
    });
}
