import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { SignalOverlay } from './signalOverlay.ts';

/** A recording stand-in for the MapLibre map: sources, layers, feature-state and events. */
function fakeMap() {
  const layers = new Map<string, unknown>();
  const state = new Map<string, Record<string, unknown>>();
  const handlers = new Map<string, Set<() => void>>();
  const calls: string[] = [];
  const map = {
    isStyleLoaded: () => true,
    getSource: (id: string) => (id === 'buurten' || id === 'wijken' ? {} : undefined),
    getLayer: (id: string) => layers.get(id),
    addLayer: (l: { id: string }) => {
      calls.push(`addLayer ${l.id}`);
      layers.set(l.id, l);
    },
    removeLayer: (id: string) => layers.delete(id),
    setFeatureState: (f: { source: string; id: string }, s: Record<string, unknown>) => {
      calls.push(`state ${f.source}/${f.id}=${String(s.signal)}`);
      state.set(`${f.source}/${f.id}`, { ...state.get(`${f.source}/${f.id}`), ...s });
    },
    getFeatureState: (f: { source: string; id: string }) => state.get(`${f.source}/${f.id}`) ?? {},
    on: (e: string, h: () => void) => void (handlers.get(e) ?? handlers.set(e, new Set()).get(e)!).add(h),
    off: (e: string, h: () => void) => void handlers.get(e)?.delete(h),
    once: (e: string, h: () => void) => void (handlers.get(e) ?? handlers.set(e, new Set()).get(e)!).add(h),
    fire: (e: string) => [...(handlers.get(e) ?? [])].forEach((h) => h()),
    clearState: () => state.clear(),
  };
  return { map, layers, state, calls, handlers };
}

describe('SignalOverlay', () => {
  it('adds a solid and a dashed line layer per level on the base sources, once', () => {
    const f = fakeMap();
    const o = new SignalOverlay();
    o.add(f.map as unknown as MapLibreMap);
    o.add(f.map as unknown as MapLibreMap);
    expect([...f.layers.keys()].sort()).toEqual(['signal-buurten-higher', 'signal-buurten-lower', 'signal-wijken-higher', 'signal-wijken-lower']);
    expect(f.calls.filter((c) => c.startsWith('addLayer'))).toHaveLength(4);
  });

  it('marks the areas by feature-state and clears the previous marks on the next update', () => {
    const f = fakeMap();
    const o = new SignalOverlay();
    o.add(f.map as unknown as MapLibreMap);
    o.update('buurt', new Map([['BU1', 'higher'], ['BU2', 'lower']]));
    expect(f.state.get('buurten/BU1')).toEqual({ signal: 'higher' });
    expect(f.state.get('buurten/BU2')).toEqual({ signal: 'lower' });
    o.update('wijk', new Map([['WK1', 'higher']]));
    expect(f.state.get('buurten/BU1')).toEqual({ signal: null });
    expect(f.state.get('wijken/WK1')).toEqual({ signal: 'higher' });
    o.update('wijk', null);
    expect(f.state.get('wijken/WK1')).toEqual({ signal: null });
  });

  it('puts the marks back after the map cleared feature-state for new areas (at idle)', () => {
    const f = fakeMap();
    const o = new SignalOverlay();
    o.add(f.map as unknown as MapLibreMap);
    o.update('buurt', new Map([['BU1', 'higher']]));
    f.map.clearState();
    f.map.fire('idle');
    expect(f.state.get('buurten/BU1')).toEqual({ signal: 'higher' });
    const before = f.calls.length;
    f.map.fire('idle');
    expect(f.calls.length).toBe(before);
  });

  it('removes its layers and its idle listener', () => {
    const f = fakeMap();
    const o = new SignalOverlay();
    o.add(f.map as unknown as MapLibreMap);
    o.update('buurt', new Map([['BU1', 'higher']]));
    o.remove();
    expect(f.layers.size).toBe(0);
    expect(f.handlers.get('idle')?.size ?? 0).toBe(0);
  });
});
