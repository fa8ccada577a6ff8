// Kaart: the map coloured by the chosen source, its sidebar, the detail panel and the table alternative.
import { useCallback, useState } from 'react';
import type { Category, Gemeente } from '../../../../server/src/domain/model.ts';
import { useAttentionAreas } from '../../features/attention-areas/useAttentionAreas.ts';
import { hasRestrictedAccess, mayViewRestricted } from '../../features/auth/capabilities.ts';
import { useDensity } from '../../features/heatmap/useDensity.ts';
import { useIncidents } from '../../features/incidents/useIncidents.ts';
import { HotspotTable } from '../../features/hotspots/HotspotTable.tsx';
import { useHotspots } from '../../features/hotspots/useHotspots.ts';
import { MapExportButton } from '../../features/map-export/MapExportButton.tsx';
import type { ChoroplethMap } from '../../features/map/ChoroplethMap.ts';
import { MapView } from '../../features/map/MapView.tsx';
import { takeFirstMap } from '../countryFirst.ts';
import { installTestHook } from '../testHook.ts';
import { AreaDetails } from './AreaDetails.tsx';
import { MapSearch } from './MapSearch.tsx';
import { MapSidebar } from './MapSidebar.tsx';
import { exportContent } from './mapTexts.ts';
import type { PageProps } from './pageProps.ts';
import { useIncidentLayer } from './useIncidentLayer.ts';
import { useAreaLabels } from './useAreaLabels.ts';
import { useBasemap } from '../../features/basemap/useBasemap.ts';
import { BasemapControl } from '../../features/basemap/BasemapControl.tsx';
import type { Basemap } from '../../api/client.ts';
import { useMapSync } from './useMapSync.ts';
import { useFirstMapShown } from './useFirstMapShown.ts';
import { analysisLevel } from '../../lib/level.ts';

export interface MapPageProps extends PageProps {
  hidden: boolean;
  gemeenten: Gemeente[];
  categories: Category[];
  months: string[];
  /** A MapLibre style URL the map is made with ('' = the app's own style, with a raster background if chosen). */
  basemapStyle: string;
  /** The backgrounds the user may choose, and the installation's default. */
  basemaps: Basemap[];
  basemap: Basemap | null;
  /** Version of the country's vector tiles (null: the map reads their TileJSON). */
  tileVersion: string | null;
}

