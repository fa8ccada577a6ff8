import { describe, expect, it } from 'vitest';
import { allMonths, DEFAULT_VIEW, filterTransitions, parseViewState, readViewState, reduceAll, serializeViewState, viewReducer, type ViewState } from './urlState.ts';

describe('URL state', () => {
  it('the default view is the empty query', () => {
    expect(serializeViewState(DEFAULT_VIEW)).toBe('');
    expect(parseViewState('')).toEqual(DEFAULT_VIEW);
  });

  it('round-trips every field', () => {
    const v: ViewState = {
      gemeente: 'GM0363',
      level: 'wijk',
      category: 'HIC',
      from: '2023-03',
      to: '2023-05',
      measure: 'changePct',
      method: 'manual',
      classes: 4,
      fixed: true,
      breaks: [-10, 0, 12.5],
      selected: 'WK036300',
      view: 'doelen',
      source: 'bivariate',
      indicator: 'rapportcijfer_veiligheid',
      surveyYear: 2013,
      kern: 'pct65plus',
      groep: 'G40',
      benchmarkYear: 2023,
      benchmarkCategory: '1.1.1',
      hotspots: 'lisa',
      aandacht: true,
      area: 3,
      weights: 'smoothedRate:2,change:0.5',
      shortlist: ['BU09350000', 'BU09350004'],
      heatmap: true,
      points: true,
      mijnWijk: 'WK093502',
    };
    const search = serializeViewState(v);
    expect(parseViewState(search)).toEqual(v);
  });

  it('drops invalid hotspot, weights and shortlist values', () => {
    const v = parseViewState('?hotspots=kde&area=0&gewichten=x:-1&shortlist=BU09350000,<b>,BU09350000,WK093500');
    expect(v.hotspots).toBeNull();
    expect(v.area).toBeNull();
    expect(v.weights).toBeNull();
    expect(v.shortlist).toEqual(['BU09350000', 'WK093500']);
  });

  it('rejects invalid values field by field', () => {
    const v = parseViewState('?gemeente=xx&level=straat&from=2019-01&to=2030-13&measure=foo&classes=12&selected=<b>&fixed=1');
    expect(v.gemeente).toBe('GM0935');
    expect(v.level).toBe('buurt');
    expect(v.from).toBe('2021-01');
    expect(v.to).toBe(DEFAULT_VIEW.to);
    expect(v.measure).toBe('ratePer1000');
    expect(v.classes).toBe(5);
    expect(v.selected).toBeNull();
    expect(v.fixed).toBe(false); // fixed without bounds means nothing
  });

  it('swaps a reversed period', () => {
    const v = parseViewState('?from=2024-06&to=2024-02');
    expect([v.from, v.to]).toEqual(['2024-02', '2024-06']);
  });

  it('lists all data months', () => {
    const months = allMonths();
    expect(months[0]).toBe('2021-01');
    expect(months.at(-1)).toBe('2025-12');
    expect(months).toHaveLength(60);
  });
});

describe('links', () => {
  it('reads the map source in Dutch (as links write it) and in the code words', () => {
    expect(parseViewState('?bron=monitor').source).toBe('survey');
    expect(parseViewState('?bron=bivariaat').source).toBe('bivariate');
    expect(parseViewState('?bron=politie').source).toBe('police');
    expect(parseViewState('?bron=survey').source).toBe('survey');
    expect(parseViewState('?bron=kerncijfers').source).toBe('kerncijfers');
    expect(parseViewState('?bron=x').source).toBe('police');
    expect(serializeViewState({ ...DEFAULT_VIEW, source: 'survey' })).toBe('?bron=monitor');
  });

  it('opens the server default gemeente when the link names none, and clamps to its months', () => {
    const d = { gemeente: 'GM0268', months: { first: '2022-01', last: '2024-06' } };
    const v = parseViewState('', d);
    expect(v.gemeente).toBe('GM0268');
    expect([v.from, v.to]).toEqual(['2024-01', '2024-06']);
    expect(serializeViewState(v, d)).toBe('');
    expect(parseViewState('?gemeente=GM0935&from=2019-01', d).gemeente).toBe('GM0935');
    expect(parseViewState('?from=2019-01', d).from).toBe('2022-01');
  });
});

