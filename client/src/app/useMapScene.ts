// Everything the map shows for a view: the geometry, the answers the chosen source needs, and the source's
// SourceView (colours, legend, table, tooltip, titles). The shell builds it once; the map page, the header and
// the workbench read it.
import { useEffect, useMemo } from 'react';
import type { GeometryCollection } from 'topojson-specification';
import type { Category, Gemeente } from '../../../server/src/domain/model.ts';
import type { AreasTopology, ScopedStatsResponse } from '../api/client.ts';
import { errorText, useAreasQuery, useContextQuery, useSeriesQuery, useStatsQuery, useSurveyQuery } from '../api/queries.ts';
import { topologyCodes } from '../features/map/ChoroplethMap.ts';
import { formatPeriod, pluralArea, unnamed } from '../lib/format.ts';
import { levelPlural } from '../lib/level.ts';
import { registrationsOf } from '../lib/measures.ts';
import { statsQueryOf } from './landing.ts';
import { mapSource } from './sources/registry.ts';
import type { MapSourceModule, SourceContext, SourceData, SourceView } from './sources/types.ts';
import type { ViewState } from './urlState.ts';

export interface MapScene {
  topology: AreasTopology | null;
  /** Police figures of the view's gemeente and level (the previous period's while the next one loads). */
  stats: ScopedStatsResponse | null;
  statsLoading: boolean;
  data: SourceData;
  source: MapSourceModule;
  sourceView: SourceView;
  ctx: SourceContext;
  gemeenteNaam: string;
  categoryNaam: string;
  period: string;
  levelPlural: string;
  /** Why the map has no figures for this view (Dutch, for the legend and the banner); null while nothing failed. */
  loadError: string | null;
}

export interface SceneNeeds {
  gemeenten: Gemeente[];
  categories: Category[];
  /** The map page is on screen (the survey is fetched only then). */
  onMap: boolean;
  /** Counts from 1 up to this are hidden on public screens (the server's threshold). */
  suppressionThreshold: number;
  announce: (message: string) => void;
  reportError: (message: string | null) => void;
}

export function useMapScene(view: ViewState, { gemeenten, categories, onMap, suppressionThreshold, announce, reportError }: SceneNeeds): MapScene {
  const { gemeente, level, category, from, to, area, indicator, surveyYear } = view;
  // The whole-country view has police figures only: the survey and kerncijfers are per gemeente (their APIs refuse NL).
  const national = gemeente === 'NL';
  const source = mapSource(national ? 'police' : view.source);

  // The country is drawn from the server's vector tiles: its 6 MB of boundaries are never fetched as a whole.
  const areas = useAreasQuery(national ? null : gemeente);
  const statsQuery = useStatsQuery(statsQueryOf(view));
  const surveyQuery = useSurveyQuery(onMap && source.needs.survey ? { gemeente, level, indicator, year: surveyYear } : null);
  const contextQuery = useContextQuery(national ? null : { gemeente, level });

  const topology = areas.data ?? null;
  const s = statsQuery.data;
  const stats = s && s.meta.gemeente === gemeente && s.meta.level === level ? s : null;
  const sv = surveyQuery.data;
  const survey = sv && sv.meta.gemeente === gemeente && sv.meta.level === level && sv.meta.indicator === indicator ? sv : null;
  const context = contextQuery.data ?? null;
  const data = useMemo(() => ({ stats, survey, context }), [stats, survey, context]);

  // Whatever failed, in the order the map needs it: without boundaries or figures it stays empty, and says why.
  const loadError = areas.error
    ? `Gebiedsgrenzen konden niet worden geladen. ${errorText(areas.error)}`
    : statsQuery.error
      ? `Cijfers konden niet worden geladen. ${errorText(statsQuery.error)}`
      : source.needs.survey && surveyQuery.error
        ? `Veiligheidsmonitor kon niet worden geladen. ${errorText(surveyQuery.error)}`
        : null;

  useEffect(() => {
    if (areas.error) reportError(`Gebiedsgrenzen konden niet worden geladen. ${errorText(areas.error)}`);
  }, [areas.error, reportError]);
  useEffect(() => {
    if (!statsQuery.data || statsQuery.isPlaceholderData) return;
    const m = statsQuery.data.meta;
    reportError(null);
    announce(`${pluralArea(statsQuery.data.rows.length, m.level)} bijgewerkt: ${m.categoryNaam}, ${formatPeriod(m.from, m.to)}`);
  }, [statsQuery.data, statsQuery.isPlaceholderData, announce, reportError]);
  useEffect(() => {
    if (!statsQuery.error) return;
    reportError(`Cijfers konden niet worden geladen. ${errorText(statsQuery.error)}`);
    announce('Cijfers konden niet worden geladen.');
  }, [statsQuery.error, announce, reportError]);
  useEffect(() => {
    if (sv) announce(`${pluralArea(sv.rows.length, sv.meta.level)} bijgewerkt: ${sv.meta.indicatorLabel}, ${sv.meta.year ?? 'geen gegevens'}`);
  }, [sv, announce]);
  useEffect(() => {
    if (surveyQuery.error) reportError(`Veiligheidsmonitor kon niet worden geladen. ${errorText(surveyQuery.error)}`);
  }, [surveyQuery.error, reportError]);

  const gemeenteNaam =
    (national ? 'Nederland' : undefined) ??
    gemeenten.find((g) => g.code === gemeente)?.naam ??
    ((topology?.objects['gemeente'] as GeometryCollection | undefined)?.geometries[0]?.properties as { naam?: string } | undefined)?.naam ??
    unnamed(gemeente, gemeenten);
  const categoryNaam = stats?.meta.categoryNaam ?? categories.find((c) => c.code === category)?.naam ?? unnamed(category, categories);
  const period = formatPeriod(from, to);
  const registrations = registrationsOf(categories, category);
  // The areas to colour: the gemeente's own, or at the country view every area the figures have a row for (one per
  // area of the level; the tiles hold no others).
  const statsCodes = useMemo(() => (national && stats ? stats.rows.map((r) => r.code) : null), [national, stats]);
  const codes = statsCodes ?? topologyCodes(topology, level);
  const { measure, method, classes, fixed, breaks, kern } = view;
  const ctx = useMemo<SourceContext>(
    () => ({
      mode: 'screen',
      gemeente,
      gemeenteNaam,
      level,
      categoryNaam,
      registrations,
      period,
      measure,
      method,
      classes,
      fixed,
      breaks,
      indicator,
      kern,
      codes,
      restricted: area !== null,
      suppressionThreshold,
      choropleth: true,
      inFocus: () => true,
    }),
    [gemeente, gemeenteNaam, level, categoryNaam, registrations, period, measure, method, classes, fixed, breaks, indicator, kern, codes, area, suppressionThreshold],
  );
  const sourceView = useMemo(() => source.build(data, ctx), [source, data, ctx]);
  return {
    topology,
    stats,
    statsLoading: statsQuery.isFetching,
    data,
    source,
    sourceView,
    ctx,
    gemeenteNaam,
    categoryNaam,
    period,
    levelPlural: levelPlural(level),
    loadError,
  };
}

/** The monthly series of the selected area, with the breakdown of the view's period (the area panel; its DEMO
 * flag counts for the notice). */
export function useSelectedSeries(view: ViewState) {
  const { gemeente, category, selected, from, to } = view;
  return useSeriesQuery(selected ? { gemeente, code: selected, category, from, to } : null);
}
