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
import type { AppEnv } from '../http/env.ts';
import { ApiError } from '../compute/errors.ts';
import { validate } from '../http/validate.ts';
import { areaCodeParam, categoryParam, gemeenteParam, monthParam } from '../http/params.ts';
import { resolveScope } from '../compute/scope.ts';
import { principalOf } from '../http/session.ts';
import { defaultBandwidth, densityWorkProblem, quarticDensity } from '../domain/kde.ts';
import { changeSignificant } from '../domain/significance.ts';
import { shiftMonth } from '../domain/months.ts';
import { PdfUnavailableError, type PdfRenderer } from '../reports/pdf.ts';
import { pageTemplates, reportTitle } from '../reports/layout.ts';
import { wijkbrief } from '../reports/wijkbrief.ts';
import { isoWeekEnd, windowCounts, windowStart } from '../domain/windows.ts';
import { localPlane } from '../store/geometry.ts';
import { runHotspots, DEFAULT_MEASURE } from '../compute/hotspots.ts';

const MAX_POINTS = 50_000;

const incidentsQuery = z.object({
  gemeente: gemeenteParam,
  wijk: z.string().trim().toUpperCase().regex(/^WK\d{4}[0-9A-Z]{2}$/, 'expected a CBS wijk code like WK093502').optional(),
  category: categoryParam.default('0.0.0'),
  from: monthParam.optional(),
  to: monthParam.optional(),
});

const densityQuery = incidentsQuery.extend({
  cell: z.coerce.number({ error: 'expected a number of metres' }).int().min(10, 'at least 10 m').max(1000, 'at most 1000 m').default(50),
});

const myWijkQuery = z
  .object({
    wijk: z.string().trim().toUpperCase().regex(/^WK\d{4}[0-9A-Z]{2}$/, 'expected a CBS wijk code like WK093502').optional(),
    month: monthParam.optional(),
    /** A chosen ISO week: the 7-day window is that week, the 28-day window the four weeks up to it. */
    week: z.string().trim().toUpperCase().regex(/^\d{4}-W\d{2}$/, 'expected an ISO week like 2025-W49').optional(),
  })
  .refine((q) => !(q.month && q.week), { message: 'choose a month or a week, not both', path: ['week'] });
const wijkbriefQuery = myWijkQuery.and(z.object({ format: z.enum(['pdf', 'html'], { error: "expected 'pdf' or 'html'" }).default('pdf') }));

/** Main categories the wijkagent's overview compares, month against the same month a year earlier. */
const MY_WIJK_CATEGORIES = ['0.0.0', 'HIC', 'G1.1', 'G1.2', 'G1.4', 'G2.2', 'G2.5', 'G3.1', 'G3.9'];

/** YYYY-MM → its last day, YYYY-MM-DD. */
const lastDayOf = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

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

export interface WijkbriefOptions {
  pdf: PdfRenderer;
  /** The generation time printed on the wijkbrief (tests pin it). */
  now?: () => Date;
}

