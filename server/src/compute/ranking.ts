// Ranking of buurten/wijken on criteria the analyst weighs. The criteria are a registry: each
// entry says what it measures and computes one value per area for the request's scope, so the
// survey criteria (Veiligheidsmonitor scores) are added with `registry.register(...)` later.
import { changeBasis, MIN_BASE, shareShown } from '../domain/percentBase.ts';
import type { Dataset } from '../store/dataset.ts';
import type { AreaGeometry } from '../store/geometry.ts';
import type { MapLevel, AreaFlag } from '../domain/model.ts';
import { computeStats } from '../domain/stats.ts';
import { parseWeights, rankAreas, WeightsError, type CriterionDef, type RankingRow } from '../domain/ranking.ts';
import { ApiError } from './errors.ts';
import { BRON } from './stats.ts';
import { DEFAULT_MEASURE, runHotspots } from './hotspots.ts';
import { computeSurvey } from './survey.ts';
import { shiftMonth } from '../domain/months.ts';
import { loadSurveyIndicators } from '../store/planData.ts';
import { periodLabel } from './wording.ts';

/** What a criterion gets to compute its values. */
export interface CriterionScope {
  ds: Dataset;
  geometry: AreaGeometry;
  gemeente: string;
  level: MapLevel;
  category: string;
  from: string;
  to: string;
  lowPopulationThreshold: number;
  /** Area codes in response order. */
  codes: string[];
}

export interface CriterionSource extends CriterionDef {
  /** Value per area code; missing or null = unknown (counted as the median). */
  compute(scope: CriterionScope): Map<string, number | null>;
  /** Whether its values for this scope rest on generated (DEMO) figures, e.g. the demo split over types or months. */
  demo(scope: CriterionScope): boolean;
  /**
   * Why the criterion cannot be measured for this scope (Dutch, for the reader), or null when it can.
   * An unavailable criterion is left out of the score instead of counting every area as the median.
   */
  unavailable?(scope: CriterionScope): string | null;
}

export class CriteriaRegistry {
  private readonly list: CriterionSource[] = [];
  register(c: CriterionSource): this {
    if (this.list.some((x) => x.id === c.id)) throw new Error(`criterion ${c.id} registered twice`);
    this.list.push(c);
    return this;
  }
  all(): CriterionSource[] {
    return [...this.list];
  }
  ids(): string[] {
    return this.list.map((c) => c.id);
  }
}

export const DEFAULT_WEIGHTS = 'smoothedRate:2,change:1,hotspot:1,hicShare:1';

