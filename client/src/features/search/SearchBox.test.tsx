// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchArea } from './matchAreas.ts';
import { SearchBox, type Suggestion } from './SearchBox.tsx';

afterEach(cleanup);

const AREAS: SearchArea[] = [
  { level: 'wijk', code: 'WK093501', naam: 'Wijk 01 Buitenwijk Zuidwest', wijkNaam: null },
  { level: 'buurt', code: 'BU09350001', naam: 'Jekerkwartier', wijkNaam: 'Wijk 00 Centrum' },
  { level: 'buurt', code: 'BU09350101', naam: 'Jekerdal', wijkNaam: 'Wijk 01 Buitenwijk Zuidwest' },
];

function setup() {
  const onChoose = vi.fn<(s: Suggestion) => void>();
  const announce = vi.fn<(message: string) => void>();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <SearchBox areas={AREAS} gemeente={null} onChoose={onChoose} announce={announce} />
    </QueryClientProvider>,
  );
  const box = screen.getByRole('combobox', { name: 'Zoek een buurt, wijk, straat of postcode' });
  const type = (value: string) => fireEvent.change(box, { target: { value } });
  const key = (k: string) => fireEvent.keyDown(box, { key: k });
  return { box, type, key, onChoose, announce };
}

describe('SearchBox (combobox pattern)', () => {
  it('opens a listbox of matches and says how many there are', () => {
    const { box, type, announce } = setup();
    expect(box.getAttribute('aria-expanded')).toBe('false');
    type('jeker');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    const list = screen.getByRole('listbox', { name: 'Zoekresultaten' });
    expect(box.getAttribute('aria-controls')).toBe(list.id);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Jekerdal — buurt in Wijk 01 Buitenwijk Zuidwest', 'Jekerkwartier — buurt in Wijk 00 Centrum']);
    expect(announce).toHaveBeenLastCalledWith('2 suggesties');
  });

  it('moves through the options with the arrow keys, wrapping, and Enter chooses', () => {
    const { box, type, key, onChoose } = setup();
    type('jeker');
    expect(box.getAttribute('aria-activedescendant')).toBeNull();
    key('ArrowDown');
    const [first, second] = screen.getAllByRole('option');
    expect(box.getAttribute('aria-activedescendant')).toBe(first.id);
    expect(first.getAttribute('aria-selected')).toBe('true');
    key('ArrowDown');
    expect(box.getAttribute('aria-activedescendant')).toBe(second.id);
    key('ArrowDown');
    expect(box.getAttribute('aria-activedescendant')).toBe(first.id);
    key('ArrowUp');
    expect(box.getAttribute('aria-activedescendant')).toBe(second.id);
    key('Enter');
    expect(onChoose).toHaveBeenCalledWith(expect.objectContaining({ kind: 'area', code: 'BU09350001' }));
    expect(box).toHaveProperty('value', 'Jekerkwartier');
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  it('Escape closes the list first, then clears the box', () => {
    const { box, type, key, onChoose } = setup();
    type('wijk 01');
    key('Escape');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(box).toHaveProperty('value', 'wijk 01');
    key('Escape');
    expect(box).toHaveProperty('value', '');
    expect(onChoose).not.toHaveBeenCalled();
  });

  it('says when nothing matches', () => {
    const { box, type, announce } = setup();
    type('xyz');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(screen.getByText('Geen buurt of wijk gevonden')).toBeTruthy();
    expect(announce).toHaveBeenLastCalledWith('Geen suggesties');
  });
});
