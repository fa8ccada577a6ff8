// Hot spots of registered crime per buurt/wijk: Gi* (default) or Local Moran's I, FDR-controlled,
// with a 12-month Gi* history per area (months significant, emerging trend).
import type { Dataset } from '../store/dataset.ts';
import type { AreaGeometry } from '../store/geometry.ts';
import type { MapLevel } from '../domain/model.ts';
import { computeHotspots, type HotspotArea, type HotspotMeasure, type HotspotMethod, type HotspotRow } from '../domain/hotspots.ts';
import { FDR_EXPLANATION } from '../domain/hotspotWords.ts';
import { ApiError } from './errors.ts';
import { shiftMonth } from '../domain/months.ts';
import { BRON } from './stats.ts';

/** Fixed so that LISA's permutation p-values are reproducible between requests and machines. */
export const LISA_SEED = 20150401;
export const LISA_PERMUTATIONS = 999;
const HISTORY_MONTHS = 12;

/**
 * Gi* runs on registrations per km² unless asked otherwise. A hot spot answers "where does crime
 * concentrate", which is a question about space, not about residents: per-resident rates put
 * tiny denominators (Beatrixhaven: 15 inhabitants) and the visitor-heavy centre on the same
 * footing as residential buurten, and even the EB rate over the buurten with a reliable population
 * leaves the Maastricht Binnenstad (1,294 crimes in 2024, 3,500 per km², four times the rate of any
 * neighbour) at q = 0.06 — not significant under FDR 5 % with 40 tests. Density needs no
 * population at all, so every buurt takes part, and matches how police hot spot analysis is done
 * (incidents per unit of area). `measure=ratePer1000Smoothed` gives the resident-risk view.
 */
export const DEFAULT_MEASURE: HotspotMeasure = 'densityPerKm2';

export interface HotspotParams {
  gemeente: string;
  level: MapLevel;
  category: string;
  from: string;
  to: string;
  method: HotspotMethod;
  measure: HotspotMeasure;
  alpha: number;
}

export interface HotspotMeta {
  demo: boolean;
  bron: string;
  gemeente: string;
  level: MapLevel;
  category: string;
  categoryNaam: string;
  from: string;
  to: string;
  method: HotspotMethod;
  measure: HotspotMeasure;
  alpha: number;
  correction: 'benjamini-hochberg';
  minPopulation: number;
  permutations: number | null;
  seed: number | null;
  historyFrom: string;
  historyTo: string;
  historyMonths: number;
  tested: number;
  significant: number;
  notes: string[];
}

export interface HotspotsResponse {
  meta: HotspotMeta;
  rows: HotspotRow[];
}

