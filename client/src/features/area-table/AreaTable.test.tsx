// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StatsRow } from '../../../../server/src/domain/model.ts';
import { AreaTable } from './AreaTable.tsx';

afterEach(cleanup);

function row(code: string, naam: string, count: number | null, ratePer1000: number | null, flags: StatsRow['flags'] = []): StatsRow {
  return {
    code,
    naam,
    count,
    population: 1000,
    ratePer1000,
    ratePer1000Smoothed: ratePer1000,
    densityPerKm2: 1,
    changePct: null,
    previousCount: null,
    changeSignificant: null,
    flags,
  };
}

const rows = [
  row('BU1', 'Wyck', 120, 120.5, ['visitors']),
  row('BU2', 'Amby', 20, 20),
  row('BU3', 'Beatrixhaven', 67, 4466.7, ['lowPopulation']),
  row('BU4', 'Caberg', null, null, ['noData']),
];

function names(): string[] {
  const table = screen.getByRole('table', { name: /Misdrijven/ });
  return within(table)
    .getAllByRole('rowheader')
    .map((th) => th.textContent ?? '');
}

describe('AreaTable', () => {
  it('sorts by name first, then by a column with the missing values last', () => {
    render(<AreaTable rows={rows} caption="Misdrijven per 1.000 inwoners" selected={null} measure="ratePer1000" onSelect={() => {}} />);
    expect(names()).toEqual(['Amby', 'Beatrixhaven', 'Caberg', 'Wyck']);
    const header = screen.getByRole('columnheader', { name: /Per 1\.000 inwoners/ });
    expect(header.getAttribute('aria-sort')).toBeNull();
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(names()).toEqual(['Beatrixhaven', 'Wyck', 'Amby', 'Caberg']);
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toEqual(['Amby', 'Wyck', 'Beatrixhaven', 'Caberg']);
    expect(screen.getByRole('columnheader', { name: /Naam/ }).getAttribute('aria-sort')).toBeNull();
  });

  it('shows nl-NL numbers and flags in words', () => {
    render(<AreaTable rows={rows} caption="Misdrijven" selected={null} measure="ratePer1000" onSelect={() => {}} />);
    const beatrix = screen.getByRole('row', { name: /Beatrixhaven/ });
    expect(within(beatrix).getAllByText('4.466,7')).toHaveLength(2); // raw and EB columns
    expect(within(beatrix).getByText('weinig inwoners')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /Wyck/ })).getByText('veel bezoekers')).toBeTruthy();
  });

  it('selects an area from its name', () => {
    const onSelect = vi.fn();
    render(<AreaTable rows={rows} caption="Misdrijven" selected="BU2" measure="count" onSelect={onSelect} />);
    fireEvent.click(screen.getByRole('button', { name: 'Wyck' }));
    expect(onSelect).toHaveBeenCalledWith('BU1');
    expect(screen.getByRole('button', { name: 'Amby' }).getAttribute('aria-pressed')).toBe('true');
  });
});
