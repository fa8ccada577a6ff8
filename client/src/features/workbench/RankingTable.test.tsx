// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RankingTable, sortRanking, type RankingCriterion, type RankingRow } from './RankingTable.tsx';

afterEach(cleanup);

function row(rank: number, naam: string, score: number, smoothedRate: number | null, change: number | null): RankingRow {
  return {
    rank,
    code: `BU${String(rank).padStart(8, '0')}`,
    naam,
    score,
    components: { smoothedRate: smoothedRate === null ? null : smoothedRate / 100, change: change === null ? null : change / 100 },
    values: { smoothedRate, change },
    missing: smoothedRate === null ? ['smoothedRate'] : [],
    flags: naam === 'Binnenstad' ? ['visitors'] : [],
  };
}

const rows = [row(1, 'Binnenstad', 0.8, 90, 20), row(2, 'Wyck', 0.6, 70, 80), row(3, 'Beatrixhaven', 0.5, null, 50), row(4, 'Amby', 0.2, 10, 5)];
const criteria: RankingCriterion[] = [
  { id: 'smoothedRate', naam: 'Cijfer per 1.000 inwoners (EB)', description: 'EB', direction: 1 },
  { id: 'change', naam: 'Verandering (%)', description: 'change', direction: 1 },
];

const names = () =>
  within(screen.getByRole('table', { name: /Rangorde/ }))
    .getAllByRole('rowheader')
    .map((th) => th.textContent);

describe('sortRanking', () => {
  it('sorts by a component with unknown values last in both directions', () => {
    expect(sortRanking(rows, 'smoothedRate', 'descending').map((r) => r.naam)).toEqual(['Binnenstad', 'Wyck', 'Amby', 'Beatrixhaven']);
    expect(sortRanking(rows, 'smoothedRate', 'ascending').map((r) => r.naam)).toEqual(['Amby', 'Wyck', 'Binnenstad', 'Beatrixhaven']);
    expect(sortRanking(rows, 'naam', 'ascending').map((r) => r.naam)).toEqual(['Amby', 'Beatrixhaven', 'Binnenstad', 'Wyck']);
  });
});

describe('RankingTable', () => {
  it('shows rank order first and sorts by clicking a header, with aria-sort', () => {
    render(<RankingTable rows={rows} criteria={criteria} caption="Rangorde buurten" shortlist={[]} onToggle={() => {}} />);
    expect(names()).toEqual(['Binnenstad', 'Wyck', 'Beatrixhaven', 'Amby']);
    const header = screen.getByRole('columnheader', { name: /Verandering/ });
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(names()).toEqual(['Wyck', 'Beatrixhaven', 'Binnenstad', 'Amby']);
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toEqual(['Amby', 'Binnenstad', 'Beatrixhaven', 'Wyck']);
    expect(screen.getByRole('columnheader', { name: /Rang/ }).getAttribute('aria-sort')).toBeNull();
  });

  it('shows score, values in nl-NL with percentile, unknowns, flags, and ticks for the shortlist', () => {
    const onToggle = vi.fn();
    render(<RankingTable rows={rows} criteria={criteria} caption="Rangorde buurten" shortlist={['BU00000002']} onToggle={onToggle} />);
    const binnenstad = screen.getByRole('row', { name: /Binnenstad/ });
    expect(within(binnenstad).getByText('80')).toBeTruthy();
    expect(binnenstad.textContent).toMatch(/90,0 · p90/);
    expect(binnenstad.textContent).toMatch(/\+20,0 %/);
    expect(within(binnenstad).getByText('veel bezoekers')).toBeTruthy();
    expect(screen.getByRole('row', { name: /Beatrixhaven/ }).textContent).toMatch(/onbekend \(telt als mediaan\)/);
    expect((screen.getByRole('checkbox', { name: 'Op shortlist: Wyck' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Op shortlist: Amby' }));
    expect(onToggle).toHaveBeenCalledWith('BU00000004', true);
  });

  it('lets a long header wrap after a slash, not inside the word before it', () => {
    const withSlash = [...criteria, { id: 'hicShare', naam: 'Aandeel vermogenscriminaliteit/HIC (%)', description: 'HIC', direction: 1 as const }];
    render(<RankingTable rows={rows} criteria={withSlash} caption="Rangorde buurten" shortlist={[]} onToggle={() => {}} />);
    const header = screen.getByRole('columnheader', { name: /vermogenscriminaliteit\/HIC/ });
    const button = within(header).getByRole('button');
    expect(button.innerHTML).toContain('vermogenscriminaliteit/<wbr>HIC (%)');
  });
});
