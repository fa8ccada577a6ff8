// Presentation shell: opens a draaiboek (?view=presentatie&presentation=<id>) and steps through its views on the map.
// Every request carries view=presentatie, so the server hides small counts; no points, no streets, no tooltips.
// The map sources are the map page's own (the registry), built in presentation mode.
import { useCallback, useMemo, useState } from 'react';
import type { GeometryCollection } from 'topojson-specification';
import type { ClientConfig } from '../api/client.ts';
import { errorText, useAreasQuery, useCategoriesQuery, useHotspotsQuery, usePresentationQuery, useStatsQuery, useSurveyQuery } from '../api/queries.ts';
import { SOURCE_CREDIT } from '../features/demo-notice/DemoNotice.tsx';
import { HotspotSwatch } from '../features/hotspots/HotspotSwatch.tsx';
import { topologyCodes, type ChoroplethMap } from '../features/map/ChoroplethMap.ts';
import { MapView } from '../features/map/MapView.tsx';
import { PresentationLayout } from '../features/presentation/PresentationLayout.tsx';
import { stepScope } from '../features/presentation/steps.ts';
import { SurveyDemoNotice } from '../features/survey/SurveyLegend.tsx';
import { formatPeriod } from '../lib/format.ts';
import { HOTSPOT_STYLES, type HotspotClassKey } from '../lib/overlayStyles.ts';
import { registrationsOf } from '../lib/measures.ts';
import { mapSource } from './sources/registry.ts';
import { FALLBACK_SUPPRESSION_THRESHOLD, type SourceContext } from './sources/types.ts';
import { installTestHook } from './testHook.ts';
import { usePresentationCamera, usePresentationKey } from './usePresentationMap.ts';
import { useAreaLabels } from './pages/useAreaLabels.ts';
import { DEFAULT_VIEW, serializeViewState } from './urlState.ts';

const PRIVACY = 'presentatie' as const;
/** The Veiligheidsmonitor indicator of survey and bivariate views (a view stores no indicator: the default, latest year). */
const SURVEY_INDICATOR = 'onveilig_buurt_pct';

export interface PresentationAppProps {
  id: number;
  /** Leave presentation mode for the map view with this query string. */
  onLeave: (search: string) => void;
  config: ClientConfig | null;
}

const HOTSPOT_LEGEND = (
  <div className="presentation-hotspots">
    <h3>Hotspots (Getis-Ord Gi*)</h3>
    <ul className="presentation-legend-list">
      {HOTSPOT_STYLES.filter((s) => s.key === 'none' || Number(s.key.slice(-2)) >= 95).map((s) => (
        <li key={s.key}>
          <HotspotSwatch hotspotClass={s.key} />
          <span>{s.label}</span>
        </li>
      ))}
    </ul>
  </div>
);

