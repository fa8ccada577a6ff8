// The "Vergelijking" page: the gemeente against a benchmark group, per year, as a ranked bar chart and a table,
// and its development over all years (BenchmarkTrend).
import { useId } from 'react';
import type { BenchmarkResponse } from '../../api/client.ts';
import { formatNumber } from '../../lib/format.ts';
import { BenchmarkChart, benchmarkWhat } from './BenchmarkChart.tsx';
import { BenchmarkTrend } from './BenchmarkTrend.tsx';
import { ScrollTable } from '../area-table/TableParts.tsx';

export interface BenchmarkPageProps {
  data: BenchmarkResponse | null;
  error: string | null;
  group: string;
  year: number | null;
  category: string;
  onChange: (patch: { groep?: string; benchmarkYear?: number | null; category?: string }) => void;
}

const FALLBACK_GROUPS: { id: string; label: string }[] = [];

export function BenchmarkPage({ data, error, group, year, category, onChange }: BenchmarkPageProps) {
  const id = useId();
  const groups = data?.meta.groups ?? FALLBACK_GROUPS;
  const years = data?.meta.years ?? [];
  const shownYear = year ?? data?.meta.year ?? null;
  const self = data?.rows.find((r) => r.isSelf);
  const what = data ? benchmarkWhat(data.meta) : '';
  return (
    <section className="page benchmark-page" aria-labelledby="benchmark-title">
      <div className="page-header">
        <h2 id="benchmark-title">Vergelijking met andere gemeenten</h2>
      </div>
      <form className="filters benchmark-filters" onSubmit={(e) => e.preventDefault()} aria-label="Vergelijking instellen">
        <div className="field">
          <label htmlFor={`${id}-group`}>Groep</label>
          <select id={`${id}-group`} value={group || data?.meta.group || ''} onChange={(e) => onChange({ groep: e.target.value })}>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-category`}>Soort misdrijf</label>
          <select id={`${id}-category`} value={data?.meta.category ?? category} disabled={!data} onChange={(e) => onChange({ category: e.target.value })}>
            {(data?.meta.categories ?? [{ code: category, naam: category === '0.0.0' ? 'Totaal misdrijven' : category }]).map((c) => (
              <option key={c.code} value={c.code}>
                {c.naam}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-year`}>Jaar</label>
          <select
            id={`${id}-year`}
            value={shownYear === null ? '' : String(shownYear)}
            disabled={years.length === 0}
            onChange={(e) => onChange({ benchmarkYear: Number(e.target.value) })}
          >
            {years.length === 0 && <option value="">{shownYear ?? '…'}</option>}
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </form>
      {error && (
        <p className="error" role="alert">
          Vergelijking kon niet worden geladen: {error}
        </p>
      )}
      {!data && !error && <p className="hint">Vergelijking wordt geladen…</p>}
      {data && (
        <>
          <p className="page-summary">
            {what} per 1.000 inwoners, {data.meta.year}.{' '}
            {self && (
              <>
                <strong>{self.naam}</strong>: {formatNumber(self.ratePer1000, 1)} (plaats {self.rank} van {data.rows.length});
              </>
            )}{' '}
            gemiddelde {data.meta.groupLabel}: {formatNumber(data.average.ratePer1000, 1)} ({data.average.members} gemeenten, gewogen).
          </p>
          <figure className="benchmark-figure">
            <BenchmarkChart data={data} />
            <figcaption className="hint">
              ▶ en vet: eigen gemeente. Rode stippellijn: gewogen gemiddelde van de groep (som misdrijven / som inwoners).
            </figcaption>
          </figure>
          <ScrollTable label="Tabel: vergelijking per gemeente" caption={`${what} per 1.000 inwoners, ${data.meta.year}: ${data.meta.groupLabel}`}>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Plaats
                </th>
                <th scope="col">Gemeente</th>
                <th scope="col" className="num">
                  Misdrijven
                </th>
                <th scope="col" className="num">
                  Inwoners ({data.meta.populationYear})
                </th>
                <th scope="col" className="num current-measure">
                  Per 1.000 inwoners
                </th>
                <th scope="col">Opmerking</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.code} className={r.isSelf ? 'selected' : undefined}>
                  <td className="num">{r.rank ?? '–'}</td>
                  <th scope="row">{r.isSelf ? <strong>{r.naam} (eigen gemeente)</strong> : r.naam}</th>
                  <td className="num">{formatNumber(r.count)}</td>
                  <td className="num">{formatNumber(r.population)}</td>
                  <td className="num current-measure">{formatNumber(r.ratePer1000, 1)}</td>
                  <td>{[r.inGroup ? null : 'telt niet mee in het gemiddelde', r.note ?? null].filter(Boolean).join('; ')}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td />
                <th scope="row">Gemiddelde ({data.average.members} groepsleden)</th>
                <td className="num">{formatNumber(data.average.count)}</td>
                <td className="num">{formatNumber(data.average.population)}</td>
                <td className="num current-measure">{formatNumber(data.average.ratePer1000, 1)}</td>
                <td>gewogen</td>
              </tr>
            </tfoot>
          </ScrollTable>
          <BenchmarkTrend data={data} headingId={`${id}-trend`} />
          <ul className="page-notes">
            {data.meta.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
            <li>Groep: {data.meta.groupSource}</li>
          </ul>
          <p className="source-credit">Bron: {data.meta.bron}</p>
        </>
      )}
    </section>
  );
}

