import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { NO_DATA_FILL } from '../../../lib/palette.ts';
import { RecordingMap, smallTopology } from '../testing/recordingMap.ts';
import type { MapCounters } from '../overlays/types.ts';
import { baseSources, layersWithoutImages } from './baseLayers.ts';
import { MapCore } from './mapCore.ts';

function setup() {
  const map = new RecordingMap();
  const counters: MapCounters = { setDataCalls: 0, featureStateCalls: 0, overlayDataCalls: 0, densityDataCalls: 0 };
  const core = new MapCore(map, 'buurt', counters);
  return { map, counters, core };
}

const AREA_SOURCES = new Set(['gemeenten', 'wijken', 'buurten', 'gemeente']);
/** The sources that got setData, area sources only (the overlays' own sources have their own tests). */
const areaData = (map: RecordingMap) => map.named('setData').map(([id]) => id).filter((id) => AREA_SOURCES.has(String(id)));
const colours = (entries: [string, string | null][]) => new Map(entries);

describe('MapCore', () => {
  it('adds one source per level and the gemeente borders, each once, under the overlays', () => {
    const { map } = setup();
    expect([...map.sources.keys()].slice(0, 4)).toEqual(['gemeenten', 'wijken', 'buurten', 'gemeente']);
    // Density between the fills and the outlines of the level on show; wijk hotspots above the wijk layers.
    expect(map.layers).toEqual([
      'gemeenten-fill', 'gemeenten-nodata', 'gemeenten-outline',
      'wijken-fill', 'wijken-nodata', 'wijken-outline',
      ...['hatch', 'dots', 'casing', 'solid', 'dashed', 'dotted'].map((s) => `wijken-hotspot-${s}`),
      'buurten-fill', 'buurten-nodata', 'density-fill', 'buurten-outline',
      ...['hatch', 'dots', 'casing', 'solid', 'dashed', 'dotted'].map((s) => `buurten-hotspot-${s}`),
      'gemeente-outline', 'highlight-casing', 'highlight', 'attention-casing', 'attention-line', 'attention-label', 'search-place',
    ]);
    expect(map.layout.get('buurten-fill')).toBe('visible');
    expect(map.layout.get('wijken-fill')).toBe('none');
  });

  it('new areas: setData on the level on show and the borders only; the hidden level waits until it is shown', () => {
    const { map, counters, core } = setup();
    map.forget();
    core.setAreas(smallTopology(), 'buurt');
    expect(areaData(map)).toEqual(['buurten', 'gemeente']);
    expect(counters.setDataCalls).toBe(2);
    map.forget();
    core.setLevel('wijk');
    expect(areaData(map)).toEqual(['wijken']);
    expect(map.layout.get('wijken-fill')).toBe('visible');
    expect(map.layout.get('buurten-fill')).toBe('none');
    map.forget();
    core.setLevel('buurt');
    core.setLevel('wijk');
    expect(areaData(map)).toEqual([]);
  });

  it('recolouring only sets feature-state, and only for the areas whose colour changed', () => {
    const { map, counters, core } = setup();
    core.setAreas(smallTopology(), 'buurt');
    core.setValues(colours([['BU01', '#111'], ['BU02', '#222'], ['BU03', null]]), 'buurt');
    // BU04 has no value yet: the neutral loading colour, not "geen gegevens".
    expect(map.named('setFeatureState')).toContainEqual([{ source: 'buurten', id: 'BU03' }, { fill: NO_DATA_FILL, noData: true }]);
    expect(map.named('setFeatureState')).toContainEqual([{ source: 'buurten', id: 'BU04' }, { fill: null, noData: false }]);
    map.forget();
    const before = counters.featureStateCalls;
    core.setValues(colours([['BU01', '#111'], ['BU02', '#999'], ['BU03', null]]), 'buurt');
    expect(map.calls).toEqual([{ method: 'setFeatureState', args: [{ source: 'buurten', id: 'BU02' }, { fill: '#999' }] }]);
    expect(counters.featureStateCalls).toBe(before + 1);
    expect(counters.setDataCalls).toBe(2);
  });

  it('new areas clear the feature-state and colour the new areas from the last colours', () => {
    const { map, core } = setup();
    core.setAreas(smallTopology(), 'buurt');
    core.setValues(colours([['BU01', '#111']]), 'buurt');
    map.forget();
    core.setAreas(smallTopology(), 'buurt');
    expect(map.named('removeFeatureState')).toContainEqual([{ source: 'buurten' }, undefined]);
    expect(map.named('setFeatureState')).toContainEqual([{ source: 'buurten', id: 'BU01' }, { fill: '#111', noData: false }]);
    expect(map.named('addSource')).toEqual([]);
    expect(map.named('addLayer')).toEqual([]);
  });

  it('a background map makes the fills of every level see-through', () => {
    const { map, core } = setup();
    core.seeThrough(true);
    expect(map.named('setPaintProperty')).toEqual([
      ['gemeenten-fill', 'fill-opacity', 0.65],
      ['wijken-fill', 'fill-opacity', 0.65],
      ['buurten-fill', 'fill-opacity', 0.65],
    ]);
  });
});

