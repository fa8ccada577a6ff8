import { describe, expect, it } from 'vitest';
import { Cube, type CubeInput } from './cube.ts';
import type { TypeDef } from './categories.ts';

const types: TypeDef[] = [
  { code: '1.1.1', naam: 'Inbraak woning', kind: 'misdrijf' },
  { code: '1.2.1', naam: 'Fietsendiefstal', kind: 'misdrijf' },
  { code: 'E35', naam: 'Overlast', kind: 'overlast' },
];
const input = (over: Partial<CubeInput> = {}): CubeInput => ({
  areas: ['BU09990000', 'BU09990001', 'GM0999_REST'],
  firstYear: 2023,
  lastYear: 2024,
  types,
  demo: { types: ['1.1.1', '1.2.1'], nationalCounts: [10, 30] },
  yearlyTotals: new Map([
    ['BU09990000', new Map([[2023, 120], [2024, 90]])],
    ['BU09990001', new Map([[2023, 7], [2024, null]])],
  ]),
  yearlyTypeCells: [],
  monthlyCells: [
    { area: 'BU09990001', type: '1.1.1', month: '2024-03', count: null },
    { area: 'BU09990001', type: 'E35', month: '2024-03', count: 4 },
  ],
  ...over,
});

const same = (a: Cube, b: Cube) => {
  expect([...b.counts]).toEqual([...a.counts]);
  expect(b.counts.constructor).toBe(a.counts.constructor);
  expect([...b.demo]).toEqual([...a.demo]);
  expect([...b.known]).toEqual([...a.known]);
  expect([...b.withheld].sort()).toEqual([...a.withheld].sort());
  expect(b.months).toEqual(a.months);
  expect(b.areas).toEqual(a.areas);
  for (let x = 0; x < a.A; x++) for (const kind of ['misdrijf', 'overlast'] as const) expect(b.sum(x, 0, a.M - 1, [0, 1, 2], kind)).toEqual(a.sum(x, 0, a.M - 1, [0, 1, 2], kind));
};

describe('Cube', () => {
  it('keeps counts in 16 bits when they fit and withheld cells in a sparse set', () => {
    const c = new Cube(input());
    expect(c.counts).toBeInstanceOf(Uint16Array);
    expect(c.withheld.size).toBe(1);
    const a = c.areaIndex.get('BU09990001')!;
    expect(c.sum(a, c.monthIndex('2024-03'), c.monthIndex('2024-03'), [0], 'misdrijf').withheld).toBe(true);
    expect(c.sum(a, c.monthIndex('2024-03'), c.monthIndex('2024-03'), [1], 'misdrijf').withheld).toBe(false);
    expect(c.sum(c.areaIndex.get('BU09990000')!, 0, 11, [0, 1], 'misdrijf').count).toBe(120);
  });

  it('falls back to 32 bits for a cell above 65535', () => {
    const c = new Cube(input({ monthlyCells: [{ area: 'BU09990000', type: '1.2.1', month: '2024-01', count: 70_000 }] }));
    expect(c.counts).toBeInstanceOf(Int32Array);
    expect(c.sum(0, 12, 12, [1], 'misdrijf').count).toBe(70_000);
    same(c, Cube.fromBuffer(c.toBuffer()));
  });

  it('reads back from its bytes identical to the cube it was written from', () => {
    const c = new Cube(input());
    const restored = Cube.fromBuffer(c.toBuffer());
    same(c, restored);
    // Also from a misaligned copy of the bytes (the arrays are then copied, not viewed).
    const bytes = c.toBuffer();
    const shifted = Buffer.alloc(bytes.length + 1).subarray(1);
    bytes.copy(shifted);
    same(c, Cube.fromBuffer(shifted));
  });

  it('refuses damaged bytes instead of returning a wrong cube', () => {
    const bytes = new Cube(input()).toBuffer();
    expect(() => Cube.fromBuffer(bytes.subarray(0, bytes.length - 1))).toThrow(/bytes, expected/);
    expect(() => Cube.fromBuffer(Buffer.from('nonsense and more nonsense'))).toThrow(/not a cube file/);
  });
});