export function PresentationApp({ id, onLeave, config }: PresentationAppProps) {
  const deckQuery = usePresentationQuery(id);
  const categories = useCategoriesQuery(PRIVACY);
  const [index, setIndex] = useState(0);
  const [map, setMap] = useState<ChoroplethMap | null>(null);
  const deck = deckQuery.data ?? null;
  const view = deck?.views[Math.min(index, deck.views.length - 1)] ?? null;
  const scope = useMemo(() => (view ? stepScope(view) : null), [view]);
  const gemeente = scope?.gemeente ?? null;
  const level = scope?.level ?? 'buurt';
  const category = view?.category ?? DEFAULT_VIEW.category;
  const from = view?.from ?? DEFAULT_VIEW.from;
  const to = view?.to ?? DEFAULT_VIEW.to;
  const measure = view?.measure ?? 'ratePer1000Smoothed';
  const showHotspots = view?.layers.includes('hotspots') ?? false;
  // What colours the map: the bivariate map wins over the survey map, which wins over the police choropleth.
  const source = mapSource(view?.layers.includes('bivariate') ? 'bivariate' : view?.layers.includes('survey') ? 'survey' : 'police');

  const areas = useAreasQuery(gemeente, PRIVACY);
  const scopeQuery = gemeente ? { gemeente, level, category, from, to, view: PRIVACY } : null;
  const stats = useStatsQuery(scopeQuery);
  const hotspots = useHotspotsQuery(scopeQuery && showHotspots ? { ...scopeQuery, method: 'gistar' } : null);
  const survey = useSurveyQuery(gemeente && source.needs.survey ? { gemeente, level, indicator: SURVEY_INDICATOR, view: PRIVACY } : null);
  const queryError = deckQuery.error ?? areas.error ?? stats.error ?? hotspots.error ?? survey.error;

  const topology = areas.data ?? null;
  const s = stats.data;
  const current = s && s.meta.gemeente === gemeente && s.meta.level === level && s.meta.category === category && s.meta.from === from && s.meta.to === to ? s : null;
  const sv = survey.data;
  const currentSurvey = sv && sv.meta.gemeente === gemeente && sv.meta.level === level && sv.meta.indicator === SURVEY_INDICATOR ? sv : null;
  const gemeenteNaam = ((topology?.objects['gemeente'] as GeometryCollection | undefined)?.geometries[0]?.properties as { naam?: string } | undefined)?.naam ?? gemeente ?? '';
  const categoryNaam = current?.meta.categoryNaam ?? categories.data?.find((c) => c.code === category)?.naam ?? category;
  const period = formatPeriod(from, to, 'long');
  const registrations = registrationsOf(categories.data ?? [], category);
  const codes = topologyCodes(topology, level);
  const choropleth = view?.layers.includes('choropleth') ?? true;
  const ctx = useMemo<SourceContext>(
    () => ({
      mode: 'presentation',
      gemeente: gemeente ?? '',
      gemeenteNaam,
      level,
      categoryNaam,
      registrations,
      period,
      measure,
      method: 'quantile',
      classes: 5,
      fixed: false,
      breaks: [],
      indicator: SURVEY_INDICATOR,
      kern: DEFAULT_VIEW.kern,
      codes,
      restricted: false,
      suppressionThreshold: config?.suppressionThreshold ?? FALLBACK_SUPPRESSION_THRESHOLD,
      choropleth,
      inFocus: scope?.inFocus ?? (() => true),
      legendExtra: showHotspots ? HOTSPOT_LEGEND : null,
    }),
    [gemeente, gemeenteNaam, level, categoryNaam, registrations, period, measure, codes, choropleth, scope, showHotspots, config],
  );
  const data = useMemo(() => ({ stats: current, survey: currentSurvey, context: null }), [current, currentSurvey]);
  const sourceView = useMemo(() => source.build(data, ctx), [source, data, ctx]);

  const h = hotspots.data;
  const hotspotClasses = useMemo(() => (h && showHotspots && h.meta.level === level ? new Map(h.rows.map((r) => [r.code, r.class as HotspotClassKey])) : null), [h, showHotspots, level]);
  usePresentationCamera(map, topology && topology === areas.data && scope ? { topology, scope } : null, index);
  usePresentationKey(map, index, source.id, sourceView, hotspotClasses, level);
  // Names on the big screen too, larger: a room of residents finds its own buurt by name.
  useAreaLabels(map, topology, level, null, true, 18);

  const onMapCreated = useCallback((m: ChoroplethMap) => {
    // The arrow keys step through the draaiboek; they must not pan the map when the canvas has focus.
    m.map.keyboard.disable();
    setMap(m);
    installTestHook(m);
  }, []);

  const leave = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen?.();
    if (!view || !scope) return onLeave('');
    // The one area in focus is selected on the map when it is of the step's level (not a wijk over buurten).
    const single = view.focus.codes.length === 1 && view.focus.level === scope.level ? view.focus.codes[0] : null;
    onLeave(
      serializeViewState({
        ...DEFAULT_VIEW,
        gemeente: scope.gemeente,
        level: scope.level,
        category,
        from,
        to,
        measure,
        selected: single,
        hotspots: showHotspots ? 'gistar' : null,
        source: source.id,
        indicator: SURVEY_INDICATOR,
      }),
    );
  }, [view, scope, category, from, to, measure, showHotspots, source, onLeave]);

  if (deckQuery.error && !deck) {
    return (
      <main className="presentation-error" id="inhoud">
        <h1>Presentatie</h1>
        <p role="alert">{`Presentatie ${id} kon niet worden geladen. ${errorText(deckQuery.error)}`}</p>
        <p>
          <a href="/">Naar de kaart</a>
        </p>
      </main>
    );
  }
  if (!deck || !view || !scope) return <p className="presentation-loading">Presentatie wordt geladen…</p>;

  return (
    <PresentationLayout
      title={deck.title}
      viewTitle={view.title}
      caption={view.caption}
      subtitle={`${gemeenteNaam} · ${sourceView.subtitle}`}
      index={index}
      total={deck.views.length}
      onStep={setIndex}
      onLeave={leave}
      map={
        <MapView
          topology={topology}
          level={level}
          colours={sourceView.colours}
          selected={null}
          title={sourceView.title}
          describe={() => null}
          onSelect={() => {}}
          basemapStyle={config?.basemapStyleUrl ?? ''}
          onMapCreated={onMapCreated}
        />
      }
      legend={queryError && !sourceView.ready ? <p>Geen legenda: de kaart heeft geen cijfers om te kleuren.</p> : sourceView.legend}
      table={sourceView.table({ selected: null, onSelect: () => {} })}
      footer={
        <>
          {queryError && <p role="alert">{errorText(queryError)}</p>}
          {source.needs.survey && <SurveyDemoNotice meta={currentSurvey?.meta ?? null} />}
          {source.needs.stats && current?.meta.demo && (
            <p className="presentation-demo">DEMO: verdeling naar soort en maand gegenereerd; jaartotalen per buurt zijn echt.</p>
          )}
          <p className="presentation-credit">{SOURCE_CREDIT}</p>
        </>
      }
    />
  );
}
