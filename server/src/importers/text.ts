// Bytes → text → rows, for the delimited files the importers read, streamed: a source is decoded chunk
// by chunk, cut into lines, tokenised, and every row handed to the format parser as soon as it is
// complete. Only the parser's records stay in memory, never the file, its text or a lines array.
//
// - Encoding: UTF-8 (BOM stripped). A UTF-16LE/BE BOM ("Unicode text" from Excel) is honoured. Bytes
//   that are not valid UTF-8 are decoded as Windows-1252 (Dutch Excel "CSV (puntkomma)"): the whole
//   file, so the UTF-8 pass is abandoned where the first invalid byte shows up and a second pass reads
//   the file again from the start.
// - Line ends CRLF / CR / LF are all accepted (also when a CRLF is split over two chunks); line
//   numbers are physical lines (header = line 1).
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
import { ImportError, detach, nlNumber, plural, show, type ImportIssue } from './errors.ts';
import { bytesSource, type ByteSource } from './source.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type Separator = ';' | ',' | '\t';

// ---------------------------------------------------------------------------------------------
// Decoding, pass by pass.

/** Receives the text of one decoding pass, piece by piece (pieces end anywhere, even inside a CRLF). */
export interface TextSink<T> {
  text(piece: string): void;
  /** True once the sink wants no more text (it failed); the pass then only finishes checking the encoding. */
  readonly done: boolean;
  /** End of the text: the result, or the sink's error. */
  finish(): T;
}

interface PassDecoder {
  /** Throws on bytes that are not valid in a strict (UTF-8) pass. */
  write(chunk: Uint8Array): string;
  end(): string;
}

/**
 * Strict UTF-8, chunk by chunk. Each chunk is decoded whole, without `stream: true`: that is V8's fast
 * path, which makes compact one-byte strings on the heap, while the streaming decode makes UTF-16 copies
 * that live outside the heap once they pass 1 MB. So a character split over two chunks is completed here:
 * at most 3 bytes wait for the next chunk.
 */
function utf8Decoder(): PassDecoder {
  const d = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let carry: Uint8Array | null = null;
  let atStart = true;
  const decode = (bytes: Uint8Array): string => {
    let text = d.decode(bytes);
    if (atStart && text !== '') {
      atStart = false;
      // What a whole-file decode does: one U+FEFF at the very start is a BOM, anywhere else it is text.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    return text;
  };
  return {
    write(chunk) {
      let head = '';
      let rest = chunk;
      if (carry) {
        const want = utf8Length(carry[0]);
        const take = Math.min(want - carry.length, rest.length);
        const joined = new Uint8Array(carry.length + take);
        joined.set(carry);
        joined.set(rest.subarray(0, take), carry.length);
        rest = rest.subarray(take);
        carry = null;
        if (joined.length < want) {
          carry = joined;
          return '';
        }
        head = decode(joined);
      }
      const cut = completeUtf8Length(rest);
      if (cut < rest.length) carry = rest.slice(cut); // a copy: the source reuses its buffer
      return head + decode(rest.subarray(0, cut));
    },
    end() {
      // Bytes still waiting here are an incomplete character: decoding them throws, as a whole-file decode would.
      return carry ? decode(carry) : '';
    },
  };
}

/** Bytes of the UTF-8 sequence a lead byte starts (an invalid lead byte is left to the decoder to refuse). */
function utf8Length(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
}

/** Length of `b` without an incomplete UTF-8 sequence at its end. */
function completeUtf8Length(b: Uint8Array): number {
  const n = b.length;
  let i = n - 1;
  while (i >= 0 && i > n - 4 && (b[i] & 0xc0) === 0x80) i--;
  if (i < 0) return n;
  return n - i < utf8Length(b[i]) ? i : n;
}

function iconvDecoder(encoding: 'utf16le' | 'utf16be' | 'win1252'): PassDecoder {
  const d = iconv.getDecoder(encoding);
  return {
    write: (c) => d.write(Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength)),
    end: () => d.end() ?? '',
  };
}

const NOT_UTF8 = Symbol('not UTF-8');

