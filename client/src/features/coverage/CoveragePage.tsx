// Gegevens: per level, kind of figure and year, what is real, what is generated (DEMO) and what is
// missing, where the real figures come from, and the import history. Status is said in words, not
// only in colour.
import type { CoverageResponse } from '../../api/client.ts';

type CoverageStatus = CoverageResponse['rows'][number]['years'][number]['status'];

const STATUS: Record<CoverageStatus, { short: string; long: string }> = {
  real: { short: 'Echt', long: 'echte cijfers' },
  monthsDemo: { short: 'Echt (jaar)', long: 'echte jaarcijfers; de verdeling over de maanden is gegenereerd (DEMO)' },
  demo: { short: 'DEMO', long: 'gegenereerde verdeling van een echt totaal (DEMO)' },
  missing: { short: '—', long: 'geen cijfers' },
};

const LEVEL: Record<string, string> = { buurt: 'Buurten', wijk: 'Wijken', gemeente: 'Gemeente' };

/**
 * Where the buurt and wijk boundaries come from, and for the shipped approximation what that means for a reader: the
 * buurt of an address near an edge (search) and the edge itself on the map may be off.
 */
const BOUNDARIES: Record<CoverageResponse['meta']['boundaries'], string> = {
  eigen: 'Buurt- en wijkgrenzen: de eigen, gedetailleerde grenzen van de gemeente. De gemeentegrens op de kaart is daaruit afgeleid.',
  cbs: 'Buurt- en wijkgrenzen: de officiële CBS Wijk- en Buurtkaart 2024. Gemeentegrenzen: CBS/Kadaster 2023.',
  benadering:
    'Buurt- en wijkgrenzen: een vereenvoudigde benadering van de CBS-indeling 2024, passend gemaakt op de gemeentegrens van CBS/Kadaster (2023). ' +
    'Aan de meeste randen wijkt een buurtgrens 5 tot 50 meter af, aan sommige enkele honderden meters. ' +
    'Een adres vlak bij een buurtgrens kan daardoor bij de buurt ernaast horen. De cijfers zelf zijn per buurt zoals CBS ze publiceert; ' +
    'met de eigen grenzen van de gemeente of de officiële CBS-kaart vervalt deze afwijking.',
};

const dateTime = (iso: string) => new Date(iso).toLocaleString('nl-NL', { dateStyle: 'long', timeStyle: 'short' });
const month = (m: string) => new Date(`${m}-15T00:00:00Z`).toLocaleDateString('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function CoveragePage({ data, error }: { data: CoverageResponse | null; error: string | null }) {
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Gegevens laden…</p>;
  const importById = new Map(data.imports.map((i) => [i.id, i]));
  return (
    <section className="page coverage-page" aria-labelledby="coverage-title">
      <div className="page-header">
        <h2 id="coverage-title">Gegevens van {data.meta.naam}</h2>
      </div>
      <p className="page-summary">
        Nieuwste cijfers: {data.meta.newestMonth ? month(data.meta.newestMonth) : 'geen'}
        {data.meta.newestMonth && !data.meta.newestMonthReal ? ' (een jaarcijfer; er zijn geen maandcijfers)' : ''}.
      </p>
      <ul className="hint-list">
        {data.meta.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      {(['buurt', 'wijk', 'gemeente'] as const).map((level) => (
        // Focusable so keyboard users can scroll a table wider than the screen.
        <div key={level} className="table-scroll" tabIndex={0} role="region" aria-label={`Gegevens per jaar: ${LEVEL[level].toLowerCase()}`}>
          <table className="area-table">
          <caption>{`${LEVEL[level]}: wat is echt, wat is DEMO, wat ontbreekt`}</caption>
          <thead>
            <tr>
              <th scope="col">Cijfer</th>
              {data.meta.years.map((y) => (
                <th scope="col" key={y}>{y}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.filter((r) => r.level === level).map((r) => (
              <tr key={r.measure}>
                <th scope="row">{r.label}</th>
                {r.years.map((c) => {
                  const source = c.importId !== null ? importById.get(c.importId)?.source : undefined;
                  const partial = c.status !== 'missing' && c.status !== 'demo' && c.realAreas < r.areas ? ` (${c.realAreas.toLocaleString('nl-NL')} van ${r.areas.toLocaleString('nl-NL')})` : '';
                  return (
                    <td key={c.year} className={`coverage-${c.status}`} title={`${c.year}: ${STATUS[c.status].long}${source ? `. Bron: ${source}` : ''}`}>
                      {STATUS[c.status].short}
                      {partial}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          </table>
        </div>
      ))}
      <h3>Grenzen</h3>
      <p className="coverage-boundaries">{BOUNDARIES[data.meta.boundaries]}</p>
      <h3>Bronnen en imports</h3>
      <ol className="coverage-imports">
        {[...data.imports].reverse().map((i) => (
          <li key={i.id}>
            {dateTime(i.importedAt)}: {i.source}
            {i.periods.length ? `, ${i.periods.length > 2 ? `${i.periods[0]} t/m ${i.periods.at(-1)}` : i.periods.join(' t/m ')}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