/** Runs the analysis for validated parameters; also used by the ranking (hotspot persistence), the export and the wijk overview. */
export function runHotspots(ds: Dataset, geometry: AreaGeometry, p: HotspotParams, minPopulation: number): HotspotsResponse {
  const { figures, months } = ds.figures(p.gemeente, p.level, p.category, p.from, p.to);
  const toArea = (f: (typeof figures)[number], m: number): HotspotArea => ({
    code: f.code,
    naam: f.naam,
    count: f.current.missingMonths < m ? f.current.count : null,
    population: f.population,
    km2: f.km2,
  });
  const areas = figures.map((f) => toArea(f, months));
  const neighbours = geometry.neighboursFor(p.gemeente, p.level, areas.map((a) => a.code));
  const cube = ds.cube(p.gemeente);
  const historyFrom = shiftMonth(p.to, -(HISTORY_MONTHS - 1)) < cube.months[0] ? cube.months[0] : shiftMonth(p.to, -(HISTORY_MONTHS - 1));
  const history: (number | null)[][] = [];
  for (let m = historyFrom; m <= p.to; m = shiftMonth(m, 1)) {
    const byCode = new Map(ds.figures(p.gemeente, p.level, p.category, m, m).figures.map((f) => [f.code, toArea(f, 1).count]));
    history.push(areas.map((a) => byCode.get(a.code) ?? null));
  }
  const result = computeHotspots(areas, neighbours, history, {
    method: p.method,
    measure: p.measure,
    alpha: p.alpha,
    minPopulation,
    permutations: LISA_PERMUTATIONS,
    seed: LISA_SEED,
  });
  const demo = figures.some((f) => f.current.demo);
  const pct = (x: number) => `${+(x * 100).toFixed(2)}`.replace('.', ',');
  const notes = [
    p.method === 'gistar'
      ? `Getis-Ord Gi* met binaire queen-buren (incl. het gebied zelf) op ${measureNaam(p.measure)}.`
      : `Local Moran's I op Empirical-Bayes-gestandaardiseerde cijfers (Assunção-Reis), ${LISA_PERMUTATIONS} permutaties, vaste seed.`,
    `Toets: Benjamini-Hochberg (false discovery rate) ${pct(p.alpha)}% over alle geteste gebieden. De klasse noemt het strengste FDR-niveau (1%, 5% of 10%) waarop het gebied nog opvalt; niveaus boven ${pct(p.alpha)}% komen niet voor. ${FDR_EXPLANATION}`,
    `Historie: Gi* per maand ${historyFrom} t/m ${p.to}; trend volgens Mann-Kendall op de maandelijkse z-waarden (model: ESRI Emerging Hot Spot Analysis).`,
  ];
  if (p.measure === 'ratePer1000Smoothed' || p.method === 'lisa') {
    notes.push(`Gebieden met minder dan ${minPopulation} inwoners (bedrijventerreinen e.d.) doen niet mee: hun cijfer per 1.000 inwoners is niet betrouwbaar. Kies dichtheid per km² om ze mee te nemen.`);
  }
  if (figures.some((f) => f.visitors)) notes.push('Binnenstad/centrum: veel bezoekers; een cijfer per inwoner overschat daar het risico voor bewoners.');
  if (demo) notes.push('DEMO: de jaartotalen per buurt zijn echt; de verdeling naar soort misdrijf en maand is gegenereerd.');
  return {
    meta: {
      demo,
      bron: BRON,
      gemeente: p.gemeente,
      level: p.level,
      category: p.category,
      categoryNaam: ds.categories.naam(p.category),
      from: p.from,
      to: p.to,
      method: p.method,
      measure: p.method === 'lisa' ? 'ratePer1000Smoothed' : p.measure,
      alpha: p.alpha,
      correction: 'benjamini-hochberg',
      minPopulation,
      permutations: p.method === 'lisa' ? LISA_PERMUTATIONS : null,
      seed: p.method === 'lisa' ? LISA_SEED : null,
      historyFrom,
      historyTo: p.to,
      historyMonths: history.length,
      tested: result.tested,
      significant: result.significantCount,
      notes,
    },
    rows: hideSuppressed(result.rows, new Set(figures.filter((f) => f.current.suppressed).map((f) => f.code)), p.method),
  };
}

/**
 * Under disclosure control an area whose count is hidden keeps its place in the analysis (with its
 * rounded count), but not the figures that are its own count in another form: the measure value and,
 * for LISA, its standardised rate and local I. Gi* z and the class describe the neighbourhood.
 */
function hideSuppressed(rows: HotspotRow[], hidden: Set<string>, method: HotspotMethod): HotspotRow[] {
  if (hidden.size === 0) return rows;
  return rows.map((r) => (hidden.has(r.code) ? { ...r, value: null, ...(method === 'lisa' ? { z: null, I: null } : {}), suppressed: true } : r));
}

function measureNaam(m: HotspotMeasure): string {
  if (m === 'ratePer1000Smoothed') return 'het Empirical-Bayes-cijfer per 1.000 inwoners (gebieden met betrouwbaar inwonertal)';
  if (m === 'densityPerKm2') return 'het aantal registraties per km²';
  return 'het aantal registraties';
}

/** GET /hotspots: the measure defaults per method; Local Moran's I runs on EB rates only. */
export function hotspotsAnswer(ds: Dataset, geometry: AreaGeometry, q: Omit<HotspotParams, 'measure'> & { measure?: HotspotMeasure }, lowPopulationThreshold: number): HotspotsResponse {
  if (q.method === 'lisa' && q.measure && q.measure !== 'ratePer1000Smoothed') {
    throw new ApiError(400, "measure: Local Moran's I (method=lisa) runs on EB-standardised rates only", 'measure');
  }
  const measure = q.measure ?? (q.method === 'lisa' ? 'ratePer1000Smoothed' : DEFAULT_MEASURE);
  return runHotspots(ds, geometry, { ...q, measure }, lowPopulationThreshold);
}
