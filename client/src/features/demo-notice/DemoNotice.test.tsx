import { describe, expect, it } from 'vitest';
import { demoText } from './DemoNotice.tsx';

describe('the DEMO banner says what is generated', () => {
  it("uses the server's sentence for the figures on the map", () => {
    const nuisance = { demo: true, notes: ['Per 1.000 inwoners ...', 'DEMO: de jaarcijfers zijn echt; alleen de verdeling over de maanden is gegenereerd.'] };
    expect(demoText(nuisance, true)).toBe('de jaarcijfers zijn echt; alleen de verdeling over de maanden is gegenereerd');
    expect(demoText(nuisance, true)).not.toMatch(/soort misdrijf/);
  });

  it('says so when only the selected area\'s months are generated, and nothing when all is real', () => {
    expect(demoText({ demo: false, notes: [] }, true)).toMatch(/maandverloop van het gekozen gebied .* cijfers op de kaart zijn echt/);
    expect(demoText({ demo: false, notes: [] }, false)).toBeNull();
    expect(demoText(null, false)).toBeNull();
  });
});
