// Test-only helpers shared by the importer tests (not exported from index.ts).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { ImportError, formatIssue } from './errors.ts';
import type { ImportOptions } from './codes.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = resolve(REPO_ROOT, 'tests/fixtures/import');

export function fixture(name: string): Buffer {
  return readFileSync(resolve(FIXTURES, name));
}

// Codes as CBS writes them (trailing spaces), to check that the parsers trim the caller's list too.
export const CRIME_CODES = new Set(
  ('0.0.0 ,1.1.1 ,1.1.2 ,1.2.1 ,1.2.2 ,1.2.3 ,1.2.4 ,1.2.5 ,1.3.1 ,1.4.1 ,1.4.2 ,1.4.3 ,1.4.4 ,1.4.5 ,1.4.6 ,1.4.7 ,' +
    '1.5.2 ,1.6.1 ,1.6.2 ,1.6.3 ,2.1.1 ,2.2.1 ,2.4.1 ,2.4.2 ,2.5.1 ,2.5.2 ,2.6.1 ,2.6.2 ,2.6.3 ,2.6.4 ,2.6.5 ,2.6.7 ,' +
    '2.6.8 ,2.6.9 ,2.6.10,2.6.11,2.6.12,2.6.13,2.6.14,2.7.2 ,2.7.3 ,3.1.1 ,3.1.2 ,3.1.3 ,3.2.1 ,3.2.2 ,3.3.2 ,3.3.5 ,' +
    '3.4.2 ,3.5.2 ,3.5.5 ,3.6.4 ,3.7.1 ,3.7.2 ,3.7.3 ,3.7.4 ,3.9.1 ,3.9.2 ,3.9.3 ').split(','),
);
export const NUISANCE_CODES = new Set(['E33   ', 'E35   ', 'E38   ', 'E41   ', 'F010  ', 'M061  ', 'M062  ', 'M22   ']);
export const INDICATORS = new Set(['onveilig_buurt_pct', 'rapportcijfer_veiligheid', 'overlast_jeugd_pct']);

export const OPTS: ImportOptions = { knownCodes: CRIME_CODES, knownNuisanceCodes: NUISANCE_CODES, knownIndicators: INDICATORS };

/** Runs fn, asserts it throws an ImportError and returns nothing; returns the error. */
export function expectImportError(fn: () => unknown): ImportError {
  let result: unknown = undefined;
  try {
    result = fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ImportError);
    expect(result).toBeUndefined();
    return err as ImportError;
  }
  throw new Error(`expected an ImportError, got a result: ${JSON.stringify(result).slice(0, 300)}`);
}

/** Lines as 'regel N: field: reason' strings, as the message lists them. */
export function lines(err: ImportError): string[] {
  return err.issues.map(formatIssue);
}

export const utf8 = (s: string) => Buffer.from(s, 'utf8');
