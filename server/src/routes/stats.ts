// Registered crime per area: /stats (all areas of a level) and /series (one area, month by month).
import { Hono } from 'hono';
import { z } from 'zod';
import type { Dataset } from '../store/dataset.ts';
import { computeStats } from '../domain/stats.ts';
import type { SeriesResponse, StatsResponse } from '../domain/model.ts';
import { ApiError, parseQuery } from './errors.ts';
import { requireCategory, requireGemeente, resolvePeriod } from './scope.ts';
import { shiftMonth } from '../domain/months.ts';
import { areaCodeParam, categoryParam, gemeenteOrNationalParam, gemeenteParam, levelParam, monthParam } from './params.ts';
import type { AttentionAreaStore } from '../store/attentionAreas.ts';
import { attentionScope, type AttentionAreaSummary } from './attentionAreas.ts';
import { AnswerCache } from './answerCache.ts';

export const BRON = 'CBS, Politie (via CBS), Kadaster/PDOK — tabellen 47022NED/47018NED, 85984NED';

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
  gemeente: gemeenteParam.optional(),
  code: areaCodeParam,
  category: categoryParam.default('0.0.0'),
  from: monthParam.optional(),
  to: monthParam.optional(),
});

export function statsRoutes(ds: Dataset, lowPopulationThreshold: number, attentionAreas?: AttentionAreaStore) {
  const answers = new AnswerCache();
  const statsAnswer = (q: z.infer<typeof statsQuery>, from: string, to: string) => {
    const { figures, months } = ds.figures(q.gemeente, q.level, q.category, from, to);
    const { rows: allRows, referenceRatePer1000, demo } = computeStats(figures, { lowPopulationThreshold, months });
    const scoped = q.area === undefined ? null : attentionScope(ds, attentionAreas, q.area, { ...q, from, to }, allRows, { lowPopulationThreshold, months });
    const rows = scoped ? scoped.rows : allRows;
    const notes = [
      `Per 1.000 inwoners over de gekozen periode van ${months} maand(en), niet omgerekend naar een jaar.`,
      'Inwoners: CBS Kerncijfers wijken en buurten (85984NED), 1 januari ' + ds.index.populationYear + '.',
    ];
    if (demo) notes.push('DEMO: de jaartotalen per buurt zijn echt; de verdeling naar soort misdrijf en maand is gegenereerd.');
    if (ds.categories.isNuisance(q.category) && rows.every((r) => r.count === null)) notes.push('Geen overlastregistraties geïmporteerd voor deze gemeente.');
    const body: StatsResponse & { meta: { area?: AttentionAreaSummary } } = {
      meta: {
        demo,
        bron: BRON,
        gemeente: q.gemeente,
        level: q.level,
        category: q.category,
        categoryNaam: ds.categories.naam(q.category),
        from,
        to,
        previousFrom: shiftMonth(from, -12),
        previousTo: shiftMonth(to, -12),
        populationYear: ds.index.populationYear,
        lowPopulationThreshold,
        referenceRatePer1000,
        notes,
        ...(scoped ? { area: scoped.summary } : {}),
      },
      rows,
    };
    return body;
  };
  return new Hono()
    .get('/stats', (c) => {
      const q = parseQuery(statsQuery, c.req.query());
      requireGemeente(ds, q.gemeente);
      requireCategory(ds, q.category);
      const { from, to } = resolvePeriod(ds, q.gemeente, q.from, q.to);
      // An attention area can change without the registrations changing: those answers are not cached.
      if (q.area !== undefined) return c.json(statsAnswer(q, from, to), 200);
      const key = [q.gemeente, q.level, q.category, from, to, ds.store.revision()].join('|');
      return c.body(answers.json(key, () => statsAnswer(q, from, to)), 200, { 'Content-Type': 'application/json' });
    })
    .get('/series', (c) => {
      const q = parseQuery(seriesQuery, c.req.query());
      const area = ds.area(q.code);
      if (!area) throw new ApiError(404, `code: area ${q.code} is not in the data`, 'code');
      if (q.gemeente && q.gemeente !== area.gemeentecode) throw new ApiError(400, `code: ${q.code} does not belong to gemeente ${q.gemeente}`, 'code');
      requireCategory(ds, q.category);
      const gm = area.gemeentecode;
      const cube = ds.cube(gm);
      const { from, to } = resolvePeriod(ds, gm, q.from, q.to);
      const kind = ds.categories.isNuisance(q.category) ? 'overlast' : 'misdrijf';
      const members =
        area.level === 'buurt' ? [area.code]
        : area.level === 'wijk' ? ds.areas(gm, 'buurt').filter((b) => b.wijkcode === area.code).map((b) => b.code)
        : [...ds.areas(gm, 'buurt').map((b) => b.code), `${gm}_REST`];
      const idx = members.map((m) => cube.areaIndex.get(m)).filter((i): i is number => i !== undefined);
      const typeIdx = (ds.categories.typesOf(q.category) ?? []).map((t) => cube.typeIndex.get(t)!).filter((t) => t !== undefined);
      const perArea = idx.map((a) => cube.series(a, typeIdx, kind));
      const series = cube.months.map((month, m) => {
        const parts = perArea.map((s) => s[m]);
        const known = parts.filter((p) => p.count !== null);
        return {
          month,
          count: known.length ? known.reduce((s, p) => s + (p.count ?? 0), 0) : null,
          demo: parts.some((p) => p.demo),
          withheld: parts.some((p) => p.withheld),
        };
      });
      const m0 = cube.monthIndex(from);
      const m1 = cube.monthIndex(to);
      const breakdown = typeIdx
        .map((t) => ({ code: ds.categories.types[t].code, naam: ds.categories.types[t].naam, count: idx.reduce((s, a) => s + cube.sum(a, m0, m1, [t], kind).count, 0) }))
        .filter((b) => b.count > 0)
        .sort((a, b) => b.count - a.count);
      const body: SeriesResponse = {
        meta: { demo: series.some((s) => s.demo), bron: BRON, code: area.code, naam: area.naam, category: q.category, categoryNaam: ds.categories.naam(q.category), from, to },
        series,
        breakdown,
      };
      return c.json(body, 200);
    });
}
