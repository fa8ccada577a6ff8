import { describe, expect, it } from 'vitest';
import { topology } from 'topojson-server';
import type { FeatureCollection } from 'geojson';
import { placeLabels, renderMap, TOO_FEW_FILL } from './map.ts';

/** Six square buurten in a row near Maastricht, as the gemeente's TopoJSON. */
function sixBuurten(): string {
  const square = (i: number) => {
    const x = 5.6 + i * 0.01;
    return [[[x, 50.85], [x, 50.86], [x + 0.01, 50.86], [x + 0.01, 50.85], [x, 50.85]]];
  };
  const buurten: FeatureCollection = {
    type: 'FeatureCollection',
    features: Array.from({ length: 6 }, (_, i) => ({ type: 'Feature', id: `BU0${i}`, properties: { code: `BU0${i}`, naam: i === 5 ? 'Beatrixhaven' : `Buurt ${i}` }, geometry: { type: 'Polygon', coordinates: square(i) } })),
  };
  return JSON.stringify(topology({ buurten }));
}

describe('renderMap: buurten with too few inhabitants', () => {
  const values = [10, 20, 30, 40, 50].map((value, i) => ({ code: `BU0${i}`, value, tooFew: false }));
  const map = renderMap({ topology: sixBuurten(), level: 'buurt', values: [...values, { code: 'BU05', value: 3114.2, tooFew: true }], title: 'Misdrijven per 1.000 inwoners', decimals: 1 });

  it('are left out of the classes: the class breaks and counts hold only the other buurten', () => {
    expect(map.legend.reduce((s, c) => s + c.count, 0)).toBe(5);
    expect(map.legend.map((c) => c.label).join(' ')).not.toContain('3.114,2');
    expect(map.tooFew).toBe(1);
    expect(map.noData).toBe(0);
  });

  it('are drawn grey, say why, and have their own legend line', () => {
    expect(map.svg).toContain(`fill="${TOO_FEW_FILL}" stroke="#555" stroke-width="0.6"><title>Beatrixhaven: te weinig inwoners</title>`);
    expect(map.html).toMatch(/<td>te weinig inwoners<\/td><td class="num">1 buurt<\/td>/);
  });
});

const overlap = (a: { x: number; y: number; text: string }, b: { x: number; y: number; text: string }, f: number) => {
  const w = (t: string) => t.length * f * 0.62 + 4;
  return Math.abs(a.x - b.x) < (w(a.text) + w(b.text)) / 2 && Math.abs(a.y - b.y) < f * 1.25;
};

describe('placeLabels', () => {
  it('keeps labels that do not collide where they are', () => {
    const l = [{ x: 10, y: 10, text: 'Noord' }, { x: 300, y: 300, text: 'Zuid' }];
    expect(placeLabels(l, 15)).toEqual(l);
  });

  it('moves a label off one it would overlap; no two placed labels overlap', () => {
    const l = [
      { x: 100, y: 100, text: 'Centrum' },
      { x: 110, y: 104, text: 'Buitenwijk Noordwest' },
      { x: 95, y: 98, text: 'Oost' },
    ];
    const out = placeLabels(l, 15);
    expect(out[0]).toEqual(l[0]);
    expect(out.length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < out.length; i++) for (let j = i + 1; j < out.length; j++) expect(overlap(out[i], out[j], 15)).toBe(false);
  });
});
