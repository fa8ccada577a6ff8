// DEMO incident points: for a buurt, month and crime type, as many points as the (demo) monthly
// count, at seeded random places inside the buurt on invented streets. Consistent with the counts
// by construction, so the heatmap, street list and "Mijn wijk" work before real extracts exist.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import bbox from '@turf/bbox';
import centroid from '@turf/centroid';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { hashSeed, mulberry32 } from './random.ts';

const STREETS = [
  'Kerkstraat', 'Molenweg', 'Schoolstraat', 'Dorpsstraat', 'Julianastraat', 'Beatrixlaan', 'Stationsstraat',
  'Wilhelminastraat', 'Nieuwstraat', 'Hoogstraat', 'Emmastraat', 'Oranjestraat', 'Parallelweg', 'Lindenlaan',
  'Eikenlaan', 'Beukenlaan', 'Berkenlaan', 'Akkerweg', 'Veldweg', 'Kastanjelaan', 'Populierenlaan', 'Sportlaan',
];

export interface DemoIncident {
  registratienummer: string;
  buurt: string;
  date: string;
  month: string;
  code: string;
  straat: string;
  huisnummer: string;
  lon: number;
  lat: number;
  demo: true;
}

/** The invented streets of a buurt: a stable handful per buurt. */
export function demoStreets(buurt: string): string[] {
  const rand = mulberry32(hashSeed(`streets:${buurt}`));
  const n = 5 + Math.floor(rand() * 7);
  const pool = [...STREETS];
  const out: string[] = [];
  for (let i = 0; i < n && pool.length; i++) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
  return out;
}

export function demoIncidents(
  area: Feature<Polygon | MultiPolygon, { code: string }>,
  month: string,
  code: string,
  count: number,
): DemoIncident[] {
  const buurt = area.properties.code;
  const rand = mulberry32(hashSeed(`points:${buurt}:${month}:${code}`));
  const [minX, minY, maxX, maxY] = bbox(area);
  const streets = demoStreets(buurt);
  // Street weights: a few streets carry most registrations, as in real data.
  const weights = streets.map((_, i) => 1 / (i + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const out: DemoIncident[] = [];
  for (let k = 0; k < count; k++) {
    let lon = 0;
    let lat = 0;
    let inside = false;
    for (let tries = 0; tries < 50 && !inside; tries++) {
      lon = minX + rand() * (maxX - minX);
      lat = minY + rand() * (maxY - minY);
      inside = booleanPointInPolygon([lon, lat], area);
    }
    if (!inside) [lon, lat] = centroid(area).geometry.coordinates;
    let r = rand() * total;
    let s = 0;
    while (r > weights[s] && s < streets.length - 1) r -= weights[s++];
    const day = 1 + Math.floor(rand() * days);
    out.push({
      registratienummer: `DEMO-${buurt}-${month}-${code}-${k + 1}`,
      buurt,
      date: `${month}-${String(day).padStart(2, '0')}`,
      month,
      code,
      straat: streets[s],
      huisnummer: String(1 + Math.floor(rand() * 120)),
      lon: Math.round(lon * 1e6) / 1e6,
      lat: Math.round(lat * 1e6) / 1e6,
      demo: true,
    });
  }
  return out;
}
