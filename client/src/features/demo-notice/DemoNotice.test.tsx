import { describe, expect, it } from 'vitest';
import { demoText } from './DemoNotice.tsx';

describe('the DEMO banner says what is generated', () => {
  it("uses the server's sentence for the figures on the map", () => {
    const nuisance = { demo: true, notes: ['Per 1.000 inwoners ...', 'DEMO: de jaarcijfers zijn echt; alleen de verdeling over de maanden is gegenereerd.'] };
    const selected = { demo: true, breakdownDemo: false };
    expect(demoText(nuisance, selected)).toBe('de jaarcijfers zijn echt; alleen de verdeling over de maanden is gegenereerd');
    expect(demoText(nuisance, selected)).not.toMatch(/soort misdrijf/);
  });

  it('says so when only the selected area\'s months are generated, and nothing when all is real', () => {
    const real = { demo: false, notes: [] };
    expect(demoText(real, { demo: true, breakdownDemo: false })).toMatch(/^het maandverloop van het gekozen gebied is .* cijfers op de kaart zijn echt/);
    expect(demoText(real, { demo: false, breakdownDemo: false })).toBeNull();
    expect(demoText(null, null)).toBeNull();
  });

  it("names the selected area's breakdown by type when that is generated", () => {
    const real = { demo: false, notes: [] };
    expect(demoText(real, { demo: true, breakdownDemo: true })).toMatch(/maandverloop en de verdeling naar soort van het gekozen gebied zijn \(deels\) gegenereerd/);
    expect(demoText(real, { demo: false, breakdownDemo: true })).toMatch(/^de verdeling naar soort van het gekozen gebied is gegenereerd/);
  });
});
