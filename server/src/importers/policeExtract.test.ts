import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { RD_NEW, parseDutchDate, parsePoliceExtract, rdToWgs84 } from './policeExtract.ts';
import { CRIME_CODES, NUISANCE_CODES, expectImportError, fixture, lines, utf8 } from './testHelpers.ts';

const opts = { knownCodes: CRIME_CODES, knownNuisanceCodes: NUISANCE_CODES };

describe('rdToWgs84', () => {
  it('Amersfoort base point (155000, 463000) ≈ lat 52.15517, lon 5.38721', () => {
    const p = rdToWgs84(155000, 463000);
    expect(p.lat).toBeCloseTo(52.15517, 4);
    expect(p.lon).toBeCloseTo(5.38721, 4);
  });
  it('Vrijthof Maastricht (176000, 317800) ≈ lat 50.849, lon 5.689, inside Maastricht', () => {
    const p = rdToWgs84(176000, 317800);
    expect(p.lat).toBeCloseTo(50.849, 2);
    expect(Math.abs(p.lon - 5.689)).toBeLessThan(0.01);
    // sanity: Maastricht gemeente bbox (PROVENANCE.md): lon 5.6392–5.7629, lat 50.8038–50.9116
    expect(p.lon).toBeGreaterThan(5.6392);
    expect(p.lon).toBeLessThan(5.7629);
    expect(p.lat).toBeGreaterThan(50.8038);
    expect(p.lat).toBeLessThan(50.9116);
  });
  it('agrees with proj4 directly and round-trips', () => {
    const [lon, lat] = proj4(RD_NEW, 'EPSG:4326', [176000, 317800]);
    expect(rdToWgs84(176000, 317800)).toEqual({ lon: Math.round(lon * 1e6) / 1e6, lat: Math.round(lat * 1e6) / 1e6 });
    const [x, y] = proj4('EPSG:4326', RD_NEW, [lon, lat]);
    expect(x).toBeCloseTo(176000, 3);
    expect(y).toBeCloseTo(317800, 3);
  });
});

describe('parseDutchDate', () => {
  it('accepts dd-mm-jjjj, d-m-jjjj, ISO and an ignored time', () => {
    expect(parseDutchDate('05-01-2024')).toEqual({ ok: true, date: '2024-01-05' });
    expect(parseDutchDate('5-1-2024')).toEqual({ ok: true, date: '2024-01-05' });
    expect(parseDutchDate('2024-01-05')).toEqual({ ok: true, date: '2024-01-05' });
    expect(parseDutchDate('29-02-2024 23:15')).toEqual({ ok: true, date: '2024-02-29' });
    expect(parseDutchDate('2024-02-29T08:00:00')).toEqual({ ok: true, date: '2024-02-29' });
  });
  it('refuses impossible dates', () => {
    for (const bad of ['31-02-2024', '29-02-2023', '31-04-2024', '00-01-2024', '01-13-2024', '2024-13-01', '2024/01/05', '05-01-24', '', '01-01-1800']) {
      expect(parseDutchDate(bad).ok, bad).toBe(false);
    }
    const r = parseDutchDate('31-02-2024');
    if (!r.ok) expect(r.reason).toBe('datum "31-02-2024" bestaat niet: februari 2024 heeft 29 dagen (verwacht dd-mm-jjjj)');
    const iso = parseDutchDate('2024-13-01');
    if (!iso.ok) expect(iso.reason).toBe('datum "2024-13-01" bestaat niet: er is geen maand 13 (verwacht jjjj-mm-dd)');
  });
});

