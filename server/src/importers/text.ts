// Bytes → text → rows, for the delimited files the importers read.
//
// - Encoding: UTF-8 (BOM stripped). A UTF-16LE/BE BOM ("Unicode text" from Excel) is honoured. Bytes
//   that are not valid UTF-8 are decoded as Windows-1252 (Dutch Excel "CSV (puntkomma)").
// - Line ends CRLF / CR / LF are all accepted; line numbers are physical lines (header = line 1).
// - Separator is detected from the header line: ';' (default), ',' or TAB — whichever occurs most
//   outside quotes.
// - Fields may be quoted with '"' ("" is an escaped quote); a line with an odd number of '"' is an
//   "unbalanced quote" error for that line. A quoted field may NOT span lines: none of
//   the supported formats needs that, and refusing it lets an unbalanced quote be reported on its own
//   line instead of silently swallowing the rest of the file.
// - An Excel separator hint line "sep=;" before the header is honoured and skipped.
// - Blank lines, and lines with only separators/whitespace (Excel leaves ';;;;' rows), are skipped.
// - A row with a different number of columns than the header is an error for that line.
// Nothing here throws anything but ImportError; the tokenizer is linear in the input size.

import iconv from 'iconv-lite';
import { ImportError, show, type ImportIssue } from './errors.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type Separator = ';' | ',' | '\t';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decode raw bytes: strip BOM, fall back to Windows-1252 when the bytes are not valid UTF-8. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bytes = bytes.subarray(3);
    try {
      return { text: utf8.decode(bytes), encoding: 'utf-8' };
    } catch {
      // A BOM followed by invalid UTF-8: treat the rest as Windows-1252 rather than fail on encoding.
      return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
    }
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16le'), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16be'), encoding: 'utf-16be' };
  }
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
  }
}

/** Split text into physical lines, normalising CRLF and lone CR to LF. */
export function splitLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop(); // final newline
  return lines;
}

/** Detect the separator of a header line: the most frequent of ';', ',' and TAB outside quotes; ';' on a tie or none. */
export function detectSeparator(headerLine: string): Separator {
  let semi = 0;
  let comma = 0;
  let tab = 0;
  let inQuote = false;
  for (let i = 0; i < headerLine.length; i++) {
    const c = headerLine[i];
    if (c === '"') inQuote = !inQuote;
    else if (!inQuote) {
      if (c === ';') semi++;
      else if (c === ',') comma++;
      else if (c === '\t') tab++;
    }
  }
  if (tab > semi && tab > comma) return '\t';
  if (comma > semi) return ',';
  return ';';
}

export type SplitResult = { ok: true; fields: string[] } | { ok: false; reason: string };

/** Tokenize one line. Quoted fields must close on the same line. */
export function splitLine(line: string, sep: Separator): SplitResult {
  let quotes = 0;
  for (let q = line.indexOf('"'); q >= 0; q = line.indexOf('"', q + 1)) quotes++;
  if (quotes % 2 === 1) {
    return { ok: false, reason: `unbalanced quote: the line has an odd number of '"' characters (${quotes})` };
  }
  const fields: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    // field start: allow spaces before an opening quote
    let j = i;
    while (j < n && line[j] === ' ') j++;
    if (j < n && line[j] === '"') {
      let k = j + 1;
      let buf = '';
      for (;;) {
        const q = line.indexOf('"', k);
        if (q < 0) {
          return { ok: false, reason: `unbalanced quote: the quote opened at column ${j + 1} is never closed on this line` };
        }
        if (line[q + 1] === '"') {
          buf += line.slice(k, q) + '"';
          k = q + 2;
          continue;
        }
        buf += line.slice(k, q);
        k = q + 1;
        break;
      }
      while (k < n && line[k] === ' ') k++;
      fields.push(buf);
      if (k >= n) return { ok: true, fields };
      if (line[k] !== sep) {
        return { ok: false, reason: `unexpected character ${show(line[k])} after closing quote at column ${k + 1}` };
      }
      i = k + 1;
    } else {
      const s = line.indexOf(sep, i);
      if (s < 0) {
        fields.push(line.slice(i));
        return { ok: true, fields };
      }
      fields.push(line.slice(i, s));
      i = s + 1;
    }
  }
}

export interface Row {
  /** 1-based physical line number */
  line: number;
  fields: string[];
}

export interface Table {
  encoding: TextEncoding;
  separator: Separator;
  /** Header cells, trimmed (quotes removed). */
  header: string[];
  headerLine: number;
  /** Data rows with exactly header.length fields. */
  rows: Row[];
  /** Tokenizer issues (unbalanced quotes, wrong column counts, binary data). */
  issues: ImportIssue[];
}

const BLANK = /^[\s;,\t]*$/;

/**
 * Read a delimited file. Throws ImportError only when there is no usable header (empty file, binary
 * header); row-level problems are returned in `issues` so the format parser can add its own and
 * report everything at once.
 */
