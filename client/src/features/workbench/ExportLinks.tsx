// Downloads of the shortlist (or all areas): CSV for Dutch Excel, GeoJSON for GIS, a printable summary.
import { exportUrl, type ScopeQuery } from '../../api/client.ts';
import { pluralArea } from '../../lib/format.ts';

export function ExportLinks({ scope, codes, allCount }: { scope: ScopeQuery; codes: string[]; allCount: number }) {
  const what = codes.length > 0 ? `shortlist (${pluralArea(codes.length, scope.level)})` : `alle ${pluralArea(allCount, scope.level)}`;
  return (
    <section className="export-links" aria-labelledby="export-title">
      <h3 id="export-title">Exporteren</h3>
      <p className="hint">Van de {what}, met de cijfers, hotspotklasse en signalen van de gekozen soort en periode.</p>
      <ul>
        <li>
          <a href={exportUrl(scope, 'csv', codes)} download>
            Download CSV (Excel)
          </a>
        </li>
        <li>
          <a href={exportUrl(scope, 'geojson', codes)} download>
            Download GeoJSON
          </a>
        </li>
        <li>
          <a href={exportUrl(scope, 'html', codes)} target="_blank" rel="noopener">
            Printbare samenvatting<span className="visually-hidden"> (opent in een nieuw venster)</span>
          </a>
        </li>
      </ul>
    </section>
  );
}
