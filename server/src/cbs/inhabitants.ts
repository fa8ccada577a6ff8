// Inhabitants per buurt, wijk and gemeente from CBS's own OData service (CBS_ODATA_URL), table
// "Kerncijfers wijken en buurten": the network and checking half; update.ts stores them with the
// police tables, all or nothing. A row CBS sends that is not what we expect stops the whole update.
import { createHash } from 'node:crypto';
import { gemeenteOf, type PopulationRow } from '../store/store.ts';
import { fetchAllRows, typedDataSetUrl, type ODataRow } from './odata.ts';

/**
 * The Kerncijfers table read, and the year (1 January) its inhabitants count. CBS publishes a new table
 * with another id every year (2023: 85618NED, 2024: 85984NED): change both together.
 */
export const KERNCIJFERS = { table: '85984NED', year: 2024, label: 'Kerncijfers wijken en buurten' } as const;

/** The name the import history shows. */
export const KERNCIJFERS_IMPORT_NAME = `${KERNCIJFERS.label} (${KERNCIJFERS.table})`;

const AREA = 'WijkenEnBuurten';
const INHABITANTS = 'AantalInwoners_5';

/** A refused answer: the Dutch reason names the row and the field. */
export class InhabitantsError extends Error {}

/** Every row for the gemeente, its wijken and buurten (codes padded with spaces: startswith ignores that). */
export async function fetchInhabitantRows(baseUrl: string, gm: string, timeoutMs: number): Promise<ODataRow[]> {
  const digits = gm.slice(2);
  const filter = ['GM', 'WK', 'BU'].map((p) => `startswith(${AREA},'${p}${digits}')`).join(' or ');
  return fetchAllRows(KERNCIJFERS.table, typedDataSetUrl(baseUrl, KERNCIJFERS.table, filter), { timeoutMs });
}

/**
 * The rows as the store's inhabitants of gemeente `gm` (rows of other gemeenten are dropped, as a
 * server that ignores the filter could send them). null = withheld by CBS (a small buurt), kept as
 * such; a missing field or a value that is no whole number refuses the whole answer.
 */
export function inhabitantsOf(rows: ODataRow[], gm: string): PopulationRow[] {
  const out: PopulationRow[] = [];
  rows.forEach((r, i) => {
    const where = `rij ${i + 1}${typeof r[AREA] === 'string' ? ` (${String(r[AREA]).trim()})` : ''}`;
    if (!(AREA in r) || typeof r[AREA] !== 'string' || r[AREA].trim() === '') throw new InhabitantsError(`${where}: het veld ${AREA} (gebiedscode) ontbreekt of is leeg`);
    const area = r[AREA].trim().toUpperCase();
    if (!/^(GM\d{4}|WK\d{6}|BU\d{8})$/.test(area)) return; // NL00 and other region kinds: not ours
    if (gemeenteOf(area) !== gm) return;
    if (!(INHABITANTS in r)) throw new InhabitantsError(`${where}: het veld ${INHABITANTS} (aantal inwoners) ontbreekt`);
    const v = r[INHABITANTS];
    if (v === null) {
      out.push({ area, year: KERNCIJFERS.year, inwoners: null });
      return;
    }
    const n = typeof v === 'number' ? v : /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n < 0) throw new InhabitantsError(`${where}: het veld ${INHABITANTS} (aantal inwoners) is geen geheel aantal: ${JSON.stringify(v)}`);
    out.push({ area, year: KERNCIJFERS.year, inwoners: n });
  });
  return out.sort((a, b) => (a.area < b.area ? -1 : a.area > b.area ? 1 : 0));
}

/** The same inhabitants always hash the same, so a repeat is recognised and records nothing. */
export function inhabitantsHash(rows: PopulationRow[]): string {
  return createHash('sha256').update(`${KERNCIJFERS.table}\n${JSON.stringify(rows)}`).digest('hex');
}
