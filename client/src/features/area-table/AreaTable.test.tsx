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
      { ...row('BU5', 'Klein', 30, 6), changePct: 150, previousCount: 12, changeSignificant: false },
      { ...row('BU6', 'Groot', 600, 600), changePct: 50, previousCount: 400, changeSignificant: true },
    ];
    render(<AreaTable rows={changes} caption="Misdrijven" selected={null} measure="changePct" onSelect={() => {}} />);
    expect(names()).toEqual(['Groot', 'Klein']);
    expect(within(screen.getByRole('row', { name: /Klein/ })).getByText(/^\+150,0\s%\s\(niet significant\)$/)).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /Groot/ })).queryByText(/niet significant/)).toBeNull();
  });

  it('gives counts, not a percentage, on fewer than 10 registrations a year earlier, and says when there is no base', () => {
    // December 2025, G1.1: "3 → +50,0 %", "1 → -85,7 %", "0 → -100,0 %"; Belvédère 1 against 0.
    const changes = [
      { ...row('BU1', 'Drie', 3, 3), changePct: 50, previousCount: 2, changeSignificant: false },
      { ...row('BU2', 'Een', 1, 1), changePct: -85.7, previousCount: 7, changeSignificant: false },
      { ...row('BU3', 'Nul', 0, 0), changePct: -100, previousCount: 4, changeSignificant: false },
      { ...row('BU4', 'Belvédère', 1, 1), changePct: null, previousCount: 0, changeSignificant: false },
      { ...row('BU5', 'Groot', 600, 600), changePct: 50, previousCount: 400, changeSignificant: true },
      { ...row('BU6', 'Onbekend', null, null), changePct: null, previousCount: null, changeSignificant: null },
    ];
    render(<AreaTable rows={changes} caption="Misdrijven" selected={null} measure="changePct" onSelect={() => {}} />);
    const cell = (naam: string) => within(screen.getByRole('row', { name: new RegExp(naam) })).getByText(/was|%|–/);
    expect(cell('Drie').textContent).toBe('3 (was 2) – te weinig registraties');
    expect(cell('Een').textContent).toBe('1 (was 7) – te weinig registraties');
    expect(cell('Nul').textContent).toBe('0 (was 4) – te weinig registraties');
    expect(cell('Belvédère').textContent).toBe('1 (was 0) – geen vergelijking');
    expect(screen.getByRole('table', { name: /Misdrijven/ }).textContent).not.toMatch(/-100,0|-85,7|\+50,0 %\s*\(|geen gegevens/);
    // Real changes first, then the counts, then the area without a base, missing data last.
    expect(names()).toEqual(['Groot', 'Drie', 'Een', 'Nul', 'Belvédère', 'Onbekend']);
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
