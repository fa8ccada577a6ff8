// The whole view lives in the URL query so that a view is a link and back/forward works. The view changes only
// through the named transitions of viewReducer, which keep the rules between fields (a new measure drops fixed
// class bounds, a new gemeente or level drops the selection) in one place.
import type { Measure } from '../../../server/src/domain/model.ts';
import { isClassMethod, MAX_CLASSES, MIN_CLASSES, type ClassMethod } from '../lib/classes.ts';
import { isAreaLevel, type AreaLevel } from '../lib/level.ts';
import { isMeasure } from '../lib/measures.ts';

/** The pages of the app, shown as navigation in the header; `kaart` is the default. Add a page here and in APP_VIEWS. */
export const APP_VIEWS = [
  { key: 'kaart', label: 'Kaart' },
  { key: 'werkbank', label: 'Werkbank' },
  { key: 'doelen', label: 'Doelen' },
  { key: 'vergelijking', label: 'Vergelijking' },
  { key: 'evaluatie', label: 'Evaluatie' },
  { key: 'gegevens', label: 'Gegevens' },
  // Only a beheerder sees this one in the navigation (App.tsx); the server guards every action on it.
  { key: 'beheer', label: 'Beheer' },
] as const;
export type AppView = (typeof APP_VIEWS)[number]['key'];

/** What colours the map: police registrations, a Veiligheidsmonitor indicator, both crossed, or a CBS kerncijfer. */
export type MapSource = 'police' | 'survey' | 'bivariate' | 'kerncijfers';

/** How a map source is written in a link (`bron=`): the Dutch words links have always used. */
export const SOURCE_URL_VALUES: Record<MapSource, string> = { police: 'politie', survey: 'monitor', bivariate: 'bivariaat', kerncijfers: 'kerncijfers' };

function parseSource(value: string | null): MapSource | null {
  if (value === null) return null;
  for (const [key, word] of Object.entries(SOURCE_URL_VALUES) as [MapSource, string][]) if (value === word || value === key) return key;
  return null;
}

