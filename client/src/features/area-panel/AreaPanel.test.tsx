// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SeriesResponse, StatsMeta, StatsRow } from '../../../../server/src/domain/model.ts';
import { AreaPanel } from './AreaPanel.tsx';

afterEach(cleanup);

const row = {
  code: 'BU09350402', naam: 'Wittevrouwenveld', count: 130, population: 4000, ratePer1000: 32.5, ratePer1000Smoothed: 32, densityPerKm2: 100,
  changePct: 10, previousCount: 118, flags: [],
} as unknown as StatsRow;
const meta = {
  demo: true, bron: '', gemeente: 'GM0935', level: 'buurt', category: 'HIC', categoryNaam: 'High Impact Crimes', from: '2024-01', to: '2024-12',
  previousFrom: '2023-01', previousTo: '2023-12', populationYear: 2024, lowPopulationThreshold: 200, referenceRatePer1000: 20, notes: [],
} as StatsMeta;
const series = (from: string, to: string): SeriesResponse => ({
  meta: { demo: true, bron: '', code: row.code, naam: row.naam, category: 'HIC', categoryNaam: 'High Impact Crimes', from, to },
  series: [],
  breakdown: [{ code: '1.1.1', naam: 'Diefstal/inbraak woning', count: 80 }, { code: '1.4.5', naam: 'Mishandeling', count: 50 }],
  yearly: null,
});

describe('AreaPanel: the breakdown by type covers the period shown', () => {
  it('names the period in the heading of "Meest voorkomende soorten"', () => {
    render(<AreaPanel row={row} meta={meta} series={series('2024-01', '2024-12')} seriesError={null} onClose={() => {}} />);
    expect(screen.getByRole('heading', { name: /Meest voorkomende soorten, .*2024/ })).toBeTruthy();
    expect(screen.getByRole('table', { name: /Meest voorkomende soorten misdrijf in Wittevrouwenveld/ })).toBeTruthy();
  });

  it('does not show a breakdown of another period', () => {
    render(<AreaPanel row={row} meta={meta} series={series('2025-01', '2025-12')} seriesError={null} onClose={() => {}} />);
    expect(screen.queryByRole('heading', { name: /Meest voorkomende soorten/ })).toBeNull();
  });
});

describe('AreaPanel: nuisance is named as nuisance', () => {
  it('counts "overlastregistraties", never "misdrijven", for a nuisance category', () => {
    const m = { ...meta, category: 'E35', categoryNaam: 'Melding overlast jeugd' };
    const s = series('2024-01', '2024-12');
    render(<AreaPanel row={row} meta={m} series={{ ...s, breakdown: [{ code: 'E35', naam: 'Melding overlast jeugd', count: 130 }] }} seriesError={null} onClose={() => {}} registrations="overlast" />);
    expect(screen.getByText('Aantal overlastregistraties')).toBeTruthy();
    expect(screen.getByRole('table', { name: /Meest voorkomende soorten overlast in Wittevrouwenveld/ })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/misdrijven/i);
  });
});
