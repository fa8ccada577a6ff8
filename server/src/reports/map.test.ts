import { describe, expect, it } from 'vitest';
import { placeLabels } from './map.ts';

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
