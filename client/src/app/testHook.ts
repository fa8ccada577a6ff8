// window.__bvk: the browser tests' view into the map (events to wait on, call counters), installed
// by the map page and the presentation alike.
import type { ChoroplethMap } from '../features/map/ChoroplethMap.ts';
import { requestCounts } from '../api/client.ts';

export interface BvkHook {
  map: ChoroplethMap['map'];
  ready: Promise<void>;
  /** Resolves at the map's next 'idle' event. */
  idle: () => Promise<void>;
  /** "gemeente|level|category|from|to|measure" of the view whose colours are on the map (set after 'idle'). */
  appliedKey: string | null;
  /** performance.now() when appliedKey was last set: the moment MapLibre went idle (the benchmark's end mark; a test
   * that polls appliedKey sees it a frame later, after the compositor). */
  readonly appliedAt: number | null;
  /** "bron|gemeente|level|indicator|year" of a survey, bivariate or kerncijfers map on screen (set after 'idle'). */
  appliedOverlay: string | null;
  stats: { readonly setDataCalls: number; readonly featureStateCalls: number; readonly areasFetches: number; readonly statsFetches: number };
}

declare global {
  interface Window {
    /** Test hook for the browser tests. */
    __bvk?: BvkHook;
  }
}

/**
 * The performance mark of the country's first map (countryFirst.ts) once MapLibre is idle in its colours, before the
 * page is there to set appliedKey; its `detail` is the view's key, as appliedKey would name it. The benchmarks end
 * the first national map there (firstMapTiles); the page's appliedKey for the same view follows once it renders.
 */
export const FIRST_COLOURED_MARK = 'bvk-first-coloured';

export function installTestHook(m: ChoroplethMap): void {
  let appliedKey: string | null = null;
  let appliedAt: number | null = null;
  window.__bvk = {
    map: m.map,
    ready: m.ready,
    idle: () => m.idle(),
    get appliedKey() {
      return appliedKey;
    },
    set appliedKey(key: string | null) {
      appliedKey = key;
      appliedAt = performance.now();
    },
    get appliedAt() {
      return appliedAt;
    },
    appliedOverlay: null,
    stats: {
      get setDataCalls() {
        return m.counters.setDataCalls;
      },
      get featureStateCalls() {
        return m.counters.featureStateCalls;
      },
      get areasFetches() {
        return requestCounts.areas;
      },
      get statsFetches() {
        return requestCounts.stats;
      },
    },
  };
}
