import { describe, expect, it } from 'vitest';
import { parseWeights, percentileRanks, rankAreas, WeightsError } from './ranking.ts';

describe('percentileRanks', () => {
  it('lowest 0, highest 1, ties share, nulls stay null, single value 0.5', () => {
    expect(percentileRanks([10, 30, 20, null])).toEqual([0, 1, 0.5, null]);
    expect(percentileRanks([1, 2, 2, 3])).toEqual([0, 0.5, 0.5, 1]);
    expect(percentileRanks([7, null])).toEqual([0.5, null]);
    expect(percentileRanks([])).toEqual([]);
  });
});

describe('rankAreas', () => {
  const criteria = [
    { id: 'rate', naam: 'rate', description: '', direction: 1 as const },
    { id: 'grade', naam: 'grade', description: '', direction: -1 as const },
  ];
  const areas = [
    { code: 'A', naam: 'A', values: { rate: 10, grade: 7 } },
    { code: 'B', naam: 'B', values: { rate: 30, grade: 5 } },
    { code: 'C', naam: 'C', values: { rate: 20, grade: null } },
  ];
  it('weights, directions and missing values (as the median)', () => {
    const rows = rankAreas(areas, criteria, { rate: 1, grade: 1 });
    expect(rows.map((r) => r.code)).toEqual(['B', 'C', 'A']);
    expect(rows[0]).toMatchObject({ rank: 1, score: 1, components: { rate: 1, grade: 1 } });
    expect(rows[1]).toMatchObject({ code: 'C', score: 0.5, missing: ['grade'], components: { rate: 0.5, grade: null } });
    expect(rows[2].score).toBe(0);
  });
  it('criteria with weight 0 are not components but keep their values; ties share a rank', () => {
    const rows = rankAreas([{ code: 'X', naam: 'X', values: { rate: 1 } }, { code: 'Y', naam: 'Y', values: { rate: 1 } }], criteria, { rate: 1 });
    expect(rows.map((r) => r.rank)).toEqual([1, 1]);
    expect(Object.keys(rows[0].components)).toEqual(['rate']);
    expect(rows[0].values).toEqual({ rate: 1, grade: null });
  });
});

describe('parseWeights', () => {
  const known = ['smoothedRate', 'change', 'hotspot'];
  it('parses id:weight lists, a bare id weighs 1', () => {
    expect(parseWeights('smoothedRate:2, change:0.5,hotspot', known)).toEqual({ smoothedRate: 2, change: 0.5, hotspot: 1 });
  });
  it.each(['', 'x:1', 'change:-1', 'change:abc', 'change:', 'change:0', 'change:1,change:2', ':1'])('rejects %j', (w) => {
    expect(() => parseWeights(w, known)).toThrow(WeightsError);
  });
});