describe('view transitions', () => {
  const base: ViewState = { ...DEFAULT_VIEW, selected: 'BU09350000', breaks: [] };

  it('setMeasure drops fixed and manual class bounds', () => {
    const fixed = viewReducer(base, { type: 'setFixed', fixed: true, breaks: [1, 2, 3] });
    expect(fixed.fixed).toBe(true);
    expect(fixed.breaks).toEqual([1, 2, 3]);
    const next = viewReducer({ ...fixed, method: 'manual' }, { type: 'setMeasure', measure: 'count' });
    expect(next).toMatchObject({ measure: 'count', fixed: false, breaks: [], method: DEFAULT_VIEW.method });
    expect(viewReducer(next, { type: 'setMeasure', measure: 'count' })).toBe(next);
  });

  it('setFixed without bounds stays loose; unfixing keeps manual bounds only', () => {
    expect(viewReducer(base, { type: 'setFixed', fixed: true, breaks: [] }).fixed).toBe(false);
    const manual = { ...base, method: 'manual' as const, breaks: [1, 5], fixed: true };
    expect(viewReducer(manual, { type: 'setFixed', fixed: false, breaks: [] }).breaks).toEqual([1, 5]);
    expect(viewReducer({ ...manual, method: 'quantile' }, { type: 'setFixed', fixed: false, breaks: [] }).breaks).toEqual([]);
  });

  it('setGemeente and setLevel clear the selection; the same value changes nothing', () => {
    expect(viewReducer(base, { type: 'setGemeente', gemeente: 'GM0268' }).selected).toBeNull();
    expect(viewReducer({ ...base, area: 4 }, { type: 'setGemeente', gemeente: 'GM0268' }).area).toBeNull();
    expect(viewReducer(base, { type: 'setGemeente', gemeente: base.gemeente })).toBe(base);
    expect(viewReducer(base, { type: 'setLevel', level: 'wijk' }).selected).toBeNull();
    expect(viewReducer(base, { type: 'setCategory', category: 'HIC' }).selected).toBe('BU09350000');
  });

  it('setArea clears the selection; deleting the area in use lifts the restriction', () => {
    const a = viewReducer(base, { type: 'setArea', id: 7 });
    expect(a).toMatchObject({ area: 7, selected: null });
    expect(viewReducer(a, { type: 'attentionAreaDeleted', id: 8 }).area).toBe(7);
    expect(viewReducer(a, { type: 'attentionAreaDeleted', id: 7 }).area).toBeNull();
  });

  it('setIndicator resets the survey year; setPeriod keeps from <= to', () => {
    const y = { ...base, surveyYear: 2013 };
    expect(viewReducer(y, { type: 'setIndicator', indicator: 'rapportcijfer_veiligheid' }).surveyYear).toBeNull();
    expect(viewReducer(y, { type: 'setIndicator', indicator: y.indicator }).surveyYear).toBe(2013);
    expect(viewReducer(base, { type: 'setPeriod', from: '2024-06', to: '2024-02' })).toMatchObject({ from: '2024-02', to: '2024-06' });
  });

  it('manual classing without bounds falls back to the default method', () => {
    expect(viewReducer(base, { type: 'setClassing', method: 'manual', breaks: [] }).method).toBe(DEFAULT_VIEW.method);
    expect(viewReducer(base, { type: 'setClassing', method: 'manual', breaks: [2, 4], classes: 3 })).toMatchObject({ method: 'manual', breaks: [2, 4], classes: 3 });
  });

  it('a filter patch becomes named transitions that compose like the form expects', () => {
    const fixed = { ...base, fixed: true, breaks: [1, 2] };
    const next = reduceAll(fixed, filterTransitions(fixed, { measure: 'count' }, [9]));
    expect(next).toMatchObject({ measure: 'count', fixed: false, breaks: [] });
    const fixing = reduceAll(base, filterTransitions(base, { fixed: true }, [3, 6]));
    expect(fixing).toMatchObject({ fixed: true, breaks: [3, 6] });
    const moved = reduceAll(base, filterTransitions(base, { from: '2023-01', to: '2023-03' }, []));
    expect(moved).toMatchObject({ from: '2023-01', to: '2023-03', selected: 'BU09350000' });
  });

  it('openSelection keeps the weights when the selection has none', () => {
    const w = { ...base, weights: 'smoothedRate:2' };
    expect(viewReducer(w, { type: 'openSelection', codes: ['BU09350001'], weights: null })).toMatchObject({ shortlist: ['BU09350001'], weights: 'smoothedRate:2' });
  });
});

