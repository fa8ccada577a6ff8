import { describe, expect, it } from 'vitest';
import { parseCbsOpenData, parseCbsPeriod } from './cbsOpenData.ts';
import { CRIME_CODES, NUISANCE_CODES, expectImportError, fixture, lines, utf8 } from './testHelpers.ts';

const opts = { knownCodes: CRIME_CODES, knownNuisanceCodes: NUISANCE_CODES };
const H = '"ID";"SoortMisdrijf";"WijkenEnBuurten";"Perioden";"GeregistreerdeMisdrijven_1"\n';
const parse = (name: string, bytes: Buffer) => parseCbsOpenData(name, bytes, opts);

describe('parseCbsOpenData: 47022NED monthly (BOM, CRLF, trailing spaces, withheld, totals)', () => {
  const r = parse('cbs-47022NED-valid.csv', fixture('cbs-47022NED-valid.csv'));

  it('recognises the format and returns only buurt × real type as cells', () => {
    expect(r.format).toBe('cbs-47022NED');
    expect(r.cells).toHaveLength(9);
    expect(r.cells.every((c) => c.area.startsWith('BU') && c.type !== '0.0.0')).toBe(true);
    expect(r.cells[0]).toEqual({ area: 'BU09350000', type: '1.1.1', period: '2024-01', count: 3 });
  });
  it('keeps withheld cells as null, never 0, and a real 0 as 0', () => {
    const bu1 = r.cells.filter((c) => c.area === 'BU09350001');
    expect(bu1.map((c) => c.count)).toEqual([null, null, null, 2]);
    expect(r.cells.find((c) => c.area === 'BU09350000' && c.type === '1.1.1' && c.period === '2024-02')?.count).toBe(0);
  });
  it('returns WK/GM/NL rows and 0.0.0 rows separately as totals', () => {
    expect(r.totals.map((t) => `${t.area}|${t.type}|${t.count}`)).toEqual([
      'NL01|0.0.0|70123',
      'GM0935|0.0.0|690',
      'WK093500|0.0.0|130',
      'WK093500|1.1.1|4',
      'BU09350000|0.0.0|101',
    ]);
  });
  it('accepts alphanumeric Amsterdam buurt codes', () => {
    expect(r.cells.at(-1)).toEqual({ area: 'BU0363AA01', type: '1.4.5', period: '2024-02', count: 1 });
  });
  it('summarises', () => {
    expect(r.summary).toEqual({ rows: 9, areas: 3, periods: ['2024-01', '2024-02'], categories: 3, withheld: 3, totalRows: 5 });
  });
});

describe('parseCbsOpenData: 47018NED yearly and 47024NED nuisance', () => {
  it('parses the yearly table', () => {
    const r = parse('cbs-47018NED-valid.csv', fixture('cbs-47018NED-valid.csv'));
    expect(r.format).toBe('cbs-47018NED');
    expect(r.cells).toEqual([
      { area: 'BU09350000', type: '1.1.1', period: '2023', count: 25 },
      { area: 'BU09350001', type: '1.1.1', period: '2023', count: 9 },
      { area: 'BU09350500', type: '1.2.3', period: '2023', count: null },
    ]);
    expect(r.totals).toHaveLength(2);
    expect(r.summary.periods).toEqual(['2023']);
  });
  it('parses the nuisance table against the nuisance code list', () => {
    const r = parse('cbs-47024NED-valid.csv', fixture('cbs-47024NED-valid.csv'));
    expect(r.format).toBe('cbs-47024NED');
    expect(r.cells.map((c) => `${c.area}|${c.type}|${c.count}`)).toEqual(['BU09350000|E33|14', 'BU09350000|E35|21', 'BU09350006|E38|null']);
    expect(r.totals.map((c) => c.area)).toEqual(['BU09350000', 'WK093500']);
    expect(r.summary.withheld).toBe(1);
  });
  it('refuses a crime code in a nuisance file', () => {
    const bytes = utf8('"ID";"SoortOverlast";"WijkenEnBuurten";"Perioden";"RegistratiesOverlast_1"\n"0";"1.1.1 ";"BU09350000";"2024MM01";"3"\n');
    expect(lines(expectImportError(() => parse('o.csv', bytes)))).toEqual(['regel 2: SoortOverlast: onbekende overlastcode "1.1.1" (staat niet in de lijst met soorten overlast)']);
  });
});

describe('parseCbsOpenData: header-only and empty files', () => {
  it('treats a header-only file as valid with 0 rows (format from the file name, default 47022NED)', () => {
    const r = parse('cbs-47022NED-header-only.csv', fixture('cbs-47022NED-header-only.csv'));
    expect(r).toEqual({
      format: 'cbs-47022NED',
      cells: [],
      totals: [],
      summary: { rows: 0, areas: 0, periods: [], categories: 0, withheld: 0, totalRows: 0 },
    });
    expect(parse('export_47018NED.csv', fixture('cbs-47022NED-header-only.csv')).format).toBe('cbs-47018NED');
  });
  it('rejects an empty file', () => {
    const e = expectImportError(() => parse('empty.csv', fixture('empty.csv')));
    expect(lines(e)).toEqual(['regel 1: file: het bestand is leeg: verwacht een kopregel met de kolomnamen']);
  });
});

