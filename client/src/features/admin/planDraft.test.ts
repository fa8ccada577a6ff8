import { describe, expect, it } from 'vitest';
import type { TargetIndicator } from '../../api/client.ts';
import { DraftProblem, fromDraft, idFor, newDraft, parseNumber, targetsLine, toDraft } from './planDraft.ts';

const shipped: TargetIndicator = {
  id: 'onveilig-eigen-buurt', label: '% wel eens onveilig in de eigen buurt', theme: 'Veiligheidsbeleving', source: 'Veiligheidsmonitor',
  unit: 'percentage', betterWhen: 'lower', baseline: { year: 2014, value: 34.1 }, planValues: [{ year: 2013, value: 27.5 }, { year: 2014, value: 34.1 }],
  targets: [{ year: 2016, operator: '<=', value: 30.5 }, { year: 2018, operator: '<', value: null, reference: 'G32-gemiddelde' }],
  compute: { kind: 'survey', indicator: 'onveilig_buurt_pct' }, comparable: true, related: ['vaak_onveilig_buurt_pct'],
};
const unitOf = () => 'percentage' as const;

describe('an indicator in the form and back', () => {
  it('round-trips what the form does not show (id, plan values, related) and a target known only by its reference', () => {
    const d = toDraft(shipped);
    expect(d.baselineValue).toBe('34,1');
    expect(d.targets[1]).toEqual({ year: '2018', operator: '<', value: '', reference: 'G32-gemiddelde' });
    expect(fromDraft(d, shipped.id, unitOf, shipped)).toEqual(shipped);
  });

  it('reads a decimal comma and names the field it cannot read, as the server would', () => {
    expect(parseNumber(' 5,5 ')).toBe(5.5);
    expect(parseNumber('5.5')).toBe(5.5);
    expect(parseNumber('5,5%')).toBeNull();
    const d = { ...toDraft(shipped), targets: [{ year: '2026', operator: '<=' as const, value: 'vijf', reference: '' }] };
    expect(() => fromDraft(d, 'x', unitOf)).toThrow(DraftProblem);
    try {
      fromDraft(d, 'x', unitOf);
    } catch (e) {
      expect((e as DraftProblem).field).toBe('targets.0.value');
    }
    expect(() => fromDraft({ ...toDraft(shipped), baselineYear: '14' }, 'x', unitOf)).toThrow(/jaartal/);
    expect(() => fromDraft({ ...newDraft(), label: 'x' }, 'x', unitOf)).toThrow(/kies wat er gemeten wordt/);
  });

  it('a police measure is per 1,000 inhabitants of a category', () => {
    const d = { ...newDraft(), label: 'Woninginbraak', kind: 'crime' as const, code: '1.1.1', comparable: false, baselineYear: '2024', baselineValue: '2,1', targets: [{ year: '2026', operator: '<' as const, value: '2', reference: '' }] };
    expect(fromDraft(d, 'woninginbraak', unitOf)).toMatchObject({ source: 'politie', unit: 'per1000', compute: { kind: 'crime', category: '1.1.1' }, comparable: false });
  });

  it('makes a code from the name, unique in the plan, and says the targets in one line', () => {
    expect(idFor('% Vaak onveilig (Buurt)', new Set())).toBe('vaak-onveilig-buurt');
    expect(idFor('Één', new Set(['een']))).toBe('een-2');
    expect(targetsLine(shipped)).toBe('2016 ≤ 30,5 · 2018 < G32-gemiddelde');
  });
});
