import { describe, expect, it } from 'vitest';
import { BIVARIATE_COLOURS, bivariateColour, classifyBivariate } from './bivariate.ts';

describe('classifyBivariate', () => {
  const rows = Array.from({ length: 9 }, (_, i) => ({ code: `BU${i}`, x: i + 1, y: ((i * 4) % 9) + 1 }));

  it('cuts each axis in terciles and counts every cell', () => {
    const r = classifyBivariate(rows);
    expect(r.xBreaks).toEqual([3.6666666666666665, 6.333333333333333]);
    // x = 1..9 -> terciles 1,1,1,2,2,2,3,3,3
    expect([...r.classes.values()].map((c) => c.x)).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3]);
    const total = r.counts.flat().reduce((a, b) => a + b, 0);
    expect(total).toBe(9);
    // each row and column of the grid holds a third
    expect(r.counts.map((row) => row.reduce((a, b) => a + b, 0))).toEqual([3, 3, 3]);
    expect([0, 1, 2].map((x) => r.counts.reduce((a, row) => a + row[x], 0))).toEqual([3, 3, 3]);
  });

  it('labels classes "x-y" and takes the colour of that cell', () => {
    const r = classifyBivariate([
      { code: 'a', x: 1, y: 1 },
      { code: 'b', x: 2, y: 2 },
      { code: 'c', x: 3, y: 30 },
    ]);
    expect(r.classes.get('a')).toEqual({ x: 1, y: 1, label: '1-1', colour: BIVARIATE_COLOURS[0][0] });
    expect(r.classes.get('c')!.label).toBe('3-3');
    expect(r.classes.get('c')!.colour).toBe('#3b4994');
    expect(bivariateColour(3, 1)).toBe('#5ac8c8');
  });

  it('counts areas without both values as no data, and reverses y when higher is better', () => {
    const r = classifyBivariate(
      [
        { code: 'a', x: 1, y: 8 },
        { code: 'b', x: 2, y: 7 },
        { code: 'c', x: 3, y: 6 },
        { code: 'd', x: null, y: 6 },
        { code: 'e', x: 4, y: null },
      ],
      { reverseY: true },
    );
    expect(r.noDataCount).toBe(2);
    expect(r.classes.has('d')).toBe(false);
    // lowest rapportcijfer = worst = y class 3
    expect(r.classes.get('c')!.y).toBe(3);
    expect(r.classes.get('a')!.y).toBe(1);
  });

  it('puts equal values in the same class', () => {
    const r = classifyBivariate(Array.from({ length: 6 }, (_, i) => ({ code: String(i), x: 5, y: i })));
    expect(new Set([...r.classes.values()].map((c) => c.x))).toEqual(new Set([1]));
  });
});
