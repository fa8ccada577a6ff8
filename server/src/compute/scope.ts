// The analysis scope checked against the data (gemeente exists, category known, month range inside
// the data, area codes belong to the gemeente). One place, so every route and every application
// function answers the same 400/404 for the same mistake.
import type { Dataset } from '../store/dataset.ts';
import { ApiError } from './errors.ts';
import { shiftMonth } from '../domain/months.ts';

/** A gemeente in the data, or `NL` where the route's schema let it through (areas, stats). */
export function requireGemeente(ds: Dataset, gm: string): void {
  if (!ds.hasScope(gm)) throw new ApiError(404, `gemeente ${gm} is not in the data`, 'gemeente');
}

export function requireCategory(ds: Dataset, cat: string): void {
  if (!ds.categories.has(cat)) throw new ApiError(400, `category: unknown category '${cat}' (see /api/categories)`, 'category');
}

/** Default period: the last 12 months with data (a calendar year); bounds are checked against the cube. */
export function resolvePeriod(ds: Dataset, gm: string, from?: string, to?: string, level?: string): { from: string; to: string } {
  // The gemeente level also answers the years only its own per-type figures cover.
  const months = level === 'gemeente' ? ds.gemeenteMonths(gm) : ds.months(gm);
  const first = months[0];
  const last = months[months.length - 1];
  const t = to ?? (from ? shiftMonth(from, 11) : last);
  const f = from ?? shiftMonth(t, -11);
  const to2 = t > last && !to ? last : t;
  if (f > to2) throw new ApiError(400, `from: ${f} is after to ${to2}`, 'from');
  if (f < first || f > last) throw new ApiError(400, `from: ${f} is outside the data (${first} … ${last})`, 'from');
  if (to2 > last) throw new ApiError(400, `to: ${to2} is outside the data (${first} … ${last})`, 'to');
  return { from: f, to: to2 };
}

/** Validates gemeente + category and resolves the period in one go. */
export function resolveScope<Q extends { gemeente: string; category: string; from?: string; to?: string }>(ds: Dataset, q: Q): Q & { from: string; to: string } {
  requireGemeente(ds, q.gemeente);
  requireCategory(ds, q.category);
  return { ...q, ...resolvePeriod(ds, q.gemeente, q.from, q.to) };
}

/** Every code must be a buurt or wijk of the gemeente; duplicates are dropped (first one kept). */
export function checkCodes(ds: Dataset, gemeente: string, codes: string[], field = 'codes'): string[] {
  codes.forEach((code, i) => {
    const a = ds.area(code);
    if (!a || a.gemeentecode !== gemeente) throw new ApiError(400, `${field}.${i}: ${code} is not a buurt or wijk of ${gemeente}`, field);
  });
  return [...new Set(codes)];
}
