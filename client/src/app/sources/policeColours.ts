// The colours of the police figures, apart from the rest of their map source (legend, table, tooltip): the
// country's first map is coloured with these before the page's React is loaded (app/countryFirst.ts), and the
// page then finds the same colours already on the map.
import type { Measure, StatsRow } from '../../../../server/src/domain/model.ts';
import type { ScopedStatsResponse } from '../../api/client.ts';
import { anchorAtZero, classify, computeBreaks, type Classification } from '../../lib/classes.ts';
import { measureInfo } from '../../lib/measures.ts';
import { divergingPalette, sequentialPalette } from '../../lib/palette.ts';
import { MIN_BASE } from '../../lib/changeText.ts';
import { unclassed, type UnclassedReason } from '../../lib/unclassed.ts';
import type { SourceContext } from './types.ts';

/** One class only (e.g. every count is 0): the lightest colour, so "nothing" does not look like "much". */
function sequential(breaks: number[]): string[] {
  return breaks.length === 0 ? sequentialPalette(4).slice(0, 1) : sequentialPalette(breaks.length + 1);
}

/** Grey without hatching: apart from "geen gegevens" (hatched) by pattern, not by colour alone. */
export const TOO_FEW_FILL = '#e6e6e6';

const UNCLASSED: Record<UnclassedReason, { label: string; note: string }> = {
  tooFew: { label: 'te weinig inwoners voor een cijfer per 1.000', note: 'Te weinig inwoners: een cijfer per 1.000 zegt daar niets; deze gebieden krijgen geen kleur en tellen niet mee voor de klassen (het aantal staat in de tabel).' },
  noBase: {
    label: 'geen vergelijking (vorig jaar 0)',
    note: 'Geen vergelijking: een jaar eerder 0 registraties, dus geen percentage; dit zijn wel gegevens (de aantallen staan in de tabel), geen ontbrekende. Deze gebieden krijgen geen kleur.',
  },
  smallBase: {
    label: `te weinig registraties (vorig jaar minder dan ${MIN_BASE})`,
    note: `Te weinig registraties: tegenover minder dan ${MIN_BASE} registraties een jaar eerder verandert één registratie het percentage al met meer dan 10 procentpunt; deze gebieden krijgen geen kleur en tellen niet mee voor de klassen (de aantallen staan in de tabel).`,
  },
  notSignificant: {
    label: 'binnen toeval (niet significant)',
    note: 'Binnen toeval (niet significant): het verschil met een jaar eerder past bij toeval (toets voor twee aantallen, 5%); deze gebieden krijgen geen kleur en tellen niet mee voor de klassen.',
  },
};

/** The legend order of the reasons (a change can have three). */
const ORDER: UnclassedReason[] = ['tooFew', 'noBase', 'smallBase', 'notSignificant'];

/** "a", "a of b", "a, b of c". */
const orList = (words: string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} of ${words[words.length - 1]}`);

export function classifyMeasure(rows: readonly StatsRow[], ctx: Pick<SourceContext, 'measure' | 'method' | 'classes' | 'fixed' | 'breaks'>): Classification {
  const info = measureInfo(ctx.measure);
  const reasons = rows.map((r) => unclassed(r, ctx.measure));
  const values = rows.filter((_, i) => reasons[i] === null).map((r) => r[ctx.measure]);
  const method = ctx.method === 'manual' ? null : ctx.method;
  const breaks =
    ctx.fixed || method === null
      ? ctx.breaks
      : info.diverging
        ? anchorAtZero(computeBreaks(values, method, ctx.classes), values)
        : computeBreaks(values, method, ctx.classes);
  const classification = classify(values, breaks, info.diverging ? divergingPalette : sequential);
  const present = ORDER.map((reason) => ({ reason, count: reasons.filter((x) => x === reason).length })).filter((p) => p.count > 0);
  if (present.length === 0) return classification;
  const count = present.reduce((n, p) => n + p.count, 0);
  const excluded =
    present.length === 1
      ? { ...UNCLASSED[present[0].reason], colour: TOO_FEW_FILL, count }
      : {
          label: `geen kleur: ${orList(present.map((p) => UNCLASSED[p.reason].label))}`,
          note: present.map((p) => UNCLASSED[p.reason].note).join(' '),
          colour: TOO_FEW_FILL,
          count,
          parts: present.map((p) => ({ label: UNCLASSED[p.reason].label, count: p.count })),
        };
  return { ...classification, excluded };
}

/**
 * Code -> colour of every row (the unclassed grey where a rate or change says nothing), and null ("geen gegevens")
 * for the areas without a row, unless the figures are restricted to an attention area (the others stay neutral).
 */
export function policeColours(
  rows: readonly StatsRow[],
  classification: Classification,
  ctx: Pick<SourceContext, 'measure' | 'codes' | 'restricted'>,
): Map<string, string | null> {
  const colours = new Map<string, string | null>();
  for (const r of rows) colours.set(r.code, unclassed(r, ctx.measure) ? TOO_FEW_FILL : classification.colourFor(r[ctx.measure]));
  if (!ctx.restricted) for (const code of ctx.codes) if (!colours.has(code)) colours.set(code, null);
  return colours;
}

/** What a map coloured with these figures shows, as the test hook and the benchmarks name it (SourceView.shown). */
export function shownOf(meta: ScopedStatsResponse['meta'], measure: Measure): string[] {
  return [meta.gemeente, meta.level, meta.category, meta.from, meta.to, measure];
}
