// Police registrations per area: the measure chosen in the filters on one class scale.
import type { Measure, StatsRow } from '../../../../server/src/domain/model.ts';
import { AreaTable } from '../../features/area-table/AreaTable.tsx';
import { Legend } from '../../features/legend/Legend.tsx';
import { PresentationLegend } from '../../features/presentation/PresentationLegend.tsx';
import { PresentationTable, type PresentationRow } from '../../features/presentation/PresentationTable.tsx';
import { changeText } from '../../lib/changeText.ts';
import { FLAG_WORDS } from '../../lib/flags.ts';
import { compareNl, formatNumber, formatPercentChange, pluralArea } from '../../lib/format.ts';
import { measureInfo } from '../../lib/measures.ts';
import { unclassed } from '../../lib/unclassed.ts';
import { classifyMeasure, policeColours, shownOf } from './policeColours.ts';
import { colourAll, levelWords, type MapSourceModule, type SourceContext } from './types.ts';

export { classifyMeasure, TOO_FEW_FILL } from './policeColours.ts';

/** "12,3 per 1.000 inwoners", "+4 %" or "geen gegevens", as the tooltip and the presentation read a value. */
export function measureText(measure: Measure, v: number | null): string {
  const info = measureInfo(measure);
  if (measure === 'changePct') return formatPercentChange(v);
  return v === null ? 'geen gegevens' : `${formatNumber(v, info.decimals)} ${info.short}`;
}

/**
 * The gemeente as a whole, beside the map: count, rate and change, whatever measure colours the map, so
 * a buurt's figure can be read against the city's.
 */
export function gemeenteTotalText(naam: string, total: StatsRow | undefined): string | null {
  if (!total || total.count === null) return null;
  const words = changeText(total);
  const change = words.value === '–' ? '' : ` · ${words.value} t.o.v. een jaar eerder${words.reason ? ` (${words.reason})` : ''}`;
  const rate = total.ratePer1000 === null ? '' : ` · ${formatNumber(total.ratePer1000, 1)} per 1.000 inwoners`;
  return `Heel ${naam}: ${formatNumber(total.count)} ${total.count === 1 ? 'registratie' : 'registraties'}${rate}${change}`;
}

export function byValue<T extends { value: number | null; naam: string }>(a: T, b: T): number {
  return (b.value ?? -Infinity) - (a.value ?? -Infinity) || compareNl(a.naam, b.naam);
}

/**
 * The rows a presentation lists beside the map: the focus only, highest value first. An area the map leaves without
 * a class gets no ranking either: a rate of a buurt with a handful of inhabitants (Beatrixhaven: 4.666,7 per 1.000)
 * or a percentage on a few registrations reads "te weinig inwoners" or "te weinig registraties" and comes after the
 * others, so the list on a public screen never starts with it. A change within chance keeps its value, marked.
 */
export function presentationRows(rows: readonly StatsRow[], ctx: SourceContext): PresentationRow[] {
  return rows
    .filter((r) => ctx.inFocus(r))
    .map((r) => {
      const reason = unclassed(r, ctx.measure);
      const row: PresentationRow = { code: r.code, naam: r.naam, value: r[ctx.measure], count: r.count, suppressed: r.suppressed || r.flags.includes('suppressed') };
      if (!reason) return row;
      // A change's reason in the words of the map page's table (changeText); a rate's: too few inhabitants.
      const note = reason === 'tooFew' ? 'te weinig inwoners' : (changeText(r).reason ?? undefined);
      return { ...row, value: reason === 'notSignificant' ? row.value : null, note };
    })
    .sort((a, b) => Number(a.note !== undefined && a.value === null) - Number(b.note !== undefined && b.value === null) || byValue(a, b));
}

export const policeSource: MapSourceModule = {
  id: 'police',
  label: 'Politieregistraties',
  hint: 'Geregistreerde misdrijven of overlast (instellingen hieronder)',
  needs: { stats: true, survey: false, context: false },
  exportable: true,
  available: () => true,
  build({ stats }, ctx) {
    const info = measureInfo(ctx.measure, ctx.registrations);
    const words = levelWords(ctx.level);
    const rows = stats?.rows ?? [];
    const classification = stats ? classifyMeasure(rows, ctx) : null;
    const presentation = ctx.mode === 'presentation';
    const colours = !classification
      ? new Map<string, string | null>()
      : presentation && !ctx.choropleth
        ? colourAll(ctx.codes, '#f2f2f2')
        : policeColours(rows, classification, ctx);
    const lowerTitle = `${info.title.charAt(0).toLowerCase()}${info.title.slice(1)}`;
    const byCode = new Map(rows.map((r) => [r.code, r]));
    return {
      ready: classification !== null,
      colours,
      classification,
      decimals: info.decimals,
      legend: presentation ? (
        <PresentationLegend title={info.title} classification={classification} coloured={ctx.choropleth} decimals={info.decimals} extra={ctx.legendExtra} />
      ) : (
        <Legend
          title={info.title}
          subtitle={`${ctx.categoryNaam}, ${ctx.period} · ${words.plural}`}
          classification={classification}
          decimals={info.decimals}
          areaWord={words.plural}
          fixed={ctx.fixed}
          total={gemeenteTotalText(ctx.gemeenteNaam, stats?.meta.total)}
        />
      ),
      table: ({ selected, onSelect }) =>
        presentation ? (
          <PresentationTable
            suppressionThreshold={ctx.suppressionThreshold}
            rows={presentationRows(rows, ctx)}
            caption={`${ctx.categoryNaam}, ${ctx.period}: per ${ctx.level}`}
            valueTitle={ctx.measure === 'count' ? null : info.short}
            decimals={info.decimals}
            areaWord={words.title}
          />
        ) : (
          <AreaTable
            rows={rows}
            caption={`${info.title} — ${ctx.categoryNaam}, ${ctx.period}, ${pluralArea(rows.length, ctx.level)} in ${ctx.gemeenteNaam}`}
            selected={selected}
            measure={ctx.measure}
            onSelect={onSelect}
          />
        ),
      tooltip: (code) => {
        const r = byCode.get(code);
        if (!r) return null;
        const notes = r.flags.filter((f) => f !== 'demo').map((f) => FLAG_WORDS[f]);
        // A change: the percentage only where its base allows, otherwise the counts, with the reason (as the table).
        const change = ctx.measure === 'changePct' ? changeText(r) : null;
        if (change?.reason) notes.push(change.reason);
        return { naam: r.naam, value: change ? change.value : measureText(ctx.measure, r[ctx.measure]), note: notes.length ? notes.join(', ') : undefined };
      },
      title: `Kaart van ${ctx.gemeenteNaam}: ${words.plural} gekleurd naar ${lowerTitle}, ${ctx.categoryNaam}, ${ctx.period}`,
      subtitle: `${ctx.categoryNaam} · ${ctx.period}`,
      shown: stats && classification ? shownOf(stats.meta, ctx.measure) : null,
      demo: stats?.meta.demo ?? false,
    };
  },
};
