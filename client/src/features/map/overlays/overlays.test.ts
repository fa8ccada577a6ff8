import { afterEach, describe, expect, it, vi } from 'vitest';
import { MapCore } from '../core/mapCore.ts';
import { RecordingMap, smallTopology } from '../testing/recordingMap.ts';
import { overlayList } from './registry.ts';
import type { DensityCells } from './density.ts';

function setup() {
  const map = new RecordingMap();
  const core = new MapCore(map, 'buurt', { setDataCalls: 0, featureStateCalls: 0, overlayDataCalls: 0, densityDataCalls: 0 });
  core.setAreas(smallTopology(), 'buurt');
  map.forget();
  return { map, core };
}

const AREA_SOURCES = ['gemeenten', 'wijken', 'buurten', 'gemeente'];

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('every overlay', () => {
  it('removes exactly the layers, sources and images it added, and can add them again', () => {
    const { map, core } = setup();
    for (const overlay of overlayList(core.overlays)) {
      const layers = [...map.layers];
      const sources = [...map.sources.keys()];
      const images = [...map.images];
      overlay.remove(core);
      const removedLayers = map.named('removeLayer').map(([id]) => String(id));
      const removedSources = map.named('removeSource').map(([id]) => String(id));
      expect(removedLayers.length, overlay.id).toBeGreaterThan(0);
      // Nothing of the base or of another overlay is touched.
      expect(map.layers, overlay.id).toEqual(layers.filter((id) => !removedLayers.includes(id)));
      expect(removedSources.filter((id) => AREA_SOURCES.includes(id)), overlay.id).toEqual([]);
      expect([...map.sources.keys()], overlay.id).toEqual(sources.filter((id) => !removedSources.includes(id)));
      map.forget();
      overlay.add(core);
      expect(map.named('addLayer').map(([layer]) => (layer as { id: string }).id).sort(), overlay.id).toEqual([...removedLayers].sort());
      expect(map.named('addSource').map(([id]) => id), overlay.id).toEqual(removedSources);
      // Back on the map (an overlay without a `before` layer now sits on top).
      expect([...map.layers].sort(), overlay.id).toEqual([...layers].sort());
      expect([...map.images].sort(), overlay.id).toEqual(images.sort());
      map.forget();
    }
  });
});

describe('hotspots', () => {
  it('sets feature-state on the base source only for changed areas and shows the layers of the level on show', () => {
    const { map, core } = setup();
    const hotspots = core.overlays.hotspots;
    hotspots.update(core, { classes: new Map([['BU01', 'hot99']]), level: 'buurt' });
    expect(map.named('setFeatureState').map(([f, s]) => [(f as { id: string }).id, s])).toEqual([
      ['BU01', { hotspot: 'hot99' }],
      ['BU02', { hotspot: 'none' }],
      ['BU03', { hotspot: 'none' }],
      ['BU04', { hotspot: 'none' }],
    ]);
    expect(map.layout.get('buurten-hotspot-solid')).toBe('visible');
    expect(map.layout.get('wijken-hotspot-solid')).toBe('none');
    map.forget();
    hotspots.update(core, { classes: new Map([['BU02', 'cold95']]), level: 'buurt' });
    expect(map.named('setFeatureState').map(([f, s]) => [(f as { id: string }).id, s])).toEqual([
      ['BU01', { hotspot: 'none' }],
      ['BU02', { hotspot: 'cold95' }],
    ]);
    expect(map.named('addSource')).toEqual([]);
    expect(map.named('setData')).toEqual([]);
    hotspots.update(core, null);
    expect(map.layout.get('buurten-hotspot-solid')).toBe('none');
  });

  it('follows the level and comes back after new areas', () => {
    const { map, core } = setup();
    core.overlays.hotspots.update(core, { classes: new Map([['WK01', 'hot95']]), level: 'wijk' });
    core.setLevel('wijk');
    expect(map.layout.get('wijken-hotspot-dashed')).toBe('visible');
    expect(map.layout.get('buurten-hotspot-dashed')).toBe('none');
    map.forget();
    core.setAreas(smallTopology(), 'wijk');
    expect(map.named('setFeatureState')).toContainEqual([{ source: 'wijken', id: 'WK01' }, { hotspot: 'hot95' }]);
  });
});

describe('attention areas', () => {
  it('sends its own source once per list and geometry, and only shows or hides otherwise', () => {
    // No canvas in node: the areas are drawn without their number badge.
    vi.stubGlobal('document', { createElement: () => ({ getContext: () => null }) });
    const { map, core } = setup();
    const areas = [{ n: 1, codes: ['BU01', 'BU02'] }];
    core.overlays.attention.update(core, { areas, visible: true });
    const sent = map.named('setData');
    expect(sent.map(([id]) => id)).toEqual(['attention']);
    expect((sent[0][1] as { features: unknown[] }).features).toHaveLength(1);
    expect(map.layout.get('attention-line')).toBe('visible');
    map.forget();
    core.overlays.attention.update(core, { areas, visible: false });
    expect(map.named('setData')).toEqual([]);
    expect(map.layout.get('attention-line')).toBe('none');
    expect(core.counters.overlayDataCalls).toBe(2);
  });
});

describe('density', () => {
  it('puts its cells in its own source only, and stays between the fills and the outlines of the level on show', () => {
    const { map, core } = setup();
    const cells: DensityCells = { type: 'FeatureCollection', features: [] };
    core.overlays.density.update(core, cells);
    expect(map.named('setData').map(([id]) => id)).toEqual(['density']);
    expect(map.layout.get('density-fill')).toBe('visible');
    core.setLevel('wijk');
    expect(map.layers.indexOf('density-fill')).toBe(map.layers.indexOf('wijken-outline') - 1);
    core.overlays.density.update(core, null);
    expect(map.layout.get('density-fill')).toBe('none');
    expect(core.counters.densityDataCalls).toBe(1);
  });
});

describe('highlight', () => {
  it('draws the selected and hovered area of the level on show, and sends nothing when that did not change', () => {
    const { map, core } = setup();
    core.overlays.highlight.update(core, { selected: 'BU01' });
    core.overlays.highlight.update(core, { hovered: 'BU02' });
    core.overlays.highlight.update(core, { hovered: 'BU02' });
    const sent = map.named('setData');
    expect(sent.map(([id]) => id)).toEqual(['highlight', 'highlight']);
    const last = sent[1][1] as { features: { properties: { kind: string } }[] };
    expect(last.features.map((f) => f.properties.kind)).toEqual(['hover', 'selected']);
    map.forget();
    // A wijk code is not on the buurt level: nothing to draw but the selection.
    core.overlays.highlight.update(core, { hovered: 'WK01' });
    expect((map.named('setData')[0][1] as { features: unknown[] }).features).toHaveLength(1);
  });
});

describe('place', () => {
  it('marks one point and clears it', () => {
    const { map, core } = setup();
    core.overlays.place.update(core, [5.7, 50.8]);
    core.overlays.place.update(core, null);
    expect(map.named('setData').map(([id, data]) => [id, (data as { features: unknown[] }).features.length])).toEqual([
      ['search-place', 1],
      ['search-place', 0],
    ]);
  });
});
