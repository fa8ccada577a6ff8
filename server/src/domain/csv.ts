// CSV for Dutch Excel: ';' between fields, CRLF, a BOM so Excel reads UTF-8. Shared by the area export and
// the audit trail export.

/** A field as CSV: quoted when it holds a separator, quote, line break or leading/trailing space. */
export function csvField(v: string): string {
  return /[;"\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * Free text someone else typed (a username of a failed login, a file name) as a CSV field that a
 * spreadsheet shows as text: a leading = + - @ (or tab/CR) would otherwise start a formula
 * (CSV injection, OWASP), so it gets a leading apostrophe.
 */
export function csvText(v: string): string {
  return csvField(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
}

/**
 * Header and rows (already CSV fields) as one document with BOM and CRLF, and optional closing lines
 * after one empty line (a spreadsheet shows them below the table; a parser stops at the empty line).
 */
export function csvDocument(header: readonly string[], rows: readonly string[][], footer?: string | readonly string[]): string {
  const lines = [header.map(csvField).join(';'), ...rows.map((r) => r.join(';'))];
  const closing = footer === undefined ? [] : typeof footer === 'string' ? [footer] : footer;
  return '\uFEFF' + lines.join('\r\n') + '\r\n' + (closing.length ? '\r\n' + closing.map(csvField).join('\r\n') + '\r\n' : '');
}
