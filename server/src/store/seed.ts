// First start: load the real open data from GEODATA_SOURCE_DIR into the store (yearly totals per
// buurt and gemeente, inhabitants). Idempotent: the store skips a file it has seen (by content hash).
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { parseYearlyTotals } from '../importers/index.ts';
import { locate, readCsv } from '../../../geodata/sources.ts';
import type { GeodataIndex } from '../../../geodata/build.ts';
import type { RegistrationCell, Store, YearlyTotal } from './store.ts';

export function seedFromSource(store: Store, sourceDir: string, index: GeodataIndex): void {
  seedTotals(store, sourceDir, index);
  seedGemeenteTypes(store, sourceDir, index);
}

function seedTotals(store: Store, sourceDir: string, index: GeodataIndex): void {
  const buurtFile = locate(sourceDir, 'crimeTotals');
  const gemFile = locate(sourceDir, 'gemeenteCrimeTotals');
  const bytes = fs.readFileSync(buurtFile);
  const gemBytes = fs.readFileSync(gemFile);
  const sha256 = createHash('sha256').update(bytes).update(gemBytes).update(JSON.stringify(index.sourceStamp)).digest('hex');
  if (store.listImports().some((i) => i.sha256 === sha256)) return;
  const parsed = parseYearlyTotals(buurtFile, bytes);
  const totals: YearlyTotal[] = parsed.rows.map((r) => ({ area: r.buurt, year: r.year, count: r.count }));
  // Official gemeente totals: larger than the sum of their buurten where registrations have no buurt.
  for (const r of readCsv(gemFile)) {
    for (const [k, v] of Object.entries(r)) {
      const m = /^misdrijven_totaal_(\d{4})$/.exec(k);
      if (m && /^GM\d{4}$/.test(r.gemeentecode)) totals.push({ area: r.gemeentecode, year: Number(m[1]), count: v === '' ? null : Number(v) });
    }
  }
  const population = index.areas.map((a) => ({ area: a.code, year: index.populationYear, inwoners: a.inwoners }));
  store.applyImport(
    { file: `${buurtFile} + ${gemFile} (bron)`, sha256, format: 'source-seed', summary: { ...parsed.summary, gemeenteTotals: true, population: population.length } },
    { yearlyTotals: totals, population },
  );
}

/**
 * Real registered crime per gemeente, crime type and year (47018NED gemeente rows, long layout
 * gemeentecode,soortmisdrijf,jaar,geregistreerd). Stored as yearly cells of the gemeente itself; GM0000
 * ("Gemeente onbekend") and codes outside the boundaries are left out. Idempotent like the seed above.
 */
export function seedGemeenteTypes(store: Store, sourceDir: string, index: GeodataIndex): void {
  let file: string;
  try {
    file = locate(sourceDir, 'gemeenteCrimeTypes');
  } catch {
    return; // optional source: without it the gemeente level per type stays a demo split
  }
  const bytes = fs.readFileSync(file);
  const sha256 = createHash('sha256').update(bytes).update(JSON.stringify(index.sourceStamp)).digest('hex');
  if (store.listImports().some((i) => i.sha256 === sha256)) return;
  const gemeenten = new Set(index.gemeenten.map((g) => g.code));
  const cells: RegistrationCell[] = [];
  const years = new Set<number>();
  const types = new Set<string>();
  for (const r of readCsv(file)) {
    const gm = (r.gemeentecode ?? '').trim();
    if (!gemeenten.has(gm)) continue;
    const year = Number(r.jaar);
    const v = (r.geregistreerd ?? '').trim();
    const count = v === '' || v === '.' ? null : Number(v);
    if (!Number.isInteger(year) || (count !== null && !(Number.isInteger(count) && count >= 0))) {
      throw new Error(`${file}: bad row ${JSON.stringify(r)} (expected a year and a whole count)`);
    }
    cells.push({ area: gm, type: (r.soortmisdrijf ?? '').trim(), period: String(year), count });
    years.add(year);
    types.add((r.soortmisdrijf ?? '').trim());
  }
  const sorted = [...years].sort();
  store.applyImport(
    { file: `${file} (bron)`, sha256, format: 'source-seed-gemeente-types', summary: { rows: cells.length, gemeenten: new Set(cells.map((c) => c.area)).size, types: [...types].sort(), years: [sorted[0], sorted.at(-1)] } },
    { cells },
  );
}
