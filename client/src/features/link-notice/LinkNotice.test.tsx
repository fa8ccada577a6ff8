// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LinkNotice } from './LinkNotice.tsx';

afterEach(cleanup);

describe('the notice about a link', () => {
  it('says each replaced value in a named region, and can be closed', () => {
    const onDismiss = vi.fn();
    const texts = ['De link vroeg om gemeente ‘GM9999’; die staat niet in de gegevens. U ziet Maastricht.', 'De link vroeg om maat ‘xyz’; die bestaat niet. U ziet aantal misdrijven.'];
    render(<LinkNotice texts={texts} onDismiss={onDismiss} />);
    const region = screen.getByRole('region', { name: 'Melding over de link' });
    for (const t of texts) expect(region.textContent).toContain(t);
    fireEvent.click(screen.getByRole('button', { name: 'Melding over de link sluiten' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('is not there when there is nothing to say, and is no second live region beside the page\'s own', () => {
    const { container } = render(<LinkNotice texts={[]} onDismiss={() => {}} />);
    expect(container.textContent).toBe('');
    render(<LinkNotice texts={['x']} onDismiss={() => {}} />);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
