// The feature-state diff: MapLibre is told only what changed since the last call, per area. Recolouring the
// whole country (14,500 buurten) then costs one setFeatureState per area whose colour really changed.
import type { HotspotClassKey } from '../../../lib/overlayStyles.ts';
import type { FeatureIdentifier } from 'maplibre-gl';
import type { MapLike } from './mapLike.ts';

/** Everything the base layers and overlays read from an area's feature-state. */
export interface AreaState {
  fill?: string | null;
  noData?: boolean;
  hotspot?: HotspotClassKey;
}

/**
 * The keys of `next` whose value differs from `current` (keys `next` does not name are left alone);
 * null when nothing changed. Pure.
 */
export function stateDelta(current: Readonly<AreaState> | undefined, next: Readonly<AreaState>): AreaState | null {
  // Runs for every area on every recolour: no intermediate arrays or copies.
  let changed: AreaState | null = null;
  let k: keyof AreaState;
  for (k in next) {
    const v = next[k];
    if (current?.[k] !== v) ((changed ??= {}) as Record<string, unknown>)[k] = v;
  }
  return changed;
}

/** One call MapLibre has to get. */
export type FeatureStateCall = { op: 'set'; id: string; state: AreaState } | { op: 'remove'; id: string };

/**
 * The calls that turn the feature-state `prev` into `next` for one source: a set with the changed keys for an
 * area whose state changed, a remove for an area that is no longer in `next`, nothing for the others. Pure.
 */
export function diffFeatureStates(prev: ReadonlyMap<string, AreaState>, next: ReadonlyMap<string, AreaState>): FeatureStateCall[] {
  const calls: FeatureStateCall[] = [];
  visitFeatureStateCalls(prev, next, (id) => next.get(id)!, (call) => calls.push(call.op === 'set' ? { ...call } : call));
  return calls;
}

/** The areas a source should have state for: the keys of a map (of colours, of features, of states). */
type Areas = Pick<ReadonlyMap<string, unknown>, 'keys' | 'has'>;

/**
 * diffFeatureStates without the lists: `visit` gets each call as it is found (a recolour of the country finds
 * 14,500), and `stateOf` gives an area's next state when it is its turn, so it may hand back one object refilled
 * for every area (only the changed keys are copied). The call object is reused between visits, and `visit` may
 * change `prev` (the removals are found after the sets, by walking `prev` then).
 */
function visitFeatureStateCalls(
  prev: ReadonlyMap<string, AreaState>,
  areas: Areas,
  stateOf: (id: string) => Readonly<AreaState>,
  visit: (call: FeatureStateCall) => void,
): void {
  const set = { op: 'set' as const, id: '', state: {} as AreaState };
  for (const id of areas.keys()) {
    const delta = stateDelta(prev.get(id), stateOf(id));
    if (!delta) continue;
    set.id = id;
    set.state = delta;
    visit(set);
  }
  const remove = { op: 'remove' as const, id: '' };
  for (const id of prev.keys()) {
    if (areas.has(id)) continue;
    remove.id = id;
    visit(remove);
  }
}

/**
 * What MapLibre holds as feature-state, per source and area, so each patch sends only its delta. Cleared
 * together with MapLibre's own state when a source gets new geometry.
 */
export class FeatureStates {
  private readonly applied = new Map<string, Map<string, AreaState>>();

  constructor(
    private readonly map: Pick<MapLike, 'setFeatureState' | 'removeFeatureState'>,
    /** Counts the per-area calls (the browser tests and the benchmark read it). */
    private readonly counters: { featureStateCalls: number },
    /** The layer of a vector-tile source (MapLibre keys its feature-state by source and layer); none for GeoJSON. */
    private readonly sourceLayerOf: (source: string) => string | undefined = () => undefined,
  ) {}

  /** Sets the keys of `state` that differ from what the area has; true when a call was made. */
  patch(source: string, id: string, state: Readonly<AreaState>): boolean {
    const bySource = this.of(source);
    const delta = stateDelta(bySource.get(id), state);
    if (delta) this.set(source, bySource, id, delta);
    return delta !== null;
  }

  /**
   * Brings a whole source to the state `stateOf` gives each of `areas` (areas not among them lose their state),
   * without a map of next states: recolouring the country then makes no object per buurt that is not sent.
   */
  sync(source: string, areas: Areas, stateOf: (id: string) => Readonly<AreaState>): void {
    const bySource = this.of(source);
    visitFeatureStateCalls(bySource, areas, stateOf, (call) => {
      if (call.op === 'set') {
        this.set(source, bySource, call.id, call.state);
        return;
      }
      this.map.removeFeatureState(this.target(source, call.id));
      this.counters.featureStateCalls++;
      bySource.delete(call.id);
    });
  }

  /** Forgets and removes every state of a source (it is about to get new geometry). */
  reset(source: string): void {
    this.map.removeFeatureState(this.target(source));
    this.applied.delete(source);
  }

  private target(source: string, id?: string): FeatureIdentifier {
    // Made once per area and recolour: plain properties, no spreads (an absent id or layer is left undefined).
    return { source, id, sourceLayer: this.sourceLayerOf(source) };
  }

  private of(source: string): Map<string, AreaState> {
    let bySource = this.applied.get(source);
    if (!bySource) this.applied.set(source, (bySource = new Map()));
    return bySource;
  }

  private set(source: string, bySource: Map<string, AreaState>, id: string, delta: AreaState): void {
    this.map.setFeatureState(this.target(source, id), delta);
    this.counters.featureStateCalls++;
    const current = bySource.get(id);
    if (current) Object.assign(current, delta);
    else bySource.set(id, { ...delta });
  }
}
