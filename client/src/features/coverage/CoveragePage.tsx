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

const dateTime = (iso: string) => new Date(iso).toLocaleString('nl-NL', { dateStyle: 'long', timeStyle: 'short' });
const month = (m: string) => new Date(`${m}-15T00:00:00Z`).toLocaleDateString('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function CoveragePage({ data, error }: { data: CoverageResponse | null; error: string | null }) {
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p>Gegevens laden…</p>;
  const importById = new Map(data.imports.map((i) => [i.id, i]));
  return (
    <section className="coverage-page" aria-labelledby="coverage-title">
      <h2 id="coverage-title">Gegevens van {data.meta.naam}</h2>
      <p>
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
