// The whole view lives in the URL query so that a view is a link and back/forward works.
import type { Measure } from '../../../server/src/domain/model.ts';
import { isClassMethod, MAX_CLASSES, MIN_CLASSES, type ClassMethod } from '../lib/classes.ts';
import { isMeasure } from '../lib/measures.ts';

export type MapLevel = 'buurt' | 'wijk';

/** The pages of the app, shown as navigation in the header; `kaart` is the default. Add a page here and in APP_VIEWS. */
export const APP_VIEWS = [
  { key: 'kaart', label: 'Kaart' },
  { key: 'werkbank', label: 'Werkbank' },
  { key: 'doelen', label: 'Doelen' },
  { key: 'vergelijking', label: 'Vergelijking' },
  { key: 'evaluatie', label: 'Evaluatie' },
] as const;
export type AppView = (typeof APP_VIEWS)[number]['key'];

/** What colours the map: police registrations, a Veiligheidsmonitor indicator, both crossed, or a CBS kerncijfer. */
export type MapSource = 'politie' | 'monitor' | 'bivariaat' | 'kerncijfers';
const MAP_SOURCES: MapSource[] = ['politie', 'monitor', 'bivariaat', 'kerncijfers'];

export interface ViewState {
  gemeente: string;
  level: MapLevel;
  category: string;
  from: string; // YYYY-MM
  to: string;
  measure: Measure;
  method: ClassMethod;
  classes: number;
  /** Hold the class bounds while period/category change, so months can be compared. */
  fixed: boolean;
  /** Thresholds in use when fixed or manual (k-1 values, ascending). */
  breaks: number[];
  selected: string | null;
  view: AppView;
  // Survey, bivariate map, kerncijfers and benchmark (issue 4).
  bron: MapSource;
  /** Veiligheidsmonitor indicator code (survey and bivariate map). */
  indicator: string;
  /** Survey year; null = the latest year with figures. */
  surveyYear: number | null;
  /** CBS kerncijfer key for the "Kerncijfers" map. */
  kern: string;
  /** Benchmark group id and year (null = the server's default year). */
  groep: string;
  benchmarkYear: number | null;
  // Hotspots, workbench and attention areas (issue 3).
  /** Hotspot layer on the map and its method; null = off. */
  hotspots: HotspotMethodKey | null;
  /** Attention-area outlines on the map. */
  aandacht: boolean;
  /** Attention area id the figures are restricted to (`area=` on /api/stats); null = the whole gemeente. */
  area: number | null;
  /** Workbench criterion weights, "smoothedRate:2,change:1"; null = the server's default. */
  weights: string | null;
  /** Workbench shortlist (area codes, in the order they were ticked). */
  shortlist: string[];
  // Restricted detail (issue 5).
  /** Kernel-density map of incident points (analist; wijkagent in own wijk). */
  heatmap: boolean;
  /** Wijk whose "Mijn wijk" overview is open; null = closed. */
  mijnWijk: string | null;
}

export type HotspotMethodKey = 'gistar' | 'lisa';

export const DATA_FIRST_MONTH = '2021-01';
export const DATA_LAST_MONTH = '2025-12';

export const DEFAULT_VIEW: ViewState = {
  gemeente: 'GM0935',
  level: 'buurt',
  category: '0.0.0',
  // The last full year whose population figures match (2024); 2025 police figures are not final yet.
  from: '2024-01',
  to: '2024-12',
  measure: 'ratePer1000',
  // Quantiles: every class holds about as many buurten, so outliers such as Beatrixhaven (15 inhabitants)
  // do not squeeze all other buurten into one class as natural breaks would.
  method: 'quantile',
  classes: 5,
  fixed: false,
  breaks: [],
  selected: null,
  view: 'kaart',
  bron: 'politie',
  indicator: 'onveilig_buurt_pct',
  surveyYear: null,
  kern: 'bevolkingsdichtheid',
  groep: 'reference',
  benchmarkYear: null,
  hotspots: null,
  aandacht: false,
  area: null,
  weights: null,
  shortlist: [],
  heatmap: false,
  mijnWijk: null,
};

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const GEMEENTE = /^(GM\d{4}|NL)$/; // NL = the whole country
const AREA = /^(BU\d{8}|WK\d{6}|GM\d{4})$/;
const CATEGORY = /^[A-Za-z0-9.\-_]{1,20}$/;
const CODE = /^[A-Za-z0-9_]{1,40}$/;
const YEAR = /^(19|20)\d{2}$/;
const WEIGHTS = /^[A-Za-z][A-Za-z0-9_.-]*:\d+(\.\d+)?(,[A-Za-z][A-Za-z0-9_.-]*:\d+(\.\d+)?)*$/;
const SHORTLIST_CODE = /^(BU\d{8}|WK\d{6})$/;

function clampMonth(m: string): string {
  if (m < DATA_FIRST_MONTH) return DATA_FIRST_MONTH;
  if (m > DATA_LAST_MONTH) return DATA_LAST_MONTH;
  return m;
}

