// A police extract (the CSV a gemeente receives from the police, semicolon-separated, CRLF) written for a test.
import fs from 'node:fs';

export const EXTRACT_HEADER = 'registratienummer;datum;code;omschrijving;straat;huisnummer;postcode;x;y';

/** Writes the header and `rows` (e.g. `P-1;05-03-2024;1.1.1;Inbraak;Vrijthof;1;6211LD;176248;317717`) to `file`. */
export function writeExtractRows(file: string, rows: readonly string[]): string {
  fs.writeFileSync(file, [EXTRACT_HEADER, ...rows].join('\r\n'));
  return file;
}
