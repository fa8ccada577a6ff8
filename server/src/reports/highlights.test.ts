import { describe, expect, it } from 'vitest';
import type { StatsRow } from '../domain/model.ts';
import { changeSignificant } from '../domain/significance.ts';
import { themeHighlights } from './highlights.ts';

const gm = (count: number, previousCount: number): StatsRow => ({
  code: 'GM0935',
  naam: 'Maastricht',
  count,
  population: 125000,
  ratePer1000: null,
  ratePer1000Smoothed: null,
  densityPerKm2: null,
  changePct: previousCount ? Math.round(((count - previousCount) / previousCount) * 1000) / 10 : null,
  previousCount,
  changeSignificant: changeSignificant(count, previousCount),
  flags: [],
});
const sentences = (row: StatsRow) => themeHighlights([{ label: 'Woninginbraak', row, demo: false }], 'december 2024', 'december 2023').map((h) => ('text' in h ? h.text : h.html));

describe('"Wat valt op": a change in % only on a base of at least MIN_BASE', () => {
  it('a significant rise on a small base is told in counts, without a percentage', () => {
    expect(changeSignificant(12, 2)).toBe(true);
    const [s] = sentences(gm(12, 2));
    expect(s).toBe('Woninginbraak: 12 in december 2024 tegen 2 in december 2023, een stijging die groter is dan toeval (te weinig registraties voor een percentage).');
    expect(s).not.toMatch(/%/);
  });

  it('a significant change on a large enough base keeps its percentage', () => {
    expect(sentences(gm(120, 80))[0]).toContain('een stijging van 50% die groter is dan toeval');
  });

  it('from nothing a year earlier: still a sentence in counts, not left out', () => {
    expect(sentences(gm(9, 0))[0]).toContain('9 in december 2024 tegen 0 in december 2023, een stijging die groter is dan toeval');
  });
});