/** Reads a query string; anything invalid falls back to the default for that field. */
export function parseViewState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const v: ViewState = { ...DEFAULT_VIEW, breaks: [] };
  const gemeente = q.get('gemeente');
  if (gemeente && GEMEENTE.test(gemeente)) v.gemeente = gemeente;
  const level = q.get('level');
  if (level === 'buurt' || level === 'wijk') v.level = level;
  const category = q.get('category');
  if (category && CATEGORY.test(category)) v.category = category;
  const from = q.get('from');
  const to = q.get('to');
  if (from && MONTH.test(from)) v.from = clampMonth(from);
  if (to && MONTH.test(to)) v.to = clampMonth(to);
  if (v.from > v.to) [v.from, v.to] = [v.to, v.from];
  const measure = q.get('measure');
  if (measure && isMeasure(measure)) v.measure = measure;
  const method = q.get('method');
  if (method && isClassMethod(method)) v.method = method;
  const classes = Number(q.get('classes'));
  if (Number.isInteger(classes) && classes >= MIN_CLASSES && classes <= MAX_CLASSES) v.classes = classes;
  const breaks = (q.get('breaks') ?? '')
    .split(',')
    .filter((s) => s.trim() !== '')
    .map(Number);
  if (breaks.length > 0 && breaks.length < MAX_CLASSES && breaks.every(Number.isFinite)) {
    v.breaks = [...new Set(breaks)].sort((a, b) => a - b);
  }
  v.fixed = q.get('fixed') === '1' && v.breaks.length > 0;
  if (v.method === 'manual' && v.breaks.length === 0) v.method = DEFAULT_VIEW.method;
  const selected = q.get('selected');
  if (selected && AREA.test(selected)) v.selected = selected;
  const page = q.get('view');
  if (page && APP_VIEWS.some((p) => p.key === page)) v.view = page as AppView;
  const bron = q.get('bron');
  if (bron && (MAP_SOURCES as string[]).includes(bron)) v.bron = bron as MapSource;
  for (const key of ['indicator', 'kern', 'groep'] as const) {
    const value = q.get(key);
    if (value && CODE.test(value)) v[key] = value;
  }
  const surveyYear = q.get('jaar');
  if (surveyYear && YEAR.test(surveyYear)) v.surveyYear = Number(surveyYear);
  const benchmarkYear = q.get('vjaar');
  if (benchmarkYear && YEAR.test(benchmarkYear)) v.benchmarkYear = Number(benchmarkYear);
  const hotspots = q.get('hotspots');
  if (hotspots === 'gistar' || hotspots === 'lisa') v.hotspots = hotspots;
  v.aandacht = q.get('aandacht') === '1';
  const area = q.get('area');
  if (area && /^[1-9]\d{0,9}$/.test(area)) v.area = Number(area);
  const weights = q.get('gewichten');
  if (weights && weights.length <= 500 && WEIGHTS.test(weights)) v.weights = weights;
  const shortlist = (q.get('shortlist') ?? '').split(',').filter((c) => SHORTLIST_CODE.test(c));
  v.shortlist = [...new Set(shortlist)].slice(0, 50);
  v.heatmap = q.get('dichtheid') === '1';
  const mijnWijk = q.get('mijnwijk');
  if (mijnWijk && /^WK\d{6}$/.test(mijnWijk)) v.mijnWijk = mijnWijk;
  return v;
}

/** Writes only what differs from the default, in a stable order, so links stay short and comparable. */
export function serializeViewState(v: ViewState): string {
  const q = new URLSearchParams();
  const d = DEFAULT_VIEW;
  if (v.gemeente !== d.gemeente) q.set('gemeente', v.gemeente);
  if (v.level !== d.level) q.set('level', v.level);
  if (v.category !== d.category) q.set('category', v.category);
  if (v.from !== d.from || v.to !== d.to) {
    q.set('from', v.from);
    q.set('to', v.to);
  }
  if (v.measure !== d.measure) q.set('measure', v.measure);
  if (v.method !== d.method) q.set('method', v.method);
  if (v.classes !== d.classes) q.set('classes', String(v.classes));
  if (v.fixed) q.set('fixed', '1');
  if ((v.fixed || v.method === 'manual') && v.breaks.length > 0) {
    // Round-trip exact numbers (no locale); trim float noise.
    q.set('breaks', v.breaks.map((b) => String(Number(b.toPrecision(12)))).join(','));
  }
  if (v.selected) q.set('selected', v.selected);
  if (v.view !== d.view) q.set('view', v.view);
  if (v.bron !== d.bron) q.set('bron', v.bron);
  if (v.indicator !== d.indicator) q.set('indicator', v.indicator);
  if (v.surveyYear !== null) q.set('jaar', String(v.surveyYear));
  if (v.kern !== d.kern) q.set('kern', v.kern);
  if (v.groep !== d.groep) q.set('groep', v.groep);
  if (v.benchmarkYear !== null) q.set('vjaar', String(v.benchmarkYear));
  if (v.hotspots) q.set('hotspots', v.hotspots);
  if (v.aandacht) q.set('aandacht', '1');
  if (v.area !== null) q.set('area', String(v.area));
  if (v.weights) q.set('gewichten', v.weights);
  if (v.shortlist.length > 0) q.set('shortlist', v.shortlist.join(','));
  if (v.heatmap) q.set('dichtheid', '1');
  if (v.mijnWijk) q.set('mijnwijk', v.mijnWijk);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Month strings from the first to the last month of the data, ascending. */
export function allMonths(first = DATA_FIRST_MONTH, last = DATA_LAST_MONTH): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
