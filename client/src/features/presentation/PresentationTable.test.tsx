// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PresentationTable } from './PresentationTable.tsx';

afterEach(cleanup);

describe('PresentationTable', () => {
  it('shows suppressed counts as "afgeschermd" and never a count from 1 to 4', () => {
    render(
      <PresentationTable
        suppressionThreshold={4}
        caption="Moord, doodslag, 2024: per buurt"
        valueTitle={null}
        decimals={0}
        areaWord="Buurt"
        rows={[
          { code: 'A', naam: 'Binnenstad', value: null, count: null, suppressed: true },
          { code: 'B', naam: 'Wyck', value: 0, count: 0, suppressed: true },
          { code: 'C', naam: 'Mariaberg', value: 3, count: 3 },
          { code: 'D', naam: 'Caberg', value: 12, count: 12 },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Moord, doodslag, 2024: per buurt' });
    const cells = within(table).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['afgeschermd', '0', 'afgeschermd', '12']);
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Buurt', 'Aantal']);
    expect(screen.getByText(/kleine aantallen worden niet getoond/)).toBeTruthy();
  });

  it('shows the measure beside the count, a hidden rate as "afgeschermd" too', () => {
    render(
      <PresentationTable
        suppressionThreshold={4}
        caption="c"
        valueTitle="per 1.000 inwoners"
        decimals={1}
        areaWord="Buurt"
        rows={[
          { code: 'A', naam: 'Binnenstad', value: null, count: null, suppressed: true },
          { code: 'D', naam: 'Caberg', value: 12.345, count: 120 },
        ]}
      />,
    );
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual(['Binnenstadafgeschermdafgeschermd', 'Caberg12,3120']);
  });
});
