// First start: load the real open data from GEODATA_SOURCE_DIR into the store (yearly totals per
// buurt and gemeente, inhabitants). Idempotent: the store skips a file it has seen (by content hash).
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { parseYearlyTotals } from '../importers/index.ts';
import { locate, readCsv } from '../../../geodata/sources.ts';
import type { GeodataIndex } from '../../../geodata/build.ts';
import type { Store, YearlyTotal } from './store.ts';

export function seedFromSource(store: Store, sourceDir: string, index: GeodataIndex): void {
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
