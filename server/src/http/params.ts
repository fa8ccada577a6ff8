// Shared zod schemas for query parameters, so every route validates the same way.
import { z } from 'zod';
import { LEVELS, MAP_LEVELS } from '../domain/model.ts';

export const gemeenteParam = z
  .string({ error: 'is required (a CBS gemeente code like GM0935)' })
  .trim()
  .toUpperCase()
  .regex(/^GM\d{4}$/, {
    error: (iss) =>
      iss.input === 'NL'
        ? 'NL (the whole country) is available for /api/areas, /api/stats and /api/series only; choose a gemeente like GM0935 here'
        : 'expected a CBS gemeente code like GM0935',
  });

/** A gemeente, or `NL` for the whole country (routes that can answer for every area at once). */
export const gemeenteOrNationalParam = z
  .string({ error: 'is required (a CBS gemeente code like GM0935, or NL for the whole country)' })
  .trim()
  .toUpperCase()
  .regex(/^(GM\d{4}|NL)$/, 'expected a CBS gemeente code like GM0935, or NL for the whole country');

export const levelParam = z.enum(LEVELS, { error: "expected 'buurt', 'wijk' or 'gemeente'" });

export const monthParam = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM, e.g. 2024-01');

export const categoryParam = z.string().trim().min(1, 'must not be empty').max(40, 'is too long');

export const areaCodeParam = z
  .string({ error: 'is required (a CBS area code like BU09350000)' })
  .trim()
  .toUpperCase()
  .regex(/^(BU\d{4}[0-9A-Z]{4}|WK\d{4}[0-9A-Z]{2}|GM\d{4})$/, 'expected a CBS area code like BU09350000, WK093500 or GM0935');

/** Levels that have polygons and neighbours (the gemeente level is a single area). */
export const areaLevelParam = z.enum(MAP_LEVELS, { error: "expected 'buurt' or 'wijk'" });

/** Query fields every analysis route accepts (hotspots, ranking, export, …). */
export const scopeFields = {
  gemeente: gemeenteParam,
  level: areaLevelParam.default('buurt'),
  category: categoryParam.default('0.0.0'),
  from: monthParam.optional(),
  to: monthParam.optional(),
};