describe('parseCbsOpenData: errors name every bad line', () => {
  it('wrong header: line 1, field header, listing the expected columns', () => {
    const e = expectImportError(() => parse('cbs-bad-header.csv', fixture('cbs-bad-header.csv')));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0].line).toBe(1);
    expect(e.issues[0].field).toBe('header');
    expect(e.issues[0].reason).toContain('ontbrekende kolom: WijkenEnBuurten');
    expect(e.issues[0].reason).toContain('onbekende kolom: "Buurt"');
    expect(e.issues[0].reason).toContain('ID;SoortMisdrijf;WijkenEnBuurten;Perioden;GeregistreerdeMisdrijven_1');
  });
  it('header names are case-sensitive', () => {
    const bytes = utf8('"ID";"soortmisdrijf";"WijkenEnBuurten";"Perioden";"GeregistreerdeMisdrijven_1"\n');
    expect(expectImportError(() => parse('c.csv', bytes)).issues[0].reason).toContain('onbekende kolom: "soortmisdrijf"');
  });
  it('bad period on line 4 and negative count on line 7 are both reported', () => {
    const e = expectImportError(() => parse('cbs-47022NED-bad-lines.csv', fixture('cbs-47022NED-bad-lines.csv')));
    expect(lines(e)).toEqual([
      'regel 4: Perioden: "2024MM13": maand 13 bestaat niet (verwacht een CBS-periode zoals 2024MM01 voor een maand (MM01 t/m MM12) of 2024JJ00 voor een jaar)',
      'regel 7: GeregistreerdeMisdrijven_1: "-4" is negatief (een aantal is 0 of meer)',
    ]);
    expect(e.message).toBe(
      'cbs-47022NED-bad-lines.csv: 2 fouten\n' +
        '  regel 4: Perioden: "2024MM13": maand 13 bestaat niet (verwacht een CBS-periode zoals 2024MM01 voor een maand (MM01 t/m MM12) of 2024JJ00 voor een jaar)\n' +
        '  regel 7: GeregistreerdeMisdrijven_1: "-4" is negatief (een aantal is 0 of meer)',
    );
  });
  it('unbalanced quote names its line (and the rest is still checked)', () => {
    const e = expectImportError(() => parse('q.csv', fixture('cbs-47022NED-unbalanced-quote.csv')));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ line: 3, field: 'row' });
    expect(e.issues[0].reason).toMatch(/^aanhalingsteken niet gesloten/);
  });
  it('binary noise is an ImportError', () => {
    let s = 12345;
    const noise = Buffer.alloc(4096, 0).map(() => ((s = (s * 1103515245 + 12345) & 0x7fffffff), s & 0xff));
    expectImportError(() => parse('noise.bin', Buffer.from(noise)));
  });
  it('every kind of row problem, each on its own line', () => {
    const bytes = utf8(
      H +
        '"0";"1.1.1 ";"BU09350000";"2024MM01";"3"\n' + // 2 ok
        '"1";"9.9.9 ";"BU09350000";"2024MM01";"3"\n' + // 3 unknown code
        '"2";"1.1.1 ";"XX123";"2024MM01";"3"\n' + // 4 bad area
        '"3";"1.1.1 ";"BU09350001";"2024KW01";"3"\n' + // 5 quarter
        '"4";"1.1.1 ";"BU09350001";"2024JJ00";"3"\n' + // 6 year in a month file
        '"5";"1.1.1 ";"BU09350002";"2024MM01";"12,5"\n' + // 7 decimal
        '"6";"1.1.1 ";"BU09350002";"2024MM02";"99999999999999999999"\n' + // 8 huge
        '"7";"1.1.1 ";"BU09350000  ";"2024MM01";"4"\n' + // 9 duplicate of 2
        '"8";"1.1.1 ";"BU09350003";"2024MM01"\n' + // 10 column count
        '"x";"1.1.1 ";"BU09350004";"2024MM01";"1e308"\n', // 11 ID and exponent
    );
    const e = expectImportError(() => parse('many.csv', bytes));
    expect(lines(e)).toEqual([
      'regel 3: SoortMisdrijf: onbekende misdrijfcode "9.9.9" (staat niet in de lijst met soorten misdrijf)',
      'regel 4: WijkenEnBuurten: "XX123" is geen CBS-gebiedscode (verwacht een buurtcode (BU + 8 tekens, zoals BU09350000), wijkcode (WK + 6 tekens, zoals WK093500), gemeentecode (GM + 4 cijfers, zoals GM0935) of NL00/NL01 voor Nederland)',
      'regel 5: Perioden: "2024KW01" is een kwartaal: kwartaalcijfers kunnen niet worden geïmporteerd (verwacht een CBS-periode zoals 2024MM01 voor een maand (MM01 t/m MM12) of 2024JJ00 voor een jaar)',
      'regel 6: Perioden: "2024JJ00" is een jaar, maar regel 2 heeft een maand: een bestand bevat óf maanden (47022NED) óf jaren (47018NED), niet allebei',
      'regel 7: GeregistreerdeMisdrijven_1: "12,5" is geen geheel getal (een aantal is een geheel getal, zonder punt of komma)',
      'regel 8: GeregistreerdeMisdrijven_1: "99999999999999999999" is te groot voor een aantal',
      'regel 9: row: dubbele regel: dezelfde WijkenEnBuurten (BU09350000), SoortMisdrijf (1.1.1) en Perioden (2024-01) als regel 2',
      'regel 10: row: verwacht 5 kolommen gescheiden door puntkomma ";" (zoals de kopregel), gevonden 4',
      'regel 11: ID: "x" is geen volgnummer (verwacht een geheel getal)',
      'regel 11: GeregistreerdeMisdrijven_1: "1e308" is geen geheel getal',
    ]);
  });
  it('a mixed file whose first row is a year errors on the month rows', () => {
    const bytes = utf8(H + '"0";"1.1.1";"BU09350000";"2023JJ00";"3"\n"1";"1.1.1";"BU09350000";"2024MM01";"3"\n');
    expect(lines(expectImportError(() => parse('m.csv', bytes)))[0]).toMatch(/^regel 3: Perioden: "2024MM01" is een maand, maar regel 2 heeft een jaar/);
  });
  it('lists all 300 bad lines but caps the message at 200', () => {
    let body = H;
    for (let i = 0; i < 300; i++) body += `"${i}";"1.1.1";"BU09350000";"2024MM${String((i % 12) + 1).padStart(2, '0')}";"-1"\n`;
    const e = expectImportError(() => parse('big.csv', utf8(body)));
    expect(e.issues.filter((i) => i.reason.includes('negatief'))).toHaveLength(300);
    expect(e.message.split('\n').at(-1)).toMatch(/^ {2}\.\.\. en nog \d+$/);
  });
});