export function incidentRoutes(ds: Dataset, geometry: AreaGeometry, incidents: IncidentStore, users: UserStore, lowPopulation: () => number, opts: WijkbriefOptions) {
  const now = opts.now ?? (() => new Date());
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

  /** Which wijken a request for points may see (null = the whole gemeente); audits and refuses. */
  const pointScope = (c: Context<AppEnv>, p: Principal, action: string, q: { gemeente: string; wijk?: string; category: string; from: string; to: string }) => {
    if (q.wijk && !ds.area(q.wijk)) throw new ApiError(404, `wijk: ${q.wijk} is not in the data`, 'wijk');
    if (q.wijk && ds.area(q.wijk)?.gemeentecode !== q.gemeente) throw new ApiError(400, `wijk: ${q.wijk} is not in gemeente ${q.gemeente}`, 'wijk');
    // A wijkagent without a wijk parameter gets their own wijken; with one, only if it is theirs.
    const wijken = q.wijk ? [q.wijk] : p.role === 'wijkagent' ? p.wijken.filter((w) => ds.area(w)?.gemeentecode === q.gemeente) : null;
    const allowed = wijken === null ? p.role === 'analist' : wijken.length > 0 && wijken.every((w) => mayAccessRestricted(p, w));
    audit(c, p, action, { gemeente: q.gemeente, wijken, category: q.category, from: q.from, to: q.to, allowed });
    if (!allowed) throw new ApiError(403, p.role === 'wijkagent' ? 'a wijkagent sees incident points of their own wijken only' : 'incident points are for analisten and wijkagenten only');
    return new Set(ds.areas(q.gemeente, 'buurt').filter((b) => wijken === null || wijken.includes(b.wijkcode!)).map((b) => b.code));
  };

  /**
   * The last 7 and 28 days up to the newest registration of the wijk (the data's newest month), against the same
   * days a year earlier and the mean of the 12 (7 days) or 6 (28 days) windows before; per category of Mijn wijk.
   */
  const shortWindows = (gm: string, codes: Set<string>, month: string, endDay?: string) => {
    const cube = ds.cube(gm);
    const inMonth = points(gm, codes, '0.0.0', month, month);
    const end = endDay ?? (inMonth.reduce((d, x) => (x.props.datum.slice(0, 10) > d ? x.props.datum.slice(0, 10) : d), '') || lastDayOf(month));
    const start = windowStart(end, 7, 12) < windowStart(end, 28, 6) ? windowStart(end, 7, 12) : windowStart(end, 28, 6);
    const firstMonth = [start.slice(0, 7), cube.months[0]].sort()[1];
    // The month itself is already generated; only the months before it are added (each month once per request).
    const range = [...(firstMonth < month ? points(gm, codes, '0.0.0', firstMonth, shiftMonth(month, -1)) : []), ...inMonth];
    const regs = range.map((x) => ({ date: x.props.datum, code: x.props.code }));
    const cats = MY_WIJK_CATEGORIES.filter((cat) => ds.categories.has(cat)).map((cat) => ({ code: cat, types: new Set(ds.categories.typesOf(cat) ?? []) }));
    const naam = (code: string) => ds.categories.naam(code);
    // Data that does not reach a year back gives no year-earlier count and no average, rather than a low one.
    const complete = firstMonth <= start.slice(0, 7);
    const windows = [windowCounts(regs, cats, 7, 12, end), windowCounts(regs, cats, 28, 6, end)].map((w) => ({
      ...w,
      complete,
      rows: w.rows.map((r) => ({
        ...r, naam: naam(r.code),
        lastYearCount: complete ? r.lastYearCount : null, averageCount: complete ? r.averageCount : null, changeSignificant: complete && r.changeSignificant,
      })),
    }));
    /** The registrations from `from` (YYYY-MM-DD or YYYY-MM) on, out of those already generated. */
    const since = (from: string) => range.filter((x) => x.props.datum.slice(0, from.length) >= from);
    return { windows, since };
  };

  /**
   * "Mijn wijk" of one wijk (a wijkagent's own when none is named): audited as `action`, refused (403) for anyone
   * who may not see its points. Shared by the panel and the printed wijkbrief, so both say the same.
   */
  const myWijk = (c: Context<AppEnv>, action: string, requested: string | undefined, month: string | undefined, week?: string) => {
    const p = principalOf(c);
    const wijk = requested ?? p.wijken[0];
    if (!wijk) throw new ApiError(400, 'wijk: which wijk? (a wijkagent has their own; others must name one)', 'wijk');
    const area = ds.area(wijk);
    if (!area || area.level !== 'wijk') throw new ApiError(404, `wijk: ${wijk} is not in the data`, 'wijk');
    const allowed = mayAccessRestricted(p, wijk);
    audit(c, p, action, { wijk, allowed });
    if (!allowed) throw new ApiError(403, 'this overview is for the wijkagent of this wijk and for analisten');
    const gm = area.gemeentecode;
    const cube = ds.cube(gm);
    // A chosen week ends on its Sunday; its month is the month of the overview (the month table, the streets).
    const weekEnd = week ? isoWeekEnd(week) : null;
    if (week && !weekEnd) throw new ApiError(400, `week: ${week} bestaat niet (dat jaar heeft geen week ${week.slice(6)})`, 'week');
    if (weekEnd && (weekEnd.slice(0, 7) < cube.months[0] || weekEnd.slice(0, 7) > cube.months[cube.M - 1])) {
      throw new ApiError(400, `week: ${week} ligt buiten de gegevens (${cube.months[0]} – ${cube.months[cube.M - 1]})`, 'week');
    }
    const asked = weekEnd ? weekEnd.slice(0, 7) : (month ?? cube.months[cube.M - 1]);
    const { from: m } = resolveScope(ds, { gemeente: gm, category: '0.0.0', from: asked, to: asked });
    const [yy, mm] = m.split('-').map(Number);
    const lastYear = `${yy - 1}-${String(mm).padStart(2, '0')}`;
    const categories = MY_WIJK_CATEGORIES.filter((cat) => ds.categories.has(cat)).map((cat) => {
      const row = ds.figures(gm, 'wijk', cat, m, m).figures.find((f) => f.code === wijk)!;
      const count = row.current.missingMonths ? null : row.current.count;
      const previous = row.previous && !row.previous.missingMonths ? row.previous.count : null;
      return {
        code: cat, naam: ds.categories.naam(cat), count, previousCount: previous,
        changePct: count !== null && previous ? Math.round(((count - previous) / previous) * 1000) / 10 : null,
        // 3 against 1 is "+200 %" but chance: the screen shows the difference in words instead.
        changeSignificant: changeSignificant(count, previous),
        demo: row.current.demo,
      };
    });
    const codes = new Set(ds.areas(gm, 'buurt').filter((b) => b.wijkcode === wijk).map((b) => b.code));
    const threeMonthsFrom = cube.months[Math.max(0, cube.monthIndex(m) - 2)];
    const { windows, since } = shortWindows(gm, codes, m, weekEnd ?? undefined);
    // Nothing after the chosen week: the overview is of that week as it was.
    const recentPts = since(threeMonthsFrom).filter((x) => !weekEnd || x.props.datum.slice(0, 10) <= weekEnd);
    const streetCounts = new Map<string, number>();
    for (const x of recentPts) streetCounts.set(x.props.straat, (streetCounts.get(x.props.straat) ?? 0) + 1);
    // The same three months a year earlier, where the data reaches back that far: is a busy street busier than it was?
    const yearEarlierFrom = shiftMonth(threeMonthsFrom, -12);
    const yearEarlier = yearEarlierFrom >= cube.months[0] ? points(gm, codes, '0.0.0', yearEarlierFrom, shiftMonth(m, -12)) : null;
    const earlierCounts = new Map<string, number>();
    for (const x of yearEarlier ?? []) earlierCounts.set(x.props.straat, (earlierCounts.get(x.props.straat) ?? 0) + 1);
    const streets = [...streetCounts]
      .map(([straat, count]) => {
        const lastYearCount = yearEarlier ? (earlierCounts.get(straat) ?? 0) : null;
        return { straat, count, lastYearCount, changeSignificant: changeSignificant(count, lastYearCount) };
      })
      .sort((a, b) => b.count - a.count || a.straat.localeCompare(b.straat))
      .slice(0, 10);
    const buurtNaam = (code: string) => ds.area(code)?.naam ?? code;
    const recent = recentPts.map((x) => ({ ...x.props, buurtNaam: buurtNaam(x.props.buurt), lon: x.lon, lat: x.lat })).sort((a, b) => b.datum.localeCompare(a.datum) || a.registratienummer.localeCompare(b.registratienummer)).slice(0, 20);
    const hs = runHotspots(ds, geometry, { gemeente: gm, level: 'buurt', category: '0.0.0', from: cube.months[Math.max(0, cube.monthIndex(m) - 11)], to: m, method: 'gistar', measure: DEFAULT_MEASURE, alpha: 0.05 }, lowPopulation());
    const buurten = hs.rows.filter((r) => codes.has(r.code)).map((r) => ({ code: r.code, naam: r.naam, class: r.class, monthsSignificant: r.monthsSignificant, trend: r.trend }));
    const w28 = windows.find((w) => w.days === 28)!;
    const windowPoints = since(w28.from).filter((x) => x.props.datum.slice(0, 10) <= w28.to);
    const answer = {
      meta: { demo: categories.some((x) => x.demo) || recent.some((x) => x.demo), wijk, naam: area.naam, gemeente: gm, month: m, week: week ?? null, compareMonth: lastYear, streetsFrom: threeMonthsFrom, streetsTo: m, streetsCompareFrom: yearEarlier ? yearEarlierFrom : null, streetsCompareTo: yearEarlier ? shiftMonth(m, -12) : null, restricted: true },
      categories, streets, recent, buurten, windows,
    };
    return { answer, windowPoints };
  };

  return new Hono<AppEnv>()
    .get('/incidents', validate('query', incidentsQuery), (c) => {
      const p = principalOf(c);
      const q = resolveScope(ds, c.req.valid('query'));
      const codes = pointScope(c, p, 'incidents', q);
      const wijken = q.wijk ? [q.wijk] : p.role === 'wijkagent' ? p.wijken : null;
      const pts = points(q.gemeente, codes, q.category, q.from, q.to);
      return c.json({
        type: 'FeatureCollection' as const,
        meta: { demo: pts.some((x) => x.props.demo), gemeente: q.gemeente, wijken, category: q.category, from: q.from, to: q.to, count: pts.length, restricted: true },
        features: pts.map((x) => ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [x.lon, x.lat] }, properties: x.props })),
      }, 200);
    })
    .get('/density', validate('query', densityQuery), (c) => {
      const p = principalOf(c);
      const q = resolveScope(ds, c.req.valid('query'));
      const codes = pointScope(c, p, 'density', q);
      const feats = geometry.features(q.gemeente, 'buurt');
      const plane = localPlane(feats);
      const raw = points(q.gemeente, codes, q.category, q.from, q.to);
      const pts = raw.map((x) => {
        const [px, py] = plane.forward([x.lon, x.lat]);
        return { x: px, y: py };
      });
      const h = defaultBandwidth(pts);
      // Grid over the buurten in scope, padded by the bandwidth so edge kernels are whole.
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (const f of feats) {
        if (!codes.has(f.properties.code)) continue;
        const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
        for (const ring of polys.flat()) for (const pos of ring) {
          const [x, y] = plane.forward(pos);
          minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
        }
      }
      const extent: [number, number, number, number] = [minX - h, minY - h, maxX + h, maxY + h];
      const tooMuch = densityWorkProblem(extent, q.cell, h, pts.length);
      if (tooMuch) throw new ApiError(400, `cell: ${tooMuch}`, 'cell');
      const grid = quarticDensity(pts, extent, q.cell, h);
      let max = 0;
      for (const v of grid.values) if (v > max) max = v;
      const features = [];
      for (let r = 0; r < grid.rows; r++) for (let k = 0; k < grid.cols; k++) {
        const v = grid.values[r * grid.cols + k];
        if (v < max * 0.02) continue; // the faint tail adds bytes, not information
        const x = grid.x0 + k * grid.cell;
        const y = grid.y0 + r * grid.cell;
        const ring = [plane.inverse(x, y), plane.inverse(x + grid.cell, y), plane.inverse(x + grid.cell, y + grid.cell), plane.inverse(x, y + grid.cell), plane.inverse(x, y)]
          .map(([lon, lat]) => [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6]);
        features.push({ type: 'Feature' as const, geometry: { type: 'Polygon' as const, coordinates: [ring] }, properties: { density: Math.round(v * 10) / 10 } });
      }
      return c.json({
        type: 'FeatureCollection' as const,
        meta: {
          demo: raw.some((x) => x.props.demo),
          kernel: 'quartic' as const,
          bandwidthM: Math.round(h),
          bandwidthRule: 'h = 0,9 · min(SD, √(1/ln 2) · Dm) · n^−0,2 (ArcGIS-regel naar Silverman), minimaal 100 m',
          cellM: q.cell,
          points: pts.length,
          maxDensity: Math.round(max * 10) / 10,
          unit: 'registraties per km²',
          gemeente: q.gemeente, category: q.category, from: q.from, to: q.to, restricted: true,
        },
        features,
      }, 200);
    })
    .get('/mijn-wijk', validate('query', myWijkQuery), (c) => {
      const q = c.req.valid('query');
      const { answer } = myWijk(c, 'mijn-wijk', q.wijk, q.month, q.week);
      return c.json(answer, 200);
    })
    .get('/reports/wijkbrief', validate('query', wijkbriefQuery), async (c) => {
      const q = c.req.valid('query');
      const { answer, windowPoints } = myWijk(c, 'wijkbrief', q.wijk, q.month, q.week);
      const report = wijkbrief({ ...answer, gemeenteNaam: ds.gemeente(answer.meta.gemeente)?.naam ?? answer.meta.gemeente, topology: ds.areaFile(answer.meta.gemeente).raw, points: windowPoints }, now());
      c.header('Cache-Control', 'no-store');
      if (q.format === 'html') return c.html(report.html, 200);
      let pdf: Buffer;
      try {
        pdf = await opts.pdf.render(report.html, { ...pageTemplates(report.meta), title: reportTitle(report.meta) });
      } catch (err) {
        if (err instanceof PdfUnavailableError) throw new ApiError(503, err.message);
        throw err;
      }
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `inline; filename="wijkbrief_${answer.meta.wijk}_${answer.windows[1]?.to ?? answer.meta.month}.pdf"`);
      return c.body(new Uint8Array(pdf), 200);
    })
    .get('/streets', validate('query', streetsQuery), (c) => {
      const p = principalOf(c);
      const q = resolveScope(ds, c.req.valid('query'));
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
