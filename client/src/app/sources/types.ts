// One interface for everything that can colour the map (police figures, the Veiligheidsmonitor, both crossed,
// CBS kerncijfers). The map page and presentation mode both build a SourceView from the registry, so a source is
// written once: its data, colours, legend, table, tooltip and titles.
import type { ReactNode } from 'react';
import type { Measure } from '../../../../server/src/domain/model.ts';
import type { ContextResponse, ScopedStatsResponse, SurveyResponse } from '../../api/client.ts';
import type { TooltipContent } from '../../features/map/MapView.tsx';
import type { ClassMethod, Classification } from '../../lib/classes.ts';
import type { AreaLevel } from '../../lib/level.ts';
import type { MapSource } from '../urlState.ts';
import type { Registrations } from '../../lib/measures.ts';

/** Used only while the server's configuration cannot be read; the server hides small counts itself anyway. */
export const FALLBACK_SUPPRESSION_THRESHOLD = 4;

/** The answers a source may need; each is null until it is in and fits the gemeente and level on the map. */
export interface SourceData {
  stats: ScopedStatsResponse | null;
  survey: SurveyResponse | null;
  context: ContextResponse | null;
}

export interface SourceContext {
  /** 'presentation': a public screen (no per-class tallies, tables of the focus only, no selection). */
  mode: 'screen' | 'presentation';
  gemeente: string;
  gemeenteNaam: string;
  level: AreaLevel;
  categoryNaam: string;
  /** What the category counts: crimes or nuisance registrations (names the measure). */
  registrations: Registrations;
  /** The period as the mode writes it ("jan–dec 2024" on screen, long in presentations). */
  period: string;
  measure: Measure;
  method: ClassMethod;
  classes: number;
  fixed: boolean;
  breaks: number[];
  indicator: string;
  kern: string;
  /** Every area of the level in the geometry, so areas without a value show as "geen gegevens". */
  codes: readonly string[];
  /** Figures restricted to an attention area: areas outside it stay neutral instead of "geen gegevens". */
  restricted: boolean;
  /** Presentation: whether the police colours are switched on for this step. */
  choropleth: boolean;
  /** Presentation: which rows belong in the table beside the map. */
  inFocus: (row: { code: string; wijkcode?: string | null }) => boolean;
  /** Counts from 1 up to this are hidden on a public screen (the server's threshold). */
  suppressionThreshold: number;
  /** Presentation: legend lines added below the source's own (e.g. the hotspot key). */
  legendExtra?: ReactNode;
}

export interface TableProps {
  selected: string | null;
  onSelect: (code: string) => void;
}

export interface SourceView {
  /** The source's answer is in and coloured. */
  ready: boolean;
  /** code -> fill; null = no data (hatched). */
  colours: Map<string, string | null>;
  /** The police measure's classes (the filters' fixed and manual bounds, the map export); null for other sources. */
  classification: Classification | null;
  decimals: number;
  legend: ReactNode;
  table: (p: TableProps) => ReactNode;
  tooltip: (code: string) => TooltipContent | null;
  /** Screen-reader title of the map. */
  title: string;
  /** What the map shows, after the gemeente name in the header. */
  subtitle: string;
  /** What is on the map, for the test hook: "gemeente|level|..." (null while not ready). */
  shown: string[] | null;
  /** The figures include generated DEMO values. */
  demo: boolean;
}

export interface MapSourceModule {
  id: MapSource;
  label: string;
  hint: string;
  needs: { stats: boolean; survey: boolean; context: boolean };
  /** The map can be saved as a picture with this source's legend. */
  exportable: boolean;
  /** Whether the source can be offered (kerncijfers only where CBS has figures for the gemeente). */
  available: (data: SourceData) => boolean;
  build: (data: SourceData, ctx: SourceContext) => SourceView;
}

/** A class scale's colour for every area of the level; areas without a value null. */
export function colourAll(codes: readonly string[], fill: string | null = null): Map<string, string | null> {
  const m = new Map<string, string | null>();
  for (const code of codes) m.set(code, fill);
  return m;
}

export function levelWords(level: AreaLevel): { plural: string; title: string } {
  return level === 'buurt' ? { plural: 'buurten', title: 'Buurt' } : level === 'wijk' ? { plural: 'wijken', title: 'Wijk' } : { plural: 'gemeenten', title: 'Gemeente' };
}