describe('parseCbsPeriod', () => {
  it('maps months and years', () => {
    expect(parseCbsPeriod('2024MM01')).toEqual({ ok: true, kind: 'month', period: '2024-01' });
    expect(parseCbsPeriod(' 2024JJ00 ')).toEqual({ ok: true, kind: 'year', period: '2024' });
    for (const bad of ['2024MM00', '2024MM13', '2024JJ01', '2024X000', '2024', 'MM01', '1800MM01']) expect(parseCbsPeriod(bad).ok, bad).toBe(false);
  });
});

describe('performance', () => {
  it('parses 100,000 rows quickly', () => {
    const parts = [H];
    for (let i = 0; i < 100_000; i++) {
      parts.push(`"${i}";"1.1.1 ";"BU0935${String(i % 10000).padStart(4, '0')}  ";"${2000 + Math.floor(i / 120000) + Math.floor(i / 10000)}MM${String((i % 12) + 1).padStart(2, '0')}";"${i % 7}"\n`);
    }
    const t0 = performance.now();
    const r = parse('big.csv', utf8(parts.join('')));
    expect(r.cells.length).toBe(100_000);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe('parseCbsOpenData: official StatLine downloads', () => {
  it('accepts the region columns of a full download (Windows-1252, CRLF) and keeps withheld cells null', () => {
    const r = parse('held-back.csv', fixture('cbs-47018NED-held-back-full-download.csv'));
    expect(r.format).toBe('cbs-47018NED');
    expect(r.cells.filter((c) => c.area === 'BU19000003').map((c) => `${c.type}|${c.count}`)).toEqual(['1.1.1|null', '1.2.3|null', '2.2.1|1']);
    expect(r.totals.find((c) => c.area === 'GM1900' && c.type === '0.0.0')?.count).toBe(2813);
    expect(r.summary).toMatchObject({ rows: 15, areas: 5, withheld: 2 });
  });
  it('reads 47024NED under its official column names (Overlast, GeregistreerdeOverlast_1)', () => {
    const bytes = utf8('"ID";"Overlast";"WijkenEnBuurten";"Perioden";"GeregistreerdeOverlast_1"\r\n"0";"E33   ";"BU07580001";"2022JJ00";"     12"\r\n"1";"0.0.0 ";"BU07580001";"2022JJ00";"     30"\r\n');
    const r = parse('o.csv', bytes);
    expect(r.format).toBe('cbs-47024NED');
    expect(r.cells).toEqual([{ area: 'BU07580001', type: 'E33', period: '2022', count: 12 }]);
  });
  it('still refuses a column it does not know', () => {
    const bytes = utf8('"ID";"SoortMisdrijf";"WijkenEnBuurten";"Perioden";"GeregistreerdeMisdrijven_1";"Extra"\n');
    expect(lines(expectImportError(() => parse('x.csv', bytes)))[0]).toMatch(/onbekende kolom: "Extra"/);
  });
});
