// The answer of GET /api/coverage: per level, kind of figure and year, what is real (which source and
// import, when), what is a DEMO split of a real figure, and what is missing; plus the newest month with
// data and the import history. Read from the store rows the figures themselves are built from, so the
// page never claims more than the figures do.
import type { Dataset } from '../store/dataset.ts';
import type { StoredImport } from '../store/store.ts';
import type { Level } from '../domain/model.ts';
import type { BoundaryKind } from '../../../geodata/build.ts';

/** real: from an official source as shown; monthsDemo: real yearly figures, only the split over the
 * months is generated; demo: a generated split of a real total; missing: nothing known. */
export type CoverageStatus = 'real' | 'monthsDemo' | 'demo' | 'missing';

export interface CoverageCell {
  year: number;
  status: CoverageStatus;
  /** Areas of the level with a real figure of this kind that year (of `areas`). */
  realAreas: number;
  /** The import the real figures come from (the newest that holds them), if any. */
  importId: number | null;
}

export interface CoverageRow {
  level: Level;
  /** 'totaal' (all crime), 'soort' (crime per type), 'overlast' (police nuisance). */
  measure: 'totaal' | 'soort' | 'overlast';
  label: string;
  areas: number;
  years: CoverageCell[];
}

export interface CoverageImport {
  id: number;
  importedAt: string;
  /** What the import holds, in words (no file names or paths). */
  source: string;
  format: string;
  periods: string[];
}

export interface CoverageResponse {
  meta: {
    gemeente: string;
    naam: string;
    newestMonth: string | null;
    newestMonthReal: boolean;
    years: number[];
    notes: string[];
    /** Where the gemeente's buurt boundaries come from (the page says what an approximation means for a reader). */
    boundaries: BoundaryKind;
  };
  rows: CoverageRow[];
  imports: CoverageImport[];
}

const SOURCES: Record<string, string> = {
  'source-seed': 'Politie via CBS: misdrijven per jaar per buurt en gemeente (47022NED), inwoners (85984NED); meegeleverd',
  'source-seed-gemeente-types': 'Politie via CBS: misdrijven per soort per gemeente per jaar (47018NED); meegeleverd',
  'cbs-47022NED': 'Politie via CBS: misdrijven per maand per buurt en soort (47022NED)',
  'cbs-47018NED': 'Politie via CBS: misdrijven per jaar per buurt en soort (47018NED)',
  'cbs-47024NED': 'Politie via CBS: overlast per buurt en soort (47024NED)',
  'yearly-totals': 'Misdrijven per jaar per buurt (jaartotalen)',
  'police-extract': 'Registraties van de politie (eigen extract)',
  survey: 'Veiligheidsmonitor / enquête',
  'survey-plan': 'Veiligheidsmonitor: waarden uit het veiligheidsplan van de gemeente; meegeleverd',
  'cbs-85984NED': 'CBS Kerncijfers wijken en buurten: inwoners (85984NED)',
};

/** An import in words; a format without words (a newer importer) is named as such, never by its code. */
const sourceOf = (format: string) => SOURCES[format] ?? 'Import (soort niet beschreven)';

const periodsOf = (i: StoredImport): string[] => {
  const p = i.summary.periods;
  if (Array.isArray(p)) return p.map(String);
  const y = i.summary.years;
  return Array.isArray(y) && y.length === 2 ? [String(y[0]), String(y[1])] : [];
};

