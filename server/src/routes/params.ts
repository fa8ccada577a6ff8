// Shared zod schemas for query parameters, so every route validates the same way.
import { z } from 'zod';

export const gemeenteParam = z
  .string({ error: 'is required (a CBS gemeente code like GM0935)' })
  .trim()
  .toUpperCase()
  .regex(/^GM\d{4}$/, 'expected a CBS gemeente code like GM0935');

export const levelParam = z.enum(['buurt', 'wijk', 'gemeente'], { error: "expected 'buurt', 'wijk' or 'gemeente'" });

export const monthParam = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month as YYYY-MM, e.g. 2024-01');

export const categoryParam = z.string().trim().min(1, 'must not be empty').max(40, 'is too long');

export const areaCodeParam = z
  .string({ error: 'is required (a CBS area code like BU09350000)' })
  .trim()
  .toUpperCase()
  .regex(/^(BU\d{4}[0-9A-Z]{4}|WK\d{4}[0-9A-Z]{2}|GM\d{4})$/, 'expected a CBS area code like BU09350000, WK093500 or GM0935');
