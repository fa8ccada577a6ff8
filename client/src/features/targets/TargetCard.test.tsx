// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TargetOut } from '../../api/client.ts';
import { TargetCard } from './TargetCard.tsx';
import { targetText } from './targetText.ts';

afterEach(cleanup);

const base: TargetOut = {
  id: 'onveilig-buurt',
  label: '% wel eens onveilig in de eigen buurt',
  theme: null,
  source: 'Veiligheidsmonitor',
  unit: 'percentage',
  betterWhen: 'lower',
  baseline: { year: 2014, value: 34.1 },
  planValues: [
    { year: 2013, value: 27.5 },
    { year: 2014, value: 34.1 },
  ],
  targets: [
    { year: 2015, operator: '<=', value: 30 },
    { year: 2016, operator: '<=', value: 26 },
    { year: 2018, operator: '<=', value: null, reference: 'G32-gemiddelde' },
  ],
  actual: [
    { year: 2013, value: 27.5, demo: false },
    { year: 2014, value: 34.1, demo: false },
  ],
  status: 'offTrack',
  basis: { actual: { year: 2014, value: 34.1, demo: false }, target: { year: 2015, operator: '<=', value: 30 } },
  demo: false,
  bron: 'Uitvoeringsplan Veiligheid Maastricht 2015-2016',
  notes: [],
};

describe('TargetCard', () => {
  it('states the status in words with an icon, and names a reference target', () => {
    render(<TargetCard target={base} />);
    const card = screen.getByRole('article', { name: '% wel eens onveilig in de eigen buurt' });
    expect(within(card).getByText('Niet op koers')).toBeTruthy();
    expect(card.textContent).toMatch(/✗/);
    expect(card.textContent).toMatch(/2018: ≤ G32-gemiddelde 2018/);
    expect(card.textContent).toMatch(/Laatst gemeten 34,1 % \(2014\) tegen doel 2015: ≤ 30 %/);
    expect(within(card).getByRole('img', { name: /Grafiek % wel eens onveilig/ })).toBeTruthy();
    const table = within(card).getByRole('table', { name: /Doelen en gemeten waarden per jaar/ });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 5); // 2013, 2014, 2015, 2016, 2018
  });

  it('says "Op koers" and "Geen gegevens", and marks DEMO actuals', () => {
    const on: TargetOut = {
      ...base,
      id: 'hic',
      label: 'HIC per 1.000',
      unit: 'per1000',
      source: 'politie',
      actual: [{ year: 2024, value: 20.7, demo: true }],
      status: 'onTrack',
      basis: { actual: { year: 2024, value: 20.7, demo: true }, target: { year: 2018, operator: '<', value: 44 } },
      demo: true,
    };
    render(<TargetCard target={on} />);
    const card = screen.getByRole('article', { name: 'HIC per 1.000' });
    expect(within(card).getByText('Op koers')).toBeTruthy();
    expect(card.textContent).toMatch(/20,7 per 1\.000 DEMO/);
    cleanup();
    render(<TargetCard target={{ ...base, actual: [], status: 'noData', basis: null }} />);
    expect(screen.getByText('Geen gegevens')).toBeTruthy();
  });

  it('formats operators like the plan', () => {
    expect(targetText({ year: 2015, operator: '<', value: 8 }, 'percentage')).toBe('< 8 %');
    expect(targetText({ year: 2016, operator: '>=', value: 6.8 }, 'rapportcijfer')).toBe('≥ 6,8');
    expect(targetText({ year: 2016, operator: '<', value: 3.8 }, 'per1000')).toBe('< 3,8 per 1.000');
  });
});
