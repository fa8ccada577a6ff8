// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AdminTable } from './AdminTable.tsx';

afterEach(cleanup);

const rows = [
  { name: 'beheer', role: 'Beheerder' },
  { name: 'agent', role: 'Wijkagent' },
];

describe('AdminTable', () => {
  it('is a focusable, named scroll region around a captioned table with scoped column headers', () => {
    render(<AdminTable caption="Accounts (2)" label="Accounts" columns={['Gebruikersnaam', 'Rol']} rows={rows} rowKey={(r) => r.name} cells={(r) => <><th scope="row">{r.name}</th><td>{r.role}</td></>} />);
    const region = screen.getByRole('region', { name: 'Accounts' });
    expect(region.tabIndex).toBe(0);
    const table = within(region).getByRole('table', { name: 'Accounts (2)' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => [h.textContent, h.getAttribute('scope')])).toEqual([['Gebruikersnaam', 'col'], ['Rol', 'col']]);
    expect(within(table).getByRole('rowheader', { name: 'agent' })).toBeTruthy();
  });

  it('adds an actions column, named for screen readers only unless it has a visible header', () => {
    const actions = (r: (typeof rows)[number]) => <button type="button">{`${r.name} wijzigen`}</button>;
    const cells = (r: (typeof rows)[number]) => <td>{r.name}</td>;
    const { rerender } = render(<AdminTable caption="c" label="l" columns={['Naam']} rows={rows} rowKey={(r) => r.name} cells={cells} actions={actions} actionsClassName="button-row" />);
    const hidden = screen.getAllByRole('columnheader')[1];
    expect(hidden.textContent).toBe('Acties');
    expect(hidden.querySelector('.visually-hidden')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'agent wijzigen' }).closest('td')?.className).toBe('button-row');
    rerender(<AdminTable caption="c" label="l" columns={['Naam']} rows={rows} rowKey={(r) => r.name} cells={cells} actions={actions} actionsHeader="Ongedaan maken" />);
    const visible = screen.getAllByRole('columnheader')[1];
    expect(visible.textContent).toBe('Ongedaan maken');
    expect(visible.querySelector('.visually-hidden')).toBeNull();
  });
});
