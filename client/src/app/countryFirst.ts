// The country's first map, before the page. A visit to the national view (?gemeente=NL) makes its map as soon as
// MapLibre is loaded, with the tiles and the figures asked for at once, colours it as the page would and shows it;
// the page's own scripts (React and the rest of the app) are loaded after that and take the map over (MapView's
// `adopt`), with the same answers (api/early.ts): nothing is asked twice and the colours do not change. On two
// cores without a GPU the page's scripts and first render, done before the map, were most of the time to the
// first coloured national map (firstMapTiles); the map is what the visit is for.
// Every other visit, and any the first map cannot serve as the page would (landing.ts, countryFirstView), renders
// the page at once as before.
import { askEarly } from '../api/early.ts';
import { fetchConfig, fetchSession, fetchStats, type ClientConfig, type Session } from '../api/client.ts';
import { chosenBasemap, rememberedBasemap } from '../features/basemap/choice.ts';
import { ChoroplethMap, COUNTRY_BBOX, countryTiles } from '../features/map/ChoroplethMap.ts';
import type { FirstMap } from '../features/map/MapView.tsx';
import { countryFirstView, envBasemap, statsQueryOf } from './landing.ts';
import { classifyMeasure, policeColours, shownOf } from './sources/policeColours.ts';
import { FIRST_COLOURED_MARK } from './testHook.ts';

/** Who is signed in and how the server is set up, when the first map asked (the page starts from them). */
export interface FirstAnswers {
  session: Session;
  config: ClientConfig;
}

/** The longest the page waits for the first coloured map before it renders all the same (a slow tile or answer). */
const PAGE_WAITS_AT_MOST_MS = 2500;

let first: FirstMap | null = null;

/** The first map, once: the page's country view takes it over. Null when none was made, or it was taken. */
export function takeFirstMap(): FirstMap | null {
  const taken = first;
  first = null;
  return taken;
}

/**
 * Draws the country's first map when the visit opens the national map view (the entry calls it only for a link that
 * may, countryLink.ts); resolves once it is coloured (or has waited long enough), with the answers the page starts
 * from, or with null when it could not ask for them.
 */
export async function drawCountryFirst(search: string, root: HTMLElement): Promise<FirstAnswers | null> {
  if (typeof Worker === 'undefined') return null;
  let answers: FirstAnswers;
  try {
    const [session, config] = await Promise.all([askEarly(['session'], () => fetchSession()), askEarly(['config'], () => fetchConfig())]);
    answers = { session, config };
  } catch {
    return null; // the page asks again and says what went wrong
  }
  const view = countryFirstView(search, answers.session, answers.config, envBasemap());
  if (!view) return answers;

  const query = statsQueryOf(view);
  const stats = askEarly(['stats', query], () => fetchStats(query));
  const element = placeOver(root);
  let map: ChoroplethMap;
  try {
    map = new ChoroplethMap({ container: element, title: 'Kaart van Nederland', tiles: countryTiles(answers.config.tileVersion), bounds: COUNTRY_BBOX, level: view.level });
  } catch {
    // No map here (no WebGL): the page makes its own and says why; nothing is left over it.
    element.remove();
    return answers;
  }
  first = { map, element };
  // The background map the page would open with (its tiles are part of the first map's 'idle').
  const basemap = chosenBasemap(answers.config.basemaps, rememberedBasemap(), answers.config.basemap);
  map.setBasemap(basemap?.tiles ? basemap : null);
  const coloured = stats.then(async (s) => {
    // As the police source colours the country (sources/police.tsx): every area of the level has a row.
    const codes = s.rows.map((r) => r.code);
    map.setValues(policeColours(s.rows, classifyMeasure(s.rows, view), { measure: view.measure, codes, restricted: false }), view.level);
    await map.idle();
    performance.mark(FIRST_COLOURED_MARK, { detail: shownOf(s.meta, view.measure).join('|') });
    // The frame that shows it is painted before the page's scripts take the main thread.
    await new Promise<void>((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
  });
  let waited: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([coloured.catch(() => undefined), new Promise<void>((resolve) => (waited = setTimeout(resolve, PAGE_WAITS_AT_MOST_MS)))]);
  clearTimeout(waited);
  return answers;
}

/**
 * The page's frame (its header, the side column's place and the map's area, the classes of app.css) with the map's
 * own element over the map's area: the map is made at the size the page will give it, so its camera and its
 * first tiles stay the page's. The element lives outside the page's root, which React empties when it renders.
 */
function placeOver(root: HTMLElement): HTMLElement {
  root.innerHTML =
    '<header class="app-header"><div class="app-header-inner"><h1>Buurtveiligheidskaart</h1></div></header>' +
    '<main class="layout"><div class="sidebar"><p class="app-loading">Legenda en filters laden…</p></div>' +
    '<div class="map-area"><div class="map-view"></div></div></main>';
  const area = root.querySelector('.map-view')!.getBoundingClientRect();
  const element = document.createElement('div');
  element.className = 'map-canvas';
  // The map area's border stays the page's: the map fills what is inside it.
  element.style.cssText = `position:absolute;left:${area.left + scrollX + 1}px;top:${area.top + scrollY + 1}px;width:${area.width - 2}px;height:${area.height - 2}px`;
  document.body.appendChild(element);
  return element;
}
