// Registered crime per area: the /stats answer (all areas of a level, optionally inside an attention
// area) and the /series answer (one area, month by month, with its breakdown by type).
import { NATIONAL, type Dataset } from '../store/dataset.ts';
import { computeStats } from '../domain/stats.ts';
import type { Level, SeriesResponse, StatsResponse, StatsRow } from '../domain/model.ts';
import { shiftMonth } from '../domain/months.ts';
import type { AttentionAreaStore } from '../store/attentionAreas.ts';
import { attentionScope, type AttentionAreaSummary } from './attentionAreas.ts';
import { ApiError } from './errors.ts';
import { requireCategory, resolvePeriod } from './scope.ts';
import { yearlySeries } from './yearly.ts';

export const BRON = 'CBS, Politie (via CBS), Kadaster/PDOK — tabellen 47022NED/47018NED, 85984NED';
/** Police nuisance comes from its own table: a source line naming the crime tables would be untrue. */
const BRON_OVERLAST = 'CBS, Politie (via CBS), Kadaster/PDOK — tabel 47024NED, 85984NED';
const bronFor = (ds: Dataset, category: string) => (ds.categories.isNuisance(category) ? BRON_OVERLAST : BRON);

/**
 * `meta.total`: the gemeente as a whole for the same category and period (not for the whole country,
 * where the rows are gemeenten' buurten side by side).
 */
export type StatsAnswer = StatsResponse & { meta: { area?: AttentionAreaSummary; total?: StatsRow } };

/** What a rate per 1,000 covers: "… van 1 maand" / "… van 12 maanden". */
export const rateNote = (months: number): string =>
  `Per 1.000 inwoners over de gekozen periode van ${months} ${months === 1 ? 'maand' : 'maanden'}, niet omgerekend naar een jaar.`;

export interface StatsQuery {
  gemeente: string;
  level: Level;
  category: string;
  from: string;
  to: string;
  /** Attention area id: only its areas, plus meta.area with the area as a whole. */
  area?: number;
}

export function statsAnswer(ds: Dataset, attentionAreas: AttentionAreaStore | undefined, lowPopulationThreshold: number, q: StatsQuery): StatsAnswer {
  const { from, to } = q;
  const { figures, months } = ds.figures(q.gemeente, q.level, q.category, from, to);
  const { rows: allRows, referenceRatePer1000, demo } = computeStats(figures, { lowPopulationThreshold, months });
  const scoped = q.area === undefined ? null : attentionScope(ds, attentionAreas, q.area, q, allRows, { lowPopulationThreshold, months });
  const rows = scoped ? scoped.rows : allRows;
  // The same cell as the level=gemeente answer (under disclosure control one cell has one published
  // value; two roundings of it could be averaged back to the truth).
  const total = q.level !== 'gemeente' && ds.gemeente(q.gemeente) ? computeStats(ds.figures(q.gemeente, 'gemeente', q.category, from, to).figures, { lowPopulationThreshold, months }).rows[0] : undefined;
  const notes = [
    rateNote(months),
    'Inwoners: CBS Kerncijfers wijken en buurten (85984NED), 1 januari ' + ds.index.populationYear + '.',
  ];
  if (demo) {
    const typesGenerated = figures.some((f) => f.current.demo && f.current.demoTypes);
    notes.push(
      typesGenerated
        ? 'DEMO: de jaartotalen per buurt zijn echt; de verdeling naar soort misdrijf en maand is gegenereerd.'
        : 'DEMO: de jaarcijfers zijn echt; alleen de verdeling over de maanden is gegenereerd.',
    );
  }
  if (ds.categories.isNuisance(q.category) && rows.every((r) => r.count === null)) notes.push('Geen overlastregistraties geïmporteerd voor deze gemeente.');
  return {
    meta: {
      demo,
      bron: bronFor(ds, q.category),
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
      ...(total ? { total } : {}),
    },
    rows,
  };
}

export interface SeriesQuery {
  gemeente?: string;
  code: string;
  category: string;
  from?: string;
  to?: string;
}

export function seriesAnswer(ds: Dataset, q: SeriesQuery): SeriesResponse {
  const area = ds.area(q.code);
  if (!area) throw new ApiError(404, `code: area ${q.code} is not in the data`, 'code');
  // `NL` (the national view) names no gemeente to check the code against: the code says which it is.
  if (q.gemeente && q.gemeente !== NATIONAL && q.gemeente !== area.gemeentecode) throw new ApiError(400, `code: ${q.code} does not belong to gemeente ${q.gemeente}`, 'code');
  requireCategory(ds, q.category);
  const { from, to } = resolvePeriod(ds, area.gemeentecode, q.from, q.to);
  // Through the dataset: under disclosure control it rounds each month and type as a cell of its own.
  const series = ds.series(area, q.category);
  const breakdown = ds.typeBreakdown(area, q.category, from, to);
  return {
    meta: { demo: series.some((s) => s.demo), breakdownDemo: breakdown.demo, bron: bronFor(ds, q.category), code: area.code, naam: area.naam, category: q.category, categoryNaam: ds.categories.naam(q.category), from, to },
    series,
    breakdown: breakdown.rows,
    yearly: yearlySeries(ds, area, q.category),
  };
}
