// nl-NL number and period formatting for everything the UI shows (decimal comma, dot for thousands).

const MONTHS_SHORT = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
const MONTHS_LONG = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni',
  'juli', 'augustus', 'september', 'oktober', 'november', 'december',
];

/**
 * A number in nl-NL with a fixed number of decimals, as Intl.NumberFormat('nl-NL', { minimumFractionDigits: decimals,
 * maximumFractionDigits: decimals, signDisplay }) writes it (a dot per three digits, a decimal comma, a hyphen-minus),
 * but written here: the first Intl object of a fresh page makes Chromium load its ICU data, 25-75 ms on this machine,
 * and the legend's numbers are the first thing the first coloured map waits for (issue 18). format.test.ts holds
 * it to Intl's output over a range of values. A value that rounds to zero gets no sign (never "-0,0").
 */
function nlFixed(value: number, decimals: number, signed: boolean): string {
  const digits = Math.abs(value).toFixed(decimals);
  // toFixed writes an exponent from 1e21 on; no figure of the app comes near, but Intl stays exact there.
  if (digits.includes('e')) return new Intl.NumberFormat('nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: signed ? 'exceptZero' : 'auto' }).format(value);
  const point = digits.indexOf('.');
  const whole = point < 0 ? digits : digits.slice(0, point);
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, '.');
  const text = point < 0 ? grouped : `${grouped},${digits.slice(point + 1)}`;
  if (Number(digits) === 0) return text;
  return value < 0 ? `-${text}` : signed ? `+${text}` : text;
}

const known = (value: number | null | undefined): value is number => value !== null && value !== undefined && Number.isFinite(value);

/** "1.234,5"; null/NaN become the given placeholder (default an en dash). */
export function formatNumber(value: number | null | undefined, decimals = 0, placeholder = '–'): string {
  return known(value) ? nlFixed(value, decimals, false) : placeholder;
}

/** "+12,3 %" / "-4,0 %" for changes; "–" when unknown. */
export function formatPercentChange(value: number | null | undefined, decimals = 1): string {
  return known(value) ? `${nlFixed(value, decimals, true)} %` : '–';
}

/** "+2,3" / "-1,0" for differences between two figures; "–" when unknown. */
export function formatSignedNumber(value: number | null | undefined, decimals = 1): string {
  return known(value) ? nlFixed(value, decimals, true) : '–';
}

/** Parses a Dutch-typed number ("1.234,5", "12,5", "12.5") — returns null when it is not a number. */
export function parseDutchNumber(text: string): number | null {
  let t = text.trim().replace(/\s/g, '').replace('−', '-');
  if (t === '') return null;
  if (t.includes(',')) t = t.replace(/\./g, '').replace(',', '.');
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** "2024-03" -> "mrt 2024" (short) or "maart 2024" (long). */
export function formatMonth(month: string, style: 'short' | 'long' = 'short'): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const idx = Number(m[2]) - 1;
  const names = style === 'short' ? MONTHS_SHORT : MONTHS_LONG;
  return `${names[idx] ?? m[2]} ${m[1]}`;
}

/** "jan 2024 – dec 2024"; a single month is shown once. */
export function formatPeriod(from: string, to: string, style: 'short' | 'long' = 'short'): string {
  if (from === to) return formatMonth(from, style);
  return `${formatMonth(from, style)} – ${formatMonth(to, style)}`;
}

/** "1 buurt" / "44 buurten" / "7 wijken". */
export function pluralArea(n: number, level: 'buurt' | 'wijk' | 'gemeente'): string {
  const plural = { buurt: 'buurten', wijk: 'wijken', gemeente: 'gemeenten' }[level];
  return `${formatNumber(n)} ${n === 1 ? level : plural}`;
}

/** "2025-12-31" -> "31 december 2025" (short: "31 dec 2025"); anything else is returned as is. */
export function formatDate(iso: string, style: 'short' | 'long' = 'long'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const names = style === 'short' ? MONTHS_SHORT : MONTHS_LONG;
  return `${Number(m[3])} ${names[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/**
 * A Dutch comparison of strings with one collator for all its calls: String.localeCompare with a locale builds a
 * collator per call, which made sorting the 14,500 buurten of the country view take seconds. The collator is made at
 * the first comparison, not when the page's scripts load: Chromium takes about 15 ms to make one, and the first map
 * would wait for it (issue 18).
 */
export function dutchComparison(options: Intl.CollatorOptions): (a: string, b: string) => number {
  let collator: Intl.Collator | undefined;
  return (a, b) => (collator ??= new Intl.Collator('nl', options)).compare(a, b);
}

/** Dutch alphabetical order with numbers in numeric order ("Wijk 2" before "Wijk 10"). */
export const compareNl = dutchComparison({ numeric: true });

/**
 * What the page says for a code whose name it does not have: an ellipsis while the list that names it is still
 * loading (the header and the legend showed "0.0.0" and "GM0935" for their first moments), the code itself once the
 * list is there without it (a code from an old link, which the figures' error then explains).
 */
export function unnamed(code: string, list: readonly unknown[]): string {
  return list.length > 0 ? code : '…';
}
