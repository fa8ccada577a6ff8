// Recognise an import file by its header and dispatch to the right parser.

import { guard, ImportError } from './errors.ts';
import { readTable } from './text.ts';
import type { ImportOptions } from './codes.ts';
import { CBS_CRIME_COLUMNS, CBS_NUISANCE_COLUMNS, cbsHeaderKind, parseCbsTable, type CbsOpenDataResult } from './cbsOpenData.ts';
import { YEARLY_TOTALS_COLUMNS, isYearlyTotalsHeader, parseYearlyTotalsTable, type YearlyTotalsResult } from './yearlyTotals.ts';
import {
  POLICE_REQUIRED_COLUMNS,
  isPoliceExtractHeader,
  parsePoliceExtractTable,
  type PoliceExtractResult,
} from './policeExtract.ts';
import { SURVEY_OPTIONAL_COLUMNS, SURVEY_REQUIRED_COLUMNS, isSurveyHeader, parseSurveyTable, type SurveyResult } from './survey.ts';

/** Discriminated on `format`: 'cbs-47022NED' | 'cbs-47018NED' | 'cbs-47024NED' | 'yearly-totals' | 'police-extract' | 'survey'. */
export type ParsedImport = CbsOpenDataResult | YearlyTotalsResult | PoliceExtractResult | SurveyResult;

export type ImportFormat = ParsedImport['format'];

export const KNOWN_FORMATS_HELP = [
  `CBS open data 47022NED/47018NED: ${CBS_CRIME_COLUMNS.join(';')}`,
  `CBS open data 47024NED (overlast): ${CBS_NUISANCE_COLUMNS.join(';')}`,
  `yearly totals: ${YEARLY_TOTALS_COLUMNS.join(',')}`,
  `police extract: ${POLICE_REQUIRED_COLUMNS.join(';')}[;omschrijving]`,
  `survey: ${SURVEY_REQUIRED_COLUMNS.slice(0, 4).join(';')};${SURVEY_OPTIONAL_COLUMNS.join(';')};bron`,
].join(' | ');

export function parseImportFile(file: string, bytes: Uint8Array, opts: ImportOptions): ParsedImport {
  return guard(file, () => {
    const table = readTable(file, bytes);
    if (cbsHeaderKind(table.header)) return parseCbsTable(file, table, opts);
    if (isYearlyTotalsHeader(table.header)) return parseYearlyTotalsTable(file, table);
    if (isPoliceExtractHeader(table.header)) return parsePoliceExtractTable(file, table, opts);
    if (isSurveyHeader(table.header)) return parseSurveyTable(file, table, opts);
    throw new ImportError(file, [
      { line: table.headerLine, field: 'header', reason: `unknown file format. Known formats and their columns: ${KNOWN_FORMATS_HELP}` },
    ]);
  });
}
