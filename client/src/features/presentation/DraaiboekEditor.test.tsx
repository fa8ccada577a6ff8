// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PresentationOut } from '../../api/client.ts';
import { DraaiboekEditor, moveItem, type DraftView } from './DraaiboekEditor.tsx';

afterEach(cleanup);

// The step previews ask the server; here they get no answer (a failed request leaves them loading).
const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;

const view = (title: string): DraftView => ({
  title,
  caption: '',
  focus: { level: 'wijk', codes: ['WK093500'] },
  measure: 'ratePer1000Smoothed',
  category: '0.0.0',
  from: '2024-01',
  to: '2024-12',
  layers: ['choropleth'],
});

describe('moveItem', () => {
  it('swaps with the neighbour and ignores moves past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});

describe('DraaiboekEditor', () => {
  it('adds the current view, reorders, saves with POST then PUT, and links to the presentation', async () => {
    const save = vi.fn(async (body: { title: string; views: DraftView[] }, id: number | null) => ({ ...body, id: id ?? 7, url: `/?view=presentatie&presentation=${id ?? 7}` }) as unknown as PresentationOut);
    const { rerender } = render(<DraaiboekEditor current={view('Eerste')} currentLabel="Eerste" announce={() => {}} save={save} />, { wrapper });
    fireEvent.click(screen.getByRole('button', { name: 'Voeg huidige weergave toe aan draaiboek' }));
    rerender(<DraaiboekEditor current={view('Tweede')} currentLabel="Tweede" announce={() => {}} save={save} />);
    fireEvent.click(screen.getByRole('button', { name: 'Voeg huidige weergave toe aan draaiboek' }));
    fireEvent.click(screen.getByRole('button', { name: 'Weergave 2 omhoog' }));
    fireEvent.change(screen.getAllByLabelText('Toelichting')[0], { target: { value: 'Uitleg' } });
    fireEvent.click(screen.getByRole('button', { name: 'Draaiboek opslaan' }));
    await waitFor(() => expect(screen.getByRole('link', { name: 'Presenteren' }).getAttribute('href')).toBe('/?view=presentatie&presentation=7'));
    const [body, id] = save.mock.calls[0];
    expect(id).toBeNull();
    expect(body.views.map((v) => v.title)).toEqual(['Tweede', 'Eerste']);
    expect(body.views[0].caption).toBe('Uitleg');
    // After a change the link waits for the next save, which updates the same draaiboek.
    fireEvent.click(screen.getByRole('button', { name: 'Weergave 1 verwijderen' }));
    expect(screen.queryByRole('link', { name: 'Presenteren' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(2));
    expect(save.mock.calls[1][1]).toBe(7);
  });
});