/** The police-data criteria. */
export function defaultCriteria(): CriteriaRegistry {
  const statsOf = (s: CriterionScope) => {
    const { figures, months } = s.ds.figures(s.gemeente, s.level, s.category, s.from, s.to);
    return computeStats(figures, { lowPopulationThreshold: s.lowPopulationThreshold, months }).rows;
  };
  const fromStats = (pick: (r: ReturnType<typeof statsOf>[number]) => number | null) => (s: CriterionScope) => new Map(statsOf(s).map((r) => [r.code, pick(r)]));
  /** Any area's figure for `category` over the period (or, for a change, the year before) is generated. */
  const demoOf = (category: 'own' | 'HIC', withPrevious = false) => (s: CriterionScope) =>
    s.ds.figures(s.gemeente, s.level, category === 'own' ? s.category : category, s.from, s.to).figures.some((f) => f.current.demo || (withPrevious && (f.previous?.demo ?? false)));
  return new CriteriaRegistry()
    .register({
      id: 'smoothedRate',
      naam: 'Cijfer per 1.000 inwoners (EB) t.o.v. de stad',
      description: 'Empirical-Bayes-cijfer per 1.000 inwoners over de periode; gebieden onder de inwonergrens tellen als onbekend (niet betrouwbaar).',
      direction: 1,
      compute: fromStats((r) => (r.flags.includes('lowPopulation') || r.flags.includes('noPopulation') ? null : r.ratePer1000Smoothed)),
      demo: demoOf('own'),
    })
    .register({
      id: 'change',
      naam: 'Verandering t.o.v. een jaar eerder (%)',
      description: `Procentuele verandering van het aantal registraties t.o.v. dezelfde maanden een jaar eerder; gebieden met minder dan ${MIN_BASE} registraties een jaar eerder tellen als onbekend (een percentage zegt daar niets: 3 tegen 1 is +200 %).`,
      direction: 1,
      // The app's one rule for percentages (domain/percentBase.ts): on a small base a change would top the ranking by chance.
      compute: fromStats((r) => (changeBasis(r.count, r.previousCount) === 'percent' ? r.changePct : null)),
      demo: demoOf('own', true),
    })
    .register({
      id: 'hotspot',
      naam: 'Hotspot-persistentie (maanden)',
      description: 'In hoeveel van de laatste 12 maanden het gebied een significante Gi*-hotspot was (FDR 5%, dichtheid per km²).',
      direction: 1,
      compute: (s) => {
        const r = runHotspots(s.ds, s.geometry, { gemeente: s.gemeente, level: s.level, category: s.category, from: s.from, to: s.to, method: 'gistar', measure: DEFAULT_MEASURE, alpha: 0.05 }, s.lowPopulationThreshold);
        return new Map(r.rows.map((x) => [x.code, x.monthsSignificant]));
      },
      // Month by month: generated wherever a month is a demo split of a yearly total (real yearly totals do not help).
      demo: (s) => {
        for (let m = s.from; m <= s.to; m = shiftMonth(m, 1)) {
          if (s.ds.figures(s.gemeente, s.level, s.category, m, m).figures.some((f) => f.current.demo)) return true;
        }
        return false;
      },
    })
    .register({
      id: 'hicShare',
      naam: 'Aandeel vermogenscriminaliteit/HIC (%)',
      description: `Aandeel van de zes HIC-soorten van het uitvoeringsplan in alle misdrijven over de periode; gebieden met minder dan ${MIN_BASE} misdrijven tellen als onbekend.`,
      direction: 1,
      compute: (s) => {
        // A share of a hidden count (either part) would give the count back: unknown instead.
        const hic = new Map(s.ds.figures(s.gemeente, s.level, 'HIC', s.from, s.to).figures.map((f) => [f.code, f.current.suppressed ? null : f.current.count]));
        return new Map(
          s.ds.figures(s.gemeente, s.level, '0.0.0', s.from, s.to).figures.map((f) => {
            const part = hic.get(f.code);
            // A share of a handful (2 of 3 is 67 %) says nothing: shareShown, the same rule as the app's breakdowns.
            return [f.code, shareShown(f.current.count) && !f.current.suppressed && part !== null ? Math.round((1000 * (part ?? 0)) / f.current.count) / 10 : null];
          }),
        );
      },
      demo: demoOf('HIC'),
    })
    .register({
      id: 'density',
      naam: 'Registraties per km²',
      description: 'Aantal registraties per km² over de periode (ook zinvol voor bedrijventerreinen en de binnenstad).',
      direction: 1,
      compute: fromStats((r) => r.densityPerKm2),
      demo: demoOf('own'),
    })
    .register({
      id: 'count',
      naam: 'Aantal registraties',
      description: 'Absoluut aantal registraties over de periode.',
      direction: 1,
      compute: fromStats((r) => r.count),
      demo: demoOf('own'),
    })
    .register(overlastCriterion())
    .register(surveyCriterion('onveilig', 'onveilig_buurt_pct', '% wel eens onveilig in de eigen buurt (Veiligheidsmonitor)'))
    .register(surveyCriterion('rapportcijfer', 'rapportcijfer_veiligheid', 'Rapportcijfer veiligheid buurt (Veiligheidsmonitor; lager telt zwaarder)'))
    .register(surveyCriterion('overlastJeugd', 'overlast_jeugdgroepen_pct', '% vaak overlast van jeugdgroepen (Veiligheidsmonitor)'));
}

/** The category group that sums every police nuisance type (server/data/category-groups.json). */
const OVERLAST_GROUP = 'OVERLAST';

