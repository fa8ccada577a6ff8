import { describe, expect, it } from 'vitest';
import { parseSurvey } from './survey.ts';
import { INDICATORS, expectImportError, fixture, lines, utf8 } from './testHelpers.ts';

const opts = { knownIndicators: INDICATORS };

describe('parseSurvey', () => {
  it('parses the documented long layout (decimal comma and dot, optional bounds, quoted ; in bron)', () => {
    const r = parseSurvey('survey-valid.csv', fixture('survey-valid.csv'), opts);
    expect(r.format).toBe('survey');
    expect(r.records).toEqual([
      { gebiedcode: 'GM0935', niveau: 'gemeente', jaar: 2023, indicator: 'onveilig_buurt_pct', waarde: 27.5, ondergrens: 25.1, bovengrens: 29.9, respondenten: 1650, bron: 'Veiligheidsmonitor 2023', line: 2 },
      { gebiedcode: 'GM0935', niveau: 'gemeente', jaar: 2023, indicator: 'rapportcijfer_veiligheid', waarde: 6.6, ondergrens: null, bovengrens: null, respondenten: 1650, bron: 'Veiligheidsmonitor 2023', line: 3 },
      { gebiedcode: 'WK093500', niveau: 'wijk', jaar: 2023, indicator: 'onveilig_buurt_pct', waarde: 31.2, ondergrens: null, bovengrens: null, respondenten: null, bron: 'Veiligheidsmonitor 2023', line: 4 },
      { gebiedcode: 'BU09350000', niveau: 'buurt', jaar: 2024, indicator: 'rapportcijfer_veiligheid', waarde: 6.4, ondergrens: 6.1, bovengrens: 6.7, respondenten: 112, bron: 'Buurtpeiling Maastricht; najaar 2024', line: 5 },
    ]);
    expect(r.summary).toEqual({
      rows: 4,
      areas: 3,
      years: [2023, 2024],
      indicators: ['onveilig_buurt_pct', 'rapportcijfer_veiligheid'],
      bronnen: ['Buurtpeiling Maastricht; najaar 2024', 'Veiligheidsmonitor 2023'],
    });
  });

  it('allows the optional columns to be absent', () => {
    const r = parseSurvey('s.csv', utf8('Bron;Waarde;Indicator;Jaar;Gebiedcode\nVM 2023;6,8;rapportcijfer_veiligheid;2023;GM0935\n'), opts);
    expect(r.records[0]).toMatchObject({ waarde: 6.8, ondergrens: null, bovengrens: null, respondenten: null, line: 2 });
  });

  it('reports every bad line and returns nothing', () => {
    const e = expectImportError(() => parseSurvey('survey-bad.csv', fixture('survey-bad.csv'), opts));
    expect(lines(e)).toEqual([
      'regel 3: gebiedcode: "XX0935" is geen gemeente-, wijk- of buurtcode (verwacht een CBS-code zoals GM0935, WK093500 of BU09350000: GM + 4 cijfers, WK + 6 of BU + 8 tekens)',
      'regel 4: jaar: "1999" is geen jaar tussen 2000 en 2100 (verwacht vier cijfers, zoals 2023)',
      'regel 5: indicator: onbekende indicator "geluk_pct" (staat niet in de lijst met indicatoren)',
      'regel 6: waarde: "veel" is geen getal',
      'regel 7: indicator: dubbele regel: dezelfde gebiedcode, jaar en indicator als regel 2',
      'regel 8: ondergrens: 30 is hoger dan de waarde 28 (de ondergrens mag niet boven de waarde liggen)',
      'regel 8: respondenten: "12,5" is geen geheel getal (een aantal is een geheel getal, zonder punt of komma)',
      'regel 8: bron: leeg: noem de bron, bijvoorbeeld Veiligheidsmonitor 2023',
    ]);
  });

  it('reports missing required columns on the header line', () => {
    const e = expectImportError(() => parseSurvey('s.csv', utf8('gebiedcode;jaar;indicator\n'), opts));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ line: 1, field: 'header' });
    expect(e.issues[0].reason).toMatch(/^ontbrekende kolommen: waarde, bron\./);
  });
});
