// The wijk's most recent registrations: filter by type, sort by date or street; each row names its buurt (and the
// time when the extract has one), and its date centres the map on the point.
import { useId, useMemo, useState } from 'react';
import type { MyWijkResponse } from '../../api/client.ts';
import { formatDate } from '../../lib/format.ts';

export type RecentRegistration = MyWijkResponse['recent'][number];
type Order = 'datum' | 'straat';

const timeOf = (datum: string) => (/T(\d\d):(\d\d)/.exec(datum)?.slice(1, 3).join(':') ?? null);

export function RecentRegistrations({ recent, onShow }: { recent: RecentRegistration[]; onShow: (r: RecentRegistration) => void }) {
  const id = useId();
  const [soort, setSoort] = useState('');
  const [order, setOrder] = useState<Order>('datum');
  const kinds = useMemo(() => [...new Set(recent.map((r) => r.soort))].sort((a, b) => a.localeCompare(b, 'nl')), [recent]);
  const rows = useMemo(() => {
    const shown = recent.filter((r) => !soort || r.soort === soort);
    return order === 'datum' ? shown : [...shown].sort((a, b) => a.straat.localeCompare(b.straat, 'nl') || b.datum.localeCompare(a.datum));
  }, [recent, soort, order]);
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Recente registraties</h3>
      <div className="recent-controls">
        <div className="field">
          <label htmlFor={`${id}-soort`}>Soort</label>
          <select id={`${id}-soort`} value={soort} onChange={(e) => setSoort(e.target.value)}>
            <option value="">Alle soorten ({recent.length})</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-order`}>Volgorde</label>
          <select id={`${id}-order`} value={order} onChange={(e) => setOrder(e.target.value as Order)}>
            <option value="datum">Nieuwste eerst</option>
            <option value="straat">Straat (A–Z)</option>
          </select>
        </div>
      </div>
      <table className="breakdown recent-table window-table">
        <caption className="visually-hidden">Meest recente registraties in de wijk</caption>
        <thead>
          <tr>
            <th scope="col">Datum</th>
            <th scope="col">Straat en buurt</th>
            <th scope="col">Soort</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const time = timeOf(r.datum);
            return (
              <tr key={r.registratienummer}>
                <td>
                  {/* The date is the way to the point: a narrow panel has no room for another column. */}
                  <button type="button" className="link-button" onClick={() => onShow(r)} aria-label={`Toon op de kaart: ${r.soort}, ${r.straat}, ${formatDate(r.datum, 'short')}`}>
                    {formatDate(r.datum, 'short')}
                  </button>
                  {time && <span className="cell-note">{time} uur</span>}
                </td>
                <td>
                  {r.straat}
                  <span className="cell-note">{r.buurtNaam}</span>
                </td>
                <td>
                  {r.soort}
                  {r.demo && <span className="flag flag-demo recent-demo">DEMO</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {rows.length === 0 && <p className="hint">Geen recente registraties van deze soort.</p>}
    </section>
  );
}
