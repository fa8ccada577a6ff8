// A gemeente's registered crime per calendar year (the `yearly` of /series): the real gemeente figures,
// which reach back further (47018NED per type from 2012) than the monthly figures per buurt.
import type { Dataset } from '../store/dataset.ts';
import type { AreaInfo } from '../../../geodata/build.ts';
import type { YearlySeries } from '../domain/model.ts';
import { benchmarkCategory, benchmarkYears, gemeenteYear } from './benchmark.ts';

const TOTAL = '0.0.0';

/**
 * The yearly figures of a gemeente for `category`: its 47018NED figures where the gemeente table has
 * every type of the category, else the official totals of all crime (the source line says which).
 * null for a buurt or wijk (no yearly table below the gemeente reaches further back than the monthly
 * series) and for nuisance (all crime instead would mix misdrijven into an Overlast view).
 */
export function yearlySeries(ds: Dataset, area: AreaInfo, category: string): YearlySeries | null {
  if (area.level !== 'gemeente' || ds.categories.isNuisance(category)) return null;
  const gm = area.gemeentecode;
  const perType = category !== TOTAL && benchmarkCategory(ds, gm, category);
  const counted = perType ? category : TOTAL;
  const points = benchmarkYears(ds, gm, counted).map((year) => gemeenteYear(ds, gm, counted, year));
  if (points.length === 0) return null;
  const naam = ds.categories.naam(counted);
  return {
    bron: perType
      ? `Politie via CBS, tabel 47018NED: geregistreerde misdrijven per soort per gemeente, ${naam.toLowerCase()}, per kalenderjaar.`
      : `Politie via CBS, tabel 47022NED (jaartotalen per gemeente): alle geregistreerde misdrijven samen per kalenderjaar${category === TOTAL ? '' : `; voor ${ds.categories.naam(category).toLowerCase()} zijn er geen jaarcijfers per gemeente`}.`,
    category: counted,
    categoryNaam: naam,
    points,
  };
}
