// Where a visit starts: the server's defaults and, for a wijkagent, their own wijk. Pure, so the country's first map
// (countryFirst.ts) opens the same view the page then shows.
import type { ClientConfig, Session, StatsQuery } from '../api/client.ts';
import { presentationOnly } from '../features/auth/capabilities.ts';
import { mayOpenCountry } from './countryLink.ts';
import { parseViewState, STATIC_DEFAULTS, type ViewDefaults, type ViewState } from './urlState.ts';

export function viewDefaults(config: ClientConfig | null): ViewDefaults {
  return { gemeente: config?.defaultGemeente || STATIC_DEFAULTS.gemeente, months: config?.months ?? STATIC_DEFAULTS.months };
}

/** A wijkagent lands on their own wijk, unless the link says otherwise. */
export function landing(session: Extract<Session, { authenticated: true }>): (v: ViewState) => ViewState {
  return (v) => {
    if (session.role !== 'wijkagent' || session.wijken.length === 0 || v.mijnWijk || v.selected) return v;
    const own = session.wijken[0];
    return { ...v, gemeente: `GM${own.slice(2, 6)}`, mijnWijk: own };
  };
}

/** The police figures a view's map is coloured with (one query key for the page and the first map alike). */
export function statsQueryOf({ gemeente, level, category, from, to, area }: ViewState): StatsQuery {
  return { gemeente, level, category, from, to, area };
}

/** A basemap style given to the client's build (development), under the server's own (config.basemapStyleUrl). */
export function envBasemap(): string {
  return (import.meta.env.VITE_BASEMAP_STYLE as string | undefined) ?? '';
}

/**
 * The view of the national map a visit opens, when its map can be drawn before the page (countryFirst.ts) exactly
 * as the page would draw it; null when the page draws its own: not signed in, a presentation screen, a wijkagent
 * landing on their wijk, another page or gemeente, an attention area, or a basemap style under the areas.
 */
export function countryFirstView(search: string, session: Session, config: ClientConfig, basemapStyle: string): ViewState | null {
  if (!mayOpenCountry(search) || !session.authenticated || presentationOnly(session) || config.basemapStyleUrl || basemapStyle) return null;
  const view = landing(session)(parseViewState(search, viewDefaults(config)));
  return view.gemeente === 'NL' && view.view === 'kaart' && view.area === null ? view : null;
}