describe('the country view opens on its gemeenten', () => {
  it('NL without a level is the gemeente level; a link keeps a chosen buurt level; a gemeente never shows the gemeente level', () => {
    expect(parseViewState('?gemeente=NL').level).toBe('gemeente');
    expect(serializeViewState(parseViewState('?gemeente=NL'))).toBe('?gemeente=NL');
    const buurten = parseViewState('?gemeente=NL&level=buurt');
    expect(buurten.level).toBe('buurt');
    expect(parseViewState(serializeViewState(buurten)).level).toBe('buurt');
    expect(parseViewState('?gemeente=GM0935&level=gemeente').level).toBe('buurt');
  });

  it('going to the country and back sets the level each opens on', () => {
    const maastrichtWijken = { ...DEFAULT_VIEW, level: 'wijk' } as ViewState;
    const nl = viewReducer(maastrichtWijken, { type: 'setGemeente', gemeente: 'NL' });
    expect(nl.level).toBe('gemeente');
    expect(viewReducer(nl, { type: 'setGemeente', gemeente: 'GM0014' }).level).toBe('buurt');
    expect(viewReducer(maastrichtWijken, { type: 'setGemeente', gemeente: 'GM0014' }).level).toBe('wijk');
    expect(viewReducer(DEFAULT_VIEW, { type: 'setLevel', level: 'gemeente' }).level).toBe('buurt');
  });
});

describe('what a link asked for and the view cannot honour is named, never dropped without a word', () => {
  const months = { first: '2021-01', last: '2025-12' };

  it('a valid link has no notices; every replaced value has one, with what is shown instead', () => {
    expect(readViewState('?gemeente=GM0363&level=wijk&category=1.1.1&from=2023-01&to=2023-06&measure=count&view=werkbank').notices).toEqual([]);
    expect(readViewState('?gemeente=XX123').notices).toEqual([{ kind: 'gemeente', asked: 'XX123', reason: 'invalid', shown: 'GM0935' }]);
    expect(readViewState('?level=foo').notices).toEqual([{ kind: 'level', asked: 'foo', reason: 'invalid', shown: 'buurt' }]);
    expect(readViewState('?level=gemeente').notices).toEqual([{ kind: 'level', asked: 'gemeente', reason: 'national', shown: 'buurt' }]);
    expect(readViewState('?measure=xyz').notices).toEqual([{ kind: 'measure', asked: 'xyz', shown: 'ratePer1000' }]);
    expect(readViewState('?view=nonsense').notices).toEqual([{ kind: 'page', asked: 'nonsense', shown: 'kaart' }]);
    expect(readViewState('?category=<b>').notices).toEqual([{ kind: 'category', asked: '<b>', reason: 'invalid', shown: '0.0.0' }]);
  });

  it('names parameters it does not know, and known ones whose value it cannot use', () => {
    expect(readViewState('?period=2099').notices).toEqual([{ kind: 'unknown', key: 'period', asked: '2099' }]);
    expect(readViewState('?hotspots=kde&classes=12&bron=x').notices).toEqual([
      { kind: 'value', key: 'classes', asked: '12' },
      { kind: 'value', key: 'bron', asked: 'x' },
      { kind: 'value', key: 'hotspots', asked: 'kde' },
    ]);
    // A presentation screen's link is read by the shell, not here; empty values are as if left out.
    expect(readViewState('?presentation=3&gemeente=&level=').notices).toEqual([]);
  });

  it('a period without data becomes the default period, not the last month', () => {
    const r = readViewState('?from=2099-01&to=2099-12');
    expect([r.view.from, r.view.to]).toEqual([DEFAULT_VIEW.from, DEFAULT_VIEW.to]);
    expect(r.notices).toEqual([{ kind: 'period', asked: { from: '2099-01', to: '2099-12' }, reason: 'outside', shown: { from: '2024-01', to: '2024-12' }, months }]);
  });

  it('a period partly outside the data is cut to it; a reversed one turned round; both say so', () => {
    const cut = readViewState('?from=2025-06&to=2026-05');
    expect([cut.view.from, cut.view.to]).toEqual(['2025-06', '2025-12']);
    expect(cut.notices).toMatchObject([{ kind: 'period', reason: 'clamped' }]);
    const swapped = readViewState('?from=2024-06&to=2024-01');
    expect([swapped.view.from, swapped.view.to]).toEqual(['2024-01', '2024-06']);
    expect(swapped.notices).toEqual([{ kind: 'period', asked: { from: '2024-06', to: '2024-01' }, reason: 'swapped', shown: { from: '2024-01', to: '2024-06' }, months }]);
    expect(readViewState('?from=2024-13').notices).toMatchObject([{ kind: 'period', reason: 'invalid' }]);
  });
});
