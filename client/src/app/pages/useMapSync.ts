// Keeps the map's overlays and camera in step with the view, and tells the browser tests what is on screen.
import { useEffect, useRef } from 'react';
import type { AttentionArea } from '../../api/client.ts';
import { areasBBox, topologyBBox, type ChoroplethMap } from '../../features/map/ChoroplethMap.ts';
import type { DensityLayer } from '../../features/heatmap/densityClasses.ts';
import type { HotspotClassKey } from '../../lib/overlayStyles.ts';
import type { MapScene } from '../useMapScene.ts';
import { SOURCE_URL_VALUES, type ViewState } from '../urlState.ts';

export interface MapSyncInput {
  map: ChoroplethMap | null;
  view: ViewState;
  scene: MapScene;
  onMap: boolean;
  hotspots: Map<string, HotspotClassKey> | null;
  attention: AttentionArea[];
  density: DensityLayer['cells'] | null;
  mijnWijk: string | null;
}

/** Resolves the test hook's key once MapLibre is idle with these colours (the benchmark's end mark). */
function useAppliedKey(map: ChoroplethMap | null, key: string | null, colours: Map<string, string | null>, slot: 'appliedKey' | 'appliedOverlay') {
  useEffect(() => {
    if (!map || !key || colours.size === 0) return;
    let live = true;
    void map.idle().then(() => {
      if (live && window.__bvk) window.__bvk[slot] = key;
    });
    return () => {
      live = false;
    };
  }, [map, key, colours, slot]);
}

export function useMapSync({ map, view, scene, onMap, hotspots, attention, density, mijnWijk }: MapSyncInput): void {
  const { topology, sourceView, source } = scene;
  const level = view.level;

  useEffect(() => {
    map?.setHotspots(hotspots, level);
  }, [map, hotspots, level]);

  const attentionOnMap = view.aandacht || view.area !== null;
  useEffect(() => {
    // Restricted to one area: draw only that one (its number stays the one from the list).
    const list = attention
      .map((a, i) => ({ n: i + 1, id: a.id, codes: a.codes, geometry: a.geometry }))
      .filter((a) => view.area === null || a.id === view.area)
      .map(({ n, codes, geometry }) => ({ n, codes, geometry }));
    map?.setAttentionAreas(list, attentionOnMap);
  }, [map, attention, attentionOnMap, view.area, topology]);

  useEffect(() => {
    map?.setDensity(density);
  }, [map, density]);

  // The map page stays mounted while another page is shown; a map that got its areas while hidden (0 × 0 px)
  // is resized and fitted to the gemeente when it becomes visible.
  const fitWhenShown = useRef(false);
  useEffect(() => {
    if (!onMap) {
      if (topology) fitWhenShown.current = true;
      return;
    }
    if (!map || !topology || !fitWhenShown.current) return;
    fitWhenShown.current = false;
    map.resize();
    const bbox = topologyBBox(topology);
    if (bbox) map.fitTo(bbox, false);
  }, [onMap, map, topology]);

  // Fit the map to the wijk whose overview is open (after the gemeente's own fit on new geometry).
  useEffect(() => {
    if (!map || !topology || !mijnWijk || !onMap) return;
    const bbox = areasBBox(topology, [mijnWijk]);
    if (bbox) map.fitTo(bbox, true);
  }, [map, topology, mijnWijk, onMap]);

  // The country has no topology: its areas are tiles, coloured as soon as the figures are there.
  const shown = (topology || view.gemeente === 'NL') && sourceView.shown ? sourceView.shown : null;
  const police = source.id === 'police';
  useAppliedKey(map, police && shown ? shown.join('|') : null, sourceView.colours, 'appliedKey');
  useAppliedKey(map, !police && shown ? [SOURCE_URL_VALUES[source.id], ...shown.slice(0, 4)].join('|') : null, sourceView.colours, 'appliedOverlay');
}
