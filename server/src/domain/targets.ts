// The plan's effect indicators and their targets, as data (server/data/targets.json), and the rule
// that says whether a target was met and whether a gemeente is on track. Pure: never imports hono or the store.
import { z } from 'zod';

export const operatorSchema = z.enum(['<', '<=', '>=', '>']);
export type Operator = z.infer<typeof operatorSchema>;

const yearValue = z.object({ year: z.number().int().min(2000).max(2100), value: z.number() });

export const targetSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    operator: operatorSchema,
    /** null when the target is a reference not known yet (e.g. the G32 average of 2018). */
    value: z.number().nullable(),
    reference: z.string().min(1).optional(),
  })
  .refine((t) => t.value !== null || t.reference, 'een doel zonder waarde noemt de referentie (bijvoorbeeld G32-gemiddelde)');
export type Target = z.infer<typeof targetSchema>;

export const computeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('survey'), indicator: z.string().min(1) }),
  z.object({ kind: z.literal('crime'), category: z.string().min(1) }),
  z.object({ kind: z.literal('nuisance'), category: z.string().min(1) }),
]);

export const targetIndicatorSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'alleen kleine letters, cijfers en streepjes'),
  label: z.string().trim().min(1, 'vul een naam in'),
  theme: z.string().min(1).optional(),
  source: z.enum(['Veiligheidsmonitor', 'politie']),
  unit: z.enum(['percentage', 'rapportcijfer', 'per1000']),
  betterWhen: z.enum(['lower', 'higher']),
  baseline: yearValue,
  planValues: z.array(yearValue).optional(),
  targets: z.array(targetSchema).min(1, 'geef minstens één doel'),
  compute: computeSchema,
  /** false when the app measures with another source or definition than the plan (e.g. CBS registered
   *  crime against the plan's GIDS/BVI police figures): such values only indicate, never judge. */
  comparable: z.boolean().default(true),
  /** Survey indicators of another definition shown beside this one (e.g. "vaak onveilig" beside
   *  "wel eens onveilig"); they never judge the target. */
  related: z.array(z.string().min(1)).optional(),
});
export type TargetIndicator = z.infer<typeof targetIndicatorSchema>;

/** A gemeente's plan as the beheerder enters it (the gemeente is where it is stored, not part of it). */
export const planContentSchema = z.object({
  bron: z.string().trim().min(1, 'vul de bron van het plan in').max(300, 'is te lang (hoogstens 300 tekens)'),
  indicators: z.array(targetIndicatorSchema).min(1, 'geef minstens één indicator').max(100, 'hoogstens 100 indicatoren'),
});
export type PlanContent = z.infer<typeof planContentSchema>;

export const targetsFileSchema = z.object({
  plans: z.array(planContentSchema.extend({ gemeente: z.string().regex(/^GM\d{4}$/) })),
});
export type TargetsFile = z.infer<typeof targetsFileSchema>;
export type Plan = TargetsFile['plans'][number];

export interface PlanProblem {
  /** Where in the plan, e.g. 'indicators.2.compute.indicator'. */
  path: string;
  message: string;
}

/**
 * What the schema cannot see: references to survey indicators and crime categories that must exist,
 * and ids and target years that must be unique (a second target for the same year would make the
 * status depend on the order). Messages in Dutch: the beheerder's form shows them.
 */
export function planProblems(plan: PlanContent, surveyIndicators: ReadonlySet<string>, isCategory: (code: string) => boolean): PlanProblem[] {
  const out: PlanProblem[] = [];
  const ids = new Set<string>();
  plan.indicators.forEach((ind, i) => {
    const at = `indicators.${i}`;
    if (ids.has(ind.id)) out.push({ path: `${at}.id`, message: `de code '${ind.id}' komt twee keer voor` });
    ids.add(ind.id);
    const c = ind.compute;
    if (c.kind === 'survey' && !surveyIndicators.has(c.indicator)) out.push({ path: `${at}.compute.indicator`, message: `'${c.indicator}' is geen bekende Veiligheidsmonitor-indicator` });
    if (c.kind !== 'survey' && !isCategory(c.category)) out.push({ path: `${at}.compute.category`, message: `'${c.category}' is geen bekende soort registratie` });
    (ind.related ?? []).forEach((code, j) => {
      if (!surveyIndicators.has(code)) out.push({ path: `${at}.related.${j}`, message: `'${code}' is geen bekende Veiligheidsmonitor-indicator` });
    });
    const years = new Set<number>();
    ind.targets.forEach((t, j) => {
      if (years.has(t.year)) out.push({ path: `${at}.targets.${j}.year`, message: `er is al een doel voor ${t.year}` });
      years.add(t.year);
    });
  });
  return out;
}

