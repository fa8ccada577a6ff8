// App shell: owns the URL state and the data, wires the features together. Features never import each other.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GeometryCollection } from 'topojson-specification';
import type { Category, Gemeente, SeriesResponse, StatsResponse } from '../../../server/src/domain/model.ts';
import {
  fetchAreas,
  fetchCategories,
  fetchConfig,
  fetchGemeenten,
  fetchSeries,
  fetchStats,
  isAbort,
  requestCounts,
  type AreasTopology,
} from '../api/client.ts';
import { AreaPanel } from '../features/area-panel/AreaPanel.tsx';
import { AreaTable } from '../features/area-table/AreaTable.tsx';
import { DemoNotice, SourceCredit } from '../features/demo-notice/DemoNotice.tsx';
import { Filters, type FilterValues } from '../features/filters/Filters.tsx';
import { Legend } from '../features/legend/Legend.tsx';
import type { ChoroplethMap } from '../features/map/ChoroplethMap.ts';
import { MapView, type TooltipContent } from '../features/map/MapView.tsx';
import { anchorAtZero, classify, computeBreaks, type Classification } from '../lib/classes.ts';
import { formatNumber, formatPercentChange, formatPeriod, pluralArea } from '../lib/format.ts';
import { FLAG_WORDS } from '../lib/flags.ts';
import { measureInfo } from '../lib/measures.ts';
import { divergingPalette, sequentialPalette } from '../lib/palette.ts';
import { allMonths, DEFAULT_VIEW, parseViewState, serializeViewState, type ViewState } from './urlState.ts';

declare global {
  interface Window {
    /** Test hook for the browser tests. */
    __bvk?: BvkHook;
  }
}

export interface BvkHook {
  map: ChoroplethMap['map'];
  ready: Promise<void>;
  /** Resolves at the map's next 'idle' event. */
  idle: () => Promise<void>;
  /** "gemeente|level|category|from|to|measure" of the view whose colours are on the map (set after 'idle'). */
  appliedKey: string | null;
  stats: { readonly setDataCalls: number; readonly featureStateCalls: number; readonly areasFetches: number; readonly statsFetches: number };
}

const MONTHS = allMonths();

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Codes of all areas of a level in the topology, so that areas without a stats row show as "geen gegevens". */
function topologyCodes(topology: AreasTopology | null, level: 'buurt' | 'wijk'): string[] {
  const obj = topology?.objects[level === 'buurt' ? 'buurten' : 'wijken'] as GeometryCollection | undefined;
  if (!obj) return [];
  return obj.geometries.map((g) => String((g.properties as { code?: string } | undefined)?.code ?? g.id));
}

