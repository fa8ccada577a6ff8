// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Category } from '../../../../server/src/domain/model.ts';
import { Filters, groupCategories, type FilterValues } from './Filters.tsx';

afterEach(cleanup);

const categories: Category[] = [
  { code: '1.1.1', naam: 'Diefstal/inbraak woning', groep: '1', kind: 'type' },
  { code: '0.0.0', naam: 'Totaal misdrijven', groep: 'totaal', kind: 'group' },
  { code: 'G1.1', naam: 'Diefstal/inbraak woning en box', groep: 'hoofdgroep', kind: 'group' },
  { code: 'HIC', naam: 'Vermogenscriminaliteit/HIC', groep: 'samengesteld', kind: 'group' },
  { code: '2.2.1', naam: 'Vernieling', groep: '2', kind: 'type' },
  { code: 'E33', naam: 'Overlast door verward persoon', groep: 'overlast', kind: 'type' },
];

const values: FilterValues = {
  gemeente: 'GM0935',
  level: 'buurt',
  category: '0.0.0',
  from: '2024-01',
  to: '2024-12',
  measure: 'ratePer1000',
  method: 'quantile',
  classes: 5,
  fixed: false,
  breaks: [],
};

describe('groupCategories', () => {
  it('puts totaal, composites and main groups before the types', () => {
    expect(groupCategories(categories).map((g) => g.label)).toEqual([
      'Totaal',
      'Samengestelde groepen',
      'Hoofdgroepen',
      'Soorten misdrijf 1.x',
      'Soorten misdrijf 2.x',
      'Overlast (registraties)',
    ]);
  });
});

describe('Filters', () => {
  function setup() {
    const onChange = vi.fn();
    render(
      <Filters
        values={values}
        gemeenten={[{ code: 'GM0935', naam: 'Maastricht' }]}
        categories={categories}
        months={['2023-01', '2023-12', '2024-01', '2024-12']}
        currentBreaks={[10, 20, 30, 40]}
        decimals={1}
        onChange={onChange}
      />,
    );
    return onChange;
  }

  it('labels every control', () => {
    setup();
    for (const name of ['Gemeente', 'Soort misdrijf of overlast', 'Maat', 'Van', 'Tot en met', 'Indeling', 'Aantal klassen']) {
      expect(screen.getByLabelText(name)).toBeTruthy();
    }
    expect(screen.getByRole('checkbox', { name: 'Klassen vastzetten' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Wijken' })).toBeTruthy();
  });

  it('reports changes as patches', () => {
    const onChange = setup();
    fireEvent.change(screen.getByLabelText('Soort misdrijf of overlast'), { target: { value: 'HIC' } });
    expect(onChange).toHaveBeenLastCalledWith({ category: 'HIC' });
    fireEvent.click(screen.getByRole('button', { name: 'Kalenderjaar 2023' }));
    expect(onChange).toHaveBeenLastCalledWith({ from: '2023-01', to: '2023-12' });
    fireEvent.click(screen.getByRole('button', { name: 'Laatste maand' }));
    expect(onChange).toHaveBeenLastCalledWith({ from: '2024-12', to: '2024-12' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Klassen vastzetten' }));
    expect(onChange).toHaveBeenLastCalledWith({ fixed: true });
  });

  it('shows manual bounds from the URL and follows their changes, but not while the user types', () => {
    const props = {
      gemeenten: [{ code: 'GM0935', naam: 'Maastricht' }],
      categories,
      months: ['2024-01', '2024-12'],
      currentBreaks: [1, 2],
      decimals: 1,
      onChange: vi.fn(),
    };
    const manual: FilterValues = { ...values, method: 'manual', breaks: [1.5, 3] };
    const { rerender } = render(<Filters values={manual} {...props} />);
    const field = screen.getByLabelText('Klassegrenzen') as HTMLInputElement;
    expect(field.value).toBe('1,5; 3,0');
    fireEvent.change(field, { target: { value: '2; 4' } });
    rerender(<Filters values={{ ...manual, breaks: [1.5, 3] }} {...props} />);
    expect(field.value).toBe('2; 4');
    rerender(<Filters values={{ ...manual, breaks: [5, 10] }} {...props} />);
    expect(field.value).toBe('5,0; 10,0');
  });

  it('starts manual bounds from the current classes', () => {
    const onChange = setup();
    fireEvent.change(screen.getByLabelText('Indeling'), { target: { value: 'manual' } });
    expect(onChange).toHaveBeenLastCalledWith({ method: 'manual', breaks: [10, 20, 30, 40], classes: 5 });
  });
});