/**
 * Decode `source` into `open(encoding)`'s sink and return its result. The first pass reads UTF-8 (or
 * UTF-16 by its BOM); at the first byte that is not UTF-8 it is dropped, sink and all, and a second pass
 * reads the whole file as Windows-1252, so a file never mixes encodings and its line numbers and values
 * are what a whole-file decode would give. A sink that fails in the UTF-8 pass still lets the pass decode
 * to the end: a later invalid byte means the error must come from the Windows-1252 reading instead.
 */
export function readText<T>(source: ByteSource, open: (encoding: TextEncoding) => TextSink<T>): T {
  const first = decodePass(source, false, open);
  if (first !== NOT_UTF8) return first.finish();
  const second = decodePass(source, true, open);
  if (second === NOT_UTF8) throw new Error('readText: a Windows-1252 pass cannot fail'); // every byte maps in Windows-1252
  return second.finish();
}

function decodePass<T>(source: ByteSource, fallback: boolean, open: (encoding: TextEncoding) => TextSink<T>): TextSink<T> | typeof NOT_UTF8 {
  // The BOM decides the decoder, and a chunk may be shorter than a BOM: hold the first 3 bytes back.
  const head = new Uint8Array(3);
  let headLen = 0;
  let decoder: PassDecoder | null = null;
  let sink: TextSink<T> | null = null;
  let strict = false;
  let invalid = false;

  const feed = (bytes: Uint8Array): boolean => {
    if (bytes.length > 0) {
      let text: string;
      try {
        text = decoder!.write(bytes);
      } catch {
        invalid = true;
        return false;
      }
      if (text !== '' && !sink!.done) sink!.text(text);
    }
    return strict || !sink!.done;
  };
  const start = (): boolean => {
    const h = head.subarray(0, headLen);
    let skip = 0;
    let encoding: TextEncoding = fallback ? 'windows-1252' : 'utf-8';
    if (headLen >= 3 && h[0] === 0xef && h[1] === 0xbb && h[2] === 0xbf) skip = 3;
    else if (headLen >= 2 && h[0] === 0xff && h[1] === 0xfe) [skip, encoding] = [2, 'utf-16le'];
    else if (headLen >= 2 && h[0] === 0xfe && h[1] === 0xff) [skip, encoding] = [2, 'utf-16be'];
    strict = encoding === 'utf-8';
    decoder = strict ? utf8Decoder() : iconvDecoder(encoding === 'windows-1252' ? 'win1252' : encoding === 'utf-16le' ? 'utf16le' : 'utf16be');
    sink = open(encoding);
    return feed(h.subarray(skip));
  };

  source((chunk) => {
    let rest = chunk;
    if (!decoder) {
      const take = Math.min(3 - headLen, rest.length);
      head.set(rest.subarray(0, take), headLen);
      headLen += take;
      if (headLen < 3) return true;
      if (!start()) return false;
      rest = rest.subarray(take);
    }
    return feed(rest);
  });
  if (!decoder) start(); // fewer than 3 bytes in all
  if (invalid) return NOT_UTF8;
  let tail: string;
  try {
    tail = decoder!.end();
  } catch {
    return NOT_UTF8; // the file ends inside a UTF-8 sequence
  }
  if (tail !== '' && !sink!.done) sink!.text(tail);
  return sink!;
}

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** Decode raw bytes: strip BOM, fall back to Windows-1252 when the bytes are not valid UTF-8. */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  return readText(bytesSource(bytes), (encoding) => {
    const parts: string[] = [];
    return { done: false, text: (piece) => void parts.push(piece), finish: () => ({ text: parts.join(''), encoding }) };
  });
}

// ---------------------------------------------------------------------------------------------
// Lines.

/**
 * Cuts text that arrives in pieces into physical lines (CRLF, lone CR and LF all end a line). A CR at
 * the end of a piece ends its line at once; a LF at the start of the next piece is then its partner.
 */
export class LineSplitter {
  private pending = '';
  private afterCr = false;
  /** Inside a line that passed `maxChars`: its text is dropped up to the line end. */
  private skipping = false;
  private readonly onLine: (line: string) => void;
  private readonly onOverlong: () => void;
  private readonly maxChars: number;

