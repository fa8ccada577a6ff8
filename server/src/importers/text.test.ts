import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBytes, detectSeparator, LineSplitter, MAX_COLUMNS, MAX_LINE_CHARS, parseCount, parseDecimal, readTable, splitLine, splitLines } from './text.ts';
import { ImportError, MAX_LISTED_ISSUES, nlNumber } from './errors.ts';
import { expectImportError, utf8 } from './testHelpers.ts';

describe('decodeBytes', () => {
  it('strips a UTF-8 BOM', () => {
    const r = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('a;b')]));
    expect(r).toEqual({ text: 'a;b', encoding: 'utf-8' });
  });
  it('keeps valid UTF-8 (Belvédère)', () => {
    expect(decodeBytes(utf8('Belvédère'))).toEqual({ text: 'Belvédère', encoding: 'utf-8' });
  });
  it('falls back to Windows-1252 for invalid UTF-8', () => {
    const bytes = iconv.encode("'s-Hertogenbosch;Belvédère;€ 5", 'win1252');
    expect(decodeBytes(bytes)).toEqual({ text: "'s-Hertogenbosch;Belvédère;€ 5", encoding: 'windows-1252' });
  });
  it('honours a UTF-16LE BOM (Excel "Unicode text")', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('a\tb\r\nBelvédère\t1', 'utf16le')]);
    expect(decodeBytes(bytes)).toEqual({ text: 'a\tb\r\nBelvédère\t1', encoding: 'utf-16le' });
  });
});

describe('splitLines / detectSeparator / splitLine', () => {
  it('normalises CRLF and CR', () => {
    expect(splitLines('a\r\nb\rc\nd\r\n')).toEqual(['a', 'b', 'c', 'd']);
  });
  it('detects ; , and TAB, defaulting to ;', () => {
    expect(detectSeparator('"a";"b";"c"')).toBe(';');
    expect(detectSeparator('a,b,c')).toBe(',');
    expect(detectSeparator('a\tb\tc')).toBe('\t');
    expect(detectSeparator('"a,b";c')).toBe(';');
    expect(detectSeparator('single')).toBe(';');
  });
  it('tokenizes quoted fields with escaped quotes and separators inside', () => {
    expect(splitLine('"a;b";"say ""hi""";plain; "spaced" ;', ';')).toEqual({ ok: true, fields: ['a;b', 'say "hi"', 'plain', 'spaced', ''] });
  });
  it('reports unbalanced quotes and junk after a closing quote', () => {
    const a = splitLine('"a";"b;c', ';');
    expect(a.ok).toBe(false);
    if (!a.ok) expect(a.reason).toMatch(/aanhalingsteken niet gesloten/);
    const b = splitLine('"a"x;b', ';');
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.reason).toMatch(/na het sluitende aanhalingsteken/);
  });
});

describe('readTable', () => {
  it('skips blank and separator-only lines but keeps physical line numbers', () => {
    const t = readTable('f.csv', utf8('a;b\r\n\r\n;;\r\n1;2\r\n3;4;5\r\n'));
    expect(t.rows).toEqual([{ line: 4, fields: ['1', '2'] }]);
    expect(t.issues).toEqual([{ line: 5, field: 'row', reason: 'verwacht 2 kolommen gescheiden door puntkomma ";" (zoals de kopregel), gevonden 3' }]);
  });
  it('throws ImportError for an empty file and a binary header', () => {
    expect(expectImportError(() => readTable('e.csv', Buffer.alloc(0))).issues[0]).toMatchObject({ line: 1, field: 'file' });
    expect(expectImportError(() => readTable('b.bin', Buffer.from([0, 1, 2, 0xff, 0]))).issues[0]).toMatchObject({ field: 'header' });
  });
});

