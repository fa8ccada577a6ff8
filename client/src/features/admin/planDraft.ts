// An effect indicator as the beheerder's form holds it (text fields, a decimal comma) and back. The
// server validates the plan again; these conversions only catch what a form can see itself, with the
// same field paths the server names, so one place in the form marks either.
import type { Operator, TargetIndicator } from '../../api/client.ts';

export type MeasureKind = TargetIndicator['compute']['kind'];

export interface TargetDraft {
  year: string;
  operator: Operator;
  value: string;
  /** A target known only by its reference (e.g. "G32-gemiddelde") until the value is published. */
  reference: string;
}

export interface IndicatorDraft {
  label: string;
  theme: string;
  kind: MeasureKind;
  /** The survey indicator (kind survey) or the registration category (crime, nuisance). */
  code: string;
  betterWhen: TargetIndicator['betterWhen'];
  comparable: boolean;
  baselineYear: string;
  baselineValue: string;
  targets: TargetDraft[];
}

export const OPERATORS: readonly { op: Operator; label: string }[] = [
  { op: '<', label: 'kleiner dan' },
  { op: '<=', label: 'hoogstens' },
  { op: '>=', label: 'minstens' },
  { op: '>', label: 'groter dan' },
];

export const SYMBOL: Record<Operator, string> = { '<': '<', '<=': '≤', '>=': '≥', '>': '>' };

const nl = (n: number) => n.toLocaleString('nl-NL', { maximumFractionDigits: 2 });

export const emptyTarget = (): TargetDraft => ({ year: '', operator: '<=', value: '', reference: '' });

export const newDraft = (): IndicatorDraft => ({
  label: '', theme: '', kind: 'survey', code: '', betterWhen: 'lower', comparable: true, baselineYear: '', baselineValue: '', targets: [emptyTarget()],
});

export function toDraft(ind: TargetIndicator): IndicatorDraft {
  const c = ind.compute;
  return {
    label: ind.label,
    theme: ind.theme ?? '',
    kind: c.kind,
    code: c.kind === 'survey' ? c.indicator : c.category,
    betterWhen: ind.betterWhen,
    comparable: ind.comparable,
    baselineYear: String(ind.baseline.year),
    baselineValue: nl(ind.baseline.value),
    targets: ind.targets.map((t) => ({ year: String(t.year), operator: t.operator, value: t.value === null ? '' : nl(t.value), reference: t.reference ?? '' })),
  };
}

/** "5,5", "5.5", " 12 " → a number; anything else → null. */
export function parseNumber(text: string): number | null {
  const t = text.trim().replace(/\s/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return null;
  return Number(t.replace(',', '.'));
}

const parseYear = (text: string): number | null => (/^\s*\d{4}\s*$/.test(text) ? Number(text) : null);

/** A code for a new indicator, from its name: "% vaak onveilig (buurt)" → "vaak-onveilig-buurt"; unique among `taken`. */
export function idFor(label: string, taken: ReadonlySet<string>): string {
  const base = label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'indicator';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export class DraftProblem extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/**
 * The indicator the server receives. `before` keeps what the form does not edit (id, plan values,
 * related indicators); `unitOf` gives a survey indicator's unit (a police measure is per 1,000 inhabitants).
 * Throws a DraftProblem naming the field when a number or year cannot be read.
 */
export function fromDraft(d: IndicatorDraft, id: string, unitOf: (code: string) => TargetIndicator['unit'] | undefined, before?: TargetIndicator): TargetIndicator {
  const year = (text: string, field: string) => {
    const y = parseYear(text);
    if (y === null) throw new DraftProblem(field, 'vul een jaartal in, bijvoorbeeld 2026');
    return y;
  };
  const value = (text: string, field: string) => {
    const v = parseNumber(text);
    if (v === null) throw new DraftProblem(field, `"${text}" is geen getal (gebruik bijvoorbeeld 5,5)`);
    return v;
  };
  if (!d.label.trim()) throw new DraftProblem('label', 'vul een naam in');
  if (!d.code) throw new DraftProblem(d.kind === 'survey' ? 'compute.indicator' : 'compute.category', 'kies wat er gemeten wordt');
  if (d.targets.length === 0) throw new DraftProblem('targets', 'geef minstens één doel');
  const targets = d.targets.map((t, i) => {
    const y = year(t.year, `targets.${i}.year`);
    if (t.value.trim() === '') {
      if (!t.reference.trim()) throw new DraftProblem(`targets.${i}.value`, 'vul een waarde in, of de referentie als de waarde nog niet bekend is');
      return { year: y, operator: t.operator, value: null, reference: t.reference.trim() };
    }
    return { year: y, operator: t.operator, value: value(t.value, `targets.${i}.value`), ...(t.reference.trim() ? { reference: t.reference.trim() } : {}) };
  });
  const survey = d.kind === 'survey';
  const compute: TargetIndicator['compute'] = d.kind === 'survey' ? { kind: 'survey', indicator: d.code } : d.kind === 'crime' ? { kind: 'crime', category: d.code } : { kind: 'nuisance', category: d.code };
  return {
    id,
    label: d.label.trim(),
    ...(d.theme.trim() ? { theme: d.theme.trim() } : {}),
    source: survey ? 'Veiligheidsmonitor' : 'politie',
    unit: survey ? (unitOf(d.code) ?? 'percentage') : 'per1000',
    betterWhen: d.betterWhen,
    baseline: { year: year(d.baselineYear, 'baseline.year'), value: value(d.baselineValue, 'baseline.value') },
    ...(before?.planValues ? { planValues: before.planValues } : {}),
    targets,
    compute,
    comparable: d.comparable,
    ...(before?.related && survey ? { related: before.related } : {}),
  };
}

/** "2025 ≤ 5,5 · 2027 ≤ 5" — an indicator's targets in one line. */
export function targetsLine(ind: TargetIndicator): string {
  return ind.targets.map((t) => `${t.year} ${SYMBOL[t.operator]} ${t.value === null ? (t.reference ?? '?') : nl(t.value)}`).join(' · ');
}
