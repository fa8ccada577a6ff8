// The wijkagent's short windows: the last 7 or 28 days up to the newest registration, against the same days a
// year earlier and against the average of the windows before it, per category. Whether a change is more than
// chance is the exact test of significance.ts, so "3 against 2" is never read as "+50 %". Pure.
import { changeSignificant } from './significance.ts';

export interface DatedRegistration {
  /** YYYY-MM-DD (an ISO timestamp is cut to its day). */
  date: string;
  /** Crime type code. */
  code: string;
}

export interface WindowCategory {
  code: string;
  /** The crime types it counts. */
  types: ReadonlySet<string>;
}

export interface WindowRow {
  code: string;
  count: number;
  lastYearCount: number;
  /** Mean count of the `history` windows just before this one. */
  averageCount: number;
  /** Against a year earlier, exact test at 5 %. */
  changeSignificant: boolean;
}

export interface WindowAnswer {
  days: number;
  from: string;
  to: string;
  lastYearFrom: string;
  lastYearTo: string;
  /** How many earlier windows the average is over. */
  history: number;
  rows: WindowRow[];
}

const DAY = 86_400_000;
const dayNumber = (d: string) => Math.floor(Date.parse(`${d.slice(0, 10)}T00:00:00Z`) / DAY);
const isoDay = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);

/**
 * The Sunday that ends ISO week `week` ('2025-W49'): week 1 is the week with the year's first Thursday (4 January
 * is always in it). null for a week the year does not have (W53 in most years).
 */
export function isoWeekEnd(week: string): string | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return null;
  const [year, n] = [Number(m[1]), Number(m[2])];
  const jan4 = dayNumber(`${year}-01-04`);
  // 1970-01-01 was a Thursday: day 0 → weekday 3 (Monday = 0).
  const mondayOfWeek1 = jan4 - ((jan4 + 3) % 7);
  const sunday = mondayOfWeek1 + (n - 1) * 7 + 6;
  const nextWeek1 = dayNumber(`${year + 1}-01-04`) - ((dayNumber(`${year + 1}-01-04`) + 3) % 7);
  return n >= 1 && sunday < nextWeek1 ? isoDay(sunday) : null;
}

/** The first day the registrations must reach back to for windowCounts(…, days, history, end). */
export function windowStart(end: string, days: number, history: number): string {
  return isoDay(Math.min(dayNumber(end) - days * (history + 1) + 1, dayNumber(end) - 364 - days + 1));
}

export function windowCounts(regs: readonly DatedRegistration[], categories: readonly WindowCategory[], days: number, history: number, end: string): WindowAnswer {
  const e = dayNumber(end);
  const from = e - days + 1;
  // A year earlier: the same weekdays 52 weeks back (364 days), as police figures are compared.
  const lyTo = e - 364;
  const lyFrom = lyTo - days + 1;
  const histFrom = from - days * history;
  const rows = categories.map((cat) => {
    let count = 0;
    let lastYear = 0;
    let past = 0;
    for (const r of regs) {
      if (!cat.types.has(r.code)) continue;
      const d = dayNumber(r.date);
      if (d >= from && d <= e) count++;
      else if (d >= histFrom && d < from) past++;
      if (d >= lyFrom && d <= lyTo) lastYear++;
    }
    return { code: cat.code, count, lastYearCount: lastYear, averageCount: Math.round((past / history) * 10) / 10, changeSignificant: changeSignificant(count, lastYear) === true };
  });
  return { days, from: isoDay(from), to: isoDay(e), lastYearFrom: isoDay(lyFrom), lastYearTo: isoDay(lyTo), history, rows };
}