export function App() {
  const [view, setView] = useState<ViewState>(() => parseViewState(window.location.search));
  const [gemeenten, setGemeenten] = useState<Gemeente[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [topology, setTopology] = useState<AreasTopology | null>(null);
  const [stats, setStats] = useState<StatsResponse | null>(null);
  const [series, setSeries] = useState<SeriesResponse | null>(null);
  const [seriesError, setSeriesError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [loading, setLoading] = useState(true);
  // undefined = still asking the server; '' = no basemap (offline default).
  const [basemapStyle, setBasemapStyle] = useState<string | undefined>(undefined);
  const topologyCache = useRef(new Map<string, AreasTopology>());
  const [choropleth, setChoropleth] = useState<ChoroplethMap | null>(null);

  // --- URL state -----------------------------------------------------------------------------------------
  useEffect(() => {
    const onPop = () => setView(parseViewState(window.location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const commit = useCallback((next: ViewState) => {
    const search = serializeViewState(next);
    if (search !== window.location.search) window.history.pushState(null, '', `${window.location.pathname}${search}`);
    setView(next);
  }, []);

  // --- Data ----------------------------------------------------------------------------------------------
  useEffect(() => {
    const ac = new AbortController();
    const envStyle = (import.meta.env.VITE_BASEMAP_STYLE as string | undefined) ?? '';
    fetchConfig(ac.signal).then(
      (c) => setBasemapStyle(c.basemapStyleUrl || envStyle),
      (e) => !isAbort(e) && setBasemapStyle(envStyle),
    );
    fetchGemeenten(ac.signal).then(setGemeenten, (e) => !isAbort(e) && setError(errorText(e)));
    fetchCategories(ac.signal).then(setCategories, (e) => !isAbort(e) && setError(errorText(e)));
    return () => ac.abort();
  }, []);

  // Geometry: once per gemeente (kept for the session in this component), never on filter changes.
  useEffect(() => {
    const cached = topologyCache.current.get(view.gemeente);
    if (cached) {
      setTopology(cached);
      return;
    }
    const ac = new AbortController();
    fetchAreas(view.gemeente, ac.signal).then(
      (t) => {
        topologyCache.current.set(view.gemeente, t);
        setTopology(t);
      },
      (e) => !isAbort(e) && setError(`Gebiedsgrenzen konden niet worden geladen: ${errorText(e)}`),
    );
    return () => ac.abort();
  }, [view.gemeente]);

  const { gemeente, level, category, from, to } = view;
  useEffect(() => {
    const ac = new AbortController();
    setLoading(true);
    fetchStats({ gemeente, level, category, from, to }, ac.signal).then(
      (s) => {
        setStats(s);
        setError(null);
        setLoading(false);
        setStatus(`${pluralArea(s.rows.length, s.meta.level)} bijgewerkt: ${s.meta.categoryNaam}, ${formatPeriod(s.meta.from, s.meta.to)}`);
      },
      (e) => {
        if (isAbort(e)) return;
        setLoading(false);
        setError(`Cijfers konden niet worden geladen: ${errorText(e)}`);
        setStatus('Cijfers konden niet worden geladen.');
      },
    );
    return () => ac.abort();
  }, [gemeente, level, category, from, to]);

  useEffect(() => {
    setSeries(null);
    setSeriesError(null);
    if (!view.selected) return;
    const ac = new AbortController();
    fetchSeries({ gemeente, code: view.selected, category }, ac.signal).then(setSeries, (e) => !isAbort(e) && setSeriesError(errorText(e)));
    return () => ac.abort();
  }, [gemeente, category, view.selected]);

  // --- Classification: one scale colours the map and writes the legend ----------------------------------------
  const info = measureInfo(view.measure);
  const currentStats = stats && stats.meta.gemeente === view.gemeente && stats.meta.level === view.level ? stats : null;
  const rows = useMemo(() => currentStats?.rows ?? [], [currentStats]);
  const rowsByCode = useMemo(() => new Map(rows.map((r) => [r.code, r])), [rows]);

  const classification: Classification | null = useMemo(() => {
    if (!currentStats) return null;
    const values = rows.map((r) => r[view.measure]);
    const breaks =
      view.fixed || view.method === 'manual'
        ? view.breaks
        : info.diverging
          ? anchorAtZero(computeBreaks(values, view.method, view.classes), values)
          : computeBreaks(values, view.method, view.classes);
    const palette = info.diverging ? divergingPalette : (b: number[]) => sequentialPalette(b.length + 1);
    return classify(values, breaks, palette);
  }, [currentStats, rows, view.measure, view.fixed, view.method, view.breaks, view.classes, info.diverging]);

  const colours = useMemo(() => {
    const m = new Map<string, string | null>();
    if (!classification) return m;
    for (const code of topologyCodes(topology, view.level)) m.set(code, null);
    for (const r of rows) m.set(r.code, classification.colourFor(r[view.measure]));
    return m;
  }, [classification, rows, topology, view.level, view.measure]);

  // Tell browser tests which view's colours have been rendered (after the map's 'idle' event).
  useEffect(() => {
    const m = choropleth;
    if (!classification || !currentStats || !m || !topology || colours.size === 0) return;
    const meta = currentStats.meta;
    const key = [meta.gemeente, meta.level, meta.category, meta.from, meta.to, view.measure].join('|');
    let live = true;
    void m.idle().then(() => {
      if (live && window.__bvk) window.__bvk.appliedKey = key;
    });
    return () => {
      live = false;
    };
  }, [colours, classification, currentStats, view.measure, topology, choropleth]);

  // --- Changes from the filters --------------------------------------------------------------------------
  const onFilterChange = useCallback(
    (patch: Partial<FilterValues>) => {
      const next: ViewState = { ...view, ...patch };
      if (patch.measure && patch.measure !== view.measure) {
        // Bounds of one measure mean nothing for another.
        next.fixed = false;
        next.breaks = [];
        if (next.method === 'manual') next.method = DEFAULT_VIEW.method;
      }
      if (patch.fixed === true) next.breaks = classification?.breaks ?? [];
      if (patch.fixed === false && next.method !== 'manual') next.breaks = [];
      if (patch.fixed === true && next.breaks.length === 0) next.fixed = false;
      if ((patch.gemeente && patch.gemeente !== view.gemeente) || (patch.level && patch.level !== view.level)) next.selected = null;
      commit(next);
    },
    [view, classification, commit],
  );

  const onSelect = useCallback((code: string) => commit({ ...view, selected: code }), [view, commit]);
  const onClose = useCallback(() => commit({ ...view, selected: null }), [view, commit]);

  // --- Texts ---------------------------------------------------------------------------------------------
  const gemeenteNaam =
    gemeenten.find((g) => g.code === view.gemeente)?.naam ??
    ((topology?.objects['gemeente'] as GeometryCollection | undefined)?.geometries[0]?.properties as { naam?: string } | undefined)?.naam ??
    view.gemeente;
  const levelPlural = view.level === 'buurt' ? 'buurten' : 'wijken';
  const period = formatPeriod(view.from, view.to);
  const categoryNaam = currentStats?.meta.categoryNaam ?? categories.find((c) => c.code === view.category)?.naam ?? view.category;
  const mapTitle = `Kaart van ${gemeenteNaam}: ${levelPlural} gekleurd naar ${info.title.charAt(0).toLowerCase()}${info.title.slice(1)}, ${categoryNaam}, ${period}`;

  const describe = useCallback(
    (code: string): TooltipContent | null => {
      const r = rowsByCode.get(code);
      if (!r) return null;
      const v = r[view.measure];
      const value =
        view.measure === 'changePct' ? formatPercentChange(v) : v === null ? 'geen gegevens' : `${formatNumber(v, info.decimals)} ${info.short}`;
      const notes = r.flags.filter((f) => f !== 'demo').map((f) => FLAG_WORDS[f]);
      return { naam: r.naam, value, note: notes.length ? notes.join(', ') : undefined };
    },
    [rowsByCode, view.measure, info],
  );

  const selectedRow = view.selected ? rowsByCode.get(view.selected) ?? null : null;

  // --- Test hook -------------------------------------------------------------------------------------------
  const onMapCreated = useCallback((m: ChoroplethMap) => {
    setChoropleth(m);
    window.__bvk = {
      map: m.map,
      ready: m.ready,
      idle: () => m.idle(),
      appliedKey: null,
      stats: {
        get setDataCalls() {
          return m.counters.setDataCalls;
        },
        get featureStateCalls() {
          return m.counters.featureStateCalls;
        },
        get areasFetches() {
          return requestCounts.areas;
        },
        get statsFetches() {
          return requestCounts.stats;
        },
      },
    };
  }, []);

  return (
    <>
      <a className="skip-link" href="#tabel">
        Naar de tabel
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <h1>Buurtveiligheidskaart</h1>
          <p className="app-subtitle">
            {gemeenteNaam} · {categoryNaam} · {period}
          </p>
        </div>
      </header>
      <DemoNotice demo={(currentStats?.meta.demo ?? false) || (series?.meta.demo ?? false)} />
      <div className="visually-hidden" role="status" aria-live="polite">
        {status}
      </div>
      {error && (
        <div className="error-banner" role="alert">
          {error}
        </div>
      )}
      <main className={`layout ${selectedRow ? 'has-panel' : ''}`}>
        <aside className="sidebar" aria-label="Instellingen en legenda">
          <Legend
            title={info.title}
            subtitle={`${categoryNaam}, ${period} · ${levelPlural}`}
            classification={classification}
            decimals={info.decimals}
            areaWord={levelPlural}
            fixed={view.fixed}
          />
          <Filters
            values={view}
            gemeenten={gemeenten}
            categories={categories}
            months={MONTHS}
            currentBreaks={classification?.breaks ?? []}
            decimals={info.decimals}
            onChange={onFilterChange}
          />
        </aside>
        <section className="map-area" aria-label="Kaart">
          {basemapStyle === undefined ? (
            <div className="map-view" />
          ) : (
          <MapView
            topology={topology}
            level={view.level}
            colours={colours}
            selected={view.selected}
            title={mapTitle}
            describe={describe}
            onSelect={onSelect}
            basemapStyle={basemapStyle}
            onMapCreated={onMapCreated}
          />
          )}
          {loading && <div className="map-loading" aria-hidden="true">Laden…</div>}
          <p className="map-hint">
            Klik op een gebied voor details. Zonder muis: gebruik de <a href="#tabel">tabel</a>.
          </p>
        </section>
        {selectedRow && currentStats && (
          <aside className="panel-area" aria-label={`Details ${selectedRow.naam}`}>
            <AreaPanel row={selectedRow} meta={currentStats.meta} series={series} seriesError={seriesError} onClose={onClose} />
          </aside>
        )}
      </main>
      <section id="tabel" className="table-area" tabIndex={-1} aria-labelledby="tabel-title">
        <h2 id="tabel-title">Tabel: alle {levelPlural}</h2>
        <AreaTable
          rows={rows}
          caption={`${info.title} — ${categoryNaam}, ${period}, ${pluralArea(rows.length, view.level)} in ${gemeenteNaam}`}
          selected={view.selected}
          measure={view.measure}
          onSelect={onSelect}
        />
      </section>
      <footer className="app-footer">
        <SourceCredit />
        {currentStats?.meta.notes.map((n) => (
          <p key={n} className="hint">
            {n}
          </p>
        ))}
      </footer>
    </>
  );
}
