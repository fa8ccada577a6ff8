// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmStep } from './ConfirmStep.tsx';

afterEach(cleanup);

function Undo({ onConfirm, busy = false }: { onConfirm: () => void; busy?: boolean }) {
  const [open, setOpen] = useState(false);
  return (
    <ConfirmStep
      open={open}
      onOpenChange={setOpen}
      ask="Laatste import ongedaan maken"
      askProps={{ 'aria-describedby': 'hint' }}
      label="Ongedaan maken bevestigen"
      question="data.csv echt ongedaan maken?"
      confirm="Ja, ongedaan maken"
      cancel="Nee"
      onConfirm={onConfirm}
      busy={busy}
      danger
    />
  );
}

describe('ConfirmStep', () => {
  it('asks in a named group and puts focus on the safe choice', () => {
    render(<Undo onConfirm={() => undefined} />);
    const ask = screen.getByRole('button', { name: 'Laatste import ongedaan maken' });
    expect(ask.getAttribute('aria-describedby')).toBe('hint');
    expect(ask.className).toBe('danger');
    fireEvent.click(ask);
    const group = screen.getByRole('group', { name: 'Ongedaan maken bevestigen' });
    expect(group.textContent).toContain('data.csv echt ongedaan maken?');
    expect(document.activeElement).toBe(within(group).getByRole('button', { name: 'Nee' }));
  });

  it('confirms with the confirm button', () => {
    const onConfirm = vi.fn();
    render(<Undo onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole('button', { name: 'Laatste import ongedaan maken' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ja, ongedaan maken' }));
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it.each([
    ['the cancel button', () => fireEvent.click(screen.getByRole('button', { name: 'Nee' }))],
    ['Escape', () => fireEvent.keyDown(screen.getByRole('button', { name: 'Nee' }), { key: 'Escape' })],
  ])('cancels with %s and returns focus to the asking button', (_, cancel) => {
    const onConfirm = vi.fn();
    render(<Undo onConfirm={onConfirm} />);
    fireEvent.click(screen.getByRole('button', { name: 'Laatste import ongedaan maken' }));
    cancel();
    expect(screen.queryByRole('group')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Laatste import ongedaan maken' }));
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('disables every button while the action runs', () => {
    const { rerender } = render(<Undo onConfirm={() => undefined} busy />);
    expect(screen.getByRole('button', { name: 'Laatste import ongedaan maken' }).hasAttribute('disabled')).toBe(true);
    rerender(<Undo onConfirm={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Laatste import ongedaan maken' }));
    rerender(<Undo onConfirm={() => undefined} busy />);
    for (const b of within(screen.getByRole('group')).getAllByRole('button')) expect(b.hasAttribute('disabled')).toBe(true);
  });
});
