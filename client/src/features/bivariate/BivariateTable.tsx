// The non-map alternative for the bivariate map: both values and the class code per area.
import { formatNumber, compareNl } from '../../lib/format.ts';
import type { BivariateResult } from './bivariate.ts';
import { AreaNameCell, ScrollTable } from '../area-table/TableParts.tsx';

export interface BivariateTableRow {
  code: string;
  naam: string;
  x: number | null;
  y: number | null;
  note?: string;
}

export interface BivariateTableProps {
  rows: BivariateTableRow[];
  result: BivariateResult | null;
  caption: string;
  xTitle: string;
  yTitle: string;
  xDecimals: number;
  yDecimals: number;
  selected: string | null;
  onSelect: (code: string) => void;
}

export function BivariateTable({ rows, result, caption, xTitle, yTitle, xDecimals, yDecimals, selected, onSelect }: BivariateTableProps) {
  const sorted = [...rows].sort((a, b) => compareNl(a.naam, b.naam));
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Naam</th>
          <th scope="col">Code</th>
          <th scope="col" className="num">
            {xTitle}
          </th>
          <th scope="col" className="num">
            {yTitle}
          </th>
          <th scope="col">Klasse</th>
          <th scope="col">Signalen</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => {
          const cls = result?.classes.get(r.code);
          return (
            <tr key={r.code} className={r.code === selected ? 'selected' : undefined}>
              <AreaNameCell code={r.code} naam={r.naam} selected={selected} onSelect={onSelect} />
              <td>{r.code}</td>
              <td className="num">{formatNumber(r.x, xDecimals)}</td>
              <td className="num">{formatNumber(r.y, yDecimals)}</td>
              <td>
                {cls ? (
                  <>
                    <span className="legend-swatch bivariate-swatch" style={{ background: cls.colour }} aria-hidden="true" /> {cls.label}
                  </>
                ) : (
                  'geen klasse'
                )}
              </td>
              <td className="flags">{r.note && <span className="flag">{r.note}</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </ScrollTable>
  );
}
