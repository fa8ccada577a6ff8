// Errors of the importers. A parser either returns a complete result or throws ONE ImportError that
// lists every bad line of the file (all-or-nothing). Reasons are Dutch: the beheerder reads them on the
// Beheer page and in `npm run import`. Each names what was found and what was expected, in the words of
// a municipal analyst (regel, kolom, waarde, buurtcode), never in developer terms; numbers in prose are
// written the Dutch way (1.234,5) through `nlNumber`, codes and years as they are.

export interface ImportIssue {
  /** 1-based physical line in the file (header = line 1). 0 only for the internal safety net. */
  line: number;
  /** Column name as written in the header, or 'header' / 'file' / 'row'. */
  field: string;
  reason: string;
}

/** How many issues the message (and toJSON) list before "... en nog N". */
export const MAX_LISTED_ISSUES = 200;

export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly file: string;
  readonly issues: ImportIssue[];

  // Plain fields rather than parameter properties: keeps the file erasable-syntax-only.
  constructor(file: string, issues: ImportIssue[]) {
    super(formatIssues(file, issues));
    this.file = file;
    this.issues = issues;
  }

  /** Serialisable form for the API: the first 200 issues plus the count of the rest. */
  toJSON(): { file: string; issueCount: number; issues: ImportIssue[]; more: number } {
    return {
      file: this.file,
      issueCount: this.issues.length,
      issues: this.issues.slice(0, MAX_LISTED_ISSUES),
      more: Math.max(0, this.issues.length - MAX_LISTED_ISSUES),
    };
  }
}

/** One issue as 'regel N: veld: reden'. */
export function formatIssue(i: ImportIssue): string {
  return `regel ${nlNumber(i.line)}: ${i.field}: ${i.reason}`;
}

/** '1 fout', '3 fouten', '1.250 fouten'. */
function errorCount(n: number): string {
  return n === 1 ? '1 fout' : `${nlNumber(n)} fouten`;
}

function formatIssues(file: string, issues: ImportIssue[]): string {
  const head = `${file}: ${errorCount(issues.length)}`;
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((i) => `  ${formatIssue(i)}`);
  if (issues.length > MAX_LISTED_ISSUES) listed.push(`  ... en nog ${nlNumber(issues.length - MAX_LISTED_ISSUES)}`);
  return [head, ...listed].join('\n');
}

/**
 * A number in Dutch notation for a reason: '.' between thousands, ',' before decimals (1.234,5), with
 * every decimal the value has (the values come from the file, so they are never rounded away here).
 * Only for amounts, coordinates and line numbers: codes and years are shown as they are (2024, not 2.024).
 */
export function nlNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [int, frac] = String(Math.abs(n)).split('.');
  // String() writes an exponent only beyond 1e21 or below 1e-6: shown as it is, never cut.
  if (/e/i.test(int) || (frac !== undefined && /e/i.test(frac))) return String(n).replace('.', ',');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 ? '-' : ''}${grouped}${frac !== undefined ? `,${frac}` : ''}`;
}

/** Singular or plural of a Dutch noun after a count: plural(1, 'kolom', 'kolommen') → 'kolom'. */
export function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** Sort issues by line (stable), so the report reads top to bottom. */
export function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  return issues
    .map((issue, idx) => ({ issue, idx }))
    .sort((a, b) => a.issue.line - b.issue.line || a.idx - b.idx)
    .map((x) => x.issue);
}

/** Throws an ImportError when there are issues; otherwise does nothing. */
export function throwIfIssues(file: string, issues: ImportIssue[]): void {
  if (issues.length > 0) throw new ImportError(file, sortIssues(issues));
}

/**
 * Safety net: run a parser and turn any unexpected exception into an ImportError, so callers only
 * ever see ImportError. The fuzz tests assert this net is never actually hit (field 'internal').
 */
export function guard<T>(file: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof ImportError) throw err;
    const msg = err instanceof Error ? err.message : String(err);
    // Not the file's fault: the program's own message is kept for whoever fixes it (the only reason that
    // can hold words that are not the beheerder's).
    throw new ImportError(file, [
      { line: 0, field: 'internal', reason: `onverwachte fout bij het controleren van het bestand; meld dit aan de leverancier, met deze melding: ${msg}` },
    ]);
  }
}

/** A value shown inside a reason: in double quotes, control characters escaped, long values cut. */
export function show(raw: string, max = 40): string {
  // \p{Cc} is exactly U+0000-001F and U+007F-009F.
  let s = raw.replace(/[\p{Cc}\ufffd]/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  if (s.length > max) s = `${s.slice(0, max)}…(${nlNumber(raw.length)} tekens)`;
  return detach(`"${s}"`);
}

/**
 * A copy of `s` that does not keep its source text alive. Fields are slices of a decoded chunk of the
 * file (a megabyte of text) and V8 keeps the whole chunk alive as long as any slice of 13 or more
 * characters of it is; so every string a parser keeps beyond its row (record fields, map keys, issue
 * reasons) goes through here, and memory follows what is kept, not the size of the file.
 */
export function detach(s: string): string {
  // Shorter strings are never slices in V8; a concatenation is flattened into a fresh string by slice().
  return s.length < 13 ? s : (' ' + s).slice(1);
}