  /** A line longer than `maxChars` is never held whole: `onOverlong` is called in its place. */
  constructor(onLine: (line: string) => void, onOverlong: () => void = () => undefined, maxChars = Infinity) {
    this.onLine = onLine;
    this.onOverlong = onOverlong;
    this.maxChars = maxChars;
  }

  push(text: string): void {
    const n = text.length;
    if (n === 0) return;
    let i = 0;
    if (this.afterCr) {
      this.afterCr = false;
      if (text.charCodeAt(0) === 10) i = 1;
    }
    let lf = text.indexOf('\n', i);
    let cr = text.indexOf('\r', i);
    while (lf >= 0 || cr >= 0) {
      let end: number;
      let next: number;
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        end = cr;
        if (cr + 1 < n) next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
        else {
          next = n;
          this.afterCr = true;
        }
      } else {
        end = lf;
        next = lf + 1;
      }
      const overlong = this.skipping || this.pending.length + (end - i) > this.maxChars;
      const line = overlong ? '' : this.pending === '' ? text.slice(i, end) : this.pending + text.slice(i, end);
      this.pending = '';
      this.skipping = false;
      i = next;
      if (lf >= 0 && lf < i) lf = text.indexOf('\n', i);
      if (cr >= 0 && cr < i) cr = text.indexOf('\r', i);
      if (overlong) this.onOverlong();
      else this.onLine(line);
    }
    if (i < n && !this.skipping) {
      if (this.pending.length + (n - i) > this.maxChars) {
        this.pending = '';
        this.skipping = true;
      } else this.pending += text.slice(i);
    }
  }

  /** End of the text: the last line, unless the text ended with a line end. */
  end(): void {
    const last = this.pending;
    this.pending = '';
    if (this.skipping) {
      this.skipping = false;
      this.onOverlong();
    } else if (last !== '') this.onLine(last);
  }
}

/** Split text into physical lines, normalising CRLF and lone CR to LF. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  const s = new LineSplitter((l) => void lines.push(l));
  s.push(text);
  s.end();
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
    return {
      ok: false,
      reason: `aanhalingsteken niet gesloten: de regel bevat ${nlNumber(quotes)} aanhalingstekens ("), een oneven aantal; een waarde tussen aanhalingstekens moet op dezelfde regel eindigen`,
    };
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
          return { ok: false, reason: `aanhalingsteken niet gesloten: het aanhalingsteken op positie ${nlNumber(j + 1)} van de regel wordt op deze regel niet gesloten` };
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
        return {
          ok: false,
          reason: `onverwacht teken ${show(line[k])} na het sluitende aanhalingsteken op positie ${nlNumber(k + 1)} van de regel (verwacht ${sepName(sep)} of het einde van de regel)`,
        };
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

// ---------------------------------------------------------------------------------------------
// Rows.

/** What a format parser learns from the header line. */
export interface TableHead {
  file: string;
  encoding: TextEncoding;
  separator: Separator;
  /** Header cells, trimmed (quotes removed). */
  header: string[];
  headerLine: number;
}

/**
 * A format parser, one row at a time. `begin` sees the header (and throws an ImportError when it is not
 * right); `row` gets every well-formed data row in file order; `end` returns the result. Row problems go
 * to `issues`, which the tokenizer shares (unbalanced quotes, wrong column counts, binary data), and
 * `end` throws them all as one ImportError. Fields are slices of a chunk of the file: keep them only
 * through `detach` (errors.ts).
 */
export type RowParserFactory<T> = (head: TableHead, issues: ImportIssue[]) => RowParser<T>;

export interface RowParser<T> {
  row(fields: string[], line: number): void;
  end(): T;
}

const BLANK = /^[\s;,\t]*$/;
/** Far above any row of the supported formats (a police extract row with a long description is < 2,000). */
export const MAX_LINE_CHARS = 64 * 1024;
/** Far above any supported header (the widest, a CBS table with its region columns, has about a dozen). */
export const MAX_COLUMNS = 200;
const SEP_HINT = /^sep=([;,\t])[ \r]*$/i;

