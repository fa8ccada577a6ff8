// The building blocks every table of areas shares (the map's table, survey, bivariate, kerncijfers, hotspots,
// ranking, benchmark; the Beheer page's tables too, through AdminTable): one keyboard-scrollable, labelled region
// around a captioned table, and the row header that selects its area. One place, so the accessibility details
// cannot drift apart between tables.
import type { ReactNode, Ref } from 'react';

export interface ScrollTableProps {
  caption: string;
  /** Accessible name of the scroll region; default "Tabel: <caption>". */
  label?: string;
  /** Extra class names on the table, besides `area-table`. */
  className?: string;
  /** Shown under the table, inside the scroll region (e.g. "show more rows"). */
  after?: ReactNode;
  /** The scroll region, for a caller that moves focus to the table after an action. */
  ref?: Ref<HTMLDivElement>;
  children: ReactNode;
}

export function ScrollTable({ caption, label, className, after, ref, children }: ScrollTableProps) {
  return (
    // Focusable so keyboard users can scroll a table wider than the screen (WCAG 2.1.1).
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label ?? `Tabel: ${caption}`} ref={ref}>
      <table className={className ? `area-table ${className}` : 'area-table'}>
        <caption>{caption}</caption>
        {children}
      </table>
      {after}
    </div>
  );
}

export interface AreaNameCellProps {
  code: string;
  naam: string;
  selected: string | null;
  onSelect: (code: string) => void;
}

/** Row header with the area's name as a button that opens its panel (pressed while that area is selected). */
export function AreaNameCell({ code, naam, selected, onSelect }: AreaNameCellProps) {
  return (
    <th scope="row">
      <button type="button" className="link-button" aria-pressed={code === selected} onClick={() => onSelect(code)}>
        {naam}
      </button>
    </th>
  );
}
