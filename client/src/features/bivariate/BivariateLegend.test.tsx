// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { classifyBivariate } from './bivariate.ts';
import { BivariateLegend, textColourOn } from './BivariateLegend.tsx';

afterEach(cleanup);

describe('BivariateLegend', () => {
  it('is a 3×3 grid with axis titles, a class code and a count in every cell', () => {
    const rows = Array.from({ length: 12 }, (_, i) => ({ code: `c${i}`, x: i, y: i < 10 ? (i * 7) % 10 : null }));
    const result = classifyBivariate(rows);
    render(
      <BivariateLegend
        result={result}
        xTitle="Misdrijven per 1.000 (EB)"
        yTitle="% onveilig"
        subtitle="Totaal misdrijven"
        xDecimals={1}
        yDecimals={1}
        reverseY={false}
        areaWord="buurten"
        demo
      />,
    );
    const region = screen.getByRole('region', { name: 'Objectief × subjectief' });
    const grid = within(region).getByRole('table', { name: /Legenda: 3 × 3 klassen/ });
    const bodyRows = within(grid).getAllByRole('row').slice(1);
    expect(bodyRows).toHaveLength(3);
    const cells = within(grid).getAllByRole('cell').filter((c) => c.className === 'bivariate-cell');
    expect(cells).toHaveLength(9);
    expect(cells[0].textContent).toMatch(/^1-3\(\d+\)$/); // top-left: low x, high y
    const counts = cells.map((c) => Number(/\((\d+)\)/.exec(c.textContent ?? '')![1]));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10);
    expect(region.textContent).toMatch(/geen gegevens of steekproef te klein \(2\)/);
    expect(region.textContent).toMatch(/Misdrijven per 1\.000 \(EB\) →/);
    expect(region.textContent).toMatch(/% onveilig ↑/);
    expect(region.textContent).toMatch(/DEMO/);
  });

  it('picks readable text on light and dark cells', () => {
    expect(textColourOn('#e8e8e8')).toBe('#000000');
    expect(textColourOn('#3b4994')).toBe('#ffffff');
  });
});