/** Lines → header → rows, into a format parser; an error is kept (the pass may yet be re-read) and thrown by finish(). */
class TableReader<T> implements TextSink<T> {
  done = false;
  private failure: { error: unknown } | null = null;
  private lineNo = 0;
  private stage: 'start' | 'hinted' | 'rows' = 'start';
  private hinted: Separator | null = null;
  private separator: Separator = ';';
  private width = 0;
  private parser: RowParser<T> | null = null;
  private readonly issues: ImportIssue[] = [];
  private readonly lines = new LineSplitter((text) => this.line(text), () => this.overlong(), MAX_LINE_CHARS);
  private readonly file: string;
  private readonly encoding: TextEncoding;
  private readonly begin: RowParserFactory<T>;

  constructor(file: string, encoding: TextEncoding, begin: RowParserFactory<T>) {
    this.file = file;
    this.encoding = encoding;
    this.begin = begin;
  }

  text(piece: string): void {
    this.lines.push(piece);
  }

  finish(): T {
    if (!this.done) this.lines.end();
    if (this.failure) throw this.failure.error;
    const file = this.file;
    if (this.stage === 'start') throw new ImportError(file, [{ line: 1, field: 'file', reason: 'het bestand is leeg: verwacht een kopregel met de kolomnamen' }]);
    if (this.stage === 'hinted') throw new ImportError(file, [{ line: this.lineNo, field: 'file', reason: 'het bestand heeft een regel "sep=" maar daarna geen kopregel met de kolomnamen' }]);
    return this.parser!.end();
  }

  private line(text: string): void {
    const line = ++this.lineNo;
    if (this.done) return;
    try {
      if (this.stage === 'rows') this.row(text, line);
      else this.beforeRows(text, line);
    } catch (error) {
      this.failure = { error };
      this.done = true;
    }
  }

  /** A line too long to be a row of any supported format: never held in memory, reported with its number. */
  private overlong(): void {
    const line = ++this.lineNo;
    if (this.done) return;
    const reason = `de regel is langer dan ${nlNumber(MAX_LINE_CHARS)} tekens: geen regel van een ondersteund bestand is zo lang (is dit het goede bestand?)`;
    if (this.stage === 'rows') this.issues.push({ line, field: 'row', reason });
    else {
      this.failure = { error: new ImportError(this.file, [{ line, field: 'header', reason }]) };
      this.done = true;
    }
  }

  private beforeRows(text: string, line: number): void {
    if (BLANK.test(text)) return;
    // Excel's separator hint line "sep=;" precedes the header in some exports.
    const hint = this.stage === 'start' ? SEP_HINT.exec(text) : null;
    if (hint) {
      this.hinted = hint[1] as Separator;
      this.stage = 'hinted';
      return;
    }
    if (text.includes('\u0000')) {
      throw new ImportError(this.file, [{ line, field: 'header', reason: 'onleesbare tekens (NUL-teken): dit is geen tekstbestand of CSV-bestand' }]);
    }
    const separator = this.hinted ?? detectSeparator(text);
    const split = splitLine(text, separator);
    if (!split.ok) throw new ImportError(this.file, [{ line, field: 'header', reason: split.reason }]);
    if (split.fields.length > MAX_COLUMNS) {
      throw new ImportError(this.file, [{ line, field: 'header', reason: `de kopregel heeft ${nlNumber(split.fields.length)} kolommen; geen ondersteund bestand heeft er meer dan ${nlNumber(MAX_COLUMNS)} (is dit het goede bestand?)` }]);
    }
    const header = split.fields.map((f) => detach(f.trim()));
    this.separator = separator;
    this.width = header.length;
    this.stage = 'rows';
    this.parser = this.begin({ file: this.file, encoding: this.encoding, separator, header, headerLine: line }, this.issues);
  }

  private row(text: string, line: number): void {
    if (BLANK.test(text)) return;
    if (text.includes('\u0000')) {
      this.issues.push({ line, field: 'row', reason: 'onleesbare tekens (NUL-teken) in de regel: is het bestand beschadigd of geen CSV-bestand?' });
      return;
    }
    const r = splitLine(text, this.separator);
    if (!r.ok) {
      this.issues.push({ line, field: 'row', reason: r.reason });
      return;
    }
    if (r.fields.length !== this.width) {
      this.issues.push({
        line,
        field: 'row',
        reason: `verwacht ${nlNumber(this.width)} ${plural(this.width, 'kolom', 'kolommen')} gescheiden door ${sepName(this.separator)} (zoals de kopregel), gevonden ${nlNumber(r.fields.length)}`,
      });
      return;
    }
    this.parser!.row(r.fields, line);
  }
}

