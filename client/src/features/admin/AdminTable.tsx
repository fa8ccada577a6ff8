// The Beheer page's tables (accounts, plan indicators and versions, imports, refused lines, audit trail):
// ScrollTable's labelled, keyboard-scrollable region and caption, column headers with their scope, one row per
// item and an optional last column for the row's buttons, so the panels only say what goes in the cells.
import type { ReactNode, Ref } from 'react';
import { ScrollTable } from '../area-table/TableParts.tsx';

export interface AdminTableProps<T> {
  caption: string;
  /** Accessible name of the scroll region. */
  label: string;
  /** Headers of the data columns, in order. */
  columns: readonly string[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** The row's data cells (a `th scope="row"` among them where the row has a name). */
  cells: (row: T, index: number) => ReactNode;
  /** The last column's content: buttons on the row. */
  actions?: (row: T, index: number) => ReactNode;
  /** Visible header of the actions column; without it the header is "Acties" for screen readers only. */
  actionsHeader?: string;
  actionsClassName?: string;
  ref?: Ref<HTMLDivElement>;
}

export function AdminTable<T>({ caption, label, columns, rows, rowKey, cells, actions, actionsHeader, actionsClassName, ref }: AdminTableProps<T>) {
  return (
    <ScrollTable caption={caption} label={label} ref={ref}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
          {actions && <th scope="col">{actionsHeader ?? <span className="visually-hidden">Acties</span>}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={rowKey(row)}>
            {cells(row, i)}
            {actions && <td className={actionsClassName}>{actions(row, i)}</td>}
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
