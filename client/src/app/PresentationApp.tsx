// Presentation shell: opens a draaiboek (?view=presentatie&presentation=<id>) and steps through its views on the map.
// Every request carries view=presentatie, so the server hides counts 1..4; no points, no streets, no tooltips.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GeometryCollection } from 'topojson-specification';
import type { Category, StatsResponse } from '../../../server/src/domain/model.ts';
import {
  fetchAreas,
  fetchCategories,
  fetchConfig,
  fetchHotspots,
  fetchPresentation,
  fetchStats,
  fetchSurvey,
  isAbort,
  type AreasTopology,
  type HotspotsResponse,
  type PresentationOut,
  type SurveyResponse,
} from '../api/client.ts';
import { bivariateYTitle, classifyBivariate } from '../features/bivariate/bivariate.ts';
import { BivariateLegend } from '../features/bivariate/BivariateLegend.tsx';
import { SOURCE_CREDIT } from '../features/demo-notice/DemoNotice.tsx';
import { HotspotSwatch } from '../features/hotspots/HotspotSwatch.tsx';
import { areasBBox, topologyBBox, type ChoroplethMap, topologyCodes } from '../features/map/ChoroplethMap.ts';
import { MapView } from '../features/map/MapView.tsx';
import { PresentationLayout } from '../features/presentation/PresentationLayout.tsx';
import { PresentationLegend } from '../features/presentation/PresentationLegend.tsx';
import { PresentationTable } from '../features/presentation/PresentationTable.tsx';
import { stepScope } from '../features/presentation/steps.ts';
import { isUnreliable, surveyChoropleth, surveyUnit } from '../features/survey/surveyChoropleth.ts';
import { SurveyDemoNotice, SurveyLegend } from '../features/survey/SurveyLegend.tsx';
import { anchorAtZero, classify, computeBreaks } from '../lib/classes.ts';
import { formatNumber, formatPeriod, compareNl } from '../lib/format.ts';
import { measureInfo } from '../lib/measures.ts';
import { HOTSPOT_STYLES, type HotspotClassKey } from '../lib/overlayStyles.ts';
import { divergingPalette, sequentialPalette } from '../lib/palette.ts';
import { DEFAULT_VIEW, serializeViewState } from './urlState.ts';
import { installTestHook } from './testHook.ts';

const PRIVACY = 'presentatie' as const;
/** The Veiligheidsmonitor indicator of survey and bivariate views (a view stores no indicator: the default, latest year). */
const SURVEY_INDICATOR = 'onveilig_buurt_pct';
const CAMERA_MS = 1600;

function reducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** Codes of all areas of a level in the topology, so that areas without a value show as "geen gegevens". */
function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export interface PresentationAppProps {
  id: number;
  /** Leave presentation mode for the map view with this query string. */
  onLeave: (search: string) => void;
}

