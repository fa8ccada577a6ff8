// Recognise an import file by its header and dispatch to the right parser.

import { guard, ImportError } from './errors.ts';
import { readRows, type RowParserFactory } from './text.ts';
import { bytesSource, fileSource, hashingSource, DEFAULT_CHUNK_BYTES, type ByteSource } from './source.ts';
import type { ImportOptions } from './codes.ts';
import { CBS_CRIME_COLUMNS, CBS_NUISANCE_COLUMNS, cbsHeaderKind, cbsRows, type CbsOpenDataResult } from './cbsOpenData.ts';
import { YEARLY_TOTALS_COLUMNS, isYearlyTotalsHeader, yearlyTotalsRows, type YearlyTotalsResult } from './yearlyTotals.ts';
import { POLICE_REQUIRED_COLUMNS, isPoliceExtractHeader, policeExtractRows, type PoliceExtractResult } from './policeExtract.ts';
import { SURVEY_OPTIONAL_COLUMNS, SURVEY_REQUIRED_COLUMNS, isSurveyHeader, surveyRows, type SurveyResult } from './survey.ts';

/** Discriminated on `format`: 'cbs-47022NED' | 'cbs-47018NED' | 'cbs-47024NED' | 'yearly-totals' | 'police-extract' | 'survey'. */
export type ParsedImport = CbsOpenDataResult | YearlyTotalsResult | PoliceExtractResult | SurveyResult;

export const KNOWN_FORMATS_HELP = [
  `CBS-tabel 47022NED/47018NED (misdrijven): ${CBS_CRIME_COLUMNS.join(';')}`,
  `CBS-tabel 47024NED (overlast): ${CBS_NUISANCE_COLUMNS.join(';')}`,
  `jaartotalen per buurt: ${YEARLY_TOTALS_COLUMNS.join(',')}`,
  `politie-extract: ${POLICE_REQUIRED_COLUMNS.join(';')} (en eventueel omschrijving)`,
  `enquête (Veiligheidsmonitor, buurtpeiling): ${SURVEY_REQUIRED_COLUMNS.slice(0, 4).join(';')};${SURVEY_OPTIONAL_COLUMNS.join(';')};bron`,
].join(' | ');

/** The parser for whichever format the header names. */
export function detectRows(opts: ImportOptions): RowParserFactory<ParsedImport> {
  return (head, issues) => {
    if (cbsHeaderKind(head.header)) return cbsRows(opts)(head, issues);
    if (isYearlyTotalsHeader(head.header)) return yearlyTotalsRows()(head, issues);
    if (isPoliceExtractHeader(head.header)) return policeExtractRows(opts)(head, issues);
    if (isSurveyHeader(head.header)) return surveyRows(opts)(head, issues);
    throw new ImportError(head.file, [
      { line: head.headerLine, field: 'header', reason: `onbekend soort bestand: de kopregel past bij geen van de bekende bestanden. Bekende bestanden en hun kolommen: ${KNOWN_FORMATS_HELP}` },
    ]);
  };
}

/** Parse a file that is already in memory. */
export function parseImportFile(file: string, bytes: Uint8Array, opts: ImportOptions): ParsedImport {
  return parseImportSource(file, bytesSource(bytes), opts);
}

/** Parse bytes from any source, chunk by chunk (the chunk-boundary tests feed every chunk size). */
export function parseImportSource(file: string, source: ByteSource, opts: ImportOptions): ParsedImport {
  return guard(file, () => readRows(file, source, detectRows(opts)));
}

export interface ParsedImportFile {
  parsed: ParsedImport;
  /** sha256 (hex) of the file's bytes: the store's "already imported" key. */
  sha256: string;
  bytes: number;
}

/**
 * Read, hash and parse a file in one streamed pass (two when it is not UTF-8), holding one chunk of it in
 * memory at a time besides the parsed records. An unreadable file is an ImportError on line 0, field 'file'.
 */
export function parseImportPath(file: string, opts: ImportOptions, chunkBytes = DEFAULT_CHUNK_BYTES): ParsedImportFile {
  const hashed = hashingSource(fileSource(file, chunkBytes));
  const parsed = parseImportSource(file, hashed.source, opts);
  return { parsed, ...hashed.digest() };
}
