// Errors of the importers. A parser either returns a complete result or throws ONE ImportError that
// lists every bad line of the file (all-or-nothing). Reasons are English (CLI/API), short and specific.

export interface ImportIssue {
  /** 1-based physical line in the file (header = line 1). 0 only for the internal safety net. */
  line: number;
  /** Column name as written in the header, or 'header' / 'file' / 'row'. */
  field: string;
  reason: string;
}

/** How many issues the message (and toJSON) list before "... and N more". */
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

export function formatIssue(i: ImportIssue): string {
  return `line ${i.line}: ${i.field}: ${i.reason}`;
}

function formatIssues(file: string, issues: ImportIssue[]): string {
  const head = `${file}: ${issues.length} error(s)`;
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((i) => `  ${formatIssue(i)}`);
  if (issues.length > MAX_LISTED_ISSUES) listed.push(`  ... and ${issues.length - MAX_LISTED_ISSUES} more`);
  return [head, ...listed].join('\n');
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
    throw new ImportError(file, [{ line: 0, field: 'internal', reason: `unexpected parser failure: ${msg}` }]);
  }
}

/** A value shown inside a reason: quoted, control characters escaped, long values cut. */
export function show(raw: string, max = 40): string {
  // \p{Cc} is exactly U+0000-001F and U+007F-009F.
  let s = raw.replace(/[\p{Cc}\ufffd]/gu, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  if (s.length > max) s = `${s.slice(0, max)}…(${raw.length} chars)`;
  return detach(`'${s}'`);
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
