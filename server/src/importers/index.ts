// Public API of the importers: pure parsers (bytes or a streamed file in, normalised records out, or one
// ImportError).
export { ImportError, type ImportIssue } from './errors.ts';
export { parseYearlyTotals } from './yearlyTotals.ts';
export { parseImportPath, type ParsedImport } from './detect.ts';
