// The non-map alternative: a sortable table with the same numbers as the map.
import { useDeferredValue, useMemo, useState } from 'react';
import type { Measure, StatsRow } from '../../../../server/src/domain/model.ts';
import { changeLine } from '../../lib/changeText.ts';
import { formatNumber, compareNl } from '../../lib/format.ts';
import { FLAG_WORDS } from '../../lib/flags.ts';
import { unclassed } from '../../lib/unclassed.ts';
import { AreaNameCell, ScrollTable } from './TableParts.tsx';

type SortKey = 'naam' | 'code' | 'population' | Measure;
type Direction = 'ascending' | 'descending';

const isMeasure = (key: SortKey): key is Measure => key !== 'naam' && key !== 'code' && key !== 'population';

interface Column {
  key: SortKey;
  label: string;
  numeric: boolean;
  render: (r: StatsRow) => string;
}

const COLUMNS: Column[] = [
  { key: 'naam', label: 'Naam', numeric: false, render: (r) => r.naam },
  { key: 'code', label: 'Code', numeric: false, render: (r) => r.code },
  { key: 'count', label: 'Aantal', numeric: true, render: (r) => formatNumber(r.count) },
  { key: 'population', label: 'Inwoners', numeric: true, render: (r) => formatNumber(r.population) },
  { key: 'ratePer1000', label: 'Per 1.000 inwoners', numeric: true, render: (r) => formatNumber(r.ratePer1000, 1) },
  { key: 'ratePer1000Smoothed', label: 'Per 1.000 (EB)', numeric: true, render: (r) => formatNumber(r.ratePer1000Smoothed, 1) },
  { key: 'densityPerKm2', label: 'Per km²', numeric: true, render: (r) => formatNumber(r.densityPerKm2, 1) },
  {
    key: 'changePct',
    label: 'Verandering %',
    numeric: true,
    // Said in the cell, not only by the map's grey: "+50,0 %" on 3 against 2 says nothing, so the cell gives the
    // counts and why; a percentage that chance explains says so.
    render: (r) => changeLine(r),
  },
];

export interface AreaTableProps {
  rows: StatsRow[];
  caption: string;
  selected: string | null;
  /** The measure on the map; its column is highlighted and the table opens sorted by it, highest first. */
  measure: Measure;
  onSelect: (code: string) => void;
}

/**
 * Sorts rows; missing values always go last, whatever the direction, and just before them the areas the
 * map gives no class for this measure (15 inhabitants, a change against too few registrations or one that chance
 * explains), so a "highest first"
 * list never opens with a number that says nothing.
 */
export function sortRows(rows: StatsRow[], key: SortKey, dir: Direction): StatsRow[] {
  const sign = dir === 'ascending' ? 1 : -1;
  if (key === 'naam' || key === 'code') {
    return [...rows].sort((a, b) => sign * compareNl(a[key], b[key]));
  }
  // Numbers: each row's place (0 classed, 1 without a class for this measure, 2 without a class and without a value,
  // such as a change against 0, 3 no data) and signed value are read once into typed arrays, and the comparator only
  // compares those (14,500 buurten: about 200,000 comparisons).
  const n = rows.length;
  const place = new Uint8Array(n);
  const value = new Float64Array(n);
  rows.forEach((r, i) => {
    const v = r[key];
    const reason = isMeasure(key) ? unclassed(r, key) : null;
    if (v === null || v === undefined) place[i] = reason !== null ? 2 : 3;
    else {
      place[i] = reason !== null ? 1 : 0;
      value[i] = sign * v;
    }
  });
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => place[a] - place[b] || (place[a] >= 2 ? 0 : value[a] - value[b]));
  return order.map((i) => rows[i]);
}

export function AreaTable({ rows: shownRows, caption: shownCaption, selected, measure: shownMeasure, onSelect }: AreaTableProps) {
  // The map recolours first; the table (sorting and redrawing up to 14,500 rows) follows in a render of its own that
  // React may interrupt, so a measure change is not held up by the list under the map (recolourTiles). Its caption
  // follows with it: it never names a measure the columns do not show yet.
  // New rows (the first figures, another level) likewise: the map is coloured before the table fills.
  const measure = useDeferredValue(shownMeasure);
  const caption = useDeferredValue(shownCaption);
  const rows = useDeferredValue(shownRows);
  // The user's own choice holds until the map shows another measure; then the table follows the map.
  const [chosen, setChosen] = useState<{ key: SortKey; dir: Direction; forMeasure: Measure } | null>(null);
  const sort = chosen && chosen.forMeasure === measure ? chosen : { key: measure as SortKey, dir: 'descending' as Direction };
  const sorted = useMemo(() => sortRows(rows, sort.key, sort.dir), [rows, sort.key, sort.dir]);
  // A whole country has 14,500 buurten: render them a page at a time so the page stays responsive
  // (sorting still covers every row). The selected area is always shown.
  const [limit, setLimit] = useState(PAGE_SIZE);
  const visible = useMemo(() => {
    const head = sorted.slice(0, limit);
    const sel = selected && !head.some((r) => r.code === selected) ? sorted.find((r) => r.code === selected) : undefined;
    return sel ? [...head, sel] : head;
  }, [sorted, limit, selected]);

  const toggle = (key: SortKey, numeric: boolean) =>
    setChosen({
      key,
      dir: sort.key === key ? (sort.dir === 'ascending' ? 'descending' : 'ascending') : numeric ? 'descending' : 'ascending',
      forMeasure: measure,
    });

  // Below the table, inside its scroll region: how many rows show and a button for more.
  const more = sorted.length > limit && (
    <p className="table-more">
      {formatNumber(limit)} van {formatNumber(sorted.length)} rijen getoond.{' '}
      <button type="button" onClick={() => setLimit((l) => l + PAGE_SIZE * 4)}>
        Toon {formatNumber(Math.min(PAGE_SIZE * 4, sorted.length - limit))} rijen meer
      </button>
    </p>
  );
  return (
    <ScrollTable caption={caption} after={more}>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th
              key={c.key}
              scope="col"
              aria-sort={sort.key === c.key ? sort.dir : undefined}
              className={`${c.numeric ? 'num' : ''} ${c.key === measure ? 'current-measure' : ''}`}
            >
              <button type="button" className="sort-button" onClick={() => toggle(c.key, c.numeric)}>
                {c.label}
                <span className="sort-icon" aria-hidden="true">
                  {sort.key === c.key ? (sort.dir === 'ascending' ? '▲' : '▼') : '⇅'}
                </span>
              </button>
            </th>
          ))}
          <th scope="col">Signalen</th>
        </tr>
      </thead>
      <tbody>
        {visible.map((r) => (
          <tr key={r.code} className={r.code === selected ? 'selected' : undefined}>
            {COLUMNS.map((c) =>
              c.key === 'naam' ? (
                <AreaNameCell key={c.key} code={r.code} naam={r.naam} selected={selected} onSelect={onSelect} />
              ) : (
                <td key={c.key} className={`${c.numeric ? 'num' : ''} ${c.key === measure ? 'current-measure' : ''}`}>
                  {c.render(r)}
                </td>
              ),
            )}
            <td className="flags">
              {r.flags.map((f) => (
                <span key={f} className={`flag flag-${f}`}>
                  {FLAG_WORDS[f]}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

const PAGE_SIZE = 250;

