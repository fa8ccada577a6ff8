// Which background map a visit opens with: the one chosen in this browser before (remembered), else the
// installation's default. Apart from the hook (useBasemap.ts) so the country's first map, drawn before the page
// (app/countryFirst.ts), opens with the same one.
import type { Basemap } from '../../api/client.ts';

const KEY = 'bvk-basemap';

/** The id chosen in this browser before, if any (none in private mode or where storage is refused). */
export function rememberedBasemap(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function rememberBasemap(id: string): void {
  try {
    localStorage.setItem(KEY, id);
  } catch {
    // Private mode: the choice lasts until the page is closed.
  }
}

/** The background map of the remembered id among the choices, else the installation's default. */
export function chosenBasemap(choices: readonly Basemap[], id: string | null, fallback: Basemap | null): Basemap | null {
  return choices.find((b) => b.id === id) ?? fallback;
}