export interface Actual {
  year: number;
  value: number;
  /** Derived from generated demo data (e.g. the demo split of real police totals over crime types). */
  demo: boolean;
  /** Measured with the target's own source and definition; false for a measurement that can only
   *  indicate (another registration system, another question). */
  comparable: boolean;
}

/**
 * - onTrack / offTrack — judged on a real, comparable measurement that is recent enough;
 * - noRecentData — there are real, comparable measurements, but the latest is older than the latest
 *   target year that has passed, or more than two years old;
 * - indicative — only demo values or measurements of another definition exist: they may be shown,
 *   never judged;
 * - noData — nothing measured, or the target that applies has no number yet (a reference such as
 *   "G32-gemiddelde" that is not in the data).
 */
export type TargetStatus = 'onTrack' | 'offTrack' | 'noRecentData' | 'indicative' | 'noData';

export interface StatusBasis {
  actual: Actual;
  target: Target;
}

/** One target with the measurement of its own year, if a real, comparable one exists. */
export type TargetResult = Target & {
  /** null: no real, comparable measurement of the target's year, or the target has no number. */
  met: boolean | null;
  measuredYear: number | null;
};

export interface TargetEvaluation {
  status: TargetStatus;
  basis: StatusBasis | null;
  targets: TargetResult[];
  /** The year of the last target is before `now`: the plan period is over. */
  planEnded: boolean;
}

/** How old (in years before `now`) the latest measurement may be before it no longer says anything
 *  about today. */
export const MAX_MEASUREMENT_AGE = 2;

export function meets(value: number, operator: Operator, target: number): boolean {
  switch (operator) {
    case '<': return value < target;
    case '<=': return value <= target;
    case '>=': return value >= target;
    case '>': return value > target;
  }
}

/** Only a real (not demo), comparable measurement may judge a target. */
export const canJudge = (a: Actual) => !a.demo && a.comparable;

/**
 * Evaluates an indicator's targets at the reference year `now` (the current year, or the year after
 * a report's period). Each target is met or not only on a real, comparable measurement of its own
 * year. The status is judged on the latest such measurement: against the target of its year, else
 * the next target (the next milestone), else the last one (the multi-year goal) — and only when that
 * measurement is recent (see TargetStatus). Values are compared as reported (one decimal, like the
 * plan).
 */
export function evaluateTargets(targets: Target[], actuals: Actual[], now: number): TargetEvaluation {
  const sorted = [...targets].sort((a, b) => a.year - b.year);
  const judged = actuals.filter(canJudge);
  const byYear = new Map(judged.map((a) => [a.year, a]));
  const results: TargetResult[] = targets.map((t) => {
    const m = byYear.get(t.year);
    return { ...t, met: m && t.value !== null ? meets(m.value, t.operator, t.value) : null, measuredYear: m ? m.year : null };
  });
  const planEnded = sorted.length > 0 && sorted[sorted.length - 1].year < now;
  const out = (status: TargetStatus, basis: StatusBasis | null): TargetEvaluation => ({ status, basis, targets: results, planEnded });
  if (actuals.length === 0 || sorted.length === 0) return out('noData', null);
  if (judged.length === 0) return out('indicative', null);
  const actual = judged.reduce((a, b) => (b.year > a.year ? b : a));
  const target = sorted.find((t) => t.year === actual.year) ?? sorted.find((t) => t.year > actual.year) ?? sorted[sorted.length - 1];
  const basis = { actual, target };
  const passed = sorted.filter((t) => t.year < now);
  const latestPassed = passed.length ? passed[passed.length - 1].year : null;
  if ((latestPassed !== null && actual.year < latestPassed) || now - actual.year > MAX_MEASUREMENT_AGE) return out('noRecentData', basis);
  if (target.value === null) return out('noData', basis);
  return out(meets(actual.value, target.operator, target.value) ? 'onTrack' : 'offTrack', basis);
}
