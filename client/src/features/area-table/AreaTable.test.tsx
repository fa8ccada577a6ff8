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
  it('opens sorted by the measure on the map, highest first, with unclassed and missing values last', () => {
    const { rerender } = render(<AreaTable rows={rows} caption="Misdrijven per 1.000 inwoners" selected={null} measure="ratePer1000" onSelect={() => {}} />);
    const header = screen.getByRole('columnheader', { name: /Per 1\.000 inwoners/ });
    expect(header.getAttribute('aria-sort')).toBe('descending');
    // Beatrixhaven's 4.466,7 (15 inhabitants) is the largest number, yet no "highest" list starts with it.
    expect(names()).toEqual(['Wyck', 'Amby', 'Beatrixhaven', 'Caberg']);
    fireEvent.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toEqual(['Amby', 'Wyck', 'Beatrixhaven', 'Caberg']);
    const naam = screen.getByRole('columnheader', { name: /Naam/ });
    fireEvent.click(within(naam).getByRole('button'));
    expect(naam.getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toEqual(['Amby', 'Beatrixhaven', 'Caberg', 'Wyck']);
    expect(header.getAttribute('aria-sort')).toBeNull();
    // Another measure on the map: the table follows it again.
    rerender(<AreaTable rows={rows} caption="Misdrijven" selected={null} measure="count" onSelect={() => {}} />);
    expect(screen.getByRole('columnheader', { name: /Aantal/ }).getAttribute('aria-sort')).toBe('descending');
    expect(names()).toEqual(['Wyck', 'Beatrixhaven', 'Amby', 'Caberg']);
  });

  it('says in the cell when a change is what chance alone gives, and ranks it after the real ones', () => {
    const changes = [
      { ...row('BU5', 'Klein', 6, 6), changePct: 500, previousCount: 1, changeSignificant: false },
      { ...row('BU6', 'Groot', 600, 600), changePct: 50, previousCount: 400, changeSignificant: true },
    ];
    render(<AreaTable rows={changes} caption="Misdrijven" selected={null} measure="changePct" onSelect={() => {}} />);
    expect(names()).toEqual(['Groot', 'Klein']);
    expect(within(screen.getByRole('row', { name: /Klein/ })).getByText(/^\+500,0\s%\s\(niet significant\)$/)).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /Groot/ })).queryByText(/niet significant/)).toBeNull();
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
