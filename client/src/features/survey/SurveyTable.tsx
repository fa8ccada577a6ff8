// The non-map alternative for the survey map: value, confidence interval and respondents per area.
import type { SurveyResponse } from '../../api/client.ts';
import { formatNumber, compareNl } from '../../lib/format.ts';
import { AreaNameCell, ScrollTable } from '../area-table/TableParts.tsx';

const FLAG_TEXT: Record<string, string> = {
  smallSample: 'steekproef te klein',
  suppressed: 'geen waarde (< 10 respondenten)',
  noData: 'geen gegevens',
  demo: 'DEMO',
};

export interface SurveyTableProps {
  response: SurveyResponse;
  caption: string;
  selected: string | null;
  onSelect: (code: string) => void;
}

export function SurveyTable({ response, caption, selected, onSelect }: SurveyTableProps) {
  const rows = [...response.rows].sort((a, b) => compareNl(a.naam, b.naam));
  const unit = response.meta.unit === 'percentage' ? ' (%)' : ' (rapportcijfer)';
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Naam</th>
          <th scope="col">Code</th>
          <th scope="col" className="num current-measure">
            Waarde{unit}
          </th>
          <th scope="col" className="num">
            Interval (ondergrens–bovengrens)
          </th>
          <th scope="col" className="num">
            Respondenten
          </th>
          <th scope="col">Signalen</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code} className={r.code === selected ? 'selected' : undefined}>
            {/* The gemeente row has no panel of its own to open. */}
            {r.code.startsWith('GM') ? <th scope="row">{r.naam}</th> : <AreaNameCell code={r.code} naam={r.naam} selected={selected} onSelect={onSelect} />}
            <td>{r.code}</td>
            <td className="num current-measure">{formatNumber(r.value, 1)}</td>
            <td className="num">{r.lower !== null && r.upper !== null ? `${formatNumber(r.lower, 1)}–${formatNumber(r.upper, 1)}` : '–'}</td>
            <td className="num">{formatNumber(r.respondents)}</td>
            <td className="flags">
              {r.flags.map((f) => (
                <span key={f} className={`flag flag-${f}`}>
                  {FLAG_TEXT[f] ?? f}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
