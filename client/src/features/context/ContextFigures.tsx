// CBS kerncijfers of one area for the area panel: a small definition list with year and source.
import type { ContextResponse } from '../../api/client.ts';
import { formatNumber, compareNl } from '../../lib/format.ts';
import { AreaNameCell, ScrollTable } from '../area-table/TableParts.tsx';

type ContextMeta = ContextResponse['meta'];
type ContextRow = ContextResponse['rows'][number];

/** Decimals per unit: counts whole, percentages and household size one decimal. */
export function contextDecimals(unit: string): number {
  return unit === 'percentage' || unit === 'personen' ? 1 : 0;
}

export function formatContextValue(value: number | null, unit: string): string {
  if (value === null) return '–';
  const n = formatNumber(value, contextDecimals(unit));
  return unit === 'percentage' ? `${n} %` : n;
}

export function ContextFigures({ meta, row }: { meta: ContextMeta; row: ContextRow | null }) {
  if (!row) return null;
  const shown = meta.indicators.filter((i) => row.values[i.key] !== null && row.values[i.key] !== undefined);
  return (
    <section className="context-figures" aria-labelledby="context-figures-title">
      <h3 id="context-figures-title">Kerncijfers {meta.year}</h3>
      {shown.length === 0 ? (
        <p className="hint">Geen kerncijfers voor dit gebied.</p>
      ) : (
        <dl className="context-list">
          {shown.map((i) => (
            <div key={i.key}>
              <dt>{i.label}</dt>
              <dd>{formatContextValue(row.values[i.key], i.unit)}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="hint">Bron: {meta.bron.replace(/, via GEODATA_SOURCE_DIR$/, '')}.</p>
    </section>
  );
}

export interface ContextTableProps {
  response: ContextResponse;
  indicator: string;
  caption: string;
  selected: string | null;
  onSelect: (code: string) => void;
}

/** The non-map alternative for the "Kerncijfers" map: the chosen figure first, then the others that have values. */
export function ContextTable({ response, indicator, caption, selected, onSelect }: ContextTableProps) {
  const chosen = response.meta.indicators.find((i) => i.key === indicator);
  const others = response.meta.indicators.filter((i) => i.key !== indicator && response.meta.available.includes(i.key));
  const columns = chosen ? [chosen, ...others] : others;
  const rows = [...response.rows].sort((a, b) => compareNl(a.naam, b.naam));
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Naam</th>
          {columns.map((c) => (
            <th key={c.key} scope="col" className={`num ${c.key === indicator ? 'current-measure' : ''}`}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code} className={r.code === selected ? 'selected' : undefined}>
            <AreaNameCell code={r.code} naam={r.naam} selected={selected} onSelect={onSelect} />
            {columns.map((c) => (
              <td key={c.key} className={`num ${c.key === indicator ? 'current-measure' : ''}`}>
                {formatContextValue(r.values[c.key], c.unit)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
