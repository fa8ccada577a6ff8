// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RankingCriterion } from './RankingTable.tsx';
import { WeightsForm } from './WeightsForm.tsx';

afterEach(cleanup);

const REASON = 'Er zijn geen overlastregistraties van de politie voor Amsterdam in januari t/m december 2024.';
const rate: RankingCriterion = { id: 'smoothedRate', naam: 'Cijfer per 1.000 inwoners (EB) t.o.v. de stad', description: 'EB-cijfer', direction: 1 };
const overlast: RankingCriterion = { id: 'overlast', naam: 'Overlast per 1.000 inwoners', description: 'Geregistreerde overlast (politie)', direction: 1 };

const form = (criteria: RankingCriterion[], weights: Record<string, number>, onChange = vi.fn()) =>
  render(<WeightsForm criteria={criteria} weights={weights} onChange={onChange} onReset={() => {}} />);

describe('WeightsForm', () => {
  it('has a labelled slider for the overlast criterion that changes its weight', () => {
    const onChange = vi.fn();
    form([rate, overlast], { smoothedRate: 2 }, onChange);
    const slider = screen.getByRole('slider', { name: 'Overlast per 1.000 inwoners' });
    expect(slider.getAttribute('aria-valuetext')).toBe('gewicht 0,0');
    expect(slider.getAttribute('aria-describedby')).toBeTruthy();
    fireEvent.change(slider, { target: { value: '3' } });
    expect(onChange).toHaveBeenCalledWith('overlast', 3);
    // Measurable here: no reason, no "left out" message.
    expect(screen.queryByText(/Telt niet mee/)).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows why overlast is not measured next to its weight, as part of the slider description, never a silent zero', () => {
    form([rate, { ...overlast, unavailable: REASON }], { smoothedRate: 2 });
    const slider = screen.getByRole('slider', { name: 'Overlast per 1.000 inwoners' });
    expect(screen.getByText(`Telt niet mee: ${REASON}`)).toBeTruthy();
    const describedBy = (slider.getAttribute('aria-describedby') ?? '').split(' ').map((idRef) => document.getElementById(idRef)?.textContent ?? '');
    expect(describedBy.join(' ')).toContain(REASON);
    // Not weighted: nothing is left out of the score yet.
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says the score is made without it, with the other weights counting proportionally more, once it is weighted', () => {
    form([rate, { ...overlast, unavailable: REASON }], { smoothedRate: 2, overlast: 3 });
    expect(screen.getByRole('status').textContent).toBe(
      'De score is berekend zonder Overlast per 1.000 inwoners: de gewichten van de overige criteria tellen naar verhouding zwaarder.',
    );
  });

  it('says plainly when no weighted criterion can be measured', () => {
    form([rate, { ...overlast, unavailable: REASON }], { overlast: 1 });
    expect(screen.getByRole('status').textContent).toMatch(/^Geen enkel gewogen criterium is te meten \(Overlast per 1\.000 inwoners\)/);
  });
});
