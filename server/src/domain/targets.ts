// The plan's effect indicators and their targets, as data (server/data/targets.json), and the rule
// that says whether a gemeente is on track. Pure: never imports hono or the store.
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
  .refine((t) => t.value !== null || t.reference, 'a target without a value must name its reference');
export type Target = z.infer<typeof targetSchema>;

export const computeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('survey'), indicator: z.string().min(1) }),
  z.object({ kind: z.literal('crime'), category: z.string().min(1) }),
  z.object({ kind: z.literal('nuisance'), category: z.string().min(1) }),
]);
export type Compute = z.infer<typeof computeSchema>;

export const targetIndicatorSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  theme: z.string().min(1).optional(),
  source: z.enum(['Veiligheidsmonitor', 'politie']),
  unit: z.enum(['percentage', 'rapportcijfer', 'per1000']),
  betterWhen: z.enum(['lower', 'higher']),
  baseline: yearValue,
  planValues: z.array(yearValue).optional(),
  targets: z.array(targetSchema).min(1),
  compute: computeSchema,
});
export type TargetIndicator = z.infer<typeof targetIndicatorSchema>;

export const targetsFileSchema = z.object({
  plans: z.array(
    z.object({
      gemeente: z.string().regex(/^GM\d{4}$/),
      bron: z.string().min(1),
      indicators: z.array(targetIndicatorSchema).min(1),
    }),
  ),
});
export type TargetsFile = z.infer<typeof targetsFileSchema>;

export interface Actual {
  year: number;
  value: number;
  /** Derived from generated demo data (e.g. the demo split of real police totals over crime types). */
  demo: boolean;
}

export type TargetStatus = 'onTrack' | 'offTrack' | 'noData';

export interface StatusBasis {
  actual: Actual;
  target: Target;
}

export function meets(value: number, operator: Operator, target: number): boolean {
  switch (operator) {
    case '<': return value < target;
    case '<=': return value <= target;
    case '>=': return value >= target;
    case '>': return value > target;
  }
}

/**
 * Status of one indicator:
 * - noData   — no actual value at all, or the target that applies has no number yet (a reference
 *              such as "≤ G32-gemiddelde 2018" whose average is not in the data);
 * - onTrack  — the LATEST actual meets the target that applies to its year;
 * - offTrack — it does not.
 * The target that applies to an actual of year Y is the target for Y; if there is none, the first
 * target after Y (the next milestone); if Y is after every target year, the last target (the
 * multi-year goal stays the standard). Values are compared as reported (actuals are rounded to one
 * decimal, like the plan). An actual from demo data counts, and `basis.actual.demo` says so.
 */
export function targetStatus(targets: Target[], actuals: Actual[]): { status: TargetStatus; basis: StatusBasis | null } {
  if (actuals.length === 0 || targets.length === 0) return { status: 'noData', basis: null };
  const actual = actuals.reduce((a, b) => (b.year > a.year ? b : a));
  const sorted = [...targets].sort((a, b) => a.year - b.year);
  const target = sorted.find((t) => t.year === actual.year) ?? sorted.find((t) => t.year > actual.year) ?? sorted[sorted.length - 1];
  if (target.value === null) return { status: 'noData', basis: { actual, target } };
  return { status: meets(actual.value, target.operator, target.value) ? 'onTrack' : 'offTrack', basis: { actual, target } };
}
