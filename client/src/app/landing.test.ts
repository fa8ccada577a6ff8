import { describe, expect, it } from 'vitest';
import type { ClientConfig, Session } from '../api/client.ts';
import { checkAgainstLists, countryFirstView, landing, noticeText, statsQueryOf } from './landing.ts';
import { DEFAULT_VIEW, parseViewState, readViewState, type ViewNotice } from './urlState.ts';

const open: Session = { authenticated: true, openMode: true, username: null, role: 'open', wijken: [] };
const config: ClientConfig = {
  basemapStyleUrl: '',
  basemap: { id: 'none', label: 'Geen', tiles: null, style: null, attribution: '' },
  basemaps: [],
  defaultGemeente: 'GM0935',
  suppressionThreshold: 4,
  lowPopulationThreshold: 200,
  months: { first: '2021-01', last: '2025-12' },
  tileVersion: 'v1',
};

describe('the country first map: which visits get it', () => {
  it('the national map view, as the page would open it (same view, same figures asked)', () => {
    const search = '?gemeente=NL&measure=count';
    const view = countryFirstView(search, open, config, '');
    expect(view).toEqual(landing(open as Extract<Session, { authenticated: true }>)(parseViewState(search, { gemeente: 'GM0935', months: config.months })));
    expect(view).toMatchObject({ gemeente: 'NL', level: 'gemeente', measure: 'count', view: 'kaart' });
    expect(statsQueryOf(view!)).toEqual({ gemeente: 'NL', level: 'gemeente', category: view!.category, from: view!.from, to: view!.to, area: null });
    expect(countryFirstView('?gemeente=NL&level=buurt', open, config, '')).toMatchObject({ level: 'buurt' });
  });

  it('is none for a link that does not open the country', () => {
    expect(countryFirstView('?gemeente=GM0935', open, config, '')).toBeNull();
    expect(countryFirstView('?gemeente=NL&view=presentatie&presentation=3', open, config, '')).toBeNull();
  });

  it('leaves the map to the page where the page would show something else or draw it differently', () => {
    const analist: Session = { authenticated: true, openMode: false, username: 'a', role: 'analist', wijken: [] };
    expect(countryFirstView('?gemeente=NL', analist, config, '')).not.toBeNull();
    // Not signed in: the login form.
    expect(countryFirstView('?gemeente=NL', { authenticated: false, openMode: false }, config, '')).toBeNull();
    // A presentation screen's role sees its list of presentations, never the map.
    expect(countryFirstView('?gemeente=NL', { ...analist, role: 'presentatie' }, config, '')).toBeNull();
    // A wijkagent lands on their own wijk.
    expect(countryFirstView('?gemeente=NL', { ...analist, role: 'wijkagent', wijken: ['WK093501'] }, config, '')).toBeNull();
    // Another page of the country view, an attention area.
    expect(countryFirstView('?gemeente=NL&view=werkbank', open, config, '')).toBeNull();
    expect(countryFirstView('?gemeente=NL&area=3', open, config, '')).toBeNull();
    // A basemap style under the areas (the server's or the build's): the page makes that map.
    expect(countryFirstView('?gemeente=NL', open, { ...config, basemapStyleUrl: 'https://example.org/style.json' }, '')).toBeNull();
    expect(countryFirstView('?gemeente=NL', open, config, 'https://example.org/style.json')).toBeNull();
  });
});

