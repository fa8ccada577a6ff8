// Words for targets: operators, target values with their unit, and the status in words and icon.
import type { TargetOut } from '../../api/client.ts';
import { formatNumber } from '../../lib/format.ts';

export type TargetItem = TargetOut['targets'][number];
export type TargetUnit = TargetOut['unit'];
export type Status = TargetOut['status'];

const OPERATOR: Record<TargetItem['operator'], string> = { '<': '<', '<=': '≤', '>=': '≥', '>': '>' };

/** Plan values have at most one decimal; whole numbers are shown without ",0" like in the plan. */
export function formatValue(value: number | null, unit: TargetUnit): string {
  if (value === null) return '–';
  const n = formatNumber(value, Number.isInteger(value) ? 0 : 1);
  return unit === 'percentage' ? `${n} %` : unit === 'per1000' ? `${n} per 1.000` : n;
}

/** "< 8 %", "≥ 6,7", or for a reference without a number yet "≤ G32-gemiddelde 2018". */
export function targetText(t: Pick<TargetItem, 'year' | 'operator' | 'value' | 'reference'>, unit: TargetUnit): string {
  const op = OPERATOR[t.operator];
  if (t.value === null) return `${op} ${t.reference ?? 'referentiewaarde'} ${t.year}`;
  return `${op} ${formatValue(t.value, unit)}`;
}

// Only a judgement on a real, comparable and recent measurement gets green or red.
export const STATUS: Record<Status, { word: string; icon: string; className: string }> = {
  onTrack: { word: 'Op koers', icon: '✓', className: 'status-on' },
  offTrack: { word: 'Niet op koers', icon: '✗', className: 'status-off' },
  noRecentData: { word: 'Geen recente meting', icon: '–', className: 'status-none' },
  indicative: { word: 'Alleen indicatie', icon: '~', className: 'status-none' },
  noData: { word: 'Geen gegevens', icon: '?', className: 'status-none' },
};

/** Order of the statuses in the page summary. */
export const STATUS_ORDER: Status[] = ['onTrack', 'offTrack', 'noRecentData', 'indicative', 'noData'];

/** Whether one target was met, judged only on a real, comparable measurement of its own year. */
export function metText(t: TargetItem): string {
  if (t.met === true) return 'gehaald';
  if (t.met === false) return 'niet gehaald';
  if (t.measuredYear !== null) return 'gemeten, doelwaarde nog niet vastgelegd';
  return 'niet gemeten';
}

/** One sentence that says what the status compares. */
export function statusExplanation(t: TargetOut): string {
  if (t.status === 'indicative') {
    const last = t.actual.reduce<TargetOut['actual'][number] | null>((a, b) => (!a || b.year > a.year ? b : a), null);
    const what = last ? ` (laatst ${formatValue(last.value, t.unit)} in ${last.year}${last.demo ? ', DEMO' : ''})` : '';
    return `Er zijn alleen cijfers met een andere definitie dan het plan of gegenereerde cijfers${what}; die geven een indicatie, maar zeggen niet of het doel is gehaald.`;
  }
  if (!t.basis) return 'Er is nog geen gemeten waarde om met de doelstelling te vergelijken.';
  const a = t.basis.actual;
  const target = targetText(t.basis.target, t.unit);
  const measured = `${formatValue(a.value, t.unit)} (${a.year}${a.demo ? ', DEMO' : ''})`;
  if (t.status === 'noRecentData') return `De laatste vergelijkbare meting is ${measured}; die is te oud om te zeggen of de gemeente nu op koers is.`;
  if (t.basis.target.value === null) return `Laatst gemeten ${measured}; de doelstelling ${target} heeft nog geen getal.`;
  return `Laatst gemeten ${measured} tegen doel ${t.basis.target.year}: ${target}.`;
}

export interface YearRow {
  year: number;
  target: TargetItem | null;
  value: number | null;
  demo: boolean;
  /** The value was measured with another source or definition than the plan. */
  otherDefinition: boolean;
  /** The value is the plan's own figure (baseline or published year), not computed from the store. */
  fromPlan: boolean;
}

/** Targets, actuals and the plan's values merged per year, ascending. */
export function yearRows(t: TargetOut): YearRow[] {
  const years = new Set<number>([t.baseline.year, ...t.planValues.map((p) => p.year), ...t.targets.map((x) => x.year), ...t.actual.map((a) => a.year)]);
  return [...years]
    .sort((a, b) => a - b)
    .map((year) => {
      const actual = t.actual.find((a) => a.year === year);
      const plan = t.planValues.find((p) => p.year === year) ?? (t.baseline.year === year ? t.baseline : undefined);
      return {
        year,
        target: t.targets.find((x) => x.year === year) ?? null,
        value: actual?.value ?? plan?.value ?? null,
        demo: actual?.demo ?? false,
        otherDefinition: actual ? !actual.comparable : false,
        fromPlan: !actual && plan !== undefined,
      };
    });
}
