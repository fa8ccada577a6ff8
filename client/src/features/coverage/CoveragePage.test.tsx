// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import type { CoverageResponse } from '../../api/client.ts';
import { CoveragePage } from './CoveragePage.tsx';

afterEach(cleanup);

const years = (statuses: CoverageResponse['rows'][number]['years'][number]['status'][]) =>
  statuses.map((status, i) => ({ year: 2023 + i, status, realAreas: status === 'real' || status === 'monthsDemo' ? 44 : 0, importId: status === 'demo' || status === 'missing' ? null : 1 }));
const data: CoverageResponse = {
  meta: { gemeente: 'GM0935', naam: 'Maastricht', newestMonth: '2024-12', newestMonthReal: false, years: [2023, 2024], notes: ['Uitleg.'], boundaries: 'benadering' },
  rows: (['buurt', 'wijk', 'gemeente'] as const).flatMap((level) => [
    { level, measure: 'totaal' as const, label: 'Totaal misdrijven', areas: 44, years: years(['monthsDemo', 'real']) },
    { level, measure: 'soort' as const, label: 'Misdrijven per soort', areas: 44, years: years(['demo', 'missing']) },
  ]),
  imports: [{ id: 1, importedAt: '2026-12-03T20:00:00Z', source: 'Politie via CBS: misdrijven per jaar per buurt', format: 'source-seed', periods: [] }],
};

describe('CoveragePage', () => {
  it('says per level and year in words what is real, DEMO or missing, and lists the imports', () => {
    render(<CoveragePage data={data} error={null} />);
    const buurten = screen.getByRole('table', { name: /Buurten: wat is echt/ });
    const soort = within(buurten).getByRole('row', { name: /Misdrijven per soort/ });
    expect(within(soort).getAllByRole('cell').map((c) => c.textContent)).toEqual(['DEMO', '—']);
    const totaal = within(buurten).getByRole('row', { name: /Totaal misdrijven/ });
    expect(within(totaal).getAllByRole('cell')[0].getAttribute('title')).toMatch(/maanden is gegenereerd \(DEMO\)\. Bron: Politie via CBS/);
    expect(screen.getByText(/december 2024/)).toBeTruthy();
    expect(screen.getByText(/3 december 2026/)).toBeTruthy();
  });

  it('says where the buurt boundaries come from, and what an approximation means for a reader', () => {
    const { unmount } = render(<CoveragePage data={data} error={null} />);
    expect(screen.getByRole('heading', { name: 'Grenzen' })).toBeTruthy();
    expect(screen.getByText(/vereenvoudigde benadering[\s\S]*enkele honderden meters[\s\S]*bij de buurt ernaast/)).toBeTruthy();
    unmount();
    render(<CoveragePage data={{ ...data, meta: { ...data.meta, boundaries: 'eigen' } }} error={null} />);
    expect(screen.getByText(/eigen, gedetailleerde grenzen van de gemeente/)).toBeTruthy();
    expect(screen.queryByText(/benadering/)).toBeNull();
  });
});