export function MapPage(props: MapPageProps) {
  const { view, dispatch, session, scene, announce, hidden, basemapStyle, tileVersion } = props;
  const { gemeente, level, category, from, to } = view;
  const { topology, sourceView, source, levelPlural, gemeenteNaam, categoryNaam } = scene;
  const [map, setMap] = useState<ChoroplethMap | null>(null);
  const national = gemeente === 'NL';
  const onMap = !hidden;

  const hotspots = useHotspots({ gemeente, level: analysisLevel(level), category, from, to }, onMap && !national ? view.hotspots : null, announce);
  const attention = useAttentionAreas(national ? null : gemeente);
  const restricted = hasRestrictedAccess(session);
  // A wijkagent's heatmap covers their own wijken (the server picks them); an analist's the whole gemeente.
  const densityWijk = session.role === 'wijkagent' ? (view.mijnWijk ?? session.wijken.find((w) => w.slice(2, 6) === gemeente.slice(2)) ?? null) : null;
  const density = useDensity({ gemeente, wijk: densityWijk, category, from, to }, restricted && view.heatmap && onMap && !national);
  const mijnWijk = view.mijnWijk && mayViewRestricted(session, view.mijnWijk) ? view.mijnWijk : null;
  const showPoints = restricted && view.points && onMap && !national && source.id === 'police';
  const incidents = useIncidents({ gemeente, wijk: densityWijk, category, from, to }, showPoints, props.categories);
  const incidentLayer = useIncidentLayer(map, topology, showPoints ? incidents.points : null);
  // The names of the buurten (or wijken) on show; the country view has thousands, so none there.
  useAreaLabels(map, topology, analysisLevel(level), mijnWijk, !national);
  const basemap = useBasemap(map, props.basemaps, props.basemap);

  useMapSync({
    map,
    view,
    scene,
    onMap,
    hotspots: hotspots.classes,
    attention: attention.areas,
    density: restricted && view.heatmap ? (density.layer?.cells ?? null) : null,
    mijnWijk,
  });

  const onMapCreated = useCallback((m: ChoroplethMap) => {
    setMap(m);
    installTestHook(m);
  }, []);
  const onSelect = useCallback((code: string) => dispatch({ type: 'select', code }), [dispatch]);
  // The filters and the table's rows are rendered once the first coloured map is on screen (see useFirstMapShown).
  const firstMapShown = useFirstMapShown(map, sourceView.colours);
  const hasPanel = !!mijnWijk || (!!view.selected && !!scene.stats?.rows.some((r) => r.code === view.selected));

  return (
    <>
      {/* see-through: the legend's swatches are as transparent as the areas over the background map. */}
      <main hidden={hidden} className={`layout ${hasPanel ? 'has-panel' : ''} ${basemap.chosen?.tiles && !basemap.unavailable ? 'see-through' : ''}`}>
        <h2 className="visually-hidden" data-page-heading>
          Kaart van {national ? 'Nederland' : gemeenteNaam}
        </h2>
        <MapSidebar {...props} filtersShown={firstMapShown} hotspots={hotspots} attention={attention} density={density} incidents={incidents} densityWijk={densityWijk} mijnWijk={mijnWijk} map={map} onSelect={onSelect} />
        <section className="map-area" aria-label="Kaart">
          {/* The country view has thousands of buurten with names that repeat; the gemeente is chosen in the filters. */}
          {!national && <MapSearch view={view} dispatch={dispatch} scene={scene} announce={announce} map={map} panelOpen={hasPanel} />}
          <MapView
            key={national ? 'country' : 'gemeente'}
            country={national}
            tileVersion={tileVersion}
            topology={topology}
            level={level}
            colours={sourceView.colours}
            selected={view.selected}
            title={sourceView.title}
            describe={sourceView.tooltip}
            onSelect={onSelect}
            basemapStyle={basemapStyle}
            onMapCreated={onMapCreated}
            adopt={takeFirstMap}
          />
          {scene.statsLoading && (
            <div className="map-loading" aria-hidden="true">
              Laden…
            </div>
          )}
          <div className="map-below">
            <p className="map-hint">
              Klik op een gebied voor details. Zonder muis: gebruik de <a href="#tabel">tabel</a>.
            </p>
            {source.exportable && (
              <MapExportButton map={map?.map ?? null} content={() => exportContent(view, scene, basemap.chosen?.tiles && !basemap.unavailable ? basemap.chosen.attribution : null, view.hotspots ? hotspots.data : null)} fileParts={[gemeenteNaam, categoryNaam, from, to]} announce={announce} />
            )}
            <BasemapControl basemap={basemap} />
          </div>
        </section>
        <AreaDetails
          {...props}
          mijnWijk={mijnWijk}
          onShowRegistration={(r) => {
            // On the map with its popup; the points layer is switched on so the point is there to see.
            if (!view.points) dispatch({ type: 'setPoints', on: true });
            incidentLayer?.show([r.lon, r.lat], r, true);
          }}
        />
      </main>
      <section hidden={hidden} id="tabel" className="table-area" tabIndex={-1} aria-labelledby="tabel-title">
        <h2 id="tabel-title">Tabel: alle {levelPlural}</h2>
        {firstMapShown ? sourceView.table({ selected: view.selected, onSelect }) : <p className="hint">Laden…</p>}
        {hotspots.data && (
          <>
            <h2 className="table-subtitle">Hotspots per {view.level}</h2>
            <HotspotTable data={hotspots.data} areaWord={levelPlural} />
          </>
        )}
      </section>
    </>
  );
}
