// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
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
  meta: { demo: true, breakdownDemo: false, bron: '', code: row.code, naam: row.naam, category: 'HIC', categoryNaam: 'High Impact Crimes', from, to },
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

  it('labels generated months DEMO at their chart', () => {
    const s = series('2024-01', '2024-12');
    render(<AreaPanel row={row} meta={meta} series={s} seriesError={null} onClose={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Per maand DEMO' })).toBeTruthy();
    cleanup();
    render(<AreaPanel row={row} meta={meta} series={{ ...s, meta: { ...s.meta, demo: false } }} seriesError={null} onClose={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Per maand' })).toBeTruthy();
  });

  it('labels a generated breakdown DEMO, and only that one', () => {
    const s = series('2024-01', '2024-12');
    render(<AreaPanel row={row} meta={meta} series={{ ...s, meta: { ...s.meta, breakdownDemo: true } }} seriesError={null} onClose={() => {}} />);
    expect(screen.getByRole('note').textContent).toMatch(/^DEMO Deze verdeling naar soort is \(deels\) gegenereerd/);
    cleanup();
    render(<AreaPanel row={row} meta={meta} series={s} seriesError={null} onClose={() => {}} />);
    expect(screen.queryByRole('note')).toBeNull();
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

describe('AreaPanel: a gemeente\'s yearly figures', () => {
  const yearly = {
    bron: 'CBS/Politie 47018NED: geregistreerde misdrijven per gemeente per jaar',
    category: '1.1.1',
    categoryNaam: 'Diefstal/inbraak woning',
    points: [
      { year: 2012, count: 1234, withheld: false },
      { year: 2013, count: null, withheld: true },
      { year: 2014, count: null, withheld: false, suppressed: true },
      { year: 2024, count: 424, withheld: false },
    ],
  };

  it('shows "Per jaar" with a table that says which years are not published or hidden', () => {
    render(<AreaPanel row={{ ...row, code: 'GM0935', naam: 'Maastricht' }} meta={meta} series={{ ...series('2024-01', '2024-12'), yearly }} seriesError={null} onClose={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Per jaar' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Diefstal/inbraak woning in Maastricht per jaar' });
    const cells = [...table.querySelectorAll('tbody tr')].map((tr) => tr.textContent);
    expect(cells).toEqual(['20121.234', '2013niet gepubliceerd', '2014afgeschermd', '2024424']);
    expect(screen.getByRole('img', { name: /per jaar, 2012 tot en met 2024: hoogste jaar 1\.234, laatste jaar 424/ })).toBeTruthy();
    expect(screen.getByText(/Bron: CBS\/Politie 47018NED/)).toBeTruthy();
  });

  it('has no yearly chart for a buurt', () => {
    render(<AreaPanel row={row} meta={meta} series={series('2024-01', '2024-12')} seriesError={null} onClose={() => {}} />);
    expect(screen.queryByRole('heading', { name: 'Per jaar' })).toBeNull();
  });
});

describe('AreaPanel: a change and shares on few registrations', () => {
  const small = (count: number, previousCount: number, changePct: number | null, changeSignificant: boolean | null) =>
    ({ ...row, code: 'BU09350503', naam: 'Meerssenhoven', count, previousCount, changePct, changeSignificant }) as StatsRow;
  const changeCell = () => screen.getByText(/^Verandering t\.o\.v\./).nextElementSibling?.textContent;

  it('says a percentage is within chance, as the table does', () => {
    render(<AreaPanel row={small(9, 10, -10, false)} meta={meta} series={null} seriesError={null} onClose={() => {}} />);
    expect(changeCell()).toMatch(/^-10,0\s%\s\(was 10\) – niet significant$/);
  });

  it('gives the counts instead of a percentage on fewer than 10 registrations a year earlier', () => {
    render(<AreaPanel row={small(3, 2, 50, false)} meta={meta} series={null} seriesError={null} onClose={() => {}} />);
    expect(changeCell()).toBe('3 (was 2) – te weinig registraties');
    expect(document.body.textContent).not.toMatch(/50,0/);
    expect(screen.getByText(/^Te weinig registraties voor een percentage: een jaar eerder minder dan 10/)).toBeTruthy();
  });

  it('says there is no comparison against 0, not that data is missing', () => {
    render(<AreaPanel row={small(1, 0, null, false)} meta={meta} series={null} seriesError={null} onClose={() => {}} />);
    expect(changeCell()).toBe('1 (was 0) – geen vergelijking');
  });

  it('gives no shares in % of 9 registrations, only the counts', () => {
    const s = { ...series('2024-01', '2024-12'), breakdown: [{ code: '1.1.1', naam: 'Diefstal/inbraak woning', count: 7 }, { code: '1.4.5', naam: 'Mishandeling', count: 2 }] };
    render(<AreaPanel row={small(9, 10, -10, false)} meta={meta} series={s} seriesError={null} onClose={() => {}} />);
    const table = screen.getByRole('table', { name: /Meest voorkomende soorten/ });
    expect(within(table).queryByRole('columnheader', { name: 'Aandeel' })).toBeNull();
    expect(table.textContent).not.toMatch(/22|78/);
    expect(screen.getByText(/^Geen aandelen in procenten: op 9 registraties \(minder dan 10\)/)).toBeTruthy();
  });

  it('keeps the shares of a large enough total', () => {
    render(<AreaPanel row={row} meta={meta} series={series('2024-01', '2024-12')} seriesError={null} onClose={() => {}} />);
    const table = screen.getByRole('table', { name: /Meest voorkomende soorten/ });
    expect(within(table).getByRole('columnheader', { name: 'Aandeel' })).toBeTruthy();
    expect(within(table).getByText('62 %')).toBeTruthy();
  });
});
