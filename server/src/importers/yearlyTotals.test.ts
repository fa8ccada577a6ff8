import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseYearlyTotals } from './yearlyTotals.ts';
import { REPO_ROOT, expectImportError, fixture, lines, utf8 } from './testHelpers.ts';

describe('parseYearlyTotals', () => {
  it('parses the derived yearly totals layout (CRLF, quoted names with commas, empty = unknown)', () => {
    const r = parseYearlyTotals('yearly-totals-valid.csv', fixture('yearly-totals-valid.csv'));
    expect(r.format).toBe('yearly-totals');
    expect(r.rows).toHaveLength(10);
    expect(r.rows[0]).toEqual({ buurt: 'BU09350000', naam: 'Binnenstad', wijk: 'WK093500', gemeente: 'GM0935', year: 2023, count: 1232 });
    expect(r.rows.find((x) => x.buurt === 'BU00340602')?.naam).toBe('Ambachtsmark, Vrijmark en Zuidmark');
    expect(r.rows.filter((x) => x.buurt === 'BU00140300').map((x) => x.count)).toEqual([null, null]);
    expect(r.summary).toEqual({ rows: 10, buurten: 5, gemeenten: 3, years: [2023, 2024], unknown: 2 });
  });

  it("reads a Windows-1252 ';' export from Dutch Excel (Sint Pieter, 's-Hertogenbosch, Belvédère)", () => {
    const text =
      'buurtcode;buurtnaam;wijkcode;wijknaam;gemeentecode;gemeentenaam;misdrijven_totaal_2024\r\n' +
      'BU09350105;Sint Pieter;WK093501;Wijk 01 Buitenwijk Zuidwest;GM0935;Maastricht;80\r\n' +
      'BU09350303;Belvédère;WK093503;Wijk 03 Buitenwijk Noordwest;GM0935;Maastricht;14\r\n' +
      "BU07960608;A2 zone Rosmalen noord;WK079606;Rosmalen-Noord;GM0796;'s-Hertogenbosch;14\r\n";
    const bytes = iconv.encode(text, 'win1252');
    expect(bytes.includes(0xe9)).toBe(true); // é as the single byte 0xE9: not valid UTF-8
    const r = parseYearlyTotals('excel.csv', bytes);
    expect(r.rows.map((x) => x.naam)).toEqual(['Sint Pieter', 'Belvédère', 'A2 zone Rosmalen noord']);
    expect(r.rows.map((x) => x.count)).toEqual([80, 14, 14]);
  });

  it('reports header problems on line 1', () => {
    const e = expectImportError(() => parseYearlyTotals('h.csv', utf8('buurtcode,naam,misdrijven_2024\nBU09350000,x,1\n')));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ line: 1, field: 'header' });
    expect(e.issues[0].reason).toContain('ontbrekende kolommen: buurtnaam, wijkcode, gemeentecode, misdrijven_totaal_JJJJ');
  });

  it('reports every bad line and returns nothing', () => {
    const text =
      'buurtcode,buurtnaam,wijkcode,gemeentecode,misdrijven_totaal_2023,misdrijven_totaal_2024\n' +
      'BU09350000,Binnenstad,WK093500,GM0935,1232,1301\n' + // 2 ok
      'BU09350001,Jekerkwartier,WK093501,GM0935,10,11\n' + // 3 wrong wijk
      'BU0935000,Kort,WK093500,GM0935,1,1\n' + // 4 bad buurt code
      'BU09350002,Kommelkwartier,WK093500,GM0934,1,-2\n' + // 5 wrong gemeente, negative
      'BU09350000,Binnenstad,WK093500,GM0935,1,1\n' + // 6 duplicate
      'BU09350003,,WK093500,GM0935,1,1.5\n'; // 7 empty name, decimal
    const e = expectImportError(() => parseYearlyTotals('bad.csv', utf8(text)));
    expect(lines(e)).toEqual([
      'regel 3: wijkcode: buurt BU09350001 ligt niet in wijk WK093501 (verwacht WK093500: WK met de 6 tekens na BU in de buurtcode)',
      'regel 4: buurtcode: verwacht een CBS-buurtcode zoals BU09350000 (BU + 8 tekens), gevonden "BU0935000"',
      'regel 5: gemeentecode: buurt BU09350002 ligt niet in gemeente GM0934 (verwacht GM0935: GM met de 4 cijfers na BU in de buurtcode)',
      'regel 5: misdrijven_totaal_2024: "-2" is negatief (een aantal is 0 of meer)',
      'regel 6: buurtcode: dubbele buurt: BU09350000 staat ook op regel 2',
      'regel 7: buurtnaam: leeg: elke buurt heeft een naam nodig',
      'regel 7: misdrijven_totaal_2024: "1.5" is geen geheel getal (een aantal is een geheel getal, zonder punt of komma)',
    ]);
  });
});

const geodataDir = resolve(REPO_ROOT, process.env.GEODATA_SOURCE_DIR ?? '../shared/geodata');
const realFile = resolve(geodataDir, 'crime/buurten_misdrijven_totaal_2021_2025_nl.csv');
const haveReal = existsSync(realFile);

describe('parseYearlyTotals on the real file', () => {
  it.skipIf(!haveReal)(
    haveReal ? 'parses all 14,574 buurten; Maastricht 2024 sums to 8293' : `SKIPPED: real file not found at ${realFile} (set GEODATA_SOURCE_DIR)`,
    () => {
      const r = parseYearlyTotals('buurten_misdrijven_totaal_2021_2025_nl.csv', readFileSync(realFile));
      expect(r.summary.buurten).toBe(14_574);
      expect(r.summary.years).toEqual([2021, 2022, 2023, 2024, 2025]);
      expect(r.rows).toHaveLength(14_574 * 5);
      const maastricht2024 = r.rows.filter((x) => x.gemeente === 'GM0935' && x.year === 2024);
      expect(maastricht2024).toHaveLength(44);
      expect(maastricht2024.reduce((s, x) => s + (x.count ?? 0), 0)).toBe(8293);
      expect(r.rows.find((x) => x.buurt === 'BU09350303' && x.year === 2024)).toMatchObject({ naam: 'Belvédère', count: 14 });
    },
  );
});
