// The column beside the map: the source's legend, the layers (density, hotspots, attention areas), the source
// choice, the filters and the draaiboek editor.
import type { Category, Gemeente } from '../../../../server/src/domain/model.ts';
import type { AttentionArea } from '../../api/client.ts';
import { useSurveyIndicatorsQuery } from '../../api/queries.ts';
import { hasRestrictedAccess, mayPrepare } from '../../features/auth/capabilities.ts';
import { Filters } from '../../features/filters/Filters.tsx';
import { HeatmapPanel } from '../../features/heatmap/HeatmapPanel.tsx';
import type { useDensity } from '../../features/heatmap/useDensity.ts';
import { IncidentsPanel } from '../../features/incidents/IncidentsPanel.tsx';
import type { useIncidents } from '../../features/incidents/useIncidents.ts';
import { HotspotPanel } from '../../features/hotspots/HotspotPanel.tsx';
import type { HotspotsState } from '../../features/hotspots/useHotspots.ts';
import { DraaiboekEditor } from '../../features/presentation/DraaiboekEditor.tsx';
import type { ChoroplethMap } from '../../features/map/ChoroplethMap.ts';
import { SignalsPanel } from '../../features/signals/SignalsPanel.tsx';
import { SourceControls } from '../../features/survey/SourceControls.tsx';
import { measureInfo } from '../../lib/measures.ts';
import { MAP_SOURCES } from '../sources/registry.ts';
import { filterTransitions } from '../urlState.ts';
import { AttentionPanel } from './AttentionPanel.tsx';
import { draftView } from './mapTexts.ts';
import type { PageProps } from './pageProps.ts';
import { analysisLevel } from '../../lib/level.ts';

const SOURCE_OPTIONS = MAP_SOURCES.map((s) => ({ id: s.id, label: s.label, hint: s.hint, survey: s.needs.survey, kerncijfer: s.needs.context }));

export interface MapSidebarProps extends PageProps {
  gemeenten: Gemeente[];
  categories: Category[];
  months: string[];
  hotspots: HotspotsState;
  attention: { areas: AttentionArea[]; error: string | null; reload: () => void };
  density: ReturnType<typeof useDensity>;
  incidents: ReturnType<typeof useIncidents>;
  densityWijk: string | null;
  mijnWijk: string | null;
  map: ChoroplethMap | null;
  onSelect: (code: string) => void;
  /** False until the page's first coloured map is on screen: the filters follow it (see useFirstMapShown). */
  filtersShown: boolean;
}

export function MapSidebar(props: MapSidebarProps) {
  const { view, dispatch, session, scene, announce, gemeenten, categories, months, hotspots, attention, density, incidents, densityWijk, mijnWijk, map, onSelect, filtersShown } = props;
  const { sourceView, source, data, levelPlural, gemeenteNaam, categoryNaam, period } = scene;
  const national = view.gemeente === 'NL';
  const indicators = useSurveyIndicatorsQuery();
  const context = data.context;
  const draft = draftView(view, scene, mijnWijk);
  return (
    <aside className="sidebar" aria-label="Instellingen en legenda">
      {/* Figures that could not be loaded have no legend: it says so (once, the reason is in the banner), not "laden…" forever. */}
      {scene.loadError && !sourceView.ready ? (
        <section className="legend" aria-label="Legenda">
          <p className="legend-subtitle">Geen legenda: de kaart heeft geen cijfers om te kleuren.</p>
        </section>
      ) : (
        sourceView.legend
      )}
      {hasRestrictedAccess(session) && source.id === 'police' && !national && (
        <IncidentsPanel
          on={view.points}
          onChange={(on) => dispatch({ type: 'setPoints', on })}
          data={incidents.data}
          groups={incidents.groups}
          error={incidents.error}
          loading={incidents.loading}
          scopeText={densityWijk ? `wijk ${densityWijk}` : session.role === 'wijkagent' ? 'uw eigen wijken' : `heel ${gemeenteNaam}`}
          categoryNaam={categoryNaam}
        />
      )}
      {hasRestrictedAccess(session) && source.id === 'police' && !national && (
        <HeatmapPanel
          on={view.heatmap}
          onChange={(on) => dispatch({ type: 'setHeatmap', on })}
          data={density.data}
          layer={density.layer}
          error={density.error}
          loading={density.loading}
          scopeText={densityWijk ? `wijk ${densityWijk}` : session.role === 'wijkagent' ? 'uw eigen wijken' : `heel ${gemeenteNaam}`}
          categoryNaam={categoryNaam}
        />
      )}
      {national ? (
        <section className="national-note" aria-labelledby="landelijk-title">
          <h2 id="landelijk-title">Landelijk overzicht</h2>
          <p>
            Hier staan de politieregistraties van alle {levelPlural} van Nederland. Hotspots, aandachtsgebieden, de Veiligheidsmonitor en de
            kerncijfers zijn er per gemeente: kies hieronder een gemeente.
          </p>
          {view.level === 'gemeente' ? (
            <p>Kies bij Niveau buurten of wijken om het hele land in meer detail te zien.</p>
          ) : (
            <p>Zoom in tot gemeenteniveau om de grenzen van de {levelPlural} te zien.</p>
          )}
        </section>
      ) : (
        <>
          <HotspotPanel
            method={view.hotspots}
            onChange={(method) => dispatch({ type: 'setHotspots', method })}
            data={hotspots.data}
            error={hotspots.error}
            loading={hotspots.loading}
            areaWord={levelPlural}
          />
          {source.id === 'police' && (
            <SignalsPanel gemeente={view.gemeente} level={analysisLevel(view.level)} category={view.category} month={view.to} map={map?.map ?? null} onSelect={onSelect} />
          )}
          <AttentionPanel {...props} attention={attention} />
          <SourceControls
            sources={SOURCE_OPTIONS}
            values={{ source: view.source, indicator: view.indicator, surveyYear: view.surveyYear, kern: view.kern }}
            indicators={indicators.data ?? []}
            years={data.survey?.meta.years ?? []}
            shownYear={data.survey?.meta.year ?? null}
            contextIndicators={context ? context.meta.indicators.filter((i) => context.meta.available.includes(i.key)) : []}
            onChange={(patch) =>
              dispatch([
                ...(patch.source !== undefined ? [{ type: 'setSource' as const, source: patch.source }] : []),
                ...(patch.indicator !== undefined ? [{ type: 'setIndicator' as const, indicator: patch.indicator }] : []),
                ...(patch.surveyYear !== undefined ? [{ type: 'setSurveyYear' as const, year: patch.surveyYear }] : []),
                ...(patch.kern !== undefined ? [{ type: 'setKern' as const, kern: patch.kern }] : []),
              ])
            }
          />
        </>
      )}
      {filtersShown && (
        <Filters
          values={view}
          gemeenten={gemeenten}
          categories={categories}
          months={months}
          currentBreaks={sourceView.classification?.breaks ?? []}
          decimals={measureInfo(view.measure).decimals}
          onChange={(patch) => dispatch(filterTransitions(view, patch, sourceView.classification?.breaks ?? []))}
        />
      )}
      {mayPrepare(session) && !national && (
        <DraaiboekEditor
          current={draft}
          currentLabel={`${draft.title}, ${period}${draft.focus.level === 'gemeente' ? ` (heel ${gemeenteNaam})` : ''}`}
          announce={announce}
        />
      )}
    </aside>
  );
}
