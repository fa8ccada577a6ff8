// The signals of the wijkagent's own buurten for the latest month (all crime): which buurt's month is out
// of the ordinary against its own history, in one sentence each.
import { useSignalsQuery } from '../../api/queries.ts';
import { formatMonth } from '../../lib/format.ts';

export function WijkSignals({ gemeente, month, codes }: { gemeente: string; month: string; codes: string[] }) {
  const query = useSignalsQuery({ gemeente, level: 'buurt', category: '0.0.0', month });
  const data = query.data ?? null;
  const failed = query.error !== null;
  const own = new Set(codes);
  const rows = data && data.meta.gemeente === gemeente && data.meta.month === month ? data.rows.filter((r) => own.has(r.code) && r.signal !== null) : null;
  return (
    <>
      <h3>Signalen in {formatMonth(month, 'long')}</h3>
      <p className="hint">Buurten waar het aantal misdrijven duidelijk afwijkt van wat op grond van hun eigen voorgaande jaren te verwachten was.</p>
      {failed && <p className="error">De signalen konden niet worden berekend.</p>}
      {rows && rows.length === 0 && <p>Geen buurt in deze wijk met een signaal.</p>}
      {rows && rows.length > 0 && (
        <ul className="signal-list">
          {rows.map((r) => (
            <li key={r.code}>
              <span className="signal-kind">{r.signal === 'higher' ? 'Meer dan verwacht' : 'Minder dan verwacht'}:</span> {r.sentence}
            </li>
          ))}
        </ul>
      )}
      {data?.meta.demo && <p className="hint">DEMO: de maandcijfers zijn (deels) gegenereerd; deze signalen zeggen niets over de werkelijkheid.</p>}
    </>
  );
}
