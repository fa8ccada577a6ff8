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
    { year: 2015, operator: '<=', value: 30, met: null, measuredYear: null },
    { year: 2016, operator: '<=', value: 26, met: null, measuredYear: null },
    { year: 2018, operator: '<=', value: null, reference: 'G32-gemiddelde', met: null, measuredYear: null },
  ],
  actual: [
    { year: 2013, value: 27.5, demo: false, comparable: true },
    { year: 2014, value: 34.1, demo: false, comparable: true },
  ],
  status: 'offTrack',
  basis: { actual: { year: 2014, value: 34.1, demo: false, comparable: true }, target: { year: 2015, operator: '<=', value: 30 } },
  planEnded: false,
  related: [],
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

  it('an indicator on DEMO or other-definition figures is "Alleen indicatie", never green or red', () => {
    const ind: TargetOut = {
      ...base,
      id: 'hic',
      label: 'HIC per 1.000',
      unit: 'per1000',
      source: 'politie',
      actual: [{ year: 2024, value: 20.7, demo: true, comparable: false }],
      status: 'indicative',
      basis: null,
      demo: true,
    };
    render(<TargetCard target={ind} />);
    const card = screen.getByRole('article', { name: 'HIC per 1.000' });
    expect(within(card).getByText('Alleen indicatie')).toBeTruthy();
    expect(card.className).not.toMatch(/status-on|status-off/);
    expect(card.textContent).toMatch(/20,7 per 1\.000 DEMO/);
    expect(card.textContent).toMatch(/andere definitie/);
    expect(card.textContent).toMatch(/zeggen niet of het doel is gehaald/);
    cleanup();
    render(<TargetCard target={{ ...base, actual: [], status: 'noData', basis: null }} />);
    expect(screen.getByText('Geen gegevens')).toBeTruthy();
  });

  it('says per target whether it was met on a measurement of its own year, and when the latest measurement is too old', () => {
    const old: TargetOut = {
      ...base,
      targets: [
        { year: 2015, operator: '<=', value: 30, met: false, measuredYear: 2015 },
        { year: 2016, operator: '<=', value: 26, met: true, measuredYear: 2016 },
        { year: 2018, operator: '<=', value: null, reference: 'G32-gemiddelde', met: null, measuredYear: null },
      ],
      status: 'noRecentData',
      basis: { actual: { year: 2016, value: 25, demo: false, comparable: true }, target: { year: 2016, operator: '<=', value: 26 } },
      planEnded: true,
    };
    render(<TargetCard target={old} />);
    const card = screen.getByRole('article', { name: base.label });
    expect(within(card).getByText('Geen recente meting')).toBeTruthy();
    expect(card.className).not.toMatch(/status-on|status-off/);
    expect(card.textContent).toMatch(/2015: ≤ 30 % — niet gehaald/);
    expect(card.textContent).toMatch(/2016: ≤ 26 % — gehaald/);
    expect(card.textContent).toMatch(/2018: ≤ G32-gemiddelde 2018 — niet gemeten/);
    expect(card.textContent).toMatch(/te oud/);
  });

  it('formats operators like the plan', () => {
    expect(targetText({ year: 2015, operator: '<', value: 8 }, 'percentage')).toBe('< 8 %');
    expect(targetText({ year: 2016, operator: '>=', value: 6.8 }, 'rapportcijfer')).toBe('≥ 6,8');
    expect(targetText({ year: 2016, operator: '<', value: 3.8 }, 'per1000')).toBe('< 3,8 per 1.000');
  });
});