/**
 * Registered police nuisance (47024NED) per 1,000 inhabitants over the period. Never mixed with
 * misdrijven: it reads the nuisance group only. An area counts only when the nuisance figures cover
 * every month of the period (a partial sum would look like less nuisance); where no area has such
 * figures the criterion is unavailable and says why.
 */
function overlastCriterion(): CriterionSource {
  const rowsOf = (s: CriterionScope) => {
    if (!s.ds.categories.has(OVERLAST_GROUP)) return { months: 0, rows: [] };
    const { figures, months } = s.ds.figures(s.gemeente, s.level, OVERLAST_GROUP, s.from, s.to);
    const stats = computeStats(figures, { lowPopulationThreshold: s.lowPopulationThreshold, months }).rows;
    return { months, rows: figures.map((f, i) => ({ sum: f.current, row: stats[i] })) };
  };
  return {
    id: 'overlast',
    naam: 'Overlast per 1.000 inwoners',
    description: 'Geregistreerde overlast (politie) over de periode per 1.000 inwoners; gebieden onder de inwonergrens tellen als onbekend (niet betrouwbaar). Telt nooit mee in een totaal van misdrijven.',
    direction: 1,
    compute: (s) =>
      new Map(rowsOf(s).rows.map(({ sum, row }) => {
        const unreliable = row.flags.includes('lowPopulation') || row.flags.includes('noPopulation');
        return [row.code, sum.missingMonths > 0 || unreliable ? null : row.ratePer1000];
      })),
    demo: (s) => rowsOf(s).rows.some(({ sum }) => sum.missingMonths === 0 && sum.demo),
    unavailable: (s) => {
      const { months, rows } = rowsOf(s);
      const where = `${s.ds.gemeente(s.gemeente)?.naam ?? s.gemeente} in ${periodLabel(s.from, s.to)}`;
      if (!rows.some(({ sum }) => sum.missingMonths < months)) return `Er zijn geen overlastregistraties van de politie voor ${where}.`;
      const whole = rows.filter(({ sum }) => sum.missingMonths === 0 && !sum.allWithheld);
      if (whole.length === 0) return `De overlastregistraties van de politie dekken niet de hele periode (${where}).`;
      // Under disclosure control every small count is hidden; when nothing is left, ranking on it says nothing.
      if (whole.every(({ row }) => row.count === null)) return `De aantallen overlast zijn voor ${where} te klein om te tonen.`;
      return null;
    },
  };
}

/** A Veiligheidsmonitor indicator as a criterion: the latest survey year, the same figures /survey
 * shows (DEMO below gemeente level unless imported). "Worse" always ranks higher. */
function surveyCriterion(id: string, indicator: string, naam: string): CriterionSource {
  const ind = loadSurveyIndicators().find((i) => i.code === indicator);
  if (!ind) throw new Error(`survey criterion ${id}: unknown indicator ${indicator}`);
  return {
    id,
    naam,
    description: `${ind.label}, laatste meting. Onder gemeenteniveau zijn dit DEMO-cijfers tenzij de gemeente eigen resultaten importeerde.`,
    direction: ind.betterWhen === 'lower' ? 1 : -1,
    compute: (s) => {
      const r = computeSurvey(s.ds, s.ds.store.features().survey, ind, { gemeente: s.gemeente, level: s.level });
      return new Map(r.rows.map((x) => [x.code, x.value]));
    },
    demo: (s) => computeSurvey(s.ds, s.ds.store.features().survey, ind, { gemeente: s.gemeente, level: s.level }).rows.some((x) => x.demo),
  };
}

export interface RankingResponse {
  meta: {
    /** True when the figures or any weighted criterion rest on generated (DEMO) figures. */
    demo: boolean;
    /** The weighted criteria whose values are (partly) generated, by id. */
    demoCriteria: string[];
    bron: string;
    gemeente: string;
    level: MapLevel;
    category: string;
    categoryNaam: string;
    from: string;
    to: string;
    /** The weights as asked. */
    weights: Record<string, number>;
    /** The weights the score used: those of unavailable criteria left out (the score is a weighted mean, so the rest counts proportionally more). */
    effectiveWeights: Record<string, number>;
    normalisation: 'percentileRank';
    /** `unavailable`: why the criterion cannot be measured for this scope (Dutch); it is then left out of the score. */
    criteria: (CriterionDef & { unavailable?: string })[];
    notes: string[];
  };
  rows: (RankingRow & { flags: AreaFlag[] })[];
}

