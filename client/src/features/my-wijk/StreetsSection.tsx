// Registrations per street for the selected buurt (restricted: analist, or the wijkagent of its wijk).
import { errorText, useStreetsQuery } from '../../api/queries.ts';
import { formatNumber, formatPeriod } from '../../lib/format.ts';

const SHOWN = 10;

export interface StreetsSectionProps {
  gemeente: string;
  buurt: string;
  category: string;
  from: string;
  to: string;
}

export function StreetsSection({ gemeente, buurt, category, from, to }: StreetsSectionProps) {
  const query = useStreetsQuery({ gemeente, code: buurt, category, from, to });
  const data = query.data ?? null;
  const error = query.error ? errorText(query.error) : null;

  return (
    <section aria-labelledby={`streets-${buurt}`}>
      <h3 id={`streets-${buurt}`}>Per straat</h3>
      {error && <p className="error">Straatcijfers konden niet worden geladen: {error}</p>}
      {!data && !error && <p className="hint">Straatcijfers worden geladen…</p>}
      {data && (
        <>
          <p className="hint">
            Vertrouwelijk: alleen voor geautoriseerde medewerkers{data.meta.demo ? '. DEMO: verzonnen straatnamen' : ''}.
          </p>
          {data.rows.length === 0 ? (
            <p className="hint">Geen registraties in {formatPeriod(from, to)}.</p>
          ) : (
            <table className="breakdown">
              <caption className="visually-hidden">
                Registraties per straat in {data.meta.naam}, {formatPeriod(from, to)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Straat</th>
                  <th scope="col" className="num">
                    Aantal
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.rows.slice(0, SHOWN).map((r) => (
                  <tr key={r.straat}>
                    <th scope="row">{r.straat}</th>
                    <td className="num">{formatNumber(r.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
