import { describe, expect, it } from 'vitest';
import type { ClientConfig, Session } from '../api/client.ts';
import { countryFirstView, landing, statsQueryOf } from './landing.ts';
import { parseViewState } from './urlState.ts';

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
