// App shell: owns the URL state and the data, wires the features together. Features never import each other.
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import type { GeometryCollection } from 'topojson-specification';
import type { Category, Gemeente, SeriesResponse, StatsResponse } from '../../../server/src/domain/model.ts';
import {
  fetchAreas,
  fetchBenchmark,
  fetchCategories,
  fetchConfig,
  fetchContext,
  fetchGemeenten,
  fetchSeries,
  fetchStats,
  fetchSurvey,
  fetchSurveyIndicators,
  fetchTargets,
  isAbort,
  type AreasTopology,
  type BenchmarkResponse,
  type ContextResponse,
  type SurveyIndicator,
  type SurveyResponse,
  type TargetOut,
  deleteAttentionArea,
  type ScopedStatsResponse,
  type Session,
} from '../api/client.ts';
import { BenchmarkPage } from '../features/benchmark/BenchmarkPage.tsx';
import { bivariateYTitle, classifyBivariate } from '../features/bivariate/bivariate.ts';
import { BivariateLegend } from '../features/bivariate/BivariateLegend.tsx';
import { BivariateTable } from '../features/bivariate/BivariateTable.tsx';
import { ContextFigures, ContextTable, contextDecimals, formatContextValue } from '../features/context/ContextFigures.tsx';
import { SourceControls, type SourceValues } from '../features/survey/SourceControls.tsx';
import { isUnreliable, surveyChoropleth, surveyUnit } from '../features/survey/surveyChoropleth.ts';
import { SurveyDemoNotice, SurveyLegend } from '../features/survey/SurveyLegend.tsx';
import { SurveyTable } from '../features/survey/SurveyTable.tsx';
import { TargetsPage } from '../features/targets/TargetsPage.tsx';
import { HotspotPanel } from '../features/hotspots/HotspotPanel.tsx';
import { SignalsPanel } from '../features/signals/SignalsPanel.tsx';
import { EvaluationPage } from '../features/evaluation/EvaluationPage.tsx';
import { HotspotTable } from '../features/hotspots/HotspotTable.tsx';
import { useHotspots } from '../features/hotspots/useHotspots.ts';
import { Workbench } from '../features/workbench/Workbench.tsx';
import { AttentionAreaForm } from '../features/attention-areas/AttentionAreaForm.tsx';
import { AttentionAreasPanel } from '../features/attention-areas/AttentionAreasPanel.tsx';
import { useAttentionAreas } from '../features/attention-areas/useAttentionAreas.ts';
import { PerGemeenteNotice } from '../features/national/PerGemeenteNotice.tsx';
import { AreaPanel } from '../features/area-panel/AreaPanel.tsx';
import { AreaTable } from '../features/area-table/AreaTable.tsx';
import { DemoNotice, SOURCE_CREDIT, SourceCredit } from '../features/demo-notice/DemoNotice.tsx';
import { Filters, type FilterValues } from '../features/filters/Filters.tsx';
import { Legend } from '../features/legend/Legend.tsx';
import { areasBBox, topologyBBox, type ChoroplethMap, topologyCodes } from '../features/map/ChoroplethMap.ts';
import { MapView, type TooltipContent } from '../features/map/MapView.tsx';
import { anchorAtZero, classify, computeBreaks, type Classification } from '../lib/classes.ts';
import { formatNumber, formatPercentChange, formatPeriod, pluralArea } from '../lib/format.ts';
import { FLAG_WORDS } from '../lib/flags.ts';
import { measureInfo } from '../lib/measures.ts';
import { divergingPalette, sequentialPalette } from '../lib/palette.ts';
import { allMonths, APP_VIEWS, DEFAULT_VIEW, parseViewState, serializeViewState, type ViewState } from './urlState.ts';
import { hasRestrictedAccess, mayPrepare, mayViewRestricted } from '../features/auth/capabilities.ts';
import { OpenModeNotice, UserBar } from '../features/auth/UserBar.tsx';
import { HeatmapPanel } from '../features/heatmap/HeatmapPanel.tsx';
import { useDensity } from '../features/heatmap/useDensity.ts';
import { MyWijkPanel } from '../features/my-wijk/MyWijkPanel.tsx';
import { StreetsSection } from '../features/my-wijk/StreetsSection.tsx';
import { DraaiboekEditor, type DraftView } from '../features/presentation/DraaiboekEditor.tsx';
import { ReportsPanel } from '../features/reports/ReportsPanel.tsx';
import { MapExportButton } from '../features/map-export/MapExportButton.tsx';
import type { ExportContent } from '../features/map-export/composeMapImage.ts';
import { binLabel } from '../lib/classes.ts';
import { installTestHook } from './testHook.ts';


