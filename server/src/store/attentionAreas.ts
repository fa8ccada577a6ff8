// Attention areas (aandachtsgebieden: Veilige Buurten Aanpak, Keurmerk Veilig Ondernemen,
// cameratoezicht, handhavingshotspots): a name, a kind and the buurten they cover, with the
// uploaded polygon (WGS84) when they were defined by one. Engines: sqliteAttentionAreas.ts, postgresFeatures.ts.
import type { MultiPolygon, Polygon } from 'geojson';

export const ATTENTION_KINDS = {
  vba: 'Veilige Buurten Aanpak',
  kvo: 'Keurmerk Veilig Ondernemen',
  camera: 'Cameratoezicht',
  handhaving: 'Handhavingshotspot',
  overig: 'Overig aandachtsgebied',
} as const;
export type AttentionKind = keyof typeof ATTENTION_KINDS;

export interface AttentionAreaInput {
  name: string;
  gemeente: string;
  kind: AttentionKind;
  note?: string;
  /** The buurten the area covers (always buurt codes). */
  codes: string[];
  /** The polygon it was defined by, in WGS84; null when defined as a set of areas. */
  geometry: Polygon | MultiPolygon | null;
  /** Visible to the other accounts (default true: an aandachtsgebied is team policy); false keeps it to its
   * owner and the beheerders. */
  shared?: boolean;
}

export interface AttentionArea extends Omit<AttentionAreaInput, 'note' | 'shared'> {
  id: number;
  /** Who saved it (null: saved before owners were recorded). */
  createdBy: string | null;
  shared: boolean;
  kindNaam: string;
  note: string;
  source: 'codes' | 'geometry';
  createdAt: string;
}

export interface AttentionAreaStore {
  create(input: AttentionAreaInput, createdBy: string | null): AttentionArea;
  list(gemeente?: string): AttentionArea[];
  get(id: number): AttentionArea | undefined;
  delete(id: number): boolean;
}
