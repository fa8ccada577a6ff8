// Downloads of the shortlist (or all areas): CSV for Dutch Excel, GeoJSON for GIS, a printable summary.
import { exportUrl, type ExportFormat, type ScopeQuery } from '../../api/client.ts';
import { pluralArea } from '../../lib/format.ts';

export interface ExportLinksProps {
  scope: ScopeQuery;
  codes: string[];
  allCount: number;
  /** The weights of the ranking shown ("smoothedRate:2,change:1"); the export is sorted and scored by them. */
  weights: string | null;
  /** The name of the saved selection on the shortlist, if one is open. */
  selection: string | null;
}

export function ExportLinks({ scope, codes, allCount, weights, selection }: ExportLinksProps) {
  const what = selection ? `selectie “${selection}” (${pluralArea(codes.length, scope.level)})` : codes.length > 0 ? `shortlist (${pluralArea(codes.length, scope.level)})` : `alle ${pluralArea(allCount, scope.level)}`;
  const url = (format: ExportFormat) => exportUrl(scope, format, codes, { weights, selection });
  return (
    <section className="export-links" aria-labelledby="export-title">
      <h3 id="export-title">Exporteren</h3>
      <p className="hint">Van de {what}, op volgorde van de rangorde, met rang, score, gewichten, de cijfers, hotspotklasse en signalen van de gekozen soort en periode.</p>
      <ul>
        <li>
          <a href={url('csv')} download>
            Download CSV (Excel)
          </a>
        </li>
        <li>
          <a href={url('geojson')} download>
            Download GeoJSON
          </a>
        </li>
        <li>
          <a href={url('gpkg')} download>
            Download GeoPackage (QGIS, ArcGIS)
          </a>
        </li>
        <li>
          <a href={url('html')} target="_blank" rel="noopener">
            Printbare memo met kaart<span className="visually-hidden"> (opent in een nieuw venster)</span>
          </a>
        </li>
      </ul>
    </section>
  );
}