describe('MapCore credits', () => {
  it("credits a gemeente map's boundaries as the country's tiles are credited (CBS, Kadaster/PDOK)", () => {
    const { map } = setup();
    for (const id of ['gemeenten', 'wijken', 'buurten']) expect(map.sources.get(id)?.spec, id).toMatchObject({ attribution: 'Bron: CBS, Kadaster/PDOK' });
  });
});

describe('MapCore over vector tiles (the country)', () => {
  const TILES = { buurt: { url: 'http://x/api/tiles/buurt.json' }, wijk: { url: 'http://x/api/tiles/wijk.json' }, gemeente: { url: 'http://x/api/tiles/gemeente.json' } };
  function tiled(level: 'buurt' | 'gemeente' = 'buurt') {
    const map = new RecordingMap();
    const counters: MapCounters = { setDataCalls: 0, featureStateCalls: 0, overlayDataCalls: 0, densityDataCalls: 0 };
    return { map, counters, core: new MapCore(map, level, counters, TILES) };
  }
  const square = (x: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] });

  it('has one vector source per level keyed by CBS code, and every layer on the areas names its source-layer', () => {
    const { map } = tiled();
    expect(map.sources.get('buurten')?.spec).toEqual({ type: 'vector', ...TILES.buurt, promoteId: 'code' });
    expect(map.sources.has('gemeente')).toBe(false); // the borders come from the tiles' gemeente layer
    const onAreas = map.named('addLayer').map(([l]) => l as { id: string; source?: string; 'source-layer'?: string }).filter((l) => ['buurten', 'wijken', 'gemeenten'].includes(l.source ?? ''));
    expect(onAreas.length).toBeGreaterThan(10);
    for (const l of onAreas) expect(l['source-layer'], l.id).toBe({ buurten: 'buurt', wijken: 'wijk', gemeenten: 'gemeente' }[l.source!]);
    expect(map.named('addLayer').find(([l]) => (l as { id: string }).id === 'gemeente-outline')?.[0]).toMatchObject({ source: 'gemeenten', 'source-layer': 'gemeente' });
  });

  it('completes a map made with the sources and image-free base layers in its style: same layers, same order, nothing twice', () => {
    const made = new RecordingMap();
    for (const [id, spec] of Object.entries(baseSources(TILES))) made.addSource(id, spec);
    for (const layer of layersWithoutImages('gemeente', TILES)) made.addLayer(layer);
    new MapCore(made, 'gemeente', { setDataCalls: 0, featureStateCalls: 0, overlayDataCalls: 0, densityDataCalls: 0 }, TILES);
    expect(made.layers).toEqual(tiled('gemeente').map.layers);
    expect(made.layers.filter((l) => l.endsWith('-nodata'))).toEqual(['gemeenten-nodata', 'wijken-nodata', 'buurten-nodata']);
  });

  it('the gemeente borders layer starts at zoom 7 at the gemeente level (its fill outlines them below) and at 0 over wijken or buurten', () => {
    const { map, core } = tiled('gemeente');
    const borders = () => map.named('setLayerZoomRange').filter(([id]) => id === 'gemeente-outline').map(([, min, max]) => [min, max]);
    core.setLevel('buurt');
    core.setLevel('gemeente');
    // The same range both ends every time: a range MapLibre already has is no change (a changed one re-cuts the tiles).
    expect(borders()).toEqual([[0, 24], [7, 24]]);
    expect(map.named('addLayer').find(([l]) => (l as { id: string }).id === 'gemeente-outline')?.[0]).toMatchObject({ minzoom: 7, maxzoom: 24 });
  });

  it('colours every code it is given (tiles that load later get their state from MapLibre), never with setData', () => {
    const { map, counters, core } = tiled();
    core.setValues(colours([['BU01', '#111'], ['BU02', null]]), 'buurt');
    expect(map.named('setFeatureState')).toEqual([
      [{ source: 'buurten', id: 'BU01', sourceLayer: 'buurt' }, { fill: '#111', noData: false }],
      [{ source: 'buurten', id: 'BU02', sourceLayer: 'buurt' }, { fill: NO_DATA_FILL, noData: true }],
    ]);
    map.forget();
    core.setValues(colours([['BU01', '#222'], ['BU02', null]]), 'buurt');
    expect(map.calls).toEqual([{ method: 'setFeatureState', args: [{ source: 'buurten', id: 'BU01', sourceLayer: 'buurt' }, { fill: '#222' }] }]);
    expect(counters.setDataCalls).toBe(0);
    expect(() => core.setAreas(smallTopology(), 'buurt')).toThrow(/tiles/);
  });

  it('with overlaysLater adds no overlay until asked; then adds them once, under the layers the page added meanwhile', () => {
    const map = new RecordingMap();
    const core = new MapCore(map, 'gemeente', { setDataCalls: 0, featureStateCalls: 0, overlayDataCalls: 0, densityDataCalls: 0 }, TILES, { overlaysLater: true });
    const alone = tiled('gemeente').map.layers;
    expect([...map.sources.keys()]).toEqual(['gemeenten', 'wijken', 'buurten']);
    expect(map.layers.at(-1)).toBe('gemeente-outline');
    // Changes under the overlays before they are there touch nothing of theirs.
    map.forget();
    core.tilesLoaded();
    core.setLevel('wijk');
    core.setLevel('gemeente');
    expect(map.calls.filter((c) => ['setData', 'addSource', 'addLayer', 'moveLayer'].includes(c.method))).toEqual([]);
    // A layer of the page's own (area labels) added before the overlays stays on top of them.
    map.addSource('area-labels', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    map.addLayer({ id: 'area-labels', type: 'symbol', source: 'area-labels' });
    core.addOverlays();
    core.addOverlays();
    expect(map.layers).toEqual([...alone, 'area-labels']);
    core.overlays.highlight.update(core, { selected: 'GM0935' });
    expect(map.named('setData').filter(([id]) => id === 'highlight')).toHaveLength(1);
  });

  it('outlines the selected area from the pieces of the loaded tiles, joined, and cuts it again when more tiles load', () => {
    const { map, core } = tiled();
    core.overlays.highlight.update(core, { selected: 'BU01' });
    const highlight = () => (map.named('setData').filter(([id]) => id === 'highlight').at(-1)?.[1] as FeatureCollection | undefined)?.features ?? [];
    expect(highlight()).toEqual([]); // no tile has it yet
    map.tilePieces.set('buurten', [{ code: 'BU01', geometry: square(0) }, { code: 'BU01', geometry: square(0.9) }]);
    core.tilesLoaded();
    expect(highlight()).toHaveLength(1);
    expect(highlight()[0].geometry.type).toBe('Polygon');
    expect((highlight()[0].geometry as Polygon).coordinates).toHaveLength(1); // one ring: the tile cut is gone
    map.forget();
    core.setValues(colours([['BU01', '#111']]), 'buurt'); // a recolour does not touch the outline
    expect(map.named('setData')).toEqual([]);
  });
});
