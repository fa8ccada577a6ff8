// The map first: whether the page's first coloured map is on screen, so that the parts beside and below it that a
// reader does not need to read the map (the filters with their long lists, the table's rows) are rendered after it.
import { useEffect, useState } from 'react';

/**
 * Longest the page holds those parts back: when no coloured map comes (the figures cannot be loaded, no WebGL) they
 * show after this all the same.
 */
export const FIRST_MAP_WAIT_MS = 2000;

/** What the hook needs of the map: its next 'idle' (all tiles in view loaded and drawn). */
export interface IdleMap {
  idle(): Promise<void>;
}

/**
 * True from the first 'idle' of `map` after it was given colours (or FIRST_MAP_WAIT_MS after mount), and from then on.
 * Why: on a machine without a GPU and with two cores, rendering the filters (342 gemeenten in a list) and 342 table
 * rows while MapLibre's worker cut the first tiles made the country's first coloured map about 0.1 s later
 * (firstMapTiles; the main thread and the worker share the cores). They follow a frame after the map instead.
 */
export function useFirstMapShown(map: IdleMap | null, colours: ReadonlyMap<string, unknown>): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), FIRST_MAP_WAIT_MS);
    return () => clearTimeout(timer);
  }, []);
  const coloured = colours.size > 0;
  useEffect(() => {
    if (shown || !map || !coloured) return;
    let live = true;
    void map.idle().then(() => {
      if (live) setShown(true);
    });
    return () => {
      live = false;
    };
  }, [shown, map, coloured]);
  return shown;
}