export function computeCoverage(ds: Dataset, gm: string): CoverageResponse {
  const store = ds.store;
  const imports = store.listImports();
  const buurten = ds.areas(gm, 'buurt').map((b) => b.code);
  const buurtSet = new Set(buurten);
  const wijkOf = new Map(ds.areas(gm, 'buurt').map((b) => [b.code, b.wijkcode!]));
  const wijken = ds.areas(gm, 'wijk').length;
  const nuisance = new Set(ds.categories.types.filter((t) => t.kind === 'overlast').map((t) => t.code));

  const totals = new Map<number, Set<string>>();
  const gemeenteTotal = new Set<number>();
  for (const t of store.yearlyTotals(gm)) {
    if (t.count === null) continue;
    if (t.area === gm) gemeenteTotal.add(t.year);
    else if (buurtSet.has(t.area)) (totals.get(t.year) ?? totals.set(t.year, new Set()).get(t.year)!).add(t.area);
  }
  const typedBuurt = new Map<number, Set<string>>();
  const nuisanceYear = new Map<number, Set<string>>();
  for (const c of store.yearlyTypeCells(gm)) {
    if (!buurtSet.has(c.area)) continue;
    const target = nuisance.has(c.type) ? nuisanceYear : typedBuurt;
    const y = Number(c.period);
    (target.get(y) ?? target.set(y, new Set()).get(y)!).add(c.area);
  }
  const monthlyBuurt = new Map<number, Set<string>>();
  const nuisanceMonth = new Map<number, Set<string>>();
  let newestMonth: string | null = null;
  for (const c of store.monthlyCells(gm)) {
    if (!buurtSet.has(c.area)) continue;
    const y = Number(c.period.slice(0, 4));
    const target = nuisance.has(c.type) ? nuisanceMonth : monthlyBuurt;
    (target.get(y) ?? target.set(y, new Set()).get(y)!).add(c.area);
    if (!nuisance.has(c.type) && (newestMonth === null || c.period > newestMonth)) newestMonth = c.period;
  }
  const table = ds.gemeenteTable(gm).byYear;
  const cubeMonths = ds.months(gm);
  const first = Math.min(Number(cubeMonths[0].slice(0, 4)), ...table.keys());
  const last = Number(cubeMonths[cubeMonths.length - 1].slice(0, 4));
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  const lastTotalYear = Math.max(-Infinity, ...[...totals.keys()].filter((y) => (totals.get(y)?.size ?? 0) > 0));
  const newestMonthReal = newestMonth !== null;
  if (newestMonth === null && Number.isFinite(lastTotalYear)) newestMonth = `${lastTotalYear}-12`;

  const importFor = (format: string[], year: number): number | null => {
    const hit = [...imports].reverse().find((i) => format.includes(i.format) && (periodsOf(i).some((p) => p.startsWith(String(year))) || (i.summary.years && Number((i.summary.years as number[])[0]) <= year && year <= Number((i.summary.years as number[])[1]))));
    return hit?.id ?? (format.includes('source-seed') ? imports.find((i) => i.format === 'source-seed')?.id ?? null : null);
  };
  const wijkCount = (s: Set<string> | undefined) => new Set([...(s ?? [])].map((b) => wijkOf.get(b))).size;
  const cell = (year: number, status: CoverageStatus, realAreas: number, importId: number | null): CoverageCell => ({ year, status, realAreas, importId });

  const rows: CoverageRow[] = [];
  for (const level of ['buurt', 'wijk', 'gemeente'] as const) {
    const n = level === 'buurt' ? buurten.length : level === 'wijk' ? wijken : 1;
    const count = (s: Set<string> | undefined) => (level === 'buurt' ? s?.size ?? 0 : level === 'wijk' ? wijkCount(s) : s?.size ? 1 : 0);
    rows.push({
      level, measure: 'totaal', label: 'Totaal misdrijven', areas: n,
      years: years.map((y) => {
        const monthly = count(monthlyBuurt.get(y));
        if (monthly) return cell(y, 'real', monthly, importFor(['cbs-47022NED', 'police-extract'], y));
        const real = level === 'gemeente' ? (gemeenteTotal.has(y) || totals.has(y) ? 1 : 0) : count(totals.get(y));
        return real ? cell(y, 'monthsDemo', real, importFor(['cbs-47018NED', 'yearly-totals', 'source-seed'], y)) : cell(y, 'missing', 0, null);
      }),
    });
    rows.push({
      level, measure: 'soort', label: 'Misdrijven per soort', areas: n,
      years: years.map((y) => {
        const monthly = count(monthlyBuurt.get(y));
        if (monthly) return cell(y, 'real', monthly, importFor(['cbs-47022NED', 'police-extract'], y));
        if (level === 'gemeente' && table.has(y)) return cell(y, 'monthsDemo', 1, importFor(['cbs-47018NED', 'source-seed-gemeente-types'], y));
        const typed = count(typedBuurt.get(y));
        if (typed) return cell(y, 'monthsDemo', typed, importFor(['cbs-47018NED'], y));
        return count(totals.get(y)) ? cell(y, 'demo', 0, null) : cell(y, 'missing', 0, null);
      }),
    });
    rows.push({
      level, measure: 'overlast', label: 'Overlast (politieregistraties)', areas: n,
      years: years.map((y) => {
        const monthly = count(nuisanceMonth.get(y));
        if (monthly) return cell(y, 'real', monthly, importFor(['cbs-47024NED'], y));
        const yearly = count(nuisanceYear.get(y));
        return yearly ? cell(y, 'monthsDemo', yearly, importFor(['cbs-47024NED'], y)) : cell(y, 'missing', 0, null);
      }),
    });
  }
  const notes = [
    'Echt: officiële cijfers zoals de bron ze publiceert. Per maand gespreid (DEMO): echte jaarcijfers; alleen de verdeling over de maanden is gegenereerd. DEMO: een gegenereerde verdeling van een echt totaal naar soort en maand. Ontbreekt: geen cijfers.',
    'Soorten die CBS niet per buurt publiceert (zoals zeden) staan als "niet naar soort uitgesplitst"; het totaal blijft het officiële.',
  ];
  if (!newestMonthReal && newestMonth) notes.push(`Geen maandcijfers geïmporteerd: de nieuwste cijfers zijn jaarcijfers over ${newestMonth.slice(0, 4)}.`);
  const info = ds.gemeente(gm);
  return {
    meta: { gemeente: gm, naam: info?.naam ?? gm, newestMonth, newestMonthReal, years, notes, boundaries: info?.boundaries ?? 'benadering' },
    rows,
    imports: imports
      .filter((i) => i.format.startsWith('source-seed') || i.summary.gemeente === undefined || i.summary.gemeente === gm)
      .map((i) => ({ id: i.id, importedAt: i.importedAt, source: sourceOf(i.format), format: i.format, periods: periodsOf(i) })),
  };
}
