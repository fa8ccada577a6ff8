// Registrations as points on the map, in their own source and layers beside the choropleth (ChoroplethMap stays
// about areas). Dense points merge into clusters (MapLibre's own clustering of a GeoJSON source); a click on a
// cluster zooms in to where it splits, a click on a point opens a popup with date, time, type, street and buurt.
import { GeoJSONSource, Popup, type Map as MapLibreMap, type MapGeoJSONFeature } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';

const SOURCE = 'incidents';
export const INCIDENT_LAYERS = { clusters: 'incidents-clusters', points: 'incidents-points' } as const;
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** What the popup shows of one registration. */
export interface IncidentPopupProps {
  datum: string;
  soort: string;
  straat: string;
  huisnummer?: string | null;
  buurt: string;
  demo: boolean;
}

function popupContent(p: IncidentPopupProps, buurtNaam: (code: string) => string): HTMLElement {
  // DOM nodes, not HTML text: street names come from an imported file.
  const box = document.createElement('div');
  box.className = 'incident-popup';
  const date = new Date(p.datum);
  const hasTime = /T\d\d:\d\d/.test(p.datum) && !/T00:00(:00)?/.test(p.datum);
  const lines: [string, string][] = [
    ['Datum', date.toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' })],
    ...(hasTime ? ([['Tijd', date.toLocaleTimeString('nl-NL', { hour: '2-digit', minute: '2-digit' })]] as [string, string][]) : []),
    ['Soort', p.soort],
    ['Straat', [p.straat, p.huisnummer].filter(Boolean).join(' ')],
    ['Buurt', buurtNaam(p.buurt)],
  ];
  const dl = document.createElement('dl');
  for (const [k, v] of lines) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    dl.append(dt, dd);
  }
  box.append(dl);
  if (p.demo) {
    const note = document.createElement('p');
    note.textContent = 'DEMO: gegenereerde registratie op een verzonnen straat.';
    box.append(note);
  }
  return box;
}

export class IncidentLayer {
  private popup: Popup | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly buurtNaam: (code: string) => string,
  ) {
    map.addSource(SOURCE, { type: 'geojson', data: EMPTY, cluster: true, clusterRadius: 40, clusterMaxZoom: 16 });
    map.addLayer({
      id: INCIDENT_LAYERS.clusters,
      type: 'circle',
      source: SOURCE,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': '#154273',
        'circle-opacity': 0.85,
        'circle-radius': ['step', ['get', 'point_count'], 10, 10, 14, 50, 19, 200, 25],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    });
    map.addLayer({
      id: INCIDENT_LAYERS.points,
      type: 'circle',
      source: SOURCE,
      filter: ['!', ['has', 'point_count']],
      paint: { 'circle-color': ['get', 'colour'], 'circle-radius': 6, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 },
    });
    map.on('click', INCIDENT_LAYERS.clusters, (e) => void this.zoomInto(e.features?.[0]));
    map.on('click', INCIDENT_LAYERS.points, (e) => {
      const f = e.features?.[0];
      if (f && f.geometry.type === 'Point') this.show(f.geometry.coordinates as [number, number], f.properties as IncidentPopupProps);
    });
    for (const layer of Object.values(INCIDENT_LAYERS)) {
      map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }
  }

  /** New points (null hides them). */
  set(points: FeatureCollection<Point> | null): void {
    const src = this.map.getSource(SOURCE);
    if (src instanceof GeoJSONSource) src.setData(points ?? EMPTY);
    if (!points) this.popup?.remove();
  }

  /** Centres the map on one registration and opens its popup (the recent-registrations list uses this). */
  show(at: [number, number], props: IncidentPopupProps, fly = false): void {
    if (fly) this.map.flyTo({ center: at, zoom: Math.max(this.map.getZoom(), 16), duration: 600 });
    this.popup?.remove();
    this.popup = new Popup({ closeButton: true, maxWidth: '18rem' }).setLngLat(at).setDOMContent(popupContent(props, this.buurtNaam)).addTo(this.map);
  }

  private async zoomInto(f: MapGeoJSONFeature | undefined): Promise<void> {
    const src = this.map.getSource(SOURCE);
    if (!f || f.geometry.type !== 'Point' || !(src instanceof GeoJSONSource)) return;
    const zoom = await src.getClusterExpansionZoom(Number(f.properties.cluster_id));
    this.map.easeTo({ center: f.geometry.coordinates as [number, number], zoom });
  }
}