export function PresentationApp({ id, onLeave }: PresentationAppProps) {
  const [deck, setDeck] = useState<PresentationOut | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [index, setIndex] = useState(0);
  const [categories, setCategories] = useState<Category[]>([]);
  const [basemap, setBasemap] = useState<string | undefined>(undefined);
  const [topology, setTopology] = useState<{ gemeente: string; t: AreasTopology } | null>(null);
  const [stats, setStats] = useState<StatsResponse | null>(null);
  const [hotspots, setHotspots] = useState<HotspotsResponse | null>(null);
  const [survey, setSurvey] = useState<SurveyResponse | null>(null);
  const [choropleth, setChoropleth] = useState<ChoroplethMap | null>(null);
  const topologies = useRef(new Map<string, AreasTopology>());

  useEffect(() => {
    const ac = new AbortController();
    fetchPresentation(id, ac.signal).then(setDeck, (e) => !isAbort(e) && setError(`Presentatie ${id} kon niet worden geladen: ${errorText(e)}`));
    fetchCategories(ac.signal, PRIVACY).then(setCategories, () => {});
    fetchConfig(ac.signal).then(
      (c) => setBasemap(c.basemapStyleUrl),
      () => setBasemap(''),
    );
    return () => ac.abort();
  }, [id]);

  const view = deck?.views[Math.min(index, deck.views.length - 1)] ?? null;
  const scope = useMemo(() => (view ? stepScope(view) : null), [view]);
  const gemeente = scope?.gemeente ?? null;

  useEffect(() => {
    if (!gemeente) return;
    const cached = topologies.current.get(gemeente);
    if (cached) {
      setTopology({ gemeente, t: cached });
      return;
    }
    const ac = new AbortController();
    fetchAreas(gemeente, ac.signal, PRIVACY).then(
      (t) => {
        topologies.current.set(gemeente, t);
        setTopology({ gemeente, t });
      },
      (e) => !isAbort(e) && setError(`Gebiedsgrenzen konden niet worden geladen: ${errorText(e)}`),
    );
    return () => ac.abort();
  }, [gemeente]);

  const level = scope?.level ?? 'buurt';
  const category = view?.category ?? DEFAULT_VIEW.category;
  const from = view?.from ?? DEFAULT_VIEW.from;
  const to = view?.to ?? DEFAULT_VIEW.to;
  const showHotspots = view?.layers.includes('hotspots') ?? false;
  // What colours the map: the bivariate map wins over the survey map, which wins over the police choropleth.
  const source: 'police' | 'survey' | 'bivariate' = view?.layers.includes('bivariate') ? 'bivariate' : view?.layers.includes('survey') ? 'survey' : 'police';
  const usesSurvey = source !== 'police';
  useEffect(() => {
    if (!gemeente) return;
    const ac = new AbortController();
    fetchStats({ gemeente, level, category, from, to, view: PRIVACY }, ac.signal).then(setStats, (e) => !isAbort(e) && setError(`Cijfers konden niet worden geladen: ${errorText(e)}`));
    return () => ac.abort();
  }, [gemeente, level, category, from, to]);
  useEffect(() => {
    setHotspots(null);
    if (!gemeente || !showHotspots) return;
    const ac = new AbortController();
    fetchHotspots({ gemeente, level, category, from, to, method: 'gistar', view: PRIVACY }, ac.signal).then(setHotspots, (e) => !isAbort(e) && setError(`Hotspots konden niet worden berekend: ${errorText(e)}`));
    return () => ac.abort();
  }, [gemeente, level, category, from, to, showHotspots]);

  useEffect(() => {
    if (!gemeente || !usesSurvey) return;
    const ac = new AbortController();
    fetchSurvey({ gemeente, level, indicator: SURVEY_INDICATOR, view: PRIVACY }, ac.signal).then(setSurvey, (e) => !isAbort(e) && setError(`Veiligheidsmonitor kon niet worden geladen: ${errorText(e)}`));
    return () => ac.abort();
  }, [gemeente, level, usesSurvey]);

  // --- Colours: one scale over all areas of the level, so the focus reads against the whole gemeente -------
  const measure = view?.measure ?? 'ratePer1000Smoothed';
  const info = measureInfo(measure);
  const current = stats && view && stats.meta.gemeente === gemeente && stats.meta.level === level && stats.meta.category === category && stats.meta.from === from && stats.meta.to === to ? stats : null;
  const classification = useMemo(() => {
    if (!current) return null;
    const values = current.rows.map((r) => r[measure]);
    const breaks = info.diverging ? anchorAtZero(computeBreaks(values, 'quantile', 5), values) : computeBreaks(values, 'quantile', 5);
    // One class only (e.g. every shown count is 0): the lightest colour, so "nothing" does not look like "much".
    return classify(values, breaks, info.diverging ? divergingPalette : (b) => (b.length === 0 ? ['#ffffb2'] : sequentialPalette(b.length + 1)));
  }, [current, measure, info.diverging]);
  const showChoropleth = view?.layers.includes('choropleth') ?? true;

  // Survey and bivariate views: the same pure helpers as the map page, the same setValues/feature-state path.
  const currentSurvey =
    usesSurvey && survey && survey.meta.gemeente === gemeente && survey.meta.level === level && survey.meta.indicator === SURVEY_INDICATOR ? survey : null;
  const topologyNow = topology && topology.gemeente === gemeente ? topology.t : null;
  const surveyMap = useMemo(
    () => (source === 'survey' && currentSurvey && topologyNow ? surveyChoropleth(currentSurvey, topologyCodes(topologyNow, level), 'quantile', 5) : null),
    [source, currentSurvey, topologyNow, level],
  );
  const bivariateRows = useMemo(() => {
    if (source !== 'bivariate' || !currentSurvey || !current) return null;
    const byCode = new Map(currentSurvey.rows.map((r) => [r.code, r]));
    return current.rows.map((r) => {
      const sv = byCode.get(r.code);
      return { code: r.code, x: r.ratePer1000Smoothed, y: sv && !isUnreliable(sv) ? sv.value : null };
    });
  }, [source, currentSurvey, current]);
  const surveyReversed = currentSurvey?.meta.betterWhen === 'higher';
  const bivariate = useMemo(() => (bivariateRows ? classifyBivariate(bivariateRows, { reverseY: surveyReversed }) : null), [bivariateRows, surveyReversed]);

  const colours = useMemo(() => {
    const m = new Map<string, string | null>();
    if (source === 'survey') return surveyMap?.colours ?? m;
    if (source === 'bivariate') {
      if (bivariate && topologyNow) for (const code of topologyCodes(topologyNow, level)) m.set(code, bivariate.classes.get(code)?.colour ?? null);
      return m;
    }
    if (!classification || !current || !topology) return m;
    const obj = topology.t.objects[level === 'buurt' ? 'buurten' : 'wijken'] as GeometryCollection | undefined;
    for (const g of obj?.geometries ?? []) m.set(String((g.properties as { code?: string } | undefined)?.code ?? g.id), showChoropleth ? null : '#f2f2f2');
    if (showChoropleth) for (const r of current.rows) m.set(r.code, classification.colourFor(r[measure]));
    return m;
  }, [source, surveyMap, bivariate, topologyNow, classification, current, topology, level, measure, showChoropleth]);

  const hotspotClasses = useMemo(
    () => (hotspots && showHotspots && hotspots.meta.level === level ? new Map(hotspots.rows.map((r) => [r.code, r.class as HotspotClassKey])) : null),
    [hotspots, showHotspots, level],
  );
  useEffect(() => {
    choropleth?.setHotspots(hotspotClasses, level);
  }, [choropleth, hotspotClasses, level]);

  // --- Camera: a smooth move to the focus of each view (a jump when the viewer asks for reduced motion) -----
  const firstFit = useRef(true);
  const focusKey = scope ? scope.focusCodes.join(',') : '';
  useEffect(() => {
    if (!choropleth || !topology || !scope || topology.gemeente !== scope.gemeente) return;
    const bbox = areasBBox(topology.t, scope.focusCodes) ?? topologyBBox(topology.t);
    if (!bbox) return;
    const animate = !firstFit.current && !reducedMotion();
    firstFit.current = false;
    // Keep the focus clear of the legend drawn over the map's lower left corner.
    const legend = document.querySelector('.presentation-legend-box')?.getBoundingClientRect().width ?? 0;
    const canvas = choropleth.map.getCanvas().getBoundingClientRect().width;
    const left = legend > 0 && legend < canvas * 0.6 ? legend + 32 : 48;
    choropleth.fitTo(bbox, animate, { duration: animate ? CAMERA_MS : 0, padding: { top: 48, right: 48, bottom: 48, left } });
    // focusKey stands for scope's codes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [choropleth, topology, focusKey, index]);

  // Browser tests wait for the rendered step.
  const stepKey = !current || !view
    ? null
    : source === 'police'
      ? `${index}|${current.meta.gemeente}|${level}|${category}|${from}|${to}|${measure}`
      : (source === 'survey' ? surveyMap : bivariate) && currentSurvey
        ? `${index}|${current.meta.gemeente}|${level}|${source}|${SURVEY_INDICATOR}|${currentSurvey.meta.year ?? ''}${source === 'bivariate' ? `|${category}|${from}|${to}` : ''}`
        : null;
  useEffect(() => {
    const m = choropleth;
    if (!m || !stepKey || colours.size === 0) return;
    let live = true;
    void m.idle().then(() => {
      if (live && window.__bvk) window.__bvk.appliedKey = `presentatie|${stepKey}`;
    });
    return () => {
      live = false;
    };
  }, [choropleth, stepKey, colours]);

  const onMapCreated = useCallback((m: ChoroplethMap) => {
    // The arrow keys step through the draaiboek; they must not pan the map when the canvas has focus.
    m.map.keyboard.disable();
    setChoropleth(m);
    installTestHook(m);
  }, []);

  const leave = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen?.();
    if (!view || !scope) return onLeave('');
    const single = view.focus.codes.length === 1 && view.focus.level !== 'gemeente' ? view.focus.codes[0] : null;
    onLeave(
      serializeViewState({
        ...DEFAULT_VIEW,
        gemeente: scope.gemeente,
        level: view.focus.level === 'buurt' ? 'buurt' : view.focus.level === 'wijk' && single ? 'wijk' : scope.level,
        category,
        from,
        to,
        measure,
        selected: single,
        hotspots: showHotspots ? 'gistar' : null,
        bron: source === 'bivariate' ? 'bivariaat' : source === 'survey' ? 'monitor' : 'politie',
        indicator: SURVEY_INDICATOR,
      }),
    );
  }, [view, scope, category, from, to, measure, showHotspots, source, onLeave]);

  if (error && !deck) {
    return (
      <main className="presentation-error" id="inhoud">
        <h1>Presentatie</h1>
        <p role="alert">{error}</p>
        <p>
          <a href="/">Naar de kaart</a>
        </p>
      </main>
    );
  }
  if (!deck || !view || !scope) return <p className="presentation-loading">Presentatie wordt geladen…</p>;

  const categoryNaam = current?.meta.categoryNaam ?? categories.find((c) => c.code === category)?.naam ?? category;
  const gemeenteNaam =
    ((topology?.t.objects['gemeente'] as GeometryCollection | undefined)?.geometries[0]?.properties as { naam?: string } | undefined)?.naam ?? scope.gemeente;
  const period = formatPeriod(from, to, 'long');
  const levelPlural = level === 'buurt' ? 'buurten' : 'wijken';
  const rows = (current?.rows ?? [])
    .filter((r) => scope.inFocus(r))
    .map((r) => ({ code: r.code, naam: r.naam, value: r[measure], count: r.count, suppressed: r.suppressed || r.flags.includes('suppressed') }))
    .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || compareNl(a.naam, b.naam));
  const surveyMeta = currentSurvey?.meta ?? null;
  const surveyShort = surveyMeta ? surveyUnit(surveyMeta.unit).short : '';
  const surveyText = (r: SurveyResponse['rows'][number] | undefined): string =>
    !r || r.value === null ? '–' : isUnreliable(r) ? 'te klein' : `${formatNumber(r.value, 1)}${surveyShort ? ` ${surveyShort}` : ''}`;
  const surveyYearText = `Veiligheidsmonitor ${surveyMeta?.year ?? ''}`.trim();
  const byValue = <T extends { value: number | null; naam: string }>(a: T, b: T) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || compareNl(a.naam, b.naam);
  const surveyRows =
    source === 'survey' && currentSurvey
      ? currentSurvey.rows
          .filter((r) => scope.inFocus(r))
          .map((r) => ({ code: r.code, naam: r.naam, value: isUnreliable(r) ? null : r.value, count: null, extra: [surveyText(r)] }))
          .sort(byValue)
      : [];
  const surveyByCode = new Map((currentSurvey?.rows ?? []).map((r) => [r.code, r]));
  const bivariateTableRows =
    source === 'bivariate' && bivariate
      ? rows.map((r) => ({ ...r, extra: [surveyText(surveyByCode.get(r.code)), bivariate.classes.get(r.code)?.label ?? '–'] }))
      : [];
  const hotspotLegend = showHotspots ? (
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
  ) : null;

  return (
    <PresentationLayout
      title={deck.title}
      viewTitle={view.title}
      caption={view.caption}
      subtitle={
        source === 'survey'
          ? `${gemeenteNaam} · ${surveyMeta?.indicatorLabel ?? 'Veiligheidsmonitor'} · ${surveyYearText}`
          : source === 'bivariate'
            ? `${gemeenteNaam} · ${categoryNaam} · ${period} × ${surveyYearText}`
            : `${gemeenteNaam} · ${categoryNaam} · ${period}`
      }
      index={index}
      total={deck.views.length}
      onStep={setIndex}
      onLeave={leave}
      map={
        basemap === undefined ? (
          <div className="map-view" />
        ) : (
          <MapView
            topology={topology?.t ?? null}
            level={level}
            colours={colours}
            selected={null}
            title={
              source === 'survey'
                ? `Kaart van ${gemeenteNaam}: ${levelPlural} gekleurd naar ${surveyMeta?.indicatorLabel ?? 'de Veiligheidsmonitor'} (${surveyYearText}${surveyMeta?.demo ? ', DEMO' : ''})`
                : source === 'bivariate'
                  ? `Kaart van ${gemeenteNaam}: ${levelPlural} in 3 × 3 klassen, misdrijven per 1.000 (EB) gekruist met ${surveyMeta?.indicatorLabel ?? 'de Veiligheidsmonitor'}`
                  : `Kaart van ${gemeenteNaam}: ${levelPlural} gekleurd naar ${info.title.toLowerCase()}, ${categoryNaam}, ${period}`
            }
            describe={() => null}
            onSelect={() => {}}
            basemapStyle={basemap}
            onMapCreated={onMapCreated}
          />
        )
      }
      legend={
        source === 'survey' ? (
          <div className="presentation-legend presentation-legend-survey">
            <SurveyLegend meta={surveyMeta} classification={surveyMap?.classification ?? null} smallSampleCount={surveyMap?.smallSampleCount ?? 0} areaWord={levelPlural} showCounts={false} />
            {hotspotLegend}
          </div>
        ) : source === 'bivariate' ? (
          <div className="presentation-legend presentation-legend-bivariate">
            <BivariateLegend
              result={bivariate}
              xTitle="Misdrijven per 1.000 (EB)"
              yTitle={bivariateYTitle(surveyMeta)}
              subtitle={`${categoryNaam}, ${period} × ${surveyMeta ? `${surveyMeta.indicatorLabel}, ${surveyMeta.year ?? 'geen jaar'}` : 'Veiligheidsmonitor'} · ${levelPlural}`}
              xDecimals={1}
              yDecimals={1}
              reverseY={surveyReversed}
              areaWord={levelPlural}
              demo={surveyMeta?.demo ?? false}
              showCounts={false}
            />
            {hotspotLegend}
          </div>
        ) : (
          <PresentationLegend title={info.title} classification={classification} coloured={showChoropleth} decimals={info.decimals} extra={hotspotLegend} />
        )
      }
      table={
        source === 'survey' ? (
          <PresentationTable
            rows={surveyRows}
            caption={`${surveyMeta?.indicatorLabel ?? 'Veiligheidsmonitor'}, ${surveyYearText}${surveyMeta?.demo ? ' (DEMO)' : ''}: per ${level}`}
            valueTitle={null}
            extraTitles={[bivariateYTitle(surveyMeta)]}
            showCount={false}
            decimals={1}
            areaWord={level === 'buurt' ? 'Buurt' : 'Wijk'}
          />
        ) : source === 'bivariate' ? (
          <PresentationTable
            rows={bivariateTableRows}
            caption={`Objectief × subjectief — ${categoryNaam}, ${period} × ${surveyYearText}${surveyMeta?.demo ? ' (DEMO)' : ''}: per ${level}`}
            valueTitle="Per 1.000 (EB)"
            extraTitles={[bivariateYTitle(surveyMeta), 'Klasse']}
            showCount={false}
            decimals={1}
            areaWord={level === 'buurt' ? 'Buurt' : 'Wijk'}
          />
        ) : (
          <PresentationTable
            rows={rows}
            caption={`${categoryNaam}, ${period}: per ${level}`}
            valueTitle={measure === 'count' ? null : info.short}
            decimals={info.decimals}
            areaWord={level === 'buurt' ? 'Buurt' : 'Wijk'}
          />
        )
      }
      footer={
        <>
          {usesSurvey && <SurveyDemoNotice meta={surveyMeta} />}
          {source !== 'survey' && current?.meta.demo && <p className="presentation-demo">DEMO: verdeling naar soort en maand gegenereerd; jaartotalen per buurt zijn echt.</p>}
          <p className="presentation-credit">{SOURCE_CREDIT}</p>
        </>
      }
    />
  );
}
