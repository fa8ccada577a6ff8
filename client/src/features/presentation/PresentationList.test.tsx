// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PresentationList } from './PresentationList.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('PresentationList', () => {
  it('with no draaiboeken yet, says who makes one and where, not only that there are none', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } })));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <PresentationList />
      </QueryClientProvider>,
    );
    const text = await screen.findByText(/nog geen draaiboeken/);
    expect(text.textContent).toMatch(/analist of beheerder stelt er een samen op de kaart, onder ‘Draaiboek voor een presentatie’/);
  });
});
