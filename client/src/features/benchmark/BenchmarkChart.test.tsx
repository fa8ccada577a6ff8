// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BenchmarkResponse } from '../../api/client.ts';
import { BenchmarkChart } from './BenchmarkChart.tsx';

afterEach(cleanup);

const data: BenchmarkResponse = {
  meta: {
    demo: false,
    bron: 'Politie via CBS',
    gemeente: 'GM0935',
    year: 2024,
    years: [2024],
    group: 'reference',
    groupLabel: 'Referentiegemeenten',
    groupSource: 'plan',
    groups: [{ id: 'reference', label: 'Referentiegemeenten' }],
    populationYear: 2024,
    selfInAverage: false,
    category: '0.0.0',
    categoryNaam: 'Totaal misdrijven',
    categories: [{ code: '0.0.0', naam: 'Totaal misdrijven' }],
    notes: [],
  },
  rows: [
    { code: 'GM0935', naam: 'Maastricht', count: 8293, population: 125285, ratePer1000: 66.19, rank: 1, isSelf: true, inGroup: false },
    { code: 'GM0268', naam: 'Nijmegen', count: 11600, population: 187049, ratePer1000: 62.02, rank: 2, isSelf: false, inGroup: true },
    { code: 'GM0034', naam: 'Almere', count: 9532, population: 226500, ratePer1000: 42.08, rank: 3, isSelf: false, inGroup: true },
  ],
  average: { ratePer1000: 50.1, count: 21132, population: 413549, members: 2 },
  trend: [{ year: 2024, ratePer1000: 66.19, averageRatePer1000: 50.1, members: 6 }],
};

describe('BenchmarkChart', () => {
  it('highlights the own gemeente with a marker and bold text, not only colour', () => {
    render(<BenchmarkChart data={data} />);
    const chart = screen.getByRole('img', { name: /Misdrijven per 1\.000 inwoners in 2024, Referentiegemeenten/ });
    const self = chart.querySelector('g.bar-self')!;
    const label = self.querySelector('text')!;
    expect(label.textContent).toBe('▶ Maastricht');
    expect(label.getAttribute('font-weight')).toBe('700');
    expect(chart.querySelectorAll('g.bar-other')).toHaveLength(2);
    expect(chart.querySelector('g.bar-other text')!.getAttribute('font-weight')).toBe('400');
    expect(chart.textContent).toMatch(/Maastricht staat op plaats 1 met 66,2 per 1\.000 inwoners/);
  });

  it('draws the group average as a labelled line', () => {
    render(<BenchmarkChart data={data} />);
    const avg = screen.getByRole('img').querySelector('.benchmark-average')!;
    expect(avg.querySelector('line')).toBeTruthy();
    expect(avg.textContent).toBe('gemiddelde 50,1');
  });

  it('draws the values over the average line, so a value next to the line stays readable', () => {
    render(<BenchmarkChart data={data} />);
    const chart = screen.getByRole('img');
    const line = chart.querySelector('.benchmark-average line')!;
    const values = [...chart.querySelectorAll('text.bar-value')];
    expect(values.map((v) => v.textContent)).toEqual(['66,2', '62,0', '42,1']);
    // SVG paints in document order: every value comes after the line.
    for (const v of values) expect(line.compareDocumentPosition(v) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(values.every((v) => v.getAttribute('paint-order') === 'stroke')).toBe(true);
  });
});
