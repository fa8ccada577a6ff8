import { describe, expect, it } from 'vitest';
import { allMonths, DEFAULT_VIEW, parseViewState, serializeViewState, type ViewState } from './urlState.ts';

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
      bron: 'bivariaat',
      indicator: 'rapportcijfer_veiligheid',
      surveyYear: 2013,
      kern: 'pct65plus',
      groep: 'G40',
      benchmarkYear: 2023,
      hotspots: 'lisa',
      aandacht: true,
      area: 3,
      weights: 'smoothedRate:2,change:0.5',
      shortlist: ['BU09350000', 'BU09350004'],
      heatmap: true,
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
