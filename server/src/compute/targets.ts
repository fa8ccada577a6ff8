// The answer of GET /api/targets: the plan's effect indicators against their targets. Targets are data
// (the beheerder's plan, else server/data/targets.json: compute/targetPlans.ts); actuals come from the store: survey figures (gemeente level, real only),
// registered crime per 1,000 inhabitants per calendar year, nuisance registrations when imported.
// Status rule: domain/targets.ts evaluateTargets(). Shared by the route and the reports (compute/survey.ts
// says why this layer exists).
import type { Dataset } from '../store/dataset.ts';
import type { SurveyStore } from '../store/survey.ts';
import { evaluateTargets, type Actual, type StatusBasis, type TargetIndicator, type Plan, type TargetResult, type TargetStatus } from '../domain/targets.ts';
import type { SurveyIndicator } from '../domain/survey.ts';

export interface TargetOut {
  id: string;
  label: string;
  theme: string | null;
  source: TargetIndicator['source'];
  unit: TargetIndicator['unit'];
  betterWhen: TargetIndicator['betterWhen'];
  baseline: { year: number; value: number };
  planValues: { year: number; value: number }[];
  /** Each target with `met` (true/false on a real, comparable measurement of its year, else null)
   *  and `measuredYear`. */
  targets: TargetResult[];
  actual: Actual[];
  status: TargetStatus;
  /** The latest real, comparable measurement and the target it is compared with (null when there is none). */
  basis: StatusBasis | null;
  /** The last target year lies before the reference year: the plan period is over. */
  planEnded: boolean;
  /** Measurements of another definition, shown beside the indicator; they never judge it. */
  related: { code: string; label: string; actual: { year: number; value: number }[] }[];
  /** True when any actual is (partly) generated demo data. */
  demo: boolean;
  bron: string;
  notes: string[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Registrations of a category per 1,000 inhabitants per complete calendar year in the data. */
function perYear(ds: Dataset, gm: string, category: string, comparable: boolean): Actual[] {
  const cube = ds.cube(gm);
  const first = Number(cube.months[0].slice(0, 4));
  const last = Number(cube.months[cube.M - 1].slice(0, 4));
  const out: Actual[] = [];
  for (let y = first; y <= last; y++) {
    const f = ds.figures(gm, 'gemeente', category, `${y}-01`, `${y}-12`).figures[0];
    if (!f || f.current.missingMonths > 0 || !f.population) continue;
    out.push({ year: y, value: round1((f.current.count / f.population) * 1000), demo: f.current.demo, comparable });
  }
  return out;
}

export interface TargetsOptions {
  /** The reference year: targets before it have passed (default: the current calendar year). */
  now?: number;
  /** Leave out measurements after this year (a report prints nothing after its period). */
  until?: number;
}

/** The targets of a gemeente's plan with their actuals and status; [] when the gemeente has no plan.
 * `plan` is TargetPlans.plan() and `survey` the survey store (seeded with the plan's values at start, compose.ts); the
 * gemeente must be in the data (the route answers 404 before calling this). */
export function computeTargets(
  ds: Dataset, plan: Plan | undefined, survey: SurveyStore, gemeente: string, opts: TargetsOptions = {}, indicators: SurveyIndicator[] = [],
): TargetOut[] {
  if (!plan) return [];
  const now = opts.now ?? new Date().getUTCFullYear();
  const until = opts.until ?? Infinity;
  const popYear = ds.index.populationYear;
  const surveyValues = (indicator: string) =>
    survey.rows({ gemeente, indicator, level: 'gemeente' }).filter((r) => r.area === gemeente && r.year <= until);
  return plan.indicators.map((ind) => {
    const notes: string[] = [];
    let actual: Actual[];
    let bron: string;
    const cm = ind.compute;
    if (cm.kind === 'survey') {
      const rows = surveyValues(cm.indicator);
      actual = rows.map((r) => ({ year: r.year, value: r.value, demo: r.demo, comparable: ind.comparable }));
      bron = [...new Set(rows.map((r) => r.source))].join('; ') || 'Veiligheidsmonitor (geen gegevens geladen)';
      if (rows.length === 0) notes.push('Er zijn geen Veiligheidsmonitor-cijfers voor de hele gemeente beschikbaar.');
    } else {
      actual = perYear(ds, gemeente, cm.category, ind.comparable).filter((a) => a.year <= until);
      bron = `Politie via CBS (47022NED${cm.kind === 'nuisance' ? '/47024NED' : ''}); inwoners CBS 85984NED, 1 januari ${popYear}`;
      notes.push(`Per 1.000 inwoners per kalenderjaar; voor elk jaar gedeeld door de inwoners op 1 januari ${popYear} (het enige bekende jaar).`);
      if (cm.kind === 'nuisance' && actual.length === 0) {
        notes.push(`Er zijn geen overlastregistraties (${ds.categories.naam(cm.category)}) van de politie beschikbaar; daarmee is deze indicator niet te meten.`);
      }
      if (actual.some((a) => a.demo)) {
        notes.push(`DEMO: de jaartotalen van alle misdrijven zijn echt, maar de verdeling naar soort misdrijf (${ds.categories.naam(cm.category)}) is gegenereerd zolang er geen cijfers per soort zijn.`);
      }
    }
    if (!ind.comparable) {
      notes.push(ind.source === 'politie'
        ? 'Het plan meet in GIDS/BVI-politieregistraties; de CBS-cijfers (geregistreerde misdrijven) hebben een andere definitie en zijn alleen een indicatie: ze bepalen niet of een doel is gehaald. Politiecijfers zijn pas na ongeveer twee jaar definitief.'
        : 'De beschikbare cijfers hebben een andere definitie dan het plan; ze zijn alleen een indicatie en bepalen niet of een doel is gehaald.');
    }
    const ev = evaluateTargets(ind.targets, actual, now);
    const related = (ind.related ?? []).map((code) => ({
      code,
      label: indicators.find((i) => i.code === code)?.label ?? code,
      actual: surveyValues(code).map((r) => ({ year: r.year, value: r.value })),
    })).filter((r) => r.actual.length > 0);
    for (const r of related) {
      const last = r.actual[r.actual.length - 1];
      notes.push(`Er zijn ook cijfers voor "${r.label}" (laatst ${last.year}); dat is een andere vraag dan deze indicator en bepaalt dus niet of het doel is gehaald.`);
    }
    if (ev.status === 'noRecentData' && ev.basis) {
      notes.push(`De laatste vergelijkbare meting is van ${ev.basis.actual.year}; dat is te oud om te zeggen of de gemeente nu op koers is.`);
    }
    if (ev.basis && ev.basis.target.value === null) notes.push(`De doelstelling voor ${ev.basis.target.year} is "${ev.basis.target.operator} ${ev.basis.target.reference}"; die waarde is nog niet vastgelegd.`);
    if (ev.planEnded) {
      const last = Math.max(...ind.targets.map((t) => t.year));
      notes.push(`De planperiode liep tot en met ${last}; er zijn geen latere doelen vastgesteld.`);
    }
    return {
      id: ind.id, label: ind.label, theme: ind.theme ?? null, source: ind.source, unit: ind.unit, betterWhen: ind.betterWhen,
      baseline: ind.baseline, planValues: ind.planValues ?? [ind.baseline], targets: ev.targets,
      actual, status: ev.status, basis: ev.basis, planEnded: ev.planEnded, related, demo: actual.some((a) => a.demo), bron, notes,
    };
  });
}