export interface ViewState {
  gemeente: string;
  level: AreaLevel;
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
  source: MapSource;
  /** Veiligheidsmonitor indicator code (survey and bivariate map). */
  indicator: string;
  /** Survey year; null = the latest year with figures. */
  surveyYear: number | null;
  /** CBS kerncijfer key for the "Kerncijfers" map. */
  kern: string;
  /** Benchmark group id and year (null = the server's default year). */
  groep: string;
  benchmarkYear: number | null;
  /** The crime category the Vergelijking compares on ('0.0.0': the official total). */
  benchmarkCategory: string;
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
  /** Kernel-density map of incident points (analist; wijkagent in own wijk). */
  heatmap: boolean;
  /** Registrations as points (analist; wijkagent in own wijk). */
  points: boolean;
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
  source: 'police',
  indicator: 'onveilig_buurt_pct',
  surveyYear: null,
  kern: 'bevolkingsdichtheid',
  // '' = the group the server opens this gemeente on (its own plan's group, its G40, else similar size).
  groep: '',
  benchmarkYear: null,
  benchmarkCategory: '0.0.0',
  hotspots: null,
  aandacht: false,
  area: null,
  weights: null,
  shortlist: [],
  heatmap: false,
  points: false,
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

/** What the server decides about the default view: the gemeente it opens and the months it has data for. */
export interface ViewDefaults {
  gemeente: string;
  months: { first: string; last: string };
}

export const STATIC_DEFAULTS: ViewDefaults = { gemeente: DEFAULT_VIEW.gemeente, months: { first: DATA_FIRST_MONTH, last: DATA_LAST_MONTH } };

function clampMonth(m: string, months: ViewDefaults['months']): string {
  if (m < months.first) return months.first;
  if (m > months.last) return months.last;
  return m;
}

/** The view a link without parameters opens, on a server with these defaults. */
export function defaultView(d: ViewDefaults = STATIC_DEFAULTS): ViewState {
  const from = clampMonth(DEFAULT_VIEW.from, d.months);
  const to = clampMonth(DEFAULT_VIEW.to, d.months);
  return { ...DEFAULT_VIEW, breaks: [], shortlist: [], gemeente: d.gemeente, from, to };
}

/**
 * The level a gemeente opens on: buurten; for the whole country its 342 gemeenten (14,500 buurten of a
 * pixel or two each say little at that scale). The gemeente level exists at the country view only.
 */
export function defaultLevel(gemeente: string): AreaLevel {
  return gemeente === 'NL' ? 'gemeente' : 'buurt';
}

function levelFor(gemeente: string, level: AreaLevel): AreaLevel {
  return level === 'gemeente' && gemeente !== 'NL' ? 'buurt' : level;
}

/**
 * What a link asked for that the view cannot honour, and what it shows instead. The text is made where the names are
 * known (landing.ts, noticeText); a value is kept as the link wrote it.
 */
export type ViewNotice =
  | { kind: 'gemeente'; asked: string; reason: 'invalid' | 'unknown'; shown: string }
  | { kind: 'category'; asked: string; reason: 'invalid' | 'unknown'; shown: string }
  | { kind: 'level'; asked: string; reason: 'invalid' | 'national'; shown: AreaLevel }
  | { kind: 'measure'; asked: string; shown: Measure }
  | { kind: 'page'; asked: string; shown: AppView }
  | {
      kind: 'period';
      asked: { from: string | null; to: string | null };
      /** invalid: not a month; outside: no month of it has data; clamped: partly outside; swapped: begin after end. */
      reason: 'invalid' | 'outside' | 'clamped' | 'swapped';
      shown: { from: string; to: string };
      months: ViewDefaults['months'];
    }
  /** A known parameter with a value that cannot be used: dropped. */
  | { kind: 'value'; key: string; asked: string }
  /** A parameter the app does not know: dropped. */
  | { kind: 'unknown'; key: string; asked: string };

/** Every parameter a link may hold: what serializeViewState writes, and the presentation a screen opens (Root.tsx). */
const KNOWN_PARAMETERS = new Set([
  'gemeente', 'level', 'category', 'from', 'to', 'measure', 'method', 'classes', 'fixed', 'breaks', 'selected', 'view', 'bron', 'indicator', 'jaar',
  'kern', 'groep', 'vjaar', 'vsoort', 'hotspots', 'aandacht', 'area', 'gewichten', 'shortlist', 'dichtheid', 'punten', 'mijnwijk', 'presentation',
]);

/** Reads a query string; anything invalid falls back to the default for that field. */
export function parseViewState(search: string, defaults: ViewDefaults = STATIC_DEFAULTS): ViewState {
  return readViewState(search, defaults).view;
}

/**
 * Reads a query string once, as a visit opens it: anything invalid falls back to the default for that field, and
 * each value that could not be honoured is named in a notice, so a link never changes without a word.
 */
export function readViewState(search: string, defaults: ViewDefaults = STATIC_DEFAULTS): { view: ViewState; notices: ViewNotice[] } {
  const q = new URLSearchParams(search);
  const d = defaultView(defaults);
  const v: ViewState = { ...d, breaks: [], shortlist: [] };
  const notices: ViewNotice[] = [];
  // Empty values are the same as leaving the parameter out.
  const given = (key: string): string | null => q.get(key) || null;
  const dropped = (key: string) => notices.push({ kind: 'value', key, asked: given(key) ?? '' });

  for (const key of new Set(q.keys())) if (!KNOWN_PARAMETERS.has(key) && q.get(key)) notices.push({ kind: 'unknown', key, asked: q.get(key) ?? '' });

  const gemeente = given('gemeente');
  if (gemeente && GEMEENTE.test(gemeente)) v.gemeente = gemeente;
  else if (gemeente) notices.push({ kind: 'gemeente', asked: gemeente, reason: 'invalid', shown: v.gemeente });
  const level = given('level');
  v.level = levelFor(v.gemeente, isAreaLevel(level) ? level : defaultLevel(v.gemeente));
  if (level && !isAreaLevel(level)) notices.push({ kind: 'level', asked: level, reason: 'invalid', shown: v.level });
  else if (level && level !== v.level) notices.push({ kind: 'level', asked: level, reason: 'national', shown: v.level });
  const category = given('category');
  if (category && CATEGORY.test(category)) v.category = category;
  else if (category) notices.push({ kind: 'category', asked: category, reason: 'invalid', shown: v.category });
  readPeriod(v, given('from'), given('to'), d, defaults.months, notices);
  const measure = given('measure');
  if (measure && isMeasure(measure)) v.measure = measure;
  else if (measure) notices.push({ kind: 'measure', asked: measure, shown: v.measure });
  const method = given('method');
  if (method && isClassMethod(method)) v.method = method;
  else if (method) dropped('method');
  const classesText = given('classes');
  const classes = Number(classesText);
  if (Number.isInteger(classes) && classes >= MIN_CLASSES && classes <= MAX_CLASSES) v.classes = classes;
  else if (classesText) dropped('classes');
  const breaks = (q.get('breaks') ?? '')
    .split(',')
    .filter((s) => s.trim() !== '')
    .map(Number);
  if (breaks.length > 0 && breaks.length < MAX_CLASSES && breaks.every(Number.isFinite)) {
    v.breaks = [...new Set(breaks)].sort((a, b) => a - b);
  } else if (breaks.length > 0) dropped('breaks');
  v.fixed = q.get('fixed') === '1' && v.breaks.length > 0;
  if (q.get('fixed') === '1' && !v.fixed) dropped('fixed');
  if (v.method === 'manual' && v.breaks.length === 0) {
    v.method = d.method;
    dropped('method');
  }
  const selected = given('selected');
  if (selected && AREA.test(selected)) v.selected = selected;
  else if (selected) dropped('selected');
  const page = given('view');
  if (page && APP_VIEWS.some((p) => p.key === page)) v.view = page as AppView;
  else if (page) notices.push({ kind: 'page', asked: page, shown: v.view });
  const source = given('bron');
  v.source = parseSource(source) ?? v.source;
  if (source && parseSource(source) === null) dropped('bron');
  for (const key of ['indicator', 'kern', 'groep'] as const) {
    const value = given(key);
    if (value && CODE.test(value)) v[key] = value;
    else if (value) dropped(key);
  }
  const surveyYear = given('jaar');
  if (surveyYear && YEAR.test(surveyYear)) v.surveyYear = Number(surveyYear);
  else if (surveyYear) dropped('jaar');
  const benchmarkYear = given('vjaar');
  if (benchmarkYear && YEAR.test(benchmarkYear)) v.benchmarkYear = Number(benchmarkYear);
  else if (benchmarkYear) dropped('vjaar');
  const benchmarkCategory = given('vsoort');
  if (benchmarkCategory && CATEGORY.test(benchmarkCategory)) v.benchmarkCategory = benchmarkCategory;
  else if (benchmarkCategory) dropped('vsoort');
  const hotspots = given('hotspots');
  if (hotspots === 'gistar' || hotspots === 'lisa') v.hotspots = hotspots;
  else if (hotspots) dropped('hotspots');
  const area = given('area');
  if (area && /^[1-9]\d{0,9}$/.test(area)) v.area = Number(area);
  else if (area) dropped('area');
  const weights = given('gewichten');
  if (weights && weights.length <= 500 && WEIGHTS.test(weights)) v.weights = weights;
  else if (weights) dropped('gewichten');
  const shortlistText = (q.get('shortlist') ?? '').split(',').filter((c) => c !== '');
  const shortlist = shortlistText.filter((c) => SHORTLIST_CODE.test(c));
  v.shortlist = [...new Set(shortlist)].slice(0, 50);
  if (shortlist.length < shortlistText.length) dropped('shortlist');
  const flags = { aandacht: 'aandacht', heatmap: 'dichtheid', points: 'punten' } as const;
  for (const [field, key] of Object.entries(flags) as [keyof typeof flags, string][]) {
    v[field] = q.get(key) === '1';
    if (given(key) && given(key) !== '1' && given(key) !== '0') dropped(key);
  }
  if (given('fixed') && given('fixed') !== '1' && given('fixed') !== '0') dropped('fixed');
  const mijnWijk = given('mijnwijk');
  if (mijnWijk && /^WK\d{6}$/.test(mijnWijk)) v.mijnWijk = mijnWijk;
  else if (mijnWijk) dropped('mijnwijk');
  return { view: v, notices };
}

/**
 * The period of a link: a month that is no month falls back to the default's; a period without any month of data
 * becomes the default period; one partly outside the data is cut to it; begin after end is turned round.
 */
function readPeriod(v: ViewState, from: string | null, to: string | null, d: ViewState, months: ViewDefaults['months'], notices: ViewNotice[]): void {
  if (from === null && to === null) return;
  const asked = { from, to };
  const validFrom = from !== null && MONTH.test(from);
  const validTo = to !== null && MONTH.test(to);
  let f = validFrom ? from : d.from;
  let t = validTo ? to : d.to;
  const reasons: ('invalid' | 'outside' | 'clamped' | 'swapped')[] = [];
  if ((from !== null && !validFrom) || (to !== null && !validTo)) reasons.push('invalid');
  if (f > t) {
    [f, t] = [t, f];
    reasons.push('swapped');
  }
  if (t < months.first || f > months.last) {
    [f, t] = [d.from, d.to];
    reasons.push('outside');
  } else if (f < months.first || t > months.last) {
    [f, t] = [clampMonth(f, months), clampMonth(t, months)];
    reasons.push('clamped');
  }
  v.from = f;
  v.to = t;
  // One notice, for the reason that explains most: a month that is no month, then a period outside the data.
  const reason = reasons.find((r) => r !== 'swapped') ?? reasons[0];
  if (reason) notices.push({ kind: 'period', asked, reason, shown: { from: f, to: t }, months });
}

/** Writes only what differs from the default, in a stable order, so links stay short and comparable. */
export function serializeViewState(v: ViewState, defaults: ViewDefaults = STATIC_DEFAULTS): string {
  const q = new URLSearchParams();
  const d = defaultView(defaults);
  if (v.gemeente !== d.gemeente) q.set('gemeente', v.gemeente);
  if (v.level !== defaultLevel(v.gemeente)) q.set('level', v.level);
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
  if (v.source !== d.source) q.set('bron', SOURCE_URL_VALUES[v.source]);
  if (v.indicator !== d.indicator) q.set('indicator', v.indicator);
  if (v.surveyYear !== null) q.set('jaar', String(v.surveyYear));
  if (v.kern !== d.kern) q.set('kern', v.kern);
  if (v.groep !== d.groep) q.set('groep', v.groep);
  if (v.benchmarkYear !== null) q.set('vjaar', String(v.benchmarkYear));
  if (v.benchmarkCategory !== '0.0.0') q.set('vsoort', v.benchmarkCategory);
  if (v.hotspots) q.set('hotspots', v.hotspots);
  if (v.aandacht) q.set('aandacht', '1');
  if (v.area !== null) q.set('area', String(v.area));
  if (v.weights) q.set('gewichten', v.weights);
  if (v.shortlist.length > 0) q.set('shortlist', v.shortlist.join(','));
  if (v.heatmap) q.set('dichtheid', '1');
  if (v.points) q.set('punten', '1');
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

/** Every way the view changes. Each transition keeps the rules between fields; callers never patch the view. */
export type ViewAction =
  | { type: 'replace'; view: ViewState }
  | { type: 'setGemeente'; gemeente: string }
  | { type: 'setLevel'; level: AreaLevel }
  | { type: 'setCategory'; category: string }
  | { type: 'setPeriod'; from: string; to: string }
  | { type: 'setMeasure'; measure: Measure }
  | { type: 'setClassing'; method?: ClassMethod; classes?: number; breaks?: number[] }
  /** `breaks`: the bounds now on screen, which fixing holds. */
  | { type: 'setFixed'; fixed: boolean; breaks: number[] }
  | { type: 'setSource'; source: MapSource }
  | { type: 'setIndicator'; indicator: string }
  | { type: 'setSurveyYear'; year: number | null }
  | { type: 'setKern'; kern: string }
  | { type: 'select'; code: string | null }
  | { type: 'setPage'; page: AppView }
  | { type: 'setHotspots'; method: HotspotMethodKey | null }
  | { type: 'showAttention'; on: boolean }
  | { type: 'setArea'; id: number | null }
  | { type: 'attentionAreaDeleted'; id: number }
  | { type: 'setWeights'; weights: string | null }
  | { type: 'setShortlist'; codes: string[] }
  | { type: 'openSelection'; codes: string[]; weights: string | null }
  | { type: 'setHeatmap'; on: boolean }
  | { type: 'setPoints'; on: boolean }
  | { type: 'openMijnWijk'; wijk: string | null }
  | { type: 'setBenchmark'; groep?: string; year?: number | null; category?: string };

export function viewReducer(v: ViewState, a: ViewAction): ViewState {
  switch (a.type) {
    case 'replace':
      return a.view;
    case 'setGemeente':
      // A selected area, an attention area and a benchmark group choice belong to one gemeente.
      // Into or out of the country view: the level that view opens on (or leaves behind).
      return a.gemeente === v.gemeente
        ? v
        : {
            ...v,
            gemeente: a.gemeente,
            level: (a.gemeente === 'NL') !== (v.gemeente === 'NL') ? defaultLevel(a.gemeente) : v.level,
            selected: null,
            area: null,
            groep: '',
          };
    case 'setLevel': {
      const level = levelFor(v.gemeente, a.level);
      return level === v.level ? v : { ...v, level, selected: null };
    }
    case 'setCategory':
      return { ...v, category: a.category };
    case 'setPeriod':
      return a.from <= a.to ? { ...v, from: a.from, to: a.to } : { ...v, from: a.to, to: a.from };
    case 'setMeasure':
      if (a.measure === v.measure) return v;
      // Bounds of one measure mean nothing for another.
      return { ...v, measure: a.measure, fixed: false, breaks: [], method: v.method === 'manual' ? DEFAULT_VIEW.method : v.method };
    case 'setClassing': {
      const next = { ...v, ...(a.method ? { method: a.method } : {}), ...(a.classes ? { classes: a.classes } : {}), ...(a.breaks ? { breaks: a.breaks } : {}) };
      if (next.method === 'manual' && next.breaks.length === 0) next.method = DEFAULT_VIEW.method;
      return next;
    }
    case 'setFixed':
      if (a.fixed) return a.breaks.length > 0 ? { ...v, fixed: true, breaks: a.breaks } : { ...v, fixed: false };
      return { ...v, fixed: false, breaks: v.method === 'manual' ? v.breaks : [] };
    case 'setSource':
      return { ...v, source: a.source };
    case 'setIndicator':
      // A year of one indicator need not exist for another.
      return a.indicator === v.indicator ? v : { ...v, indicator: a.indicator, surveyYear: null };
    case 'setSurveyYear':
      return { ...v, surveyYear: a.year };
    case 'setKern':
      return { ...v, kern: a.kern };
    case 'select':
      return { ...v, selected: a.code };
    case 'setPage':
      return { ...v, view: a.page };
    case 'setHotspots':
      return { ...v, hotspots: a.method };
    case 'showAttention':
      return { ...v, aandacht: a.on };
    case 'setArea':
      // The figures change to the area's buurten: a selection outside it would show nothing.
      return { ...v, area: a.id, selected: null };
    case 'attentionAreaDeleted':
      return v.area === a.id ? { ...v, area: null } : v;
    case 'setWeights':
      return { ...v, weights: a.weights };
    case 'setShortlist':
      return { ...v, shortlist: a.codes };
    case 'openSelection':
      return { ...v, shortlist: a.codes, weights: a.weights ?? v.weights };
    case 'setHeatmap':
      return { ...v, heatmap: a.on };
    case 'setPoints':
      return { ...v, points: a.on };
    case 'openMijnWijk':
      return { ...v, mijnWijk: a.wijk };
    case 'setBenchmark':
      return {
        ...v,
        ...(a.groep !== undefined ? { groep: a.groep } : {}),
        ...(a.year !== undefined ? { benchmarkYear: a.year } : {}),
        // Another category may lack the chosen year (types go back to 2012, the total to 2021): the server picks one.
        ...(a.category !== undefined ? { benchmarkCategory: a.category, benchmarkYear: a.year ?? null } : {}),
      };
  }
}

/** A change from the filter form, as it reports it (one or a few fields at a time). */
export interface FilterPatch {
  gemeente?: string;
  level?: AreaLevel;
  category?: string;
  from?: string;
  to?: string;
  measure?: Measure;
  method?: ClassMethod;
  classes?: number;
  breaks?: number[];
  fixed?: boolean;
}

/** The named transitions a filter change stands for, in an order whose rules compose (measure before fixing). */
export function filterTransitions(v: ViewState, patch: FilterPatch, currentBreaks: number[]): ViewAction[] {
  const out: ViewAction[] = [];
  if (patch.gemeente !== undefined) out.push({ type: 'setGemeente', gemeente: patch.gemeente });
  if (patch.level !== undefined) out.push({ type: 'setLevel', level: patch.level });
  if (patch.category !== undefined) out.push({ type: 'setCategory', category: patch.category });
  if (patch.from !== undefined || patch.to !== undefined) out.push({ type: 'setPeriod', from: patch.from ?? v.from, to: patch.to ?? v.to });
  if (patch.measure !== undefined) out.push({ type: 'setMeasure', measure: patch.measure });
  if (patch.method !== undefined || patch.classes !== undefined || patch.breaks !== undefined) {
    out.push({ type: 'setClassing', method: patch.method, classes: patch.classes, breaks: patch.breaks });
  }
  if (patch.fixed !== undefined) out.push({ type: 'setFixed', fixed: patch.fixed, breaks: currentBreaks });
  return out;
}

export function reduceAll(v: ViewState, actions: ViewAction[]): ViewState {
  return actions.reduce(viewReducer, v);
}
