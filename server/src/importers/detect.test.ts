import { describe, expect, it } from 'vitest';
import { parseImportFile } from './detect.ts';
import { OPTS, expectImportError, fixture, utf8 } from './testHelpers.ts';

describe('parseImportFile', () => {
  it.each([
    ['cbs-47022NED-valid.csv', 'cbs-47022NED'],
    ['cbs-47018NED-valid.csv', 'cbs-47018NED'],
    ['cbs-47024NED-valid.csv', 'cbs-47024NED'],
    ['cbs-47022NED-header-only.csv', 'cbs-47022NED'],
    ['yearly-totals-valid.csv', 'yearly-totals'],
    ['police-extract-valid.csv', 'police-extract'],
    ['survey-valid.csv', 'survey'],
  ])('recognises %s as %s', (name, format) => {
    expect(parseImportFile(name, fixture(name), OPTS).format).toBe(format);
  });

  it('narrows the union on format', () => {
    const r = parseImportFile('cbs-47022NED-valid.csv', fixture('cbs-47022NED-valid.csv'), OPTS);
    if (r.format === 'cbs-47022NED') expect(r.cells.length).toBe(9);
    else throw new Error('wrong format');
  });

  it('passes errors of the format parser through', () => {
    const e = expectImportError(() => parseImportFile('cbs-47022NED-bad-lines.csv', fixture('cbs-47022NED-bad-lines.csv'), OPTS));
    expect(e.issues.map((i) => i.line)).toEqual([4, 7]);
  });

  it('an unknown header is an error on line 1 listing the known formats and their columns', () => {
    const e = expectImportError(() => parseImportFile('x.csv', utf8('Postcode,Datum,Soort\n1011,11-07-2023,Woninginbraak\n'), OPTS));
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ line: 1, field: 'header' });
    for (const s of ['onbekend soort bestand', '47022NED', '47024NED', 'jaartotalen per buurt', 'politie-extract', 'enquête', 'GeregistreerdeMisdrijven_1', 'registratienummer', 'gebiedcode']) {
      expect(e.issues[0].reason).toContain(s);
    }
  });

  it('empty file and binary noise are ImportErrors', () => {
    expect(expectImportError(() => parseImportFile('empty.csv', fixture('empty.csv'), OPTS)).issues[0]).toMatchObject({ line: 1, field: 'file' });
    expectImportError(() => parseImportFile('n.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), OPTS));
  });
});