const MONTHS = allMonths();

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Codes of all areas of a level in the topology, so that areas without a stats row show as "geen gegevens". */
export interface AppProps {
  /** Who is signed in (open mode counts as signed in, role 'open'). */
  session: Extract<Session, { authenticated: true }>;
  onLogout: () => void;
}

export function App({ session, onLogout }: AppProps) {
  const [view, setView] = useState<ViewState>(() => {
    const v = parseViewState(window.location.search);
    // A wijkagent lands on their own wijk, unless the link says otherwise.
    if (session.role === 'wijkagent' && session.wijken.length > 0 && !v.mijnWijk && !v.selected) {
      const own = session.wijken[0];
      v.gemeente = `GM${own.slice(2, 6)}`;
      v.mijnWijk = own;
    }
    return v;
  });
  const [openNoticeShown, setOpenNoticeShown] = useState(true);
  // The landing view (a wijkagent's own wijk) becomes the page's URL, so reload and back keep it.
  useEffect(() => {
    const search = serializeViewState(view);
    if (search !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${search}`);
    // only once, for the state the app started with
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
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

  const { gemeente, level, category, from, to, area } = view;
  useEffect(() => {
    const ac = new AbortController();
    setLoading(true);
    fetchStats({ gemeente, level, category, from, to, area }, ac.signal).then(
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
  }, [gemeente, level, category, from, to, area]);

  useEffect(() => {
    setSeries(null);
    setSeriesError(null);
    if (!view.selected) return;
    const ac = new AbortController();
    fetchSeries({ gemeente, code: view.selected, category, from, to }, ac.signal).then(setSeries, (e) => !isAbort(e) && setSeriesError(errorText(e)));
    return () => ac.abort();
  }, [gemeente, category, from, to, view.selected]);

  // --- Veiligheidsmonitor, kerncijfers, targets, benchmark (issue 4) ----------------------------------------
  const [surveyIndicators, setSurveyIndicators] = useState<SurveyIndicator[]>([]);
  const [survey, setSurvey] = useState<SurveyResponse | null>(null);
  const [context, setContext] = useState<ContextResponse | null>(null);
  const [targets, setTargets] = useState<{ gemeente: string; list: TargetOut[] } | null>(null);
  const [targetsError, setTargetsError] = useState<string | null>(null);
  const [benchmark, setBenchmark] = useState<BenchmarkResponse | null>(null);
  const [benchmarkError, setBenchmarkError] = useState<string | null>(null);
  const page = view.view;
  // The whole-country view has police figures only: hotspots, attention areas, the survey and kerncijfers are per
  // gemeente (their APIs refuse NL), so they are neither fetched nor offered there.
  const national = view.gemeente === 'NL';
  const { indicator, surveyYear, groep, benchmarkYear } = view;
  const bron = national ? 'politie' : view.bron;
  const usesSurvey = page === 'kaart' && (bron === 'monitor' || bron === 'bivariaat');

  useEffect(() => {
    const ac = new AbortController();
    fetchSurveyIndicators(ac.signal).then(setSurveyIndicators, (e) => !isAbort(e) && setError(errorText(e)));
    return () => ac.abort();
  }, []);

  useEffect(() => {
    if (!usesSurvey) return;
    const ac = new AbortController();
    fetchSurvey({ gemeente, level, indicator, year: surveyYear }, ac.signal).then(
      (r) => {
        setSurvey(r);
        setStatus(`${pluralArea(r.rows.length, r.meta.level)} bijgewerkt: ${r.meta.indicatorLabel}, ${r.meta.year ?? 'geen gegevens'}`);
      },
      (e) => !isAbort(e) && setError(`Veiligheidsmonitor kon niet worden geladen: ${errorText(e)}`),
    );
    return () => ac.abort();
  }, [usesSurvey, gemeente, level, indicator, surveyYear]);

  // Kerncijfers: once per gemeente and level, for the area panel and the "Kerncijfers" map.
  useEffect(() => {
    if (national) {
      setContext(null);
      return;
    }
    const ac = new AbortController();
    fetchContext({ gemeente, level }, ac.signal).then(setContext, (e) => !isAbort(e) && setContext(null));
    return () => ac.abort();
  }, [gemeente, level, national]);

  useEffect(() => {
    if (page !== 'doelen' || national) return;
    const ac = new AbortController();
    setTargetsError(null);
    fetchTargets(gemeente, ac.signal).then(
      (list) => setTargets({ gemeente, list }),
      (e) => !isAbort(e) && setTargetsError(errorText(e)),
    );
    return () => ac.abort();
  }, [page, gemeente, national]);

  useEffect(() => {
    if (page !== 'vergelijking' || national) return;
    const ac = new AbortController();
    setBenchmarkError(null);
    fetchBenchmark({ gemeente, group: groep, year: benchmarkYear }, ac.signal).then(
      (b) => {
        setBenchmark(b);
        setStatus(`Vergelijking bijgewerkt: ${b.meta.groupLabel}, ${b.meta.year}`);
      },
      (e) => !isAbort(e) && setBenchmarkError(errorText(e)),
    );
    return () => ac.abort();
  }, [page, gemeente, groep, benchmarkYear, national]);

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
    // Restricted to an attention area: areas outside it stay neutral instead of "geen gegevens".
    if (view.area === null) for (const code of topologyCodes(topology, view.level)) m.set(code, null);
    for (const r of rows) m.set(r.code, classification.colourFor(r[view.measure]));
    return m;
  }, [classification, rows, topology, view.level, view.measure, view.area]);

  // Survey, bivariate and kerncijfers maps: other colours through the same ChoroplethMap.setValues path.
  const currentSurvey =
    survey && survey.meta.gemeente === gemeente && survey.meta.level === level && survey.meta.indicator === indicator ? survey : null;
  const currentContext = context && context.meta.gemeente === gemeente && context.meta.level === level ? context : null;
  const overlayMethod = view.method === 'manual' ? 'quantile' : view.method;
  const surveyMap = useMemo(
    () => (bron === 'monitor' && currentSurvey ? surveyChoropleth(currentSurvey, topologyCodes(topology, level), overlayMethod, view.classes) : null),
    [bron, currentSurvey, topology, level, overlayMethod, view.classes],
  );
  const bivariateRows = useMemo(() => {
    if (bron !== 'bivariaat' || !currentSurvey || !currentStats) return null;
    const byCode = new Map(currentSurvey.rows.map((r) => [r.code, r]));
    return rows.map((r) => {
      const sv = byCode.get(r.code);
      return {
        code: r.code,
        naam: r.naam,
        x: r.ratePer1000Smoothed,
        y: sv && !isUnreliable(sv) ? sv.value : null,
        note: sv && isUnreliable(sv) ? 'steekproef te klein' : undefined,
      };
    });
  }, [bron, currentSurvey, currentStats, rows]);
  const bivariate = useMemo(
    () => (bivariateRows ? classifyBivariate(bivariateRows, { reverseY: currentSurvey?.meta.betterWhen === 'higher' }) : null),
    [bivariateRows, currentSurvey],
  );
  const contextInfo = currentContext?.meta.indicators.find((i) => i.key === view.kern) ?? null;
  const contextMap = useMemo(() => {
    if (bron !== 'kerncijfers' || !currentContext || !contextInfo) return null;
    const values = currentContext.rows.map((r) => r.values[contextInfo.key]);
    const c = classify(values, computeBreaks(values, overlayMethod, view.classes), (b) => sequentialPalette(b.length + 1));
    const m = new Map<string, string | null>();
    for (const code of topologyCodes(topology, level)) m.set(code, null);
    for (const r of currentContext.rows) m.set(r.code, c.colourFor(r.values[contextInfo.key]));
    return { classification: c, colours: m };
  }, [bron, currentContext, contextInfo, overlayMethod, view.classes, topology, level]);

  const overlayColours = useMemo((): Map<string, string | null> | null => {
    if (bron === 'monitor') return surveyMap?.colours ?? new Map();
    if (bron === 'kerncijfers') return contextMap?.colours ?? new Map();
    if (bron === 'bivariaat') {
      return new Map(bivariate ? topologyCodes(topology, level).map((code) => [code, bivariate.classes.get(code)?.colour ?? null]) : []);
    }
    return null;
  }, [bron, surveyMap, contextMap, bivariate, topology, level]);
  const overlayKey =
    bron === 'politie'
      ? null
      : [bron, gemeente, level, bron === 'kerncijfers' ? view.kern : indicator, bron === 'kerncijfers' ? currentContext?.meta.year : currentSurvey?.meta.year].join('|');
  const overlayReady = bron === 'monitor' ? !!surveyMap : bron === 'bivariaat' ? !!bivariate : bron === 'kerncijfers' ? !!contextMap : false;
  const mapColours = overlayColours ?? colours;

  useEffect(() => {
    const m = choropleth;
    if (!overlayKey || !overlayReady || !m || !topology || mapColours.size === 0) return;
    let live = true;
    void m.idle().then(() => {
      if (live && window.__bvk) window.__bvk.appliedOverlay = overlayKey;
    });
    return () => {
      live = false;
    };
  }, [overlayKey, overlayReady, mapColours, choropleth, topology]);

  // The map page stays mounted while another page is shown; a map that got its areas while hidden (0 × 0 px)
  // is resized and fitted to the gemeente when it becomes visible.
  const fitWhenShown = useRef(false);
  useEffect(() => {
    if (page !== 'kaart') {
      if (topology) fitWhenShown.current = true;
      return;
    }
    if (!choropleth || !topology || !fitWhenShown.current) return;
    fitWhenShown.current = false;
    choropleth.resize();
    const bbox = topologyBBox(topology);
    if (bbox) choropleth.fitTo(bbox, false);
  }, [page, choropleth, topology]);

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
    (view.gemeente === 'NL' ? 'Nederland' : undefined) ??
    gemeenten.find((g) => g.code === view.gemeente)?.naam ??
    ((topology?.objects['gemeente'] as GeometryCollection | undefined)?.geometries[0]?.properties as { naam?: string } | undefined)?.naam ??
    view.gemeente;
  const levelPlural = view.level === 'buurt' ? 'buurten' : 'wijken';
  const period = formatPeriod(view.from, view.to);
  const categoryNaam = currentStats?.meta.categoryNaam ?? categories.find((c) => c.code === view.category)?.naam ?? view.category;
  const crimeTitle = `${info.title.charAt(0).toLowerCase()}${info.title.slice(1)}, ${categoryNaam}, ${period}`;
  const mapTitle = `Kaart van ${gemeenteNaam}: ${levelPlural} gekleurd naar ${
    bron === 'monitor'
      ? `${survey?.meta.indicatorLabel ?? 'Veiligheidsmonitor'} (Veiligheidsmonitor ${survey?.meta.year ?? ''}${survey?.meta.demo ? ', DEMO' : ''})`
      : bron === 'bivariaat'
        ? `misdrijven per 1.000 (EB) gekruist met ${survey?.meta.indicatorLabel ?? 'de Veiligheidsmonitor'}, 3 × 3 klassen`
        : bron === 'kerncijfers'
          ? `CBS-kerncijfer ${context?.meta.indicators.find((i) => i.key === view.kern)?.label ?? ''}`
          : crimeTitle
  }`;

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

  const overlayDescribe = useCallback(
    (code: string): TooltipContent | null => {
      if (bron === 'monitor' && currentSurvey) {
        const r = currentSurvey.rows.find((x) => x.code === code);
        if (!r) return null;
        const unit = surveyUnit(currentSurvey.meta.unit).short;
        const value = r.value === null ? 'geen waarde' : `${formatNumber(r.value, 1)}${unit ? ` ${unit}` : ''} (${formatNumber(r.respondents)} respondenten)`;
        const notes = [isUnreliable(r) && r.respondents !== null ? 'steekproef te klein' : null, r.flags.includes('noData') ? 'geen gegevens' : null, r.demo ? 'DEMO' : null];
        return { naam: r.naam, value, note: notes.filter(Boolean).join(', ') || undefined };
      }
      if (bron === 'bivariaat' && bivariateRows) {
        const r = bivariateRows.find((x) => x.code === code);
        if (!r) return null;
        const cls = bivariate?.classes.get(code);
        const value = `${formatNumber(r.x, 1)} per 1.000 (EB) · ${formatNumber(r.y, 1)} ${currentSurvey?.meta.unit === 'percentage' ? '%' : ''}`.trim();
        return { naam: r.naam, value: cls ? `Klasse ${cls.label}: ${value}` : value, note: cls ? (currentSurvey?.meta.demo ? 'DEMO' : undefined) : r.note ?? 'geen gegevens' };
      }
      if (bron === 'kerncijfers' && currentContext && contextInfo) {
        const r = currentContext.rows.find((x) => x.code === code);
        if (!r) return null;
        return { naam: r.naam, value: `${contextInfo.label}: ${formatContextValue(r.values[contextInfo.key], contextInfo.unit)}` };
      }
      return describe(code);
    },
    [bron, currentSurvey, bivariateRows, bivariate, currentContext, contextInfo, describe],
  );

  const onSourceChange = useCallback(
    (patch: Partial<SourceValues>) => {
      const next: ViewState = { ...view, ...patch };
      // A year of one indicator need not exist for another.
      if (patch.indicator && patch.indicator !== view.indicator) next.surveyYear = null;
      commit(next);
    },
    [view, commit],
  );
  const onBenchmarkChange = useCallback((patch: { groep?: string; benchmarkYear?: number | null }) => commit({ ...view, ...patch }), [view, commit]);
  const goTo = useCallback(
    (e: ReactMouseEvent<HTMLAnchorElement>, key: ViewState['view']) => {
      if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
      e.preventDefault();
      commit({ ...view, view: key });
    },
    [view, commit],
  );

  // --- Hotspots, workbench, attention areas (issue 3) ----------------------------------------------------------
  const hotspots = useHotspots({ gemeente, level, category, from, to }, page === 'kaart' && !national ? view.hotspots : null, setStatus);
  const attention = useAttentionAreas(national ? null : gemeente);
  const attentionFilter = attention.areas.find((a) => a.id === view.area) ?? null;
  const areaSummary = (currentStats?.meta as ScopedStatsResponse['meta'] | undefined)?.area ?? null;
  useEffect(() => {
    choropleth?.setHotspots(hotspots.classes, level);
  }, [choropleth, hotspots.classes, level]);
  const attentionOnMap = view.aandacht || view.area !== null;
  useEffect(() => {
    // Restricted to one area: draw only that one (its number stays the one from the list).
    const list = attention.areas.map((a, i) => ({ n: i + 1, codes: a.codes, geometry: a.geometry })).filter((_, i) => view.area === null || attention.areas[i].id === view.area);
    choropleth?.setAttentionAreas(list, attentionOnMap);
  }, [choropleth, attention.areas, attentionOnMap, view.area, topology]);
  const onDeleteAttention = useCallback(
    async (a: { id: number; name: string }) => {
      if (!window.confirm(`Aandachtsgebied "${a.name}" verwijderen?`)) return;
      try {
        await deleteAttentionArea(a.id);
        setStatus(`Aandachtsgebied "${a.name}" verwijderd.`);
        if (view.area === a.id) commit({ ...view, area: null });
        attention.reload();
      } catch (e) {
        setError(`Verwijderen mislukt: ${errorText(e)}`);
      }
    },
    [view, commit, attention],
  );
  const attentionPanel = (
    <AttentionAreasPanel
      areas={attention.areas}
      error={attention.error}
      visible={view.aandacht}
      onVisibleChange={(on) => commit({ ...view, aandacht: on })}
      area={view.area}
      onAreaChange={(id) => commit({ ...view, area: id, selected: null })}
      summary={areaSummary && areaSummary.id === view.area ? areaSummary : null}
      onDelete={(a) => void onDeleteAttention(a)}
    />
  );

  const selectedRow = view.selected ? rowsByCode.get(view.selected) ?? null : null;
  const contextRow = view.selected ? (currentContext?.rows.find((r) => r.code === view.selected) ?? null) : null;

  // --- Restricted detail: heatmap, Mijn wijk, streets (issue 5) ------------------------------------------------
  const restricted = hasRestrictedAccess(session);
  // A wijkagent's heatmap covers their own wijken (the server picks them); an analist's the whole gemeente.
  const densityWijk = session.role === 'wijkagent' ? (view.mijnWijk ?? session.wijken.find((w) => w.slice(2, 6) === gemeente.slice(2)) ?? null) : null;
  const density = useDensity({ gemeente, wijk: densityWijk, category, from, to }, restricted && view.heatmap && page === 'kaart' && gemeente !== 'NL');
  useEffect(() => {
    choropleth?.setDensity(restricted && view.heatmap ? (density.layer?.cells ?? null) : null);
  }, [choropleth, density.layer, restricted, view.heatmap]);
  const mijnWijk = view.mijnWijk && mayViewRestricted(session, view.mijnWijk) ? view.mijnWijk : null;
  // Fit the map to the wijk whose overview is open (after the gemeente's own fit on new geometry).
  useEffect(() => {
    if (!choropleth || !topology || !mijnWijk || page !== 'kaart') return;
    const bbox = areasBBox(topology, [mijnWijk]);
    if (bbox) choropleth.fitTo(bbox, true);
  }, [choropleth, topology, mijnWijk, page]);
  const selectedWijk = selectedRow ? (view.level === 'wijk' ? selectedRow.code : (selectedRow.wijkcode ?? null)) : null;
  const panelExtra = (
    <>
      {currentContext && <ContextFigures meta={currentContext.meta} row={contextRow} />}
      {selectedRow && view.level === 'buurt' && mayViewRestricted(session, selectedWijk) && (
        <StreetsSection gemeente={gemeente} buurt={selectedRow.code} category={category} from={from} to={to} />
      )}
      {selectedRow && view.level === 'wijk' && mayViewRestricted(session, selectedRow.code) && (
        <p>
          <button type="button" onClick={() => commit({ ...view, mijnWijk: selectedRow.code })}>
            Mijn wijk openen voor {selectedRow.naam}
          </button>
        </p>
      )}
    </>
  );

  // --- Draaiboek (presentation) from the current view, and the map as PNG (issue 6) ---------------------------
  const draftView: DraftView = {
    title: `${selectedRow ? `${selectedRow.naam}: ` : ''}${categoryNaam}`,
    caption: '',
    focus: selectedRow
      ? { level: view.level, codes: [selectedRow.code] }
      : mijnWijk
        ? { level: 'wijk', codes: [mijnWijk] }
        : { level: 'gemeente', codes: [gemeente] },
    measure: view.measure,
    category,
    from,
    to,
    layers: ['choropleth', ...(view.hotspots ? (['hotspots'] as const) : [])],
  };
  const exportContent = (): ExportContent => ({
    title: `${info.title} — ${gemeenteNaam}`,
    subtitle: `${categoryNaam}, ${period} · ${levelPlural}`,
    legendTitle: info.title,
    legendRows: classification
      ? [
          ...[...classification.bins].reverse().map((b) => ({ colour: b.colour, label: binLabel(b, info.decimals), count: b.count })),
          { colour: '#d9d9d9', label: 'geen gegevens', count: classification.noDataCount, hatch: true },
        ]
      : [],
    areaWords: [view.level, levelPlural],
    notes: [
      ...(currentStats?.meta.demo ? ['DEMO: de verdeling naar soort misdrijf en maand is gegenereerd; de jaartotalen per buurt zijn echt.'] : []),
      'Ondergrens hoort bij de klasse, bovengrens bij de volgende.',
    ],
    credit: SOURCE_CREDIT,
  });

  // --- Test hook -------------------------------------------------------------------------------------------
  const onMapCreated = useCallback((m: ChoroplethMap) => {
    setChoropleth(m);
    installTestHook(m);
  }, []);

  return (
    <>
      <a className="skip-link" href={page === 'kaart' ? '#tabel' : '#inhoud'}>
        {page === 'kaart' ? 'Naar de tabel' : 'Naar de inhoud'}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <h1>Buurtveiligheidskaart</h1>
          <UserBar session={session} onLogout={onLogout} />
          <p className="app-subtitle">
            {page === 'kaart' ? `${gemeenteNaam} · ${bron === 'politie' || bron === 'bivariaat' ? `${categoryNaam} · ${period}` : bron === 'monitor' ? `Veiligheidsmonitor ${currentSurvey?.meta.year ?? ''}` : 'Kerncijfers'}` : gemeenteNaam}
          </p>
          <nav className="app-nav" aria-label="Onderdelen">
            <ul>
              {APP_VIEWS.map((v) => (
                <li key={v.key}>
                  <a
                    href={`${window.location.pathname}${serializeViewState({ ...view, view: v.key })}`}
                    aria-current={page === v.key ? 'page' : undefined}
                    onClick={(e) => goTo(e, v.key)}
                  >
                    {v.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      {session.openMode && openNoticeShown && <OpenModeNotice onDismiss={() => setOpenNoticeShown(false)} />}
      {page === 'kaart' && (bron === 'politie' || bron === 'bivariaat') && (
        <DemoNotice demo={(currentStats?.meta.demo ?? false) || (series?.meta.demo ?? false)} />
      )}
      {page === 'kaart' && (bron === 'monitor' || bron === 'bivariaat') && <SurveyDemoNotice meta={currentSurvey?.meta ?? null} />}
      <div className="visually-hidden" role="status" aria-live="polite">
        {status}
      </div>
      {error && (
        <div className="error-banner" role="alert">
          {error}
        </div>
      )}
      {national && page !== 'kaart' && (
        <PerGemeenteNotice
          title={page === 'werkbank' ? 'Werkbank' : page === 'doelen' ? 'Doelen veiligheidsplan' : page === 'evaluatie' ? 'Effect van een aanpak' : 'Vergelijking met andere gemeenten'}
          subject={
            page === 'werkbank'
              ? 'De werkbank (buurten rangschikken en selecteren)'
              : page === 'doelen'
                ? 'Het volgen van de doelen van het veiligheidsplan, met de rapportages,'
                : page === 'evaluatie'
                  ? 'Het evalueren van een aanpak in buurten'
                  : 'De vergelijking met andere gemeenten'
          }
          gemeenten={gemeenten}
          onChoose={(code) => onFilterChange({ gemeente: code })}
        />
      )}
      {page === 'doelen' && !national && (
        <main id="inhoud" tabIndex={-1}>
          <TargetsPage
            gemeenteNaam={gemeenteNaam}
            targets={targets && targets.gemeente === gemeente ? targets.list : null}
            error={targetsError}
          />
          <ReportsPanel gemeente={gemeente} gemeenteNaam={gemeenteNaam} months={MONTHS} defaultMonth={to} />
        </main>
      )}
      {page === 'evaluatie' && !national && (
        <main id="inhoud" tabIndex={-1}>
          <EvaluationPage gemeente={gemeente} gemeenteNaam={gemeenteNaam} categories={categories} from={from} to={to} mayWrite={mayPrepare(session)} />
        </main>
      )}
      {page === 'vergelijking' && !national && (
        <main id="inhoud" tabIndex={-1}>
          <BenchmarkPage
            data={benchmark && benchmark.meta.gemeente === gemeente ? benchmark : null}
            error={benchmarkError}
            group={groep}
            year={benchmarkYear}
            onChange={onBenchmarkChange}
          />
        </main>
      )}
      {/* The map page stays mounted (hidden) on the other pages, so the map and its sources are created once. */}
      <main hidden={page !== 'kaart'} className={`layout ${selectedRow || mijnWijk ? 'has-panel' : ''}`}>
        <aside className="sidebar" aria-label="Instellingen en legenda">
          {bron === 'politie' && (
          <Legend
            title={info.title}
            subtitle={`${categoryNaam}, ${period} · ${levelPlural}`}
            classification={classification}
            decimals={info.decimals}
            areaWord={levelPlural}
            fixed={view.fixed}
          />
          )}
          {bron === 'monitor' && (
            <SurveyLegend
              meta={currentSurvey?.meta ?? null}
              classification={surveyMap?.classification ?? null}
              smallSampleCount={surveyMap?.smallSampleCount ?? 0}
              areaWord={levelPlural}
            />
          )}
          {bron === 'bivariaat' && (
            <BivariateLegend
              result={bivariate}
              xTitle="Misdrijven per 1.000 (EB)"
              yTitle={bivariateYTitle(currentSurvey?.meta)}
              subtitle={`${categoryNaam}, ${period} × ${currentSurvey ? `${currentSurvey.meta.indicatorLabel}, ${currentSurvey.meta.year ?? 'geen jaar'}` : 'Veiligheidsmonitor'} · ${levelPlural}`}
              xDecimals={1}
              yDecimals={1}
              reverseY={currentSurvey?.meta.betterWhen === 'higher'}
              areaWord={levelPlural}
              demo={currentSurvey?.meta.demo ?? false}
            />
          )}
          {bron === 'kerncijfers' && (
            <Legend
              title={contextInfo?.label ?? 'Kerncijfers'}
              subtitle={`CBS kerncijfers ${currentContext?.meta.year ?? ''} · ${levelPlural}`}
              classification={contextMap?.classification ?? null}
              decimals={contextDecimals(contextInfo?.unit ?? '')}
              areaWord={levelPlural}
              fixed={false}
            />
          )}
          {restricted && bron === 'politie' && gemeente !== 'NL' && (
            <HeatmapPanel
              on={view.heatmap}
              onChange={(on) => commit({ ...view, heatmap: on })}
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
                Hier staan de politieregistraties van alle buurten van Nederland. Hotspots, aandachtsgebieden, de
                Veiligheidsmonitor en de kerncijfers zijn er per gemeente: kies hieronder een gemeente.
              </p>
              <p>Zoom in tot gemeenteniveau om de grenzen van de {levelPlural} te zien.</p>
            </section>
          ) : (
            <>
              <HotspotPanel
                method={view.hotspots}
                onChange={(m) => commit({ ...view, hotspots: m })}
                data={hotspots.data}
                error={hotspots.error}
                loading={hotspots.loading}
                areaWord={levelPlural}
              />
              {bron === 'politie' && <SignalsPanel gemeente={gemeente} level={level} category={category} month={to} map={choropleth?.map ?? null} onSelect={onSelect} />}
              {attentionPanel}
              <SourceControls
                values={{ bron, indicator, surveyYear, kern: view.kern }}
                indicators={surveyIndicators}
                years={currentSurvey?.meta.years ?? []}
                shownYear={currentSurvey?.meta.year ?? null}
                contextIndicators={currentContext ? currentContext.meta.indicators.filter((i) => currentContext.meta.available.includes(i.key)) : []}
                onChange={onSourceChange}
              />
            </>
          )}
          <Filters
            values={view}
            gemeenten={gemeenten}
            categories={categories}
            months={MONTHS}
            currentBreaks={classification?.breaks ?? []}
            decimals={info.decimals}
            onChange={onFilterChange}
          />
          {mayPrepare(session) && gemeente !== 'NL' && (
            <DraaiboekEditor
              current={draftView}
              currentLabel={`${draftView.title}, ${period}${draftView.focus.level === 'gemeente' ? ` (heel ${gemeenteNaam})` : ''}`}
              announce={setStatus}
            />
          )}
        </aside>
        <section className="map-area" aria-label="Kaart">
          {basemapStyle === undefined ? (
            <div className="map-view" />
          ) : (
          <MapView
            topology={topology}
            level={view.level}
            colours={mapColours}
            selected={view.selected}
            title={mapTitle}
            describe={overlayDescribe}
            onSelect={onSelect}
            basemapStyle={basemapStyle}
            onMapCreated={onMapCreated}
          />
          )}
          {loading && <div className="map-loading" aria-hidden="true">Laden…</div>}
          <div className="map-below">
            <p className="map-hint">
              Klik op een gebied voor details. Zonder muis: gebruik de <a href="#tabel">tabel</a>.
            </p>
            {bron === 'politie' && (
              <MapExportButton
                map={choropleth?.map ?? null}
                content={exportContent}
                fileParts={[gemeenteNaam, categoryNaam, from, to]}
                announce={setStatus}
              />
            )}
          </div>
        </section>
        {(mijnWijk || (selectedRow && currentStats)) && (
          <aside className="panel-area" aria-label={selectedRow ? `Details ${selectedRow.naam}` : 'Mijn wijk'}>
            {mijnWijk && <MyWijkPanel wijk={mijnWijk} onClose={() => commit({ ...view, mijnWijk: null })} />}
            {selectedRow && currentStats && (
              <AreaPanel
                row={selectedRow}
                meta={currentStats.meta}
                series={series}
                seriesError={seriesError}
                onClose={onClose}
                extra={panelExtra}
              />
            )}
          </aside>
        )}
      </main>
      <section hidden={page !== 'kaart'} id="tabel" className="table-area" tabIndex={-1} aria-labelledby="tabel-title">
        <h2 id="tabel-title">Tabel: alle {levelPlural}</h2>
        {bron === 'politie' && (
        <AreaTable
          rows={rows}
          caption={`${info.title} — ${categoryNaam}, ${period}, ${pluralArea(rows.length, view.level)} in ${gemeenteNaam}`}
          selected={view.selected}
          measure={view.measure}
          onSelect={onSelect}
        />
        )}
        {bron === 'monitor' && currentSurvey && (
          <SurveyTable
            response={currentSurvey}
            caption={`${currentSurvey.meta.indicatorLabel} — Veiligheidsmonitor ${currentSurvey.meta.year ?? ''}${currentSurvey.meta.demo ? ' (DEMO)' : ''}, ${pluralArea(currentSurvey.rows.length, view.level)} in ${gemeenteNaam}`}
            selected={view.selected}
            onSelect={onSelect}
          />
        )}
        {bron === 'bivariaat' && bivariateRows && (
          <BivariateTable
            rows={bivariateRows}
            result={bivariate}
            caption={`Objectief × subjectief — ${categoryNaam}, ${period} × ${currentSurvey?.meta.indicatorLabel ?? ''} ${currentSurvey?.meta.year ?? ''}${currentSurvey?.meta.demo ? ' (DEMO)' : ''}, ${pluralArea(bivariateRows.length, view.level)} in ${gemeenteNaam}`}
            xTitle="Misdrijven per 1.000 (EB)"
            yTitle={bivariateYTitle(currentSurvey?.meta)}
            xDecimals={1}
            yDecimals={1}
            selected={view.selected}
            onSelect={onSelect}
          />
        )}
        {bron === 'kerncijfers' && currentContext && (
          <ContextTable
            response={currentContext}
            indicator={view.kern}
            caption={`Kerncijfers ${currentContext.meta.year} — ${pluralArea(currentContext.rows.length, view.level)} in ${gemeenteNaam}`}
            selected={view.selected}
            onSelect={onSelect}
          />
        )}
        {hotspots.data && (
          <>
            <h2 className="table-subtitle">Hotspots per {view.level}</h2>
            <HotspotTable data={hotspots.data} areaWord={levelPlural} />
          </>
        )}
      </section>
      {page === 'werkbank' && !national && (
        <main id="inhoud" tabIndex={-1}>
          <Workbench
            scope={{ gemeente, level, category, from, to }}
            gemeenteNaam={gemeenteNaam}
            categoryNaam={categoryNaam}
            period={period}
            statsRows={rows}
            areaFilter={attentionFilter ? { id: attentionFilter.id, name: attentionFilter.name } : null}
            weights={view.weights}
            onWeightsChange={(w) => commit({ ...view, weights: w })}
            shortlist={view.shortlist}
            onShortlistChange={(codes) => commit({ ...view, shortlist: codes })}
            onOpenSelection={(codes, w) => commit({ ...view, shortlist: codes, weights: w ?? view.weights })}
            announce={setStatus}
            aside={
              <>
                {attentionPanel}
                <AttentionAreaForm gemeente={gemeente} gemeenteNaam={gemeenteNaam} codes={view.shortlist} onCreated={() => attention.reload()} announce={setStatus} />
              </>
            }
          />
        </main>
      )}
      <footer className="app-footer">
        <SourceCredit />
        {page === 'kaart' && currentStats?.meta.notes.map((n) => (
          <p key={n} className="hint">
            {n}
          </p>
        ))}
      </footer>
    </>
  );
}
