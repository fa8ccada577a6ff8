// The shapes the API speaks. Routes return these; the client imports them as types only.
// Field names are a public contract (see README "API"): change them only with a version bump.
import type { Basemap } from './basemap.ts';

/** The area levels, finest first: the one declaration of the level vocabulary on the server. */
export const LEVELS = ['buurt', 'wijk', 'gemeente'] as const;
export type Level = (typeof LEVELS)[number];

/** The levels with polygons and neighbours (the gemeente level is a single area). */
export const MAP_LEVELS = ['buurt', 'wijk'] as const satisfies readonly Level[];
export type MapLevel = (typeof MAP_LEVELS)[number];

/** Measures the map can colour by. Keys are the field names of StatsRow. */
export type Measure = 'count' | 'ratePer1000' | 'ratePer1000Smoothed' | 'densityPerKm2' | 'changePct';

export type AreaFlag =
  | 'lowPopulation' // fewer than LOW_POPULATION inhabitants: raw rate per 1,000 is unreliable
  | 'noPopulation' // CBS reports 0 or no inhabitants: no rate at all
  | 'withheld' // at least one month/type cell in the period was withheld by CBS/Politie
  | 'visitors' // city centre: many visitors, rate per resident overstates risk
  | 'demo' // (part of) the figures are generated demo data
  | 'noData' // no registrations known for this area in the period
  | 'suppressed'; // a small count (1 up to the threshold) hidden for a public screen

export interface Gemeente {
  code: string; // GM0935
  naam: string;
}

export interface Category {
  code: string; // '1.1.1', '0.0.0', or a group id such as 'HIC'
  naam: string;
  groep: string; // main group code, e.g. '1' (Vermogen/geweld) ; 'samengesteld' for composites
  kind: 'type' | 'group';
  /** For groups: the crime types it sums. */
  members?: string[];
}

export interface StatsRow {
  code: string;
  naam: string;
  wijkcode?: string;
  count: number | null;
  population: number | null;
  ratePer1000: number | null;
  ratePer1000Smoothed: number | null;
  densityPerKm2: number | null;
  changePct: number | null;
  previousCount: number | null;
  /** The change against a year earlier is more than chance: exact conditional binomial test for two
   *  Poisson counts, two-sided, 5 % (domain/significance.ts); null when a count is unknown or hidden. */
  changeSignificant: boolean | null;
  flags: AreaFlag[];
  /** Set when a small count was hidden (presentation role). */
  suppressed?: boolean;
}

export interface StatsMeta {
  demo: boolean;
  bron: string;
  gemeente: string;
  level: Level;
  category: string;
  categoryNaam: string;
  from: string; // YYYY-MM
  to: string;
  previousFrom: string;
  previousTo: string;
  populationYear: number;
  lowPopulationThreshold: number;
  /** Gemeente-wide rate per 1,000 (the prior mean of the smoothing) */
  referenceRatePer1000: number | null;
  notes: string[];
}

export interface StatsResponse {
  meta: StatsMeta;
  rows: StatsRow[];
}

export interface SeriesPoint {
  month: string; // YYYY-MM
  count: number | null;
  demo: boolean;
  withheld: boolean;
  /** Set when a small count was hidden (presentation role). */
  suppressed?: boolean;
}

/** Registrations of one crime type in an area over a period. */
export interface TypeCount {
  code: string;
  naam: string;
  /** null = a small count hidden (presentation role). */
  count: number | null;
  suppressed?: boolean;
}

/** Registered crime of a gemeente in one calendar year (real yearly figures, never a demo split). */
export interface YearlyPoint {
  year: number;
  /** null: not published (CBS withheld a cell of it) or a small count hidden (presentation role). */
  count: number | null;
  withheld: boolean;
  /** Set when a small count was hidden (presentation role), as on a SeriesPoint. */
  suppressed?: boolean;
}

/** A gemeente's real yearly figures: of the selected category where the gemeente table has it, else of all crime. */
export interface YearlySeries {
  /** Which table and what it counts, in Dutch. */
  bron: string;
  /** The category the points count: the selected one, or '0.0.0' (all crime) when no yearly figures exist for it. */
  category: string;
  categoryNaam: string;
  points: YearlyPoint[];
}

export interface SeriesResponse {
  /** `demo`: some month of the series is (partly) generated; `breakdownDemo`: the breakdown by type is. */
  meta: { demo: boolean; breakdownDemo: boolean; bron: string; code: string; naam: string; category: string; categoryNaam: string; from: string; to: string };
  /** Monthly counts over all months with data. */
  series: SeriesPoint[];
  /** Count per crime type over the requested period (for the category breakdown). */
  breakdown: TypeCount[];
  /** Per calendar year, for a gemeente and a crime category; null for a buurt or wijk and for nuisance. */
  yearly: YearlySeries | null;
}

/** GET /api/config: the settings the client reads before its first data request. */
export interface ClientConfig {
  /** MapLibre style of the background map when one is configured as a style ('' otherwise). */
  basemapStyleUrl: string;
  /** The background map the map opens with (a raster template, a style, or none). */
  basemap: Basemap;
  /** What the map's basemap control offers: the PDOK maps, the configured one, and none. */
  basemaps: Basemap[];
  /** The gemeente the app opens on (DEFAULT_GEMEENTE). */
  defaultGemeente: string;
  /** Counts from 1 up to this are hidden for presentations (SUPPRESSION_THRESHOLD). */
  suppressionThreshold: number;
  /** Areas with fewer inhabitants get the lowPopulation flag (LOW_POPULATION_THRESHOLD). */
  lowPopulationThreshold: number;
  /** The first and last month with data (YYYY-MM), over the whole country. */
  months: { first: string; last: string };
  /**
   * Version of the country's vector tiles (part of every tile URL, see tileUrlTemplate): the country map asks for its
   * tiles straight away instead of reading the TileJSON first. Null when the country's boundaries are not built.
   */
  tileVersion: string | null;
}

export interface ApiError {
  error: string;
  parameter?: string;
  details?: unknown;
}
