// Saved presentations ("draaiboeken"): an ordered list of map views an analist prepares for a
// stadsdeel meeting, in the same SQLite file as everything else (own table).
import type { Level, Measure } from '../domain/model.ts';

export type PresentationLayer = 'choropleth' | 'hotspots' | 'survey' | 'bivariate';

export interface PresentationView {
  title: string;
  caption: string;
  /** The area in focus; `gemeente` is derived from the codes on the server. */
  focus: { level: Level; codes: string[]; gemeente: string };
  /**
   * The level of the areas the step colours, as it was built. Absent in presentations saved before it
   * was kept: those showed a whole gemeente as wijken and anything smaller as buurten.
   */
  level?: 'buurt' | 'wijk';
  measure: Measure;
  category: string;
  from: string; // YYYY-MM
  to: string;
  layers: PresentationLayer[];
}

export interface PresentationInput {
  title: string;
  /** The gemeente of the first view; used to list a gemeente's presentations. */
  gemeente: string;
  views: PresentationView[];
  /** Others may open it (default true: a presentation is made to be shown). */
  shared?: boolean;
}

export interface Presentation extends PresentationInput {
  id: number;
  /** Username of whoever saved it (null: saved before owners were recorded). */
  createdBy: string | null;
  shared: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PresentationStore {
  create(input: PresentationInput, createdBy: string | null): Presentation;
  list(gemeente?: string): Presentation[];
  get(id: number): Presentation | undefined;
  /** undefined when the id does not exist */
  update(id: number, input: PresentationInput): Presentation | undefined;
  /** true when something was deleted */
  delete(id: number): boolean;
}
