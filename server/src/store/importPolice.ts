// Stores a parsed police extract: assigns every registration to a buurt of the gemeente
// (point-in-polygon, slivers to the nearest buurt within a tolerance), keeps the points, and
// rebuilds the monthly counts of the months it covers, all in one transaction of the dataset's store
// (SQLite or PostgreSQL): the points, the counts and the import record commit together or not at all.
import { BuurtLocator } from '../domain/locate.ts';
import { ImportError, type ImportIssue } from '../importers/index.ts';
import { nlNumber } from '../importers/errors.ts';
import type { PoliceExtractResult } from '../importers/policeExtract.ts';
import type { Dataset } from './dataset.ts';
import type { AreaGeometry } from './geometry.ts';
import type { Incident, IncidentStore } from './incidents.ts';
import type { RegistrationCell } from './store.ts';
import type { ImportOutcome } from './imports.ts';

/** Points up to this far outside every buurt (slivers, simplified edges) go to the nearest buurt. */
export const SLIVER_TOLERANCE_M = 150;

/**
 * An extract replaces whole months. One with fewer than this share of the crimes the gemeente has for a month
 * now is most likely a partial extract (one team, one week): it would wipe the rest of the month, so it is
 * refused unless the beheerder says the replacement is meant. Months with fewer crimes than MIN_MONTH_TOTAL
 * are too small to judge.
 */
export const PARTIAL_MONTH_SHARE = 0.5;
const MIN_MONTH_TOTAL = 20;

/** `incidents` must live in the dataset's store (`ds.store.features().incidents`) to share its transaction. */
export function storePoliceExtract(
  ds: Dataset,
  geometry: AreaGeometry,
  incidents: IncidentStore,
  file: string,
  sha256: string,
  parsed: PoliceExtractResult,
  gemeente: string,
  recorded: { name?: string; importedBy?: string | null } = {},
  /** Replace a month even when the extract holds far fewer crimes than the gemeente has for it now. */
  allowPartialMonths = false,
): ImportOutcome & { assigned: number; nearest: number } {
  if (!ds.gemeente(gemeente)) throw new ImportError(file, [{ line: 0, field: 'gemeente', reason: `onbekende gemeente ${gemeente}: deze gemeentecode staat niet in de gebiedsindeling` }]);
  const locator = new BuurtLocator(geometry.features(gemeente, 'buurt'));
  const issues: ImportIssue[] = [];
  const rows: Incident[] = [];
  let nearest = 0;
  for (const r of parsed.records) {
    const hit = locator.locate(r.lon, r.lat, SLIVER_TOLERANCE_M);
    if (!hit) {
      issues.push({ line: r.line, field: 'x/y', reason: `het punt x ${nlNumber(r.x)}, y ${nlNumber(r.y)} ligt buiten gemeente ${gemeente} (geen buurt binnen ${SLIVER_TOLERANCE_M} meter)` });
      continue;
    }
    if (hit.distanceM > 0) nearest++;
    rows.push({
      registratienummer: r.registratienummer, buurt: hit.code, wijk: 'WK' + hit.code.slice(2, 8), gemeente,
      date: r.date, month: r.month, code: r.code, kind: r.kind, omschrijving: r.omschrijving ?? null,
      straat: r.straat, huisnummer: r.huisnummer, postcode: r.postcode, lon: r.lon, lat: r.lat,
    });
  }
  if (issues.length) throw new ImportError(file, issues);

  const cube = ds.cube(gemeente);
  const outside = parsed.summary.months.filter((m) => m < cube.months[0] || m > cube.months[cube.M - 1] + '');
  if (!allowPartialMonths) {
    const inExtract = new Map<string, number>();
    for (const r of rows) if (r.kind === 'misdrijf') inExtract.set(r.month, (inExtract.get(r.month) ?? 0) + 1);
    const partial: ImportIssue[] = [];
    for (const month of parsed.summary.months) {
      if (outside.includes(month)) continue;
      const now = ds.figures(gemeente, 'gemeente', '0.0.0', month, month).figures[0]?.current.count ?? 0;
      const have = inExtract.get(month) ?? 0;
      if (now >= MIN_MONTH_TOTAL && have < now * PARTIAL_MONTH_SHARE) {
        partial.push({
          line: 0, field: 'datum',
          reason: `${month}: het extract bevat ${nlNumber(have)} misdrijven, de gemeente telt er nu ${nlNumber(now)} voor die maand. Een extract vervangt de hele maand; is het onvolledig, importeer het dan niet. Bedoelt u de maand toch te vervangen, kies dan "Onvolledige maanden toch vervangen"`,
        });
      }
    }
    if (partial.length) throw new ImportError(file, partial);
  }
  const store = ds.store;
  const buurten = ds.areas(gemeente, 'buurt').map((b) => b.code);
  const misdrijfTypes = ds.categories.types.filter((t) => t.kind === 'misdrijf').map((t) => t.code);
  const nuisanceTypes = ds.categories.types.filter((t) => t.kind === 'overlast').map((t) => t.code);
  const hasNuisance = parsed.records.some((r) => r.kind === 'overlast');

  const outcome = store.transaction((): ImportOutcome => {
    // Before the points: the same extract again must not write them over what later imports stored.
    if (store.listImports().some((i) => i.sha256 === sha256)) return { alreadyImported: true, changedRows: 0 };
    // A registration the extract moves to another month leaves its old month: that month is counted again
    // too, or the registration would be counted in both.
    const left = incidents.monthsOf(gemeente, rows.map((r) => r.registratienummer));
    incidents.upsert(rows, sha256);
    const months = [...new Set([...parsed.summary.months, ...left])].sort();
    // The extract is the complete registration for its months: every buurt-month gets real figures,
    // zero where nothing was registered, so no demo remains for those months.
    const counts = new Map<string, number>();
    for (const c of incidents.monthlyCounts(gemeente, months)) counts.set(`${c.area}|${c.month}|${c.type}`, c.count);
    const cells: RegistrationCell[] = [];
    for (const month of months) {
      for (const area of buurten) {
        for (const type of misdrijfTypes) cells.push({ area, period: month, type, count: counts.get(`${area}|${month}|${type}`) ?? 0 });
        if (hasNuisance) for (const type of nuisanceTypes) cells.push({ area, period: month, type, count: counts.get(`${area}|${month}|${type}`) ?? 0 });
      }
    }
    return store.applyImport({ file: recorded.name ?? file, sha256, format: 'police-extract', summary: { ...parsed.summary, gemeente, monthsOutsideData: outside }, importedBy: recorded.importedBy }, { cells });
  });
  return { ...outcome, assigned: rows.length, nearest };
}