describe("a link's gemeente and category, checked against the server's lists", () => {
  const defaults = { gemeente: 'GM0935', months: config.months };
  const lists = {
    gemeenten: [
      { code: 'GM0935', naam: 'Maastricht' },
      { code: 'GM0363', naam: 'Amsterdam' },
    ],
    categories: [
      { code: '0.0.0', naam: 'Totaal misdrijven' },
      { code: '1.1.1', naam: 'Diefstal/inbraak woning' },
    ],
  };

  it('a gemeente or category the data lacks becomes the default, with a notice naming both', () => {
    const asked = parseViewState('?gemeente=GM9999&selected=BU99990000&category=zzz', defaults);
    const { view, notices } = checkAgainstLists(asked, lists, defaults);
    expect(view).toMatchObject({ gemeente: 'GM0935', selected: null, category: '0.0.0' });
    expect(notices.map((n) => noticeText(n, lists))).toEqual([
      'De link vroeg om gemeente ‘GM9999’; die staat niet in de gegevens. U ziet Maastricht.',
      'De link vroeg om soort misdrijf ‘zzz’; die staat niet in de gegevens. U ziet Totaal misdrijven.',
    ]);
  });

  it('leaves a known view alone, and checks nothing before the lists are there', () => {
    const known = parseViewState('?gemeente=GM0363&category=1.1.1', defaults);
    expect(checkAgainstLists(known, lists, defaults)).toEqual({ view: known, notices: [] });
    const nl = parseViewState('?gemeente=NL', defaults);
    expect(checkAgainstLists(nl, lists, defaults).notices).toEqual([]);
    const unknown = parseViewState('?gemeente=GM9999&category=zzz', defaults);
    expect(checkAgainstLists(unknown, { gemeenten: [], categories: [] }, defaults)).toEqual({ view: unknown, notices: [] });
  });
});

describe('the notices about a link, in Dutch', () => {
  const lists = { gemeenten: [{ code: 'GM0935', naam: 'Maastricht' }], categories: [] };
  const texts = (search: string) => readViewState(search).notices.map((n) => noticeText(n, lists));

  it('say what was asked and what is shown instead, without developer words', () => {
    expect(texts('?gemeente=XX123')).toEqual(['De link vroeg om gemeente ‘XX123’; dat is geen gemeentecode. U ziet Maastricht.']);
    expect(texts('?level=foo')).toEqual(['De link vroeg om gebiedsniveau ‘foo’; dat bestaat niet. U ziet buurten.']);
    expect(texts('?measure=xyz')).toEqual(['De link vroeg om maat ‘xyz’; die bestaat niet. U ziet misdrijven per 1.000 inwoners.']);
    expect(texts('?view=nonsense')).toEqual(['De link vroeg om onderdeel ‘nonsense’; dat bestaat niet. U ziet Kaart.']);
    expect(texts('?period=2099')).toEqual(['De link bevatte ‘period=2099’; dat onderdeel kent de kaart niet en is weggelaten.']);
    expect(texts('?from=2099-01&to=2099-12')).toEqual([
      'De link vroeg om de periode ‘jan 2099 – dec 2099’; er zijn cijfers van jan 2021 tot en met dec 2025. U ziet jan 2024 – dec 2024.',
    ]);
    expect(texts('?from=2024-06&to=2024-01')).toEqual(['De link vroeg om de periode ‘jun 2024 – jan 2024’; het begin lag na het einde. U ziet jan 2024 – jun 2024.']);
    // Not months at all: quoted as the link wrote them, not half-formatted ("13 2024").
    expect(texts('?from=abc&to=2024-13')).toEqual(['De link vroeg om de periode ‘abc – 2024-13’; dat is geen geldige maand (jjjj-mm). U ziet jan 2024 – dec 2024.']);
  });

  it('has a sentence for every kind of notice, quoting long values short', () => {
    const all: ViewNotice[] = [
      ...readViewState(`?gemeente=x&level=gemeente&category=<b>&from=x&measure=y&view=z&classes=99&foo=${'a'.repeat(100)}`).notices,
      { kind: 'gemeente', asked: 'GM9999', reason: 'unknown', shown: DEFAULT_VIEW.gemeente },
    ];
    for (const text of all.map((n) => noticeText(n, lists))) {
      expect(text).toMatch(/^De link (vroeg om|bevatte) .+\.$/);
      expect(text.length).toBeLessThan(200);
    }
  });
});