describe('parsePoliceExtract', () => {
  it('parses a valid extract', () => {
    const r = parsePoliceExtract('police-extract-valid.csv', fixture('police-extract-valid.csv'), opts);
    expect(r.format).toBe('police-extract');
    expect(r.records).toHaveLength(4);
    const [a, b, c, d] = r.records;
    expect(a).toMatchObject({
      registratienummer: 'PL2400-2024001',
      date: '2024-01-05',
      month: '2024-01',
      code: '1.1.1',
      kind: 'misdrijf',
      omschrijving: 'Inbraak woning',
      straat: 'Vrijthof',
      huisnummer: '12',
      postcode: '6211LD',
      x: 176000,
      y: 317800,
      line: 2,
    });
    expect(a.lat).toBeCloseTo(50.8497, 3);
    expect(b).toMatchObject({ date: '2024-01-31', postcode: '6221BT', x: 177123.5, y: 317456.25 });
    expect(c).toMatchObject({ date: '2024-02-29', code: 'E35', kind: 'overlast', huisnummer: '', postcode: '6211CM', x: 176500, y: 318100 });
    expect(d).toMatchObject({ date: '2024-03-01', postcode: '', line: 5 });
    expect('omschrijving' in d).toBe(false);
    expect(r.summary).toEqual({
      rows: 4,
      misdrijven: 3,
      overlast: 1,
      from: '2024-01-05',
      to: '2024-03-01',
      months: ['2024-01', '2024-02', '2024-03'],
      codes: 4,
    });
  });

  it('accepts header columns in any order and any case, omschrijving optional', () => {
    const text = 'Y;X;Postcode;Huisnummer;Straat;CODE;Datum;RegistratieNummer\n317800;176000;6211LD;1;Vrijthof;1.1.1;01-01-2024;A1\n';
    const r = parsePoliceExtract('p.csv', utf8(text), opts);
    expect(r.records[0]).toMatchObject({ registratienummer: 'A1', x: 176000, y: 317800, straat: 'Vrijthof' });
  });

  it('reports every bad line: impossible date, RD range, unknown code, duplicate, postcode', () => {
    const e = expectImportError(() => parsePoliceExtract('police-extract-bad.csv', fixture('police-extract-bad.csv'), opts));
    expect(lines(e)).toEqual([
      'regel 3: datum: datum "31-02-2024" bestaat niet: februari 2024 heeft 29 dagen (verwacht dd-mm-jjjj)',
      'regel 4: y: 700.000 ligt buiten het RD-bereik van 289.000 tot 629.000 meter (zijn x en y verwisseld, of staan er graden (WGS84) in plaats van RD-meters?)',
      'regel 5: code: onbekende code "9.9.9" (geen bekende misdrijfcode en geen bekende overlastcode)',
      'regel 6: registratienummer: dubbel registratienummer "PL1": staat ook op regel 2',
      'regel 7: postcode: "62111" is geen Nederlandse postcode (verwacht 4 cijfers en 2 letters, zoals 1234 AB)',
      'regel 7: y: 50,849 ligt buiten het RD-bereik van 289.000 tot 629.000 meter (zijn x en y verwisseld, of staan er graden (WGS84) in plaats van RD-meters?)',
    ]);
  });

  it('reports a missing column on the header line', () => {
    const e = expectImportError(() => parsePoliceExtract('p.csv', utf8('registratienummer;datum;code;straat;x;y\n'), opts));
    expect(lines(e)).toEqual([
      'regel 1: header: ontbrekende kolommen: huisnummer, postcode. Verwachte kolommen (in elke volgorde, hoofdletters maken niet uit): registratienummer;datum;code;straat;huisnummer;postcode;x;y en eventueel omschrijving',
    ]);
  });

  it('refuses the total code 0.0.0 and empty fields', () => {
    const text = 'registratienummer;datum;code;straat;huisnummer;postcode;x;y\n;01-01-2024;0.0.0;;1;;1e308;99999999999999999999\n';
    expect(lines(expectImportError(() => parsePoliceExtract('p.csv', utf8(text), opts)))).toEqual([
      'regel 2: registratienummer: leeg: elke registratie heeft een registratienummer nodig',
      'regel 2: code: 0.0.0 is de code voor het totaal, niet voor één registratie (verwacht een misdrijfcode of overlastcode)',
      'regel 2: straat: leeg: elke registratie heeft een straat nodig',
      'regel 2: x: "1e308" is geen getal; verwacht een RD-coördinaat in meters',
      'regel 2: y: "99999999999999999999" is te groot (hoogstens 15 cijfers voor de komma); verwacht een RD-coördinaat in meters',
    ]);
  });
});
