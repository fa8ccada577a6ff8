// A CBS kerncijfer per area as background (population density, age, income...), on the sequential scale.
import { ContextTable, contextDecimals, formatContextValue } from '../../features/context/ContextFigures.tsx';
import { Legend } from '../../features/legend/Legend.tsx';
import { classify, computeBreaks } from '../../lib/classes.ts';
import { pluralArea } from '../../lib/format.ts';
import { sequentialPalette } from '../../lib/palette.ts';
import { overlayMethod } from './survey.tsx';
import { colourAll, levelWords, type MapSourceModule } from './types.ts';

export const kerncijfersSource: MapSourceModule = {
  id: 'kerncijfers',
  label: 'Kerncijfers',
  hint: 'CBS-kerncijfers als achtergrond',
  needs: { stats: false, survey: false, context: true },
  exportable: false,
  available: ({ context }) => context !== null && context.meta.available.length > 0,
  build({ context }, ctx) {
    const words = levelWords(ctx.level);
    const info = context?.meta.indicators.find((i) => i.key === ctx.kern) ?? null;
    let classification = null;
    const colours = new Map<string, string | null>();
    if (context && info) {
      const values = context.rows.map((r) => r.values[info.key]);
      classification = classify(values, computeBreaks(values, overlayMethod(ctx), ctx.classes), (b) => sequentialPalette(b.length + 1));
      for (const [code, fill] of colourAll(ctx.codes)) colours.set(code, fill);
      for (const r of context.rows) colours.set(r.code, classification.colourFor(r.values[info.key]));
    }
    const byCode = new Map((context?.rows ?? []).map((r) => [r.code, r]));
    const decimals = contextDecimals(info?.unit ?? '');
    return {
      ready: classification !== null,
      colours,
      classification: null,
      decimals,
      legend: (
        <Legend
          title={info?.label ?? 'Kerncijfers'}
          subtitle={`CBS kerncijfers ${context?.meta.year ?? ''} · ${words.plural}`}
          classification={classification}
          decimals={decimals}
          areaWord={words.plural}
          fixed={false}
        />
      ),
      table: ({ selected, onSelect }) =>
        context ? (
          <ContextTable
            response={context}
            indicator={ctx.kern}
            caption={`Kerncijfers ${context.meta.year} — ${pluralArea(context.rows.length, ctx.level)} in ${ctx.gemeenteNaam}`}
            selected={selected}
            onSelect={onSelect}
          />
        ) : null,
      tooltip: (code) => {
        const r = byCode.get(code);
        if (!r || !info) return null;
        return { naam: r.naam, value: `${info.label}: ${formatContextValue(r.values[info.key], info.unit)}` };
      },
      title: `Kaart van ${ctx.gemeenteNaam}: ${words.plural} gekleurd naar CBS-kerncijfer ${info?.label ?? ''}`,
      subtitle: 'Kerncijfers',
      shown: context && classification ? [context.meta.gemeente, context.meta.level, ctx.kern, String(context.meta.year ?? '')] : null,
      demo: false,
    };
  },
};
