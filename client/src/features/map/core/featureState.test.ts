import { describe, expect, it } from 'vitest';
import { RecordingMap } from '../testing/recordingMap.ts';
import { diffFeatureStates, FeatureStates, stateDelta, type AreaState } from './featureState.ts';

describe('stateDelta', () => {
  it('returns only the keys whose value changed, and null when none did', () => {
    expect(stateDelta(undefined, { fill: '#fff', noData: false })).toEqual({ fill: '#fff', noData: false });
    expect(stateDelta({ fill: '#fff', noData: false }, { fill: '#000', noData: false })).toEqual({ fill: '#000' });
    expect(stateDelta({ fill: '#fff', noData: false }, { fill: '#fff', noData: false })).toBeNull();
  });

  it('leaves keys that the next state does not name alone', () => {
    expect(stateDelta({ fill: '#fff', hotspot: 'hot99' }, { hotspot: 'hot99' })).toBeNull();
    expect(stateDelta({ fill: '#fff', hotspot: 'hot99' }, { fill: '#fff', hotspot: 'none' })).toEqual({ hotspot: 'none' });
  });
});

describe('diffFeatureStates', () => {
  const prev = new Map<string, AreaState>([
    ['BU01', { fill: '#aaa', noData: false }],
    ['BU02', { fill: '#bbb', noData: false }],
    ['BU03', { fill: '#ccc', noData: false }],
  ]);

  it('sets only the areas whose state changed, and only the changed keys', () => {
    const next = new Map<string, AreaState>([
      ['BU01', { fill: '#aaa', noData: false }],
      ['BU02', { fill: '#999', noData: true }],
      ['BU03', { fill: '#ccc', noData: false }],
    ]);
    expect(diffFeatureStates(prev, next)).toEqual([{ op: 'set', id: 'BU02', state: { fill: '#999', noData: true } }]);
  });

  it('removes the state of areas no longer there and sets new ones', () => {
    const next = new Map<string, AreaState>([
      ['BU01', { fill: '#aaa', noData: false }],
      ['BU02', { fill: '#bbb', noData: false }],
      ['BU04', { fill: '#ddd', noData: false }],
    ]);
    expect(diffFeatureStates(prev, next)).toEqual([
      { op: 'set', id: 'BU04', state: { fill: '#ddd', noData: false } },
      { op: 'remove', id: 'BU03' },
    ]);
  });

  it('is empty for equal states', () => {
    expect(diffFeatureStates(prev, new Map(prev))).toEqual([]);
  });
});

describe('FeatureStates', () => {
  function setup() {
    const map = new RecordingMap();
    map.addSource('buurten', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.forget();
    const counters = { featureStateCalls: 0 };
    return { map, counters, states: new FeatureStates(map, counters) };
  }

  it('sends a patch once; the same patch again sends nothing', () => {
    const { map, counters, states } = setup();
    expect(states.patch('buurten', 'BU01', { fill: '#fff' })).toBe(true);
    expect(states.patch('buurten', 'BU01', { fill: '#fff' })).toBe(false);
    expect(map.named('setFeatureState')).toEqual([[{ source: 'buurten', id: 'BU01' }, { fill: '#fff' }]]);
    expect(counters.featureStateCalls).toBe(1);
  });

  it('syncs a whole source with one call per changed area', () => {
    const { map, counters, states } = setup();
    const colours = (c: string) =>
      new Map<string, AreaState>([
        ['BU01', { fill: '#aaa', noData: false }],
        ['BU02', { fill: c, noData: false }],
      ]);
    const sync = (next: Map<string, AreaState>) => states.sync('buurten', next, (id) => next.get(id)!);
    sync(colours('#bbb'));
    map.forget();
    sync(colours('#000'));
    expect(map.calls).toEqual([{ method: 'setFeatureState', args: [{ source: 'buurten', id: 'BU02' }, { fill: '#000' }] }]);
    expect(counters.featureStateCalls).toBe(3);
  });

  it('syncs from one state object refilled per area, keeping a copy of each and removing areas no longer listed', () => {
    const { map, states } = setup();
    const fills = new Map([['BU01', '#aaa'], ['BU02', '#bbb'], ['BU03', '#ccc']]);
    const state: AreaState = {};
    const refill = (id: string) => {
      state.fill = fills.get(id);
      return state;
    };
    states.sync('buurten', fills, refill);
    fills.delete('BU03');
    fills.set('BU02', '#000');
    map.forget();
    states.sync('buurten', fills, refill);
    expect(map.calls).toEqual([
      { method: 'setFeatureState', args: [{ source: 'buurten', id: 'BU02' }, { fill: '#000' }] },
      { method: 'removeFeatureState', args: [{ source: 'buurten', id: 'BU03' }, undefined] },
    ]);
    map.forget();
    states.sync('buurten', fills, refill);
    expect(map.calls).toEqual([]);
  });

  it('keeps the keys of different writers apart (colours and hotspots on one source)', () => {
    const { map, states } = setup();
    states.patch('buurten', 'BU01', { fill: '#aaa', noData: false });
    states.patch('buurten', 'BU01', { hotspot: 'hot95' });
    map.forget();
    const next = new Map([['BU01', { fill: '#aaa', noData: false }]]);
    states.sync('buurten', next, (id) => next.get(id)!);
    states.patch('buurten', 'BU01', { hotspot: 'hot95' });
    expect(map.calls).toEqual([]);
  });

  it('after a reset (new geometry) sends every state again', () => {
    const { map, states } = setup();
    states.patch('buurten', 'BU01', { fill: '#aaa' });
    states.reset('buurten');
    expect(map.named('removeFeatureState')).toEqual([[{ source: 'buurten' }, undefined]]);
    expect(states.patch('buurten', 'BU01', { fill: '#aaa' })).toBe(true);
  });
});
