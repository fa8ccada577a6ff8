// Where a visit starts: the server's defaults and, for a wijkagent, their own wijk. Pure, so the country's first map
// (countryFirst.ts) opens the same view the page then shows.
import type { ClientConfig, Session, StatsQuery } from '../api/client.ts';
import { presentationOnly } from '../features/auth/capabilities.ts';
import { mayOpenCountry } from './countryLink.ts';
import { formatMonth, formatPeriod } from '../lib/format.ts';
import { levelPlural } from '../lib/level.ts';
import { measureInfo } from '../lib/measures.ts';
import { APP_VIEWS, DEFAULT_VIEW, parseViewState, STATIC_DEFAULTS, viewReducer, type ViewDefaults, type ViewNotice, type ViewState } from './urlState.ts';

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

interface Named {
  code: string;
  naam: string;
}

/**
 * The gemeente and category of a link checked against the server's lists, once they are there (an empty list is
 * not there yet: nothing is checked). What the data does not have becomes the default, with a notice.
 */
export function checkAgainstLists(
  view: ViewState,
  lists: { gemeenten: readonly Named[]; categories: readonly Named[] },
  defaults: ViewDefaults,
): { view: ViewState; notices: ViewNotice[] } {
  let v = view;
  const notices: ViewNotice[] = [];
  const { gemeenten, categories } = lists;
  if (gemeenten.length > 0 && v.gemeente !== 'NL' && v.gemeente !== defaults.gemeente && !gemeenten.some((g) => g.code === v.gemeente)) {
    notices.push({ kind: 'gemeente', asked: v.gemeente, reason: 'unknown', shown: defaults.gemeente });
    v = viewReducer(v, { type: 'setGemeente', gemeente: defaults.gemeente });
    v = { ...v, mijnWijk: null };
  }
  const category = DEFAULT_VIEW.category;
  if (categories.length > 0 && v.category !== category && !categories.some((c) => c.code === v.category)) {
    notices.push({ kind: 'category', asked: v.category, reason: 'unknown', shown: category });
    v = viewReducer(v, { type: 'setCategory', category });
  }
  return { view: v, notices };
}

/** A value from a link as the notice quotes it: the link's own text, cut short. */
const quoted = (value: string) => `‘${value.length > 40 ? `${value.slice(0, 39)}…` : value}’`;

/** What a notice about a link says, in Dutch, with the names of the lists (the code itself while a list is missing). */
export function noticeText(n: ViewNotice, lists: { gemeenten: readonly Named[]; categories: readonly Named[] }): string {
  const gemeente = (code: string) => (code === 'NL' ? 'heel Nederland' : (lists.gemeenten.find((g) => g.code === code)?.naam ?? code));
  const category = (code: string) => lists.categories.find((c) => c.code === code)?.naam ?? code;
  switch (n.kind) {
    case 'gemeente':
      return `De link vroeg om gemeente ${quoted(n.asked)}; ${n.reason === 'invalid' ? 'dat is geen gemeentecode' : 'die staat niet in de gegevens'}. U ziet ${gemeente(n.shown)}.`;
    case 'category':
      return `De link vroeg om soort misdrijf ${quoted(n.asked)}; die staat niet in de gegevens. U ziet ${category(n.shown)}.`;
    case 'level':
      return n.reason === 'invalid'
        ? `De link vroeg om gebiedsniveau ${quoted(n.asked)}; dat bestaat niet. U ziet ${levelPlural(n.shown)}.`
        : `De link vroeg om gemeenten als gebiedsniveau; dat kan alleen voor heel Nederland. U ziet ${levelPlural(n.shown)}.`;
    case 'measure':
      return `De link vroeg om maat ${quoted(n.asked)}; die bestaat niet. U ziet ${measureInfo(n.shown).title.toLowerCase()}.`;
    case 'page':
      return `De link vroeg om onderdeel ${quoted(n.asked)}; dat bestaat niet. U ziet ${APP_VIEWS.find((p) => p.key === n.shown)?.label ?? n.shown}.`;
    case 'period': {
      // A month that is not one is quoted as the link wrote it ("2024-13"), a real one as the page writes months.
      const asked = [n.asked.from, n.asked.to]
        .filter((m) => m !== null)
        .map((m) => (n.reason === 'invalid' ? m : formatMonth(m)))
        .join(' – ');
      const shown = formatPeriod(n.shown.from, n.shown.to);
      const data = `er zijn cijfers van ${formatMonth(n.months.first)} tot en met ${formatMonth(n.months.last)}`;
      const why = {
        invalid: 'dat is geen geldige maand (jjjj-mm)',
        outside: data,
        clamped: data,
        swapped: 'het begin lag na het einde',
      }[n.reason];
      return `De link vroeg om de periode ${quoted(asked)}; ${why}. U ziet ${shown}.`;
    }
    case 'value':
      return `De link bevatte ${quoted(`${n.key}=${n.asked}`)}; die waarde is niet geldig en is weggelaten.`;
    case 'unknown':
      return `De link bevatte ${quoted(`${n.key}=${n.asked}`)}; dat onderdeel kent de kaart niet en is weggelaten.`;
  }
}
