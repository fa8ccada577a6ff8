// The answer of GET /api/targets: the plan's effect indicators against their targets. Targets are data
// (server/data/targets.json); actuals come from the store: survey figures (gemeente level, real only),
// registered crime per 1,000 inhabitants per calendar year, nuisance registrations when imported.
// Status rule: domain/targets.ts targetStatus(). Shared by the route and the reports (compute/survey.ts
// says why this layer exists).
import type { Dataset } from '../store/dataset.ts';
import type { SurveyStore } from '../store/survey.ts';
import { targetStatus, type Actual, type StatusBasis, type Target, type TargetIndicator, type TargetStatus, type TargetsFile } from '../domain/targets.ts';

export interface TargetOut {
  id: string;
  label: string;
  theme: string | null;
  source: TargetIndicator['source'];
  unit: TargetIndicator['unit'];
  betterWhen: TargetIndicator['betterWhen'];
  baseline: { year: number; value: number };
  planValues: { year: number; value: number }[];
  targets: Target[];
  actual: Actual[];
  status: TargetStatus;
  /** The actual and the target the status compares (null when there is no actual). */
  basis: StatusBasis | null;
  /** True when any actual is (partly) generated demo data. */
  demo: boolean;
  bron: string;
  notes: string[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Registrations of a category per 1,000 inhabitants per complete calendar year in the data. */
function perYear(ds: Dataset, gm: string, category: string): Actual[] {
  const cube = ds.cube(gm);
  const first = Number(cube.months[0].slice(0, 4));
  const last = Number(cube.months[cube.M - 1].slice(0, 4));
  const out: Actual[] = [];
  for (let y = first; y <= last; y++) {
    const f = ds.figures(gm, 'gemeente', category, `${y}-01`, `${y}-12`).figures[0];
    if (!f || f.current.missingMonths > 0 || !f.population) continue;
    out.push({ year: y, value: round1((f.current.count / f.population) * 1000), demo: f.current.demo });
  }
  return out;
}

/** The targets of a gemeente's plan with their actuals and status; [] when the gemeente has no plan.
 * `file` is loadTargets() and `survey` the store with the plan's values (openSurveyWithPlan); the
 * gemeente must be in the data (the route answers 404 before calling this). */
export function computeTargets(ds: Dataset, file: TargetsFile, survey: SurveyStore, gemeente: string): TargetOut[] {
  const plan = file.plans.find((p) => p.gemeente === gemeente);
  if (!plan) return [];
  const popYear = ds.index.populationYear;
  return plan.indicators.map((ind) => {
    const notes: string[] = [];
    let actual: Actual[];
    let bron: string;
    const cm = ind.compute;
    if (cm.kind === 'survey') {
      const rows = survey.rows({ gemeente, indicator: cm.indicator, level: 'gemeente' });
      actual = rows.map((r) => ({ year: r.year, value: r.value, demo: r.demo }));
      bron = [...new Set(rows.map((r) => r.source))].join('; ') || 'Veiligheidsmonitor (geen gegevens geladen)';
      if (rows.length === 0) notes.push('Geen Veiligheidsmonitor-cijfers op gemeenteniveau geladen.');
    } else {
      actual = perYear(ds, gemeente, cm.category);
      bron = `Politie via CBS (47022NED${cm.kind === 'nuisance' ? '/47024NED' : ''}); inwoners CBS 85984NED, 1 januari ${popYear}`;
      notes.push(`Per 1.000 inwoners per kalenderjaar; voor elk jaar gedeeld door de inwoners op 1 januari ${popYear} (het enige bekende jaar).`);
      if (cm.kind === 'nuisance' && actual.length === 0) {
        notes.push(`Geen overlastregistraties (${cm.category}) geïmporteerd; importeer CBS-tabel 47024NED om dit te meten.`);
      }
      if (actual.some((a) => a.demo)) {
        notes.push(`DEMO: de jaartotalen van alle misdrijven zijn echt, maar de verdeling naar soort misdrijf (${ds.categories.naam(cm.category)}) is gegenereerd zolang geen cijfers per soort zijn geïmporteerd.`);
      }
      notes.push('Het plan meet in GIDS/BVI-politieregistraties; CBS-cijfers (geregistreerde misdrijven) zijn daarmee niet precies vergelijkbaar. Politiecijfers zijn pas na ongeveer twee jaar definitief.');
    }
    const { status, basis } = targetStatus(ind.targets, actual);
    if (basis && basis.target.value === null) notes.push(`De doelstelling voor ${basis.target.year} is "${basis.target.operator} ${basis.target.reference}"; die waarde is nog niet vastgelegd in targets.json.`);
    return {
      id: ind.id, label: ind.label, theme: ind.theme ?? null, source: ind.source, unit: ind.unit, betterWhen: ind.betterWhen,
      baseline: ind.baseline, planValues: ind.planValues ?? [ind.baseline], targets: ind.targets,
      actual, status, basis, demo: actual.some((a) => a.demo), bron, notes,
    };
  });
}
