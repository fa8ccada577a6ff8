// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BenchmarkResponse } from '../../api/client.ts';
import { BenchmarkTrend } from './BenchmarkTrend.tsx';

afterEach(cleanup);

const data: BenchmarkResponse = {
  meta: {
    demo: false,
    bron: 'Politie via CBS',
    gemeente: 'GM0935',
    year: 2013,
    years: [2012, 2013, 2014],
    group: 'reference',
    groupLabel: 'Referentiegemeenten',
    groupSource: 'plan',
    groups: [{ id: 'reference', label: 'Referentiegemeenten' }],
    populationYear: 2024,
    selfInAverage: false,
    category: '1.1.1',
    categoryNaam: 'Diefstal/inbraak woning',
    categories: [{ code: '0.0.0', naam: 'Totaal misdrijven' }, { code: '1.1.1', naam: 'Diefstal/inbraak woning' }],
    notes: [],
  },
  rows: [{ code: 'GM0935', naam: 'Maastricht', count: 1000, population: 125285, ratePer1000: 7.98, rank: 1, isSelf: true, inGroup: false }],
  average: { ratePer1000: 6.42, count: 100, population: 1000, members: 6 },
  trend: [
    { year: 2012, ratePer1000: 9.23, averageRatePer1000: 6.51, members: 6 },
    { year: 2013, ratePer1000: 7.98, averageRatePer1000: 6.42, members: 6 },
    { year: 2014, ratePer1000: null, averageRatePer1000: 4.8, members: 5 },
  ],
};

describe('BenchmarkTrend', () => {
  it('heads the section with the first year of the trend', () => {
    render(<BenchmarkTrend data={data} headingId="t" />);
    screen.getByRole('heading', { level: 3, name: 'Ontwikkeling sinds 2012' });
    screen.getByRole('img', { name: /^Maastricht 2012–2014: van 9,2 naar 8,0 \(2013\) per 1\.000 inwoners/ });
  });

  it('gives the same figures as a table, in nl-NL, with a dash for a missing year and the members of a smaller average, each explained', () => {
    render(<BenchmarkTrend data={data} headingId="t" />);
    const table = screen.getByRole('table', { name: /Misdrijven \(diefstal\/inbraak woning\) per 1\.000 inwoners per jaar, 2012–2014: Maastricht en het gewogen gemiddelde van Referentiegemeenten/ });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Jaar', 'Maastricht per 1.000', 'Groepsgemiddelde per 1.000', 'Verschil']);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['2012', '9,2', '6,5', '+2,7'],
      ['2013', '8,0', '6,4', '+1,6'],
      ['2014', '–', '4,8 (5 van 6)', '–'],
    ]);
    screen.getByText(/– : geen cijfer voor dat jaar/);
    screen.getByText('(n van 6): gemiddelde over de n groepsleden met een cijfer voor dat jaar.');
  });

  it('highlights the year of the bar chart in the table', () => {
    render(<BenchmarkTrend data={data} headingId="t" />);
    expect(screen.getByRole('rowheader', { name: '2013' }).closest('tr')!.className).toBe('selected');
  });

  it('states that every year is divided by the inhabitants of one year', () => {
    render(<BenchmarkTrend data={data} headingId="t" />);
    screen.getByText('Per 1.000 inwoners van 1 januari 2024, voor elk jaar: een verandering in het inwonertal telt niet mee.');
  });

  it('shows no chart and no dash note for a single year without gaps', () => {
    render(<BenchmarkTrend data={{ ...data, trend: [{ year: 2013, ratePer1000: 7.98, averageRatePer1000: 6.42, members: 6 }] }} headingId="t" />);
    screen.getByText(/Te weinig jaren/);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByText(/geen cijfer voor dat jaar/)).toBeNull();
    expect(screen.queryByText(/groepsleden met een cijfer/)).toBeNull();
    expect(screen.getAllByRole('row')).toHaveLength(2);
  });
});
