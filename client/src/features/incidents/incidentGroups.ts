// Registrations as points, coloured by main group (hoofdgroep, e.g. "Diefstal/inbraak woning en box/garage/schuur"):
// the groups with the most points in view get a colour of their own, the rest share one grey, so the map never asks
// the reader to tell apart more colours than the eye can.
import type { FeatureCollection, Point } from 'geojson';
import type { Category, IncidentsResponse } from '../../api/client.ts';

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies; on a light map all have contrast ≥ 3:1 with white strokes. */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'] as const;
const OTHER = { code: 'overig', naam: 'Overige soorten', colour: '#6b7580' };

export interface IncidentGroup {
  code: string;
  naam: string;
  colour: string;
  count: number;
}

export type IncidentProps = IncidentsResponse['features'][number]['properties'] & { colour: string; groep: string };
export type IncidentPoints = FeatureCollection<Point, IncidentProps>;

/** The hoofdgroep of a crime type: the group whose members take its prefix ("1.1.1" → the group of "1.1.x"). */
function groupOf(code: string, groups: Category[]): Category | undefined {
  return groups.find((g) => g.members?.some((m) => (m.endsWith('.x') ? code.startsWith(m.slice(0, -1)) : m === code)));
}

export function groupIncidents(data: IncidentsResponse, categories: Category[]): { groups: IncidentGroup[]; points: IncidentPoints } {
  const mains = categories.filter((c) => c.groep === 'hoofdgroep');
  const groupCode = new Map<string, Category | undefined>();
  const counts = new Map<string, number>();
  for (const f of data.features) {
    if (!groupCode.has(f.properties.code)) groupCode.set(f.properties.code, groupOf(f.properties.code, mains));
    const g = groupCode.get(f.properties.code)?.code ?? OTHER.code;
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].filter(([g]) => g !== OTHER.code).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const own = ranked.slice(0, PALETTE.length);
  const colourOf = new Map(own.map(([g], i) => [g, PALETTE[i]]));
  const otherCount = data.features.length - own.reduce((n, [, c]) => n + c, 0);
  const groups: IncidentGroup[] = own.map(([g, count]) => ({ code: g, naam: mains.find((m) => m.code === g)?.naam ?? g, colour: colourOf.get(g)!, count }));
  if (otherCount > 0) groups.push({ ...OTHER, count: otherCount });
  const points: IncidentPoints = {
    type: 'FeatureCollection',
    features: data.features.map((f) => {
      const g = groupCode.get(f.properties.code)?.code ?? OTHER.code;
      const colour = colourOf.get(g) ?? OTHER.colour;
      return { type: 'Feature', geometry: f.geometry, properties: { ...f.properties, colour, groep: colourOf.has(g) ? g : OTHER.code } };
    }),
  };
  return { groups, points };
}