/**
 * Read a delimited file from `source` into the format parser `begin` and return its result. Throws
 * ImportError for a file without a usable header (empty, binary header), for the parser's header check,
 * and for the issues of all rows together.
 */
export function readRows<T>(file: string, source: ByteSource, begin: RowParserFactory<T>): T {
  return readText(source, (encoding) => new TableReader(file, encoding, begin));
}

export interface Row {
  /** 1-based physical line number */
  line: number;
  fields: string[];
}

/** A whole table in memory: for tests and small files; the importers use readRows. */
export interface Table extends TableHead {
  /** Data rows with exactly header.length fields. */
  rows: Row[];
  /** Tokenizer issues (unbalanced quotes, wrong column counts, binary data). */
  issues: ImportIssue[];
}

/**
 * Read a delimited file into memory. Throws ImportError only when there is no usable header (empty file,
 * binary header); row-level problems are returned in `issues`.
 */
export function readTable(file: string, bytes: Uint8Array): Table {
  return readRows<Table>(file, bytesSource(bytes), (head, issues) => {
    const rows: Row[] = [];
    return { row: (fields, line) => void rows.push({ line, fields }), end: () => ({ ...head, rows, issues }) };
  });
}

/** The separator as a beheerder names it: 'puntkomma ";"', 'komma ","', 'tab'. */
export function sepName(sep: Separator): string {
  return sep === '\t' ? 'tab' : sep === ';' ? 'puntkomma ";"' : 'komma ","';
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
    if (s.length > 15 && !Number.isSafeInteger(Number(s))) return { ok: false, reason: `${show(s)} is te groot voor een aantal` };
    return { ok: true, value: Number(s) };
  }
  if (s === '') return { ok: false, reason: 'leeg: verwacht een aantal (een geheel getal, 0 of meer)' };
  if (/^-\s*\d+([.,]\d+)?$/.test(s)) return { ok: false, reason: `${show(s)} is negatief (een aantal is 0 of meer)` };
  if (/^\d+[.,]\d+$/.test(s)) {
    return { ok: false, reason: `${show(s)} is geen geheel getal (een aantal is een geheel getal, zonder punt of komma)` };
  }
  return { ok: false, reason: `${show(s)} is geen geheel getal` };
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
    if (s === '') return { ok: false, reason: 'leeg: verwacht een getal' };
    if (/^[+-]?[\d.,]+$/.test(s)) {
      return { ok: false, reason: `${show(s)} is geen getal (de punten en komma's zijn niet eenduidig; schrijf bijvoorbeeld 1234,5 of 1.234,5)` };
    }
    return { ok: false, reason: `${show(s)} is geen getal` };
  }
  const v = Number(norm);
  if (!Number.isFinite(v) || Math.abs(v) > 1e15) return { ok: false, reason: `${show(s)} is te groot (hoogstens 15 cijfers voor de komma)` };
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
export function requireColumns(head: TableHead, required: readonly string[], optional: readonly string[], expected: string): Map<string, number> {
  const idx = headerIndex(head.header);
  const missing = required.filter((c) => !idx.has(c));
  const known = [...required, ...optional];
  const lower = head.header.map((h) => h.toLowerCase());
  const dupes = [...new Set(lower.filter((h, i) => known.includes(h) && lower.indexOf(h) !== i))];
  if (missing.length || dupes.length) {
    const parts = [];
    if (missing.length) parts.push(`${plural(missing.length, 'ontbrekende kolom', 'ontbrekende kolommen')}: ${missing.join(', ')}`);
    if (dupes.length) parts.push(`${plural(dupes.length, 'dubbele kolom', 'dubbele kolommen')}: ${dupes.join(', ')}`);
    throw new ImportError(head.file, [{ line: head.headerLine, field: 'header', reason: `${parts.join('; ')}. Verwachte kolommen${expected}` }]);
  }
  return idx;
}
