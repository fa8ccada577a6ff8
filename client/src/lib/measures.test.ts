import { describe, expect, it } from 'vitest';
import { MEASURES, measureInfo, registrationsOf } from './measures.ts';

const categories = [
  { code: '0.0.0', groep: 'totaal' },
  { code: '1.1.1', groep: '1' },
  { code: 'OVERLAST', groep: 'overlast' },
  { code: 'E33', groep: 'overlast' },
];

describe('measure names', () => {
  it('call nuisance registrations what they are, never "misdrijven"', () => {
    expect(registrationsOf(categories, 'E33')).toBe('overlast');
    expect(registrationsOf(categories, '1.1.1')).toBe('misdrijf');
    expect(registrationsOf(categories, 'onbekend')).toBe('misdrijf');
    for (const m of MEASURES) expect(measureInfo(m.key, 'overlast').title).not.toMatch(/misdrijven/i);
    expect(measureInfo('ratePer1000', 'overlast').title).toBe('Overlastregistraties per 1.000 inwoners');
    expect(measureInfo('count', 'overlast').title).toBe('Aantal overlastregistraties');
    expect(measureInfo('ratePer1000').title).toBe('Misdrijven per 1.000 inwoners');
  });
});
