// Public API of the importers: pure parsers (bytes or a streamed file in, normalised records out, or one
// ImportError).
export { ImportError, MAX_LISTED_ISSUES, formatIssue, type ImportIssue } from './errors.ts';
export { decodeBytes, detectSeparator, parseCount, parseDecimal, type TextEncoding, type Separator } from './text.ts';
export { bytesSource, fileSource, hashingSource, DEFAULT_CHUNK_BYTES, type ByteSource } from './source.ts';
export { areaLevel, TOTAL_CODE, type CodeLevel, type ImportOptions } from './codes.ts';
export {
  parseCbsOpenData,
  parseCbsPeriod,
  CBS_CRIME_COLUMNS,
  CBS_NUISANCE_COLUMNS,
  type CbsFormat,
  type CbsCell,
  type CbsSummary,
  type CbsOpenDataResult,
  type CbsOpenDataOptions,
} from './cbsOpenData.ts';
export { parseYearlyTotals, type YearlyTotalsRow, type YearlyTotalsSummary, type YearlyTotalsResult } from './yearlyTotals.ts';
export {
  parsePoliceExtract,
  parseDutchDate,
  rdToWgs84,
  RD_NEW,
  RD_BOUNDS,
  type PoliceRecord,
  type PoliceSummary,
  type PoliceExtractResult,
  type PoliceExtractOptions,
} from './policeExtract.ts';
export { parseSurvey, type SurveyRecord, type SurveySummary, type SurveyResult, type SurveyOptions } from './survey.ts';
export { parseImportFile, parseImportSource, parseImportPath, KNOWN_FORMATS_HELP, type ParsedImport, type ParsedImportFile, type ImportFormat } from './detect.ts';
