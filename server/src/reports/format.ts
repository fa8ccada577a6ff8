// Dutch (nl-NL) text for the reports: numbers, changes, months, quarters, dates, and HTML escaping.
// Everything a report prints goes through these, so no raw value reaches the HTML unescaped.

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const MONTHS_SHORT = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/** Escapes text for HTML element content and attribute values. */
export const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const formatters = new Map<string, Intl.NumberFormat>();
function formatter(decimals: number, signed: boolean): Intl.NumberFormat {
  const key = `${decimals}:${signed}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: signed ? 'exceptZero' : 'auto' });
    formatters.set(key, f);
  }
  return f;
}

/** "1.234,5"; unknown values become an en dash. */
export function num(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const r = Number(value.toFixed(decimals));
  return formatter(decimals, false).format(r === 0 ? 0 : r);
}

/** "+12,3%" / "−4,0%"; unknown becomes an en dash. */
export function pct(value: number | null | undefined, decimals = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const r = Number(value.toFixed(decimals));
  return `${formatter(decimals, true).format(r === 0 ? 0 : r).replace('-', '−')}%`;
}

/** The Dutch word for a count: plural('buurt', 'buurten', 1) → "buurt", any other count → "buurten". */
export const plural = (one: string, many: string, n: number): string => (n === 1 ? one : many);

/** "1 buurt", "0 buurten", "1.234 buurten". */
export const counted = (n: number, one: string, many: string): string => `${num(n)} ${plural(one, many, n)}`;

/** "2024-06" → "juni 2024" (long) or "jun 2024" (short). */
export function monthName(month: string, style: 'long' | 'short' = 'long'): string {
  const [y, m] = month.split('-').map(Number);
  return `${(style === 'long' ? MONTHS : MONTHS_SHORT)[m - 1]} ${y}`;
}

/** "juli 2023 – juni 2024"; one month once. */
export function periodName(from: string, to: string, style: 'long' | 'short' = 'long'): string {
  return from === to ? monthName(from, style) : `${monthName(from, style)} – ${monthName(to, style)}`;
}

/** 2024, 2 → "2e kwartaal 2024". */
export const quarterName = (year: number, q: number): string => `${q}e kwartaal ${year}`;

/** A date as "12 maart 2025" in Dutch time. */
export function dateName(d: Date): string {
  return new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(d);
}

/** "12 maart 2025, 14:05" in Dutch time. */
export function dateTimeName(d: Date): string {
  return new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(d);
}

