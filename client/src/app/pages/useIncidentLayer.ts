// Owns the map's registrations layer: created once the map has loaded, fed the points of the view; the page uses the
// returned layer to centre the map on one registration (from the recent-registrations list).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { GeometryCollection } from 'topojson-specification';
import type { AreasTopology } from '../../api/client.ts';
import type { IncidentPoints } from '../../features/incidents/incidentGroups.ts';
import type { ChoroplethMap } from '../../features/map/ChoroplethMap.ts';
import { IncidentLayer } from '../../features/map/incidentLayer.ts';

type AreaProps = { code?: string; naam?: string } | null | undefined;

/** Buurt code → name, from the geometry the map already has. */
function buurtNames(topology: AreasTopology | null): Map<string, string> {
  const geoms = (topology?.objects['buurten'] as GeometryCollection | undefined)?.geometries ?? [];
  const out = new Map<string, string>();
  for (const g of geoms) {
    const p: AreaProps = g.properties;
    if (p?.code && p.naam) out.set(p.code, p.naam);
  }
  return out;
}

export function useIncidentLayer(map: ChoroplethMap | null, topology: AreasTopology | null, points: IncidentPoints | null): IncidentLayer | null {
  const [layer, setLayer] = useState<IncidentLayer | null>(null);
  const names = useMemo(() => buurtNames(topology), [topology]);
  // Read at popup time, so the layer is made once per map and still names the buurten of a new gemeente.
  const namesRef = useRef(names);
  useEffect(() => {
    namesRef.current = names;
  }, [names]);
  useEffect(() => {
    if (!map) return;
    let live = true;
    void map.ready.then(() => {
      if (live) setLayer(new IncidentLayer(map.map, (code) => namesRef.current.get(code) ?? code));
    });
    return () => {
      live = false;
    };
  }, [map]);
  useEffect(() => {
    layer?.set(points);
  }, [layer, points]);
  return layer;
}
