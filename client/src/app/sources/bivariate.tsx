// Objective × subjective: EB-smoothed crime rate against a Veiligheidsmonitor indicator, 3 × 3 classes.
import { BivariateLegend } from '../../features/bivariate/BivariateLegend.tsx';
import { BivariateTable } from '../../features/bivariate/BivariateTable.tsx';
import { bivariateYTitle, classifyBivariate } from '../../features/bivariate/bivariate.ts';
import { PresentationTable } from '../../features/presentation/PresentationTable.tsx';
import { isUnreliable } from '../../features/survey/surveyChoropleth.ts';
import { formatNumber, pluralArea } from '../../lib/format.ts';
import { presentationRows } from './police.tsx';
import { surveyCell, surveyYearText } from './survey.tsx';
import { colourAll, levelWords, type MapSourceModule } from './types.ts';

const X_TITLE = 'Misdrijven per 1.000 (EB)';

export const bivariateSource: MapSourceModule = {
  id: 'bivariate',
  label: 'Objectief × subjectief',
  hint: 'Misdrijven per 1.000 (EB) gekruist met de Veiligheidsmonitor',
  needs: { stats: true, survey: true, context: false },
  exportable: false,
  available: () => true,
  build({ stats, survey }, ctx) {
    const words = levelWords(ctx.level);
    const meta = survey?.meta ?? null;
    const presentation = ctx.mode === 'presentation';
    const surveyByCode = new Map((survey?.rows ?? []).map((r) => [r.code, r]));
    const rows =
      survey && stats
        ? stats.rows.map((r) => {
            const sv = surveyByCode.get(r.code);
            return { code: r.code, naam: r.naam, x: r.ratePer1000Smoothed, y: sv && !isUnreliable(sv) ? sv.value : null, note: sv && isUnreliable(sv) ? 'steekproef te klein' : undefined };
          })
        : null;
    const reverseY = meta?.betterWhen === 'higher';
    const result = rows ? classifyBivariate(rows, { reverseY }) : null;
    const colours = colourAll(result ? ctx.codes : []);
    if (result) for (const code of ctx.codes) colours.set(code, result.classes.get(code)?.colour ?? null);
    const yearText = surveyYearText(meta);
    const demo = meta?.demo ?? false;
    const period = `${ctx.categoryNaam}, ${ctx.period}`;
    const rowByCode = new Map((rows ?? []).map((r) => [r.code, r]));
    const legend = (
      <BivariateLegend
        result={result}
        xTitle={X_TITLE}
        yTitle={bivariateYTitle(meta)}
        subtitle={`${period} × ${meta ? `${meta.indicatorLabel}, ${meta.year ?? 'geen jaar'}` : 'Veiligheidsmonitor'} · ${words.plural}`}
        xDecimals={1}
        yDecimals={1}
        reverseY={reverseY}
        areaWord={words.plural}
        demo={demo}
        showCounts={!presentation}
      />
    );
    return {
      ready: result !== null,
      colours,
      classification: null,
      decimals: 1,
      legend: presentation ? (
        <div className="presentation-legend presentation-legend-bivariate">
          {legend}
          {ctx.legendExtra}
        </div>
      ) : (
        legend
      ),
      table: ({ selected, onSelect }) => {
        if (!rows) return null;
        if (presentation) {
          const focused = stats ? presentationRows(stats.rows, ctx) : [];
          return (
            <PresentationTable
            suppressionThreshold={ctx.suppressionThreshold}
              rows={focused.map((r) => ({ ...r, extra: [surveyCell(meta, surveyByCode.get(r.code)), result?.classes.get(r.code)?.label ?? '–'] }))}
              caption={`Objectief × subjectief — ${period} × ${yearText}${demo ? ' (DEMO)' : ''}: per ${ctx.level}`}
              valueTitle="Per 1.000 (EB)"
              extraTitles={[bivariateYTitle(meta), 'Klasse']}
              showCount={false}
              decimals={1}
              areaWord={words.title}
            />
          );
        }
        return (
          <BivariateTable
            rows={rows}
            result={result}
            caption={`Objectief × subjectief — ${period} × ${meta?.indicatorLabel ?? ''} ${meta?.year ?? ''}${demo ? ' (DEMO)' : ''}, ${pluralArea(rows.length, ctx.level)} in ${ctx.gemeenteNaam}`}
            xTitle={X_TITLE}
            yTitle={bivariateYTitle(meta)}
            xDecimals={1}
            yDecimals={1}
            selected={selected}
            onSelect={onSelect}
          />
        );
      },
      tooltip: (code) => {
        const r = rowByCode.get(code);
        if (!r) return null;
        const cls = result?.classes.get(code);
        const value = `${formatNumber(r.x, 1)} per 1.000 (EB) · ${formatNumber(r.y, 1)} ${meta?.unit === 'percentage' ? '%' : ''}`.trim();
        return { naam: r.naam, value: cls ? `Klasse ${cls.label}: ${value}` : value, note: cls ? (demo ? 'DEMO' : undefined) : (r.note ?? 'geen gegevens') };
      },
      title: `Kaart van ${ctx.gemeenteNaam}: ${words.plural} in 3 × 3 klassen, misdrijven per 1.000 (EB) gekruist met ${meta?.indicatorLabel ?? 'de Veiligheidsmonitor'}`,
      subtitle: presentation ? `${ctx.categoryNaam} · ${ctx.period} × ${yearText}` : `${ctx.categoryNaam} · ${ctx.period}`,
      shown:
        survey && stats && result
          ? [survey.meta.gemeente, survey.meta.level, survey.meta.indicator, String(survey.meta.year ?? ''), stats.meta.category, stats.meta.from, stats.meta.to]
          : null,
      demo,
    };
  },
};
