// A Veiligheidsmonitor indicator per area: worse is darker; too small a sample is hatched, never coloured.
import type { SurveyResponse } from '../../api/client.ts';
import { bivariateYTitle } from '../../features/bivariate/bivariate.ts';
import { PresentationTable } from '../../features/presentation/PresentationTable.tsx';
import { isUnreliable, surveyChoropleth, surveyUnit } from '../../features/survey/surveyChoropleth.ts';
import { SurveyLegend } from '../../features/survey/SurveyLegend.tsx';
import { SurveyTable } from '../../features/survey/SurveyTable.tsx';
import { formatNumber, pluralArea } from '../../lib/format.ts';
import { byValue } from './police.tsx';
import { levelWords, type MapSourceModule, type SourceContext } from './types.ts';

type SurveyRow = SurveyResponse['rows'][number];

/** "Veiligheidsmonitor 2014" (without a year while none is known). */
export function surveyYearText(meta: SurveyResponse['meta'] | null): string {
  return `Veiligheidsmonitor ${meta?.year ?? ''}`.trim();
}

/** A survey value as a table cell on a public screen: too small a sample reads "te klein". */
export function surveyCell(meta: SurveyResponse['meta'] | null, r: SurveyRow | undefined): string {
  const short = meta ? surveyUnit(meta.unit).short : '';
  return !r || r.value === null ? '–' : isUnreliable(r) ? 'te klein' : `${formatNumber(r.value, 1)}${short ? ` ${short}` : ''}`;
}

export const overlayMethod = (ctx: SourceContext) => (ctx.method === 'manual' ? 'quantile' : ctx.method);

export const surveySource: MapSourceModule = {
  id: 'survey',
  label: 'Veiligheidsmonitor',
  hint: 'Hoe bewoners de veiligheid ervaren',
  needs: { stats: false, survey: true, context: false },
  exportable: false,
  available: () => true,
  build({ survey }, ctx) {
    const words = levelWords(ctx.level);
    const meta = survey?.meta ?? null;
    const map = survey ? surveyChoropleth(survey, ctx.codes, overlayMethod(ctx), ctx.classes) : null;
    const presentation = ctx.mode === 'presentation';
    const yearText = surveyYearText(meta);
    const demo = meta?.demo ?? false;
    const byCode = new Map((survey?.rows ?? []).map((r) => [r.code, r]));
    return {
      ready: map !== null,
      colours: map?.colours ?? new Map(),
      classification: null,
      decimals: 1,
      legend: presentation ? (
        <div className="presentation-legend presentation-legend-survey">
          <SurveyLegend meta={meta} classification={map?.classification ?? null} smallSampleCount={map?.smallSampleCount ?? 0} areaWord={words.plural} showCounts={false} />
          {ctx.legendExtra}
        </div>
      ) : (
        <SurveyLegend meta={meta} classification={map?.classification ?? null} smallSampleCount={map?.smallSampleCount ?? 0} areaWord={words.plural} />
      ),
      table: ({ selected, onSelect }) => {
        if (!survey) return null;
        if (presentation) {
          const rows = survey.rows
            .filter((r) => ctx.inFocus(r))
            .map((r) => ({ code: r.code, naam: r.naam, value: isUnreliable(r) ? null : r.value, count: null, extra: [surveyCell(meta, r)] }))
            .sort(byValue);
          return (
            <PresentationTable
            suppressionThreshold={ctx.suppressionThreshold}
              rows={rows}
              caption={`${meta?.indicatorLabel ?? 'Veiligheidsmonitor'}, ${yearText}${demo ? ' (DEMO)' : ''}: per ${ctx.level}`}
              valueTitle={null}
              extraTitles={[bivariateYTitle(meta)]}
              showCount={false}
              decimals={1}
              areaWord={words.title}
            />
          );
        }
        return (
          <SurveyTable
            response={survey}
            caption={`${survey.meta.indicatorLabel} — ${yearText}${demo ? ' (DEMO)' : ''}, ${pluralArea(survey.rows.length, ctx.level)} in ${ctx.gemeenteNaam}`}
            selected={selected}
            onSelect={onSelect}
          />
        );
      },
      tooltip: (code) => {
        const r = byCode.get(code);
        if (!r || !meta) return null;
        const unit = surveyUnit(meta.unit).short;
        const value = r.value === null ? 'geen waarde' : `${formatNumber(r.value, 1)}${unit ? ` ${unit}` : ''} (${formatNumber(r.respondents)} respondenten)`;
        const notes = [isUnreliable(r) && r.respondents !== null ? 'steekproef te klein' : null, r.flags.includes('noData') ? 'geen gegevens' : null, r.demo ? 'DEMO' : null];
        return { naam: r.naam, value, note: notes.filter(Boolean).join(', ') || undefined };
      },
      title: `Kaart van ${ctx.gemeenteNaam}: ${words.plural} gekleurd naar ${meta?.indicatorLabel ?? 'de Veiligheidsmonitor'} (${yearText}${demo ? ', DEMO' : ''})`,
      subtitle: presentation ? `${meta?.indicatorLabel ?? 'Veiligheidsmonitor'} · ${yearText}` : `Veiligheidsmonitor ${meta?.year ?? ''}`,
      shown: survey && map ? [survey.meta.gemeente, survey.meta.level, survey.meta.indicator, String(survey.meta.year ?? '')] : null,
      demo,
    };
  },
};
