// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { quarterLabel, quartersOf, ReportsPanel } from './ReportsPanel.tsx';

afterEach(cleanup);

const months = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08'];

describe('quarters', () => {
  it('lists only whole quarters, latest first, in Dutch', () => {
    expect(quartersOf(months)).toEqual(['2024-Q2', '2024-Q1']);
    expect(quarterLabel('2024-Q2')).toBe('2e kwartaal 2024');
  });
});

describe('ReportsPanel', () => {
  it('links to the monthly and quarterly PDFs of the chosen period', () => {
    render(<ReportsPanel gemeente="GM0935" gemeenteNaam="Maastricht" months={months} defaultMonth="2024-06" />);
    const monthly = screen.getByRole('link', { name: 'Maandbriefing juni 2024 (PDF)' });
    expect(monthly.getAttribute('href')).toMatch(/\/api\/reports\/monthly\?gemeente=GM0935&month=2024-06$/);
    fireEvent.change(screen.getByLabelText('Maand'), { target: { value: '2024-03' } });
    expect(screen.getByRole('link', { name: 'Maandbriefing maart 2024 (PDF)' })).toBeTruthy();
    const quarterly = screen.getByRole('link', { name: 'Kwartaalrapportage 2e kwartaal 2024 (PDF)' });
    expect(quarterly.getAttribute('href')).toMatch(/\/api\/reports\/quarterly\?gemeente=GM0935&quarter=2024-Q2$/);
  });
});
