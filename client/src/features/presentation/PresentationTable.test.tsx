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

  it('reads why an area has no value where the map gives it no class, and keeps a hidden count hidden', () => {
    render(
      <PresentationTable
        suppressionThreshold={4}
        caption="c"
        valueTitle="per 1.000 inwoners"
        decimals={1}
        areaWord="Buurt"
        rows={[
          { code: 'I', naam: 'Itteren', value: 27, count: 25 },
          { code: 'B', naam: 'Beatrixhaven', value: null, count: 70, note: 'te weinig inwoners' },
          { code: 'K', naam: 'Klein', value: 150, count: 30, note: 'niet significant' },
          { code: 'S', naam: 'Stil', value: null, count: null, suppressed: true, note: 'te weinig registraties' },
        ]}
      />,
    );
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual(['Itteren27,025', 'Beatrixhavente weinig inwoners70', 'Klein150,0 (niet significant)30', 'Stilafgeschermdafgeschermd']);
  });
});