export function readTable(file: string, bytes: Uint8Array): Table {
  const { text, encoding } = decodeBytes(bytes);
  const lines = splitLines(text);
  let h = 0;
  while (h < lines.length && BLANK.test(lines[h])) h++;
  if (h >= lines.length) {
    throw new ImportError(file, [{ line: 1, field: 'file', reason: 'file is empty: expected a header line' }]);
  }
  // Excel's separator hint line "sep=;" precedes the header in some exports.
  let hinted: Separator | null = null;
  const hint = /^sep=([;,\t])[ \r]*$/i.exec(lines[h]);
  if (hint) {
    hinted = hint[1] as Separator;
    h++;
    while (h < lines.length && BLANK.test(lines[h])) h++;
    if (h >= lines.length) {
      throw new ImportError(file, [{ line: h, field: 'file', reason: 'file has a "sep=" line but no header line' }]);
    }
  }
  const headerText = lines[h];
  if (headerText.includes('\u0000')) {
    throw new ImportError(file, [{ line: h + 1, field: 'header', reason: 'binary data (NUL byte): not a text/CSV file' }]);
  }
  const separator = hinted ?? detectSeparator(headerText);
  const split = splitLine(headerText, separator);
  if (!split.ok) throw new ImportError(file, [{ line: h + 1, field: 'header', reason: split.reason }]);
  const header = split.fields.map((f) => f.trim());

  const rows: Row[] = [];
  const issues: ImportIssue[] = [];
  for (let i = h + 1; i < lines.length; i++) {
    const text = lines[i];
    if (BLANK.test(text)) continue;
    const line = i + 1;
    if (text.includes('\u0000')) {
      issues.push({ line, field: 'row', reason: 'binary data (NUL byte)' });
      continue;
    }
    const r = splitLine(text, separator);
    if (!r.ok) {
      issues.push({ line, field: 'row', reason: r.reason });
      continue;
    }
    if (r.fields.length !== header.length) {
      issues.push({
        line,
        field: 'row',
        reason: `expected ${header.length} columns separated by ${sepName(separator)}, found ${r.fields.length}`,
      });
      continue;
    }
    rows.push({ line, fields: r.fields });
  }
  return { encoding, separator, header, headerLine: h + 1, rows, issues };
}

export function sepName(sep: Separator): string {
  return sep === '\t' ? 'TAB' : `'${sep}'`;
}

// ---------------------------------------------------------------------------------------------
// Numbers. Result objects instead of exceptions, with a reason ready for an ImportIssue.

export type NumberResult = { ok: true; value: number } | { ok: false; reason: string };

/**
 * A count: a plain non-negative integer ("1234"). Thousands separators are refused ("1.234" is
 * ambiguous: CBS writes plain integers, a dot could be a decimal point), as are decimals, signs,
 * exponents and values beyond Number.MAX_SAFE_INTEGER.
 */
export function parseCount(raw: string): NumberResult {
  const s = raw.trim();
  if (/^\d+$/.test(s)) {
    if (s.length > 15 && !Number.isSafeInteger(Number(s))) return { ok: false, reason: `${show(s)} is too large for a count` };
    return { ok: true, value: Number(s) };
  }
  if (/^-\s*\d+([.,]\d+)?$/.test(s)) return { ok: false, reason: `${show(s)} is negative (a count must be 0 or more)` };
  if (/^\d+[.,]\d+$/.test(s)) {
    return { ok: false, reason: `${show(s)} is not a whole number (counts are plain integers without separators)` };
  }
  return { ok: false, reason: `${show(s)} is not a whole number` };
}

/**
 * A decimal number in Dutch or international notation: "12,5", "12.5", "-3", "1.234,5" (dot
 * thousands + decimal comma). A single '.' or ',' is always the decimal separator. Exponents, NaN,
 * Infinity and other text are refused, as are values whose magnitude exceeds 1e15.
 */
export function parseDecimal(raw: string): NumberResult {
  const s = raw.trim();
  let norm: string | null = null;
  if (/^[+-]?\d+([.,]\d+)?$/.test(s)) norm = s.replace(',', '.');
  else if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(s)) norm = s.replace(/\./g, '').replace(',', '.');
  if (norm === null) {
    if (/^[+-]?[\d.,]+$/.test(s)) return { ok: false, reason: `${show(s)} is not a number (ambiguous separators; use e.g. 1234,5)` };
    return { ok: false, reason: `${show(s)} is not a number` };
  }
  const v = Number(norm);
  if (!Number.isFinite(v) || Math.abs(v) > 1e15) return { ok: false, reason: `${show(s)} is out of range` };
  return { ok: true, value: v };
}

/** Column lookup helper for headers matched case-insensitively. */
export function headerIndex(header: string[]): Map<string, number> {
  const m = new Map<string, number>();
  header.forEach((h, i) => {
    const k = h.toLowerCase();
    if (!m.has(k)) m.set(k, i);
  });
  return m;
}

/**
 * Column lookup for a header whose columns may come in any order and case: refuses the file (line of
 * the header, field `header`) when a required column is missing or a known column appears twice.
 */
export function requireColumns(file: string, table: Table, required: readonly string[], optional: readonly string[], expected: string): Map<string, number> {
  const idx = headerIndex(table.header);
  const missing = required.filter((c) => !idx.has(c));
  const known = [...required, ...optional];
  const lower = table.header.map((h) => h.toLowerCase());
  const dupes = [...new Set(lower.filter((h, i) => known.includes(h) && lower.indexOf(h) !== i))];
  if (missing.length || dupes.length) {
    const parts = [];
    if (missing.length) parts.push(`missing ${missing.join(', ')}`);
    if (dupes.length) parts.push(`duplicate ${dupes.join(', ')}`);
    throw new ImportError(file, [{ line: table.headerLine, field: 'header', reason: `${parts.join('; ')}. Expected columns${expected}` }]);
  }
  return idx;
}