describe('bounded lines and columns', () => {
  it('reports a row longer than the limit by its number, and reads the rows after it', () => {
    const t = readTable('f.csv', utf8(`a;b\n1;2\n${'x'.repeat(MAX_LINE_CHARS + 1)};3\n4;5\n`));
    expect(t.rows).toEqual([{ line: 2, fields: ['1', '2'] }, { line: 4, fields: ['4', '5'] }]);
    expect(t.issues).toEqual([{ line: 3, field: 'row', reason: expect.stringMatching(/^de regel is langer dan 65\.536 tekens/) }]);
  });

  it('refuses a header of a million columns or one far too long, before splitting it', () => {
    expect(expectImportError(() => readTable('w.csv', utf8(`${'k;'.repeat(1_000_000)}\n1\n`))).issues[0]).toMatchObject({ line: 1, field: 'header', reason: expect.stringMatching(/langer dan/) });
    const wide = Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `k${i}`).join(';');
    expect(expectImportError(() => readTable('w.csv', utf8(`${wide}\n`))).issues[0]).toMatchObject({ line: 1, field: 'header', reason: expect.stringMatching(/^de kopregel heeft 201 kolommen/) });
  });

  it('never holds a long line: it is dropped piece by piece, whatever the chunks', () => {
    const out: string[] = [];
    let overlong = 0;
    const s = new LineSplitter((l) => void out.push(l), () => void (overlong++, out.push('<te lang>')), 10);
    for (const piece of ['ab\r', '\n0123456', '789012345', '\rcd\n', 'x'.repeat(30)]) s.push(piece);
    s.end();
    expect(out).toEqual(['ab', '<te lang>', 'cd', '<te lang>']);
    expect(overlong).toBe(2);
  });
});

describe('numbers', () => {
  it('parseCount accepts plain integers only', () => {
    expect(parseCount('  1234')).toEqual({ ok: true, value: 1234 });
    expect(parseCount('0')).toEqual({ ok: true, value: 0 });
    for (const bad of ['-4', '12,5', '1.234', '1e308', '99999999999999999999', 'NaN', 'Infinity', '', '0x10']) {
      expect(parseCount(bad).ok, bad).toBe(false);
    }
    const neg = parseCount('-4');
    if (!neg.ok) expect(neg.reason).toBe('"-4" is negatief (een aantal is 0 of meer)');
  });
  it('parseDecimal accepts decimal comma, dot and Dutch thousands', () => {
    expect(parseDecimal('12,5')).toEqual({ ok: true, value: 12.5 });
    expect(parseDecimal('12.5')).toEqual({ ok: true, value: 12.5 });
    expect(parseDecimal('-3')).toEqual({ ok: true, value: -3 });
    expect(parseDecimal('1.234,5')).toEqual({ ok: true, value: 1234.5 });
    expect(parseDecimal('176000,25')).toEqual({ ok: true, value: 176000.25 });
    for (const bad of ['1,234.5', '1.2.3', '1e308', '99999999999999999999', 'abc', '', ',5', 'Infinity']) {
      expect(parseDecimal(bad).ok, bad).toBe(false);
    }
  });
});

describe('ImportError', () => {
  it('caps the listed issues at 200 with a "... en nog N" note but keeps all issues', () => {
    const issues = Array.from({ length: 250 }, (_, i) => ({ line: i + 2, field: 'x', reason: 'bad' }));
    const e = new ImportError('big.csv', issues);
    const msgLines = e.message.split('\n');
    expect(msgLines[0]).toBe('big.csv: 250 fouten');
    expect(msgLines[1]).toBe('  regel 2: x: bad');
    expect(msgLines).toHaveLength(1 + MAX_LISTED_ISSUES + 1);
    expect(msgLines.at(-1)).toBe('  ... en nog 50');
    expect(e.issues).toHaveLength(250);
    expect(e.toJSON()).toMatchObject({ file: 'big.csv', issueCount: 250, more: 50 });
    expect(e.toJSON().issues).toHaveLength(200);
    expect(e.name).toBe('ImportError');
  });
  it('says "1 fout" for one issue and writes line numbers the Dutch way', () => {
    expect(new ImportError('een.csv', [{ line: 12345, field: 'x', reason: 'bad' }]).message).toBe('een.csv: 1 fout\n  regel 12.345: x: bad');
  });
});

describe('nlNumber', () => {
  it('groups thousands with a dot and keeps every decimal after a comma', () => {
    expect(nlNumber(0)).toBe('0');
    expect(nlNumber(999)).toBe('999');
    expect(nlNumber(1234)).toBe('1.234');
    expect(nlNumber(-1234567.125)).toBe('-1.234.567,125');
    expect(nlNumber(50.849)).toBe('50,849');
    expect(nlNumber(0.000001)).toBe('0,000001');
  });
});

describe('Excel separator hint', () => {
  it('honours and skips a "sep=" line', () => {
    const t = readTable('s.csv', utf8('sep=,\r\na;b,c\r\n1;2,3\r\n'));
    expect(t.separator).toBe(',');
    expect(t.header).toEqual(['a;b', 'c']);
    expect(t.headerLine).toBe(2);
    expect(t.rows).toEqual([{ line: 3, fields: ['1;2', '3'] }]);
  });
});
