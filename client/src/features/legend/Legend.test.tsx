// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { classify } from '../../lib/classes.ts';
import { sequentialPalette } from '../../lib/palette.ts';
import { Legend } from './Legend.tsx';

afterEach(cleanup);

describe('Legend', () => {
  it('shows the measure, each class with nl-NL bounds and counts, and no data', () => {
    const c = classify([5, 10, 12.5, 15, 20, 25, 40, null], [12.5, 20], (b) => sequentialPalette(b.length + 1));
    render(
      <Legend
        title="Misdrijven per 1.000 inwoners"
        subtitle="Totaal misdrijven, jan 2024 – dec 2024"
        classification={c}
        decimals={1}
        areaWord="buurten"
        fixed={false}
      />,
    );
    expect(screen.getByRole('heading', { name: 'Misdrijven per 1.000 inwoners' })).toBeTruthy();
    const table = screen.getByRole('table', { name: /Legenda/ });
    const rows = within(table).getAllByRole('row').slice(1); // skip header
    const text = rows.map((r) => r.textContent);
    expect(text).toEqual(['20,0 – 40,0(3)', '12,5 – 20,0(2)', '5,0 – 12,5(2)', 'geen gegevens(1)']);
  });

  it('gives each reason an area has no class its own line, apart from "geen gegevens"', () => {
    const c = {
      ...classify([10, 20, 30], [20], (b) => sequentialPalette(b.length + 1)),
      excluded: {
        label: 'geen kleur: geen vergelijking (vorig jaar 0) of te weinig registraties (vorig jaar minder dan 10)',
        colour: '#e6e6e6',
        count: 4,
        note: 'Geen vergelijking: … Te weinig registraties: …',
        parts: [
          { label: 'geen vergelijking (vorig jaar 0)', count: 1 },
          { label: 'te weinig registraties (vorig jaar minder dan 10)', count: 3 },
        ],
      },
    };
    render(<Legend title="Verandering t.o.v. vorig jaar (%)" subtitle="" classification={c} decimals={1} areaWord="buurten" fixed={false} />);
    const rows = within(screen.getByRole('table', { name: /Legenda/ })).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['20,0 – 30,0(2)', '10,0 – 20,0(1)', 'geen vergelijking (vorig jaar 0)(1)', 'te weinig registraties (vorig jaar minder dan 10)(3)', 'geen gegevens(0)']);
  });

  it('says when classes are fixed', () => {
    const c = classify([1, 2, 3], [2], (b) => sequentialPalette(b.length + 1));
    render(<Legend title="Aantal misdrijven" subtitle="" classification={c} decimals={0} areaWord="wijken" fixed />);
    expect(screen.getByText(/Klassen staan vast/)).toBeTruthy();
  });
});
