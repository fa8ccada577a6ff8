import { describe, expect, it } from 'vitest';
import { splitTypeOverMonths, splitYear, type DemoModel } from './demo.ts';

const model: DemoModel = { types: ['1.1.1', '1.2.3', '1.4.5', '2.2.1'], nationalCounts: [22767, 96744, 39160, 69925] };
const sum = (a: Int32Array) => a.reduce((s, x) => s + x, 0);

describe('demo split', () => {
  it('adds up exactly to the real yearly total', () => {
    for (const total of [0, 1, 7, 67, 1294, 10000]) expect(sum(splitYear(model, 'BU09350000', 2024, total))).toBe(total);
  });

  it('is deterministic per area and year, and differs between areas', () => {
    expect([...splitYear(model, 'BU09350000', 2024, 500)]).toEqual([...splitYear(model, 'BU09350000', 2024, 500)]);
    expect([...splitYear(model, 'BU09350000', 2024, 500)]).not.toEqual([...splitYear(model, 'BU09350001', 2024, 500)]);
  });

  it('follows the national type mix roughly', () => {
    const s = splitYear(model, 'BU09350402', 2023, 20000);
    const perType = model.types.map((_, t) => Array.from({ length: 12 }, (_, m) => s[m * 4 + t]).reduce((a, b) => a + b, 0));
    // Bike theft (most common nationally) outnumbers burglary.
    expect(perType[1]).toBeGreaterThan(perType[0]);
  });

  it('never gives a type weight of zero a count', () => {
    const m: DemoModel = { types: ['1.1.1', '9.9.9'], nationalCounts: [10, 0] };
    const s = splitYear(m, 'BU1', 2024, 100);
    expect(Array.from({ length: 12 }, (_, k) => s[k * 2 + 1]).every((x) => x === 0)).toBe(true);
  });

  it('splits a known per-type count over months exactly', () => {
    expect(sum(splitTypeOverMonths('1.1.1', 'BU1', 2024, 33))).toBe(33);
  });
});