export function computeRanking(ds: Dataset, geometry: AreaGeometry, registry: CriteriaRegistry, lowPopulationThreshold: number, q: { gemeente: string; level: MapLevel; category: string; from: string; to: string; weights: string }): RankingResponse {
  let weights: Record<string, number>;
  try {
    weights = parseWeights(q.weights, registry.ids());
  } catch (e) {
    if (e instanceof WeightsError) throw new ApiError(400, `weights: ${e.message}`, 'weights');
    throw e;
  }
  const { figures, months } = ds.figures(q.gemeente, q.level, q.category, q.from, q.to);
  const stats = computeStats(figures, { lowPopulationThreshold, months });
  const scope: CriterionScope = { ds, geometry, gemeente: q.gemeente, level: q.level, category: q.category, from: q.from, to: q.to, lowPopulationThreshold, codes: stats.rows.map((r) => r.code) };
  const criteria = registry.all();
  // Asked for every criterion, weighted or not: the weights form says it before anyone weighs it.
  const unavailable = new Map(criteria.flatMap((c) => {
    const why = c.unavailable?.(scope) ?? null;
    return why ? [[c.id, why] as const] : [];
  }));
  const effectiveWeights = Object.fromEntries(Object.entries(weights).filter(([id]) => !unavailable.has(id)));
  const weighted = criteria.filter((c) => (effectiveWeights[c.id] ?? 0) > 0);
  // Only weighted criteria are computed; the others appear in `values` as null.
  const computed = new Map(weighted.map((c) => [c.id, c.compute(scope)]));
  const inputs = stats.rows.map((r) => ({
    code: r.code,
    naam: r.naam,
    values: Object.fromEntries(criteria.map((c) => [c.id, computed.get(c.id)?.get(r.code) ?? null])),
  }));
  const flags = new Map(stats.rows.map((r) => [r.code, r.flags]));
  const rows = rankAreas(inputs, criteria, effectiveWeights).map((r) => ({ ...r, flags: flags.get(r.code) ?? [] }));
  const notes = [
    'Elk criterium wordt omgezet naar een percentielrang binnen de gemeente (0 = laagste, 1 = hoogste aandachtswaarde); de score is het gewogen gemiddelde.',
    "Een onbekende of onbetrouwbare waarde telt als de mediaan (0,5); de tabel zegt dan 'onbekend (telt als mediaan)'.",
  ];
  const left = criteria.filter((c) => (weights[c.id] ?? 0) > 0 && unavailable.has(c.id));
  if (left.length > 0) {
    const why = left.map((c) => `${c.naam} (${unavailable.get(c.id)!.replace(/\.$/, '')})`).join('; ');
    notes.push(weighted.length > 0
      ? `Niet meegeteld: ${why}. De score is het gewogen gemiddelde van de overige criteria; hun gewichten tellen naar verhouding zwaarder.`
      : `Geen enkel gewogen criterium is te meten: ${why}. Elk gebied heeft daarom score 0; geef een ander criterium een gewicht.`);
  }
  if (stats.demo) notes.push('DEMO: de jaartotalen per buurt zijn echt; de verdeling naar soort misdrijf en maand is gegenereerd.');
  const demoCriteria = weighted.filter((c) => c.demo(scope)).map((c) => c.id);
  return {
    meta: {
      demo: stats.demo || demoCriteria.length > 0,
      demoCriteria,
      bron: BRON,
      gemeente: q.gemeente,
      level: q.level,
      category: q.category,
      categoryNaam: ds.categories.naam(q.category),
      from: q.from,
      to: q.to,
      weights,
      effectiveWeights,
      normalisation: 'percentileRank',
      criteria: criteria.map(({ id, naam, description, direction }) => {
        const why = unavailable.get(id);
        return { id, naam, description, direction, ...(why ? { unavailable: why } : {}) };
      }),
      notes,
    },
    rows,
  };
}
