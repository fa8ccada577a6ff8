// Ranked areas with the total score and every weighted component; sortable, with a shortlist tick per row.
import { Fragment, useMemo, useState, type ReactNode } from 'react';
import type { RankingResponse } from '../../api/client.ts';
import { FLAG_WORDS } from '../../lib/flags.ts';
import { formatNumber, compareNl } from '../../lib/format.ts';
import { criterionUnit } from '../../../../server/src/domain/ranking.ts';
import { ScrollTable } from '../area-table/TableParts.tsx';

export type RankingRow = RankingResponse['rows'][number];
export type RankingCriterion = RankingResponse['meta']['criteria'][number];
/** 'rank' | 'naam' | 'score' | a criterion id */
export type RankingSortKey = string;
export type SortDir = 'ascending' | 'descending';

/** Sorts by rank, name, score or a component; unknown components always last. */
export function sortRanking(rows: RankingRow[], key: RankingSortKey, dir: SortDir): RankingRow[] {
  const sign = dir === 'ascending' ? 1 : -1;
  const value = (r: RankingRow): number | string | null =>
    key === 'rank' ? r.rank : key === 'naam' ? r.naam : key === 'score' ? r.score : (r.components[key] ?? null);
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null) return vb === null ? a.rank - b.rank : 1;
    if (vb === null) return -1;
    const c = typeof va === 'string' ? compareNl(va, vb as string) : va - (vb as number);
    return sign * c || a.rank - b.rank;
  });
}

/** Raw value of a criterion in its own unit. */
export function formatCriterionValue(id: string, v: number | null): string {
  if (v === null) return 'onbekend';
  const unit = criterionUnit(id);
  return `${unit.signed && v > 0 ? '+' : ''}${formatNumber(v, unit.decimals)}${unit.suffix}`;
}

/**
 * A column label that may wrap after a slash ("vermogenscriminaliteit/HIC"): without the hint the narrow header
 * breaks inside the long Dutch word instead.
 */
function breakableAtSlash(label: string): ReactNode {
  const parts = label.split('/');
  return parts.map((part, i) => (
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </Fragment>
  ));
}

export interface RankingTableProps {
  rows: RankingRow[];
  /** Criteria with a weight above 0, in display order. */
  criteria: RankingCriterion[];
  caption: string;
  shortlist: string[];
  onToggle: (code: string, on: boolean) => void;
}

export function RankingTable({ rows, criteria, caption, shortlist, onToggle }: RankingTableProps) {
  const [sort, setSort] = useState<{ key: RankingSortKey; dir: SortDir }>({ key: 'rank', dir: 'ascending' });
  const sorted = useMemo(() => sortRanking(rows, sort.key, sort.dir), [rows, sort]);
  const selected = new Set(shortlist);
  const toggle = (key: RankingSortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'ascending' ? 'descending' : 'ascending' } : { key, dir: key === 'rank' || key === 'naam' ? 'ascending' : 'descending' }));
  const header = (key: RankingSortKey, label: string, numeric: boolean, title?: string) => (
    <th key={key} scope="col" aria-sort={sort.key === key ? sort.dir : undefined} className={numeric ? 'num' : undefined} title={title}>
      <button type="button" className="sort-button" onClick={() => toggle(key)}>
        {breakableAtSlash(label)}
        <span className="sort-icon" aria-hidden="true">
          {sort.key === key ? (sort.dir === 'ascending' ? '▲' : '▼') : '⇅'}
        </span>
      </button>
    </th>
  );

  return (
    <ScrollTable caption={caption} className="ranking-table">
      <thead>
        <tr>
          <th scope="col">Op shortlist</th>
          {header('rank', 'Rang', true)}
          {header('naam', 'Naam', false)}
          {header('score', 'Score', true)}
          {criteria.map((c) => header(c.id, c.naam, true, c.description))}
          <th scope="col">Signalen</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={r.code} className={selected.has(r.code) ? 'selected' : undefined}>
            <td className="check-cell">
              <input type="checkbox" checked={selected.has(r.code)} onChange={(e) => onToggle(r.code, e.target.checked)} aria-label={`Op shortlist: ${r.naam}`} />
            </td>
            <td className="num">{r.rank}</td>
            <th scope="row">{r.naam}</th>
            <td className="num score-cell">
              <span className="score-bar" aria-hidden="true" style={{ width: `${Math.round(r.score * 100)}%` }} />
              <span className="score-value">{formatNumber(r.score * 100, 0)}</span>
            </td>
            {criteria.map((c) => {
              const comp = r.components[c.id];
              return (
                <td key={c.id} className="num">
                  {formatCriterionValue(c.id, r.values[c.id] ?? null)}
                  <span className="component">{comp === null || comp === undefined ? ' (telt als mediaan)' : ` · p${formatNumber(comp * 100, 0)}`}</span>
                </td>
              );
            })}
            <td className="flags">
              {r.flags.filter((f) => f !== 'demo').map((f) => (
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
