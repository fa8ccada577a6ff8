// Owns the names on the map: made once the map has loaded, then fed the areas of the level on show. The
// areas of the wijk in focus (Mijn wijk) are named first; then the larger areas, which have room for a name.
import { useEffect, useMemo, useState } from 'react';
import type { MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import type { AreasTopology } from '../../api/client.ts';
import type { ChoroplethMap } from '../../features/map/ChoroplethMap.ts';
import { AreaLabels, labelAnchor, type AreaLabel } from '../../features/map/areaLabels.ts';

type AreaProps = { code?: string; naam?: string; wijkcode?: string } | null;

function labelsOf(topology: AreasTopology | null, level: 'buurt' | 'wijk', focusWijk: string | null): AreaLabel[] {
  const object = topology?.objects[level === 'buurt' ? 'buurten' : 'wijken'] as GeometryCollection<AreaProps> | undefined;
  if (!topology || !object) return [];
  const out: (AreaLabel & { area: number; focus: boolean })[] = [];
  for (const f of feature(topology, object).features) {
    const p = f.properties;
    const g = f.geometry as Polygon | MultiPolygon | null;
    if (!p?.code || !p.naam || !g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const anchor = labelAnchor(g);
    if (!anchor) continue;
    const focus = focusWijk !== null && (p.code === focusWijk || p.code.slice(2, 8) === focusWijk.slice(2, 8));
    out.push({ code: p.code, naam: p.naam, at: anchor.at, rank: 0, area: anchor.area, focus });
  }
  out.sort((a, b) => Number(b.focus) - Number(a.focus) || b.area - a.area);
  return out.map(({ code, naam, at }, rank) => ({ code, naam, at, rank }));
}

/** `fontPx`: larger on the big screen of a presentation. */
export function useAreaLabels(map: ChoroplethMap | null, topology: AreasTopology | null, level: 'buurt' | 'wijk', focusWijk: string | null, show: boolean, fontPx = 12): void {
  const [layer, setLayer] = useState<AreaLabels | null>(null);
  const labels = useMemo(() => (show ? labelsOf(topology, level, focusWijk) : []), [show, topology, level, focusWijk]);
  useEffect(() => {
    if (!map) return;
    let live = true;
    void map.ready.then(() => {
      if (live) setLayer(new AreaLabels(map.map, fontPx));
    });
    return () => {
      live = false;
    };
  }, [map, fontPx]);
  useEffect(() => {
    layer?.set(labels);
  }, [layer, labels]);
}
