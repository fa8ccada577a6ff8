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
  const store = ds.store;
  const buurten = ds.areas(gemeente, 'buurt').map((b) => b.code);
  const misdrijfTypes = ds.categories.types.filter((t) => t.kind === 'misdrijf').map((t) => t.code);
  const nuisanceTypes = ds.categories.types.filter((t) => t.kind === 'overlast').map((t) => t.code);
  const hasNuisance = parsed.records.some((r) => r.kind === 'overlast');

  const outcome = store.transaction((): ImportOutcome => {
    // Before the points: the same extract again must not write them over what later imports stored.
    if (store.listImports().some((i) => i.sha256 === sha256)) return { alreadyImported: true, changedRows: 0 };
    incidents.upsert(rows, sha256);
    // The extract is the complete registration for its months: every buurt-month gets real figures,
    // zero where nothing was registered, so no demo remains for those months.
    const counts = new Map<string, number>();
    for (const c of incidents.monthlyCounts(gemeente, parsed.summary.months)) counts.set(`${c.area}|${c.month}|${c.type}`, c.count);
    const cells: RegistrationCell[] = [];
    for (const month of parsed.summary.months) {
      for (const area of buurten) {
        for (const type of misdrijfTypes) cells.push({ area, period: month, type, count: counts.get(`${area}|${month}|${type}`) ?? 0 });
        if (hasNuisance) for (const type of nuisanceTypes) cells.push({ area, period: month, type, count: counts.get(`${area}|${month}|${type}`) ?? 0 });
      }
    }
    return store.applyImport({ file: recorded.name ?? file, sha256, format: 'police-extract', summary: { ...parsed.summary, gemeente, monthsOutsideData: outside }, importedBy: recorded.importedBy }, { cells });
  });
  return { ...outcome, assigned: rows.length, nearest };
}
