import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { buurtAt, matchAreas, normalise, searchAreas, type SearchArea } from './matchAreas.ts';

const AREAS: SearchArea[] = [
  { level: 'wijk', code: 'WK093500', naam: 'Wijk 00 Centrum', wijkNaam: null },
  { level: 'wijk', code: 'WK093501', naam: 'Wijk 01 Buitenwijk Zuidwest', wijkNaam: null },
  { level: 'buurt', code: 'BU09350000', naam: 'Binnenstad', wijkNaam: 'Wijk 00 Centrum' },
  { level: 'buurt', code: 'BU09350001', naam: 'Jekerkwartier', wijkNaam: 'Wijk 00 Centrum' },
  { level: 'buurt', code: 'BU09350101', naam: 'Jekerdal', wijkNaam: 'Wijk 01 Buitenwijk Zuidwest' },
  { level: 'buurt', code: 'BU09350105', naam: 'Sint Pieter', wijkNaam: 'Wijk 01 Buitenwijk Zuidwest' },
  { level: 'buurt', code: 'BU09351000', naam: 'Oud-Caberg', wijkNaam: null },
  { level: 'buurt', code: 'BU09359999', naam: 'Café Groot-Sint Pieter', wijkNaam: null },
];

const names = (q: string, limit?: number) => matchAreas(AREAS, q, limit).map((s) => s.naam);

describe('normalise', () => {
  it('drops case, accents and punctuation', () => {
    expect(normalise('  Café  Groot-Sint Piëter ')).toBe('cafe groot sint pieter');
  });
});

describe('matchAreas', () => {
  it('finds a buurt by its name, whatever the case, and labels it with its wijk', () => {
    expect(matchAreas(AREAS, 'jekerdal')).toEqual([
      { kind: 'area', level: 'buurt', code: 'BU09350101', naam: 'Jekerdal', wijkNaam: 'Wijk 01 Buitenwijk Zuidwest', detail: 'buurt in Wijk 01 Buitenwijk Zuidwest' },
    ]);
  });

  it('ignores accents both ways', () => {
    expect(names('cafe')).toEqual(['Café Groot-Sint Pieter']);
    expect(names('jékér')).toEqual(['Jekerdal', 'Jekerkwartier']);
  });

  it('finds buurten and wijken by their CBS code', () => {
    expect(matchAreas(AREAS, 'BU09350101').map((s) => s.code)).toEqual(['BU09350101']);
    expect(matchAreas(AREAS, 'wk093501').map((s) => [s.code, s.detail])).toEqual([['WK093501', 'wijk, WK093501']]);
    expect(matchAreas(AREAS, 'BU093501').map((s) => s.code)).toEqual(['BU09350101', 'BU09350105']);
  });

  it('puts prefix matches before word matches before substring matches', () => {
    // "Sint Pieter" starts with it, "Café Groot-Sint Pieter" has a word that does.
    expect(names('sint')).toEqual(['Sint Pieter', 'Café Groot-Sint Pieter']);
    // "Oud-Caberg": a word starts with "caberg"; "Binnenstad" only contains "stad".
    expect(names('caberg')).toEqual(['Oud-Caberg']);
    expect(names('stad')).toEqual(['Binnenstad']);
    // Both only contain "ter": same rank, so by name.
    expect(names('ter')).toEqual(['Café Groot-Sint Pieter', 'Sint Pieter']);
  });

  it('puts buurten before wijken at the same rank, then sorts by name', () => {
    expect(names('wijk')).toEqual(['Wijk 00 Centrum', 'Wijk 01 Buitenwijk Zuidwest']);
    const both = matchAreas(AREAS, 'centrum').map((s) => s.level);
    expect(both).toEqual(['wijk']);
  });

  it('gives at most the limit, and nothing for an empty query', () => {
    expect(names('e', 3)).toHaveLength(3);
    expect(matchAreas(AREAS, 'e').length).toBeLessThanOrEqual(8);
    expect(names('   ')).toEqual([]);
    expect(names('-')).toEqual([]);
  });
});

// Two squares side by side: A (0..1) and B (1..2), in wijk W.
const TOPOLOGY: Topology = {
  type: 'Topology',
  arcs: [],
  objects: {
    wijken: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [], properties: { code: 'WK000100', naam: 'Wijk 00 Ergens' } }] },
    buurten: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', arcs: [[0]], properties: { code: 'BU00010000', naam: 'Alfa', wijkcode: 'WK000100' } },
        { type: 'Polygon', arcs: [[1]], properties: { code: 'BU00010001', naam: 'Bèta', wijkcode: 'WK000100' } },
        { type: 'Polygon', arcs: [[2]], properties: { naam: 'Zonder code' } },
      ],
    },
  },
};
TOPOLOGY.arcs.push(
  [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]],
  [[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]],
  [[5, 5], [6, 5], [6, 6], [5, 6], [5, 5]],
);

describe('searchAreas and buurtAt', () => {
  it('reads the buurten and wijken of the topology, skipping areas without a code', () => {
    expect(searchAreas(TOPOLOGY)).toEqual([
      { level: 'wijk', code: 'WK000100', naam: 'Wijk 00 Ergens', wijkNaam: null },
      { level: 'buurt', code: 'BU00010000', naam: 'Alfa', wijkNaam: 'Wijk 00 Ergens' },
      { level: 'buurt', code: 'BU00010001', naam: 'Bèta', wijkNaam: 'Wijk 00 Ergens' },
    ]);
    expect(searchAreas(null)).toEqual([]);
  });

  it('finds the buurt that holds a point', () => {
    expect(buurtAt(TOPOLOGY, [0.5, 0.5])).toBe('BU00010000');
    expect(buurtAt(TOPOLOGY, [1.5, 0.5])).toBe('BU00010001');
    expect(buurtAt(TOPOLOGY, [3, 3])).toBeNull();
    expect(buurtAt(TOPOLOGY, [5.5, 5.5])).toBeNull();
  });
});
