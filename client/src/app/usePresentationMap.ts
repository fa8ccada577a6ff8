// Presentation mode's map effects: the camera moves to each step's focus, and the test hook learns which step is drawn.
import { useEffect, useRef } from 'react';
import type { AreasTopology } from '../api/client.ts';
import { areasBBox, topologyBBox, type ChoroplethMap } from '../features/map/ChoroplethMap.ts';
import { paddingClearOf, type StepScope } from '../features/presentation/steps.ts';
import type { AreaLevel } from '../lib/level.ts';
import type { HotspotClassKey } from '../lib/overlayStyles.ts';
import type { SourceView } from './sources/types.ts';
import type { MapSource } from './urlState.ts';

const CAMERA_MS = 1600;

function reducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** A smooth move to the focus of each step (a jump when the viewer asks for reduced motion). */
export function usePresentationCamera(map: ChoroplethMap | null, step: { topology: AreasTopology; scope: StepScope } | null, index: number): void {
  const firstFit = useRef(true);
  const topology = step?.topology ?? null;
  const scope = step?.scope ?? null;
  const focusKey = scope ? `${scope.gemeente}:${scope.focusCodes.join(',')}` : '';
  const latest = useRef(scope);
  latest.current = scope;
  useEffect(() => {
    const s = latest.current;
    if (!map || !topology || !s) return;
    const bbox = areasBBox(topology, s.focusCodes) ?? topologyBBox(topology);
    if (!bbox) return;
    const animate = !firstFit.current && !reducedMotion();
    firstFit.current = false;
    // Keep the focus clear of the legend drawn over the map's lower left corner.
    const legend = document.querySelector('.presentation-legend-box')?.getBoundingClientRect() ?? null;
    const canvas = map.map.getCanvas().getBoundingClientRect();
    map.fitTo(bbox, animate, { duration: animate ? CAMERA_MS : 0, padding: paddingClearOf(canvas, legend) });
  }, [map, topology, focusKey, index]);
}

/** Hotspots on the map, and "presentatie|<step>|..." in the test hook once the step's colours are drawn. */
export function usePresentationKey(
  map: ChoroplethMap | null,
  index: number,
  source: MapSource,
  view: SourceView,
  hotspots: Map<string, HotspotClassKey> | null,
  level: AreaLevel,
): void {
  useEffect(() => {
    map?.setHotspots(hotspots, level);
  }, [map, hotspots, level]);
  const shown = view.shown;
  const key = shown ? (source === 'police' ? [index, ...shown] : [index, shown[0], shown[1], source, ...shown.slice(2)]).join('|') : null;
  const colours = view.colours;
  useEffect(() => {
    if (!map || !key || colours.size === 0) return;
    let live = true;
    void map.idle().then(() => {
      if (live && window.__bvk) window.__bvk.appliedKey = `presentatie|${key}`;
    });
    return () => {
      live = false;
    };
  }, [map, key, colours]);
}
