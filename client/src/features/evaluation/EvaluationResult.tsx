// One evaluation: the estimate in a Dutch sentence with its uncertainty, displacement to the
// neighbouring buurten, treated against control in a chart and a table, and how it was computed.
import type { EvaluationResponse } from '../../api/client.ts';
import { formatMonth, formatNumber } from '../../lib/format.ts';
import { EvaluationChart } from './EvaluationChart.tsx';

export function EvaluationResult({ data, names }: { data: EvaluationResponse; names: Map<string, string> }) {
  const { meta } = data;
  const nameList = (codes: string[]) => codes.map((c) => names.get(c) ?? c).join(', ');
  return (
    <section className="evaluation-result" aria-labelledby="evaluatie-resultaat-titel">
      <h3 id="evaluatie-resultaat-titel">{meta.name}</h3>
      {meta.demo && (
        <p className="demo-label">
          <strong>DEMO</strong> – de maandcijfers in deze periode zijn (deels) gegenereerd. Deze evaluatie zegt niets over het werkelijke effect.
        </p>
      )}
      <p className="evaluation-sentence">
        <strong>{data.sentence}</strong>
      </p>
      <p>{data.displacement.sentence}</p>
      <dl className="evaluation-facts">
        <dt>Aanpakbuurten</dt>
        <dd>{nameList(data.treated.codes)}</dd>
        <dt>Periode</dt>
        <dd>
          {formatMonth(meta.preFrom, 'long')} t/m {formatMonth(meta.preTo, 'long')} (vóór) tegenover {formatMonth(meta.postFrom, 'long')} t/m {formatMonth(meta.postTo, 'long')} (na)
        </dd>
        <dt>Vergelijkingsbuurten</dt>
        <dd>{data.control.codes.length > 0 ? nameList(data.control.codes) : 'geen'}</dd>
        {data.displacement.codes.length > 0 && (
          <>
            <dt>Buurbuurten (verplaatsing)</dt>
            <dd>{nameList(data.displacement.codes)}</dd>
          </>
        )}
      </dl>
      {data.treated.series.length > 0 && <EvaluationChart data={data} />}
      {data.treated.series.length > 0 && (
        <div className="scroll-table" role="region" aria-labelledby="evaluatie-tabel-titel" tabIndex={0}>
          <table>
            <caption id="evaluatie-tabel-titel">Aantal per maand: aanpakbuurten en vergelijkingsbuurten</caption>
            <thead>
              <tr>
                <th scope="col">Maand</th>
                <th scope="col">Periode</th>
                <th scope="col">Aanpakbuurten</th>
                <th scope="col">Vergelijkingsbuurten (geschaald)</th>
              </tr>
            </thead>
            <tbody>
              {data.treated.series.map((p, i) => (
                <tr key={p.month}>
                  <th scope="row">{formatMonth(p.month, 'long')}</th>
                  <td>{p.period === 'voor' ? 'vóór de start' : 'na de start'}</td>
                  <td className="num">{p.count === null ? 'afgeschermd' : formatNumber(p.count)}</td>
                  <td className="num">{data.control.series[i]?.count == null ? 'afgeschermd' : formatNumber(data.control.series[i].count, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details>
        <summary>Hoe is dit berekend?</summary>
        <p>{meta.methodText}</p>
        {data.placebo && <p>Placebotoets: {data.placebo.method}.</p>}
        {data.notes.map((n) => (
          <p key={n}>{n}</p>
        ))}
      </details>
    </section>
  );
}
