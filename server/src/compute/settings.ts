// The settings a beheerder may change in the browser without a restart, and those that stay with the
// installation. Safe to change live: the low-population threshold (only flags and smoothing of rates)
// and the basemap (a style URL; the Content-Security-Policy follows it). Not live: the suppression
// threshold and the rounding key of the disclosure control (ADR 0006) must be the same on every app
// server and over time, or two answers from before and after a change could be combined to recover a
// hidden count; the default gemeente, the database and the upload limit are the operator's.
// Every change is a version in the store (history, audit); an empty history means the environment's values.
import { z } from 'zod';
import type { StoredVersion, VersionStore } from '../store/versions.ts';
import { ApiError } from './errors.ts';
import { resolveBasemap } from '../domain/basemap.ts';

export interface LiveValues {
  /** Below this many inhabitants a rate per 1,000 is flagged as unreliable. */
  lowPopulationThreshold: number;
  /** The background map: a preset id, 'none', an XYZ template or a style URL (domain/basemap.ts). */
  basemap: string;
}

/** Read-only settings, as the beheerder's page shows them. */
export interface FixedValues {
  suppressionThreshold: number;
  defaultGemeente: string;
  database: 'ingebouwd (SQLite)' | 'PostgreSQL';
  maxUploadMb: number;
}

export interface SettingsVersion {
  id: number;
  savedBy: string | null;
  savedAt: string;
  values: LiveValues;
}

export interface SettingsAnswer {
  values: LiveValues;
  /** The environment's values, which apply until a beheerder saves others. */
  defaults: LiveValues;
  fixed: FixedValues;
  history: SettingsVersion[];
}

const liveSchema = z.object({
  lowPopulationThreshold: z.number({ error: 'verwacht een heel getal' }).int('verwacht een heel getal').min(0, 'kan niet negatief zijn').max(100_000, 'hoogstens 100.000'),
  basemap: z
    .string({ error: 'verwacht een keuze of een adres' })
    .trim()
    .max(500, 'is te lang')
    .refine((v) => resolveBasemap(v) !== null, 'verwacht een van de PDOK-kaarten, geen, of een https-adres van tegels ({z}/{x}/{y}) of van een MapLibre-stijl'),
});

const KEY = 'settings';

/** How long a server keeps the settings it read: every request asks (the boundaries' fast path too), and
 * another app server's change shows here within this time. */
const READ_EVERY_MS = 1000;

export class LiveSettings {
  private cached: { at: number; values: LiveValues } | null = null;

  constructor(private readonly defaults: LiveValues, private readonly versions: VersionStore, private readonly fixed: FixedValues, private readonly clock = Date.now) {}

  current(): LiveValues {
    const now = this.clock();
    if (this.cached && now - this.cached.at < READ_EVERY_MS) return this.cached.values;
    const v = this.versions.latest(KEY);
    this.cached = { at: now, values: v ? this.read(v) : this.defaults };
    return this.cached.values;
  }

  answer(): SettingsAnswer {
    const history = this.versions.history(KEY).map((v) => ({ id: v.id, savedBy: v.savedBy, savedAt: v.savedAt, values: this.read(v) }));
    return { values: this.current(), defaults: this.defaults, fixed: this.fixed, history };
  }

  save(input: unknown, savedBy: string): SettingsVersion {
    // A fixed setting in the body is refused, not silently dropped: the beheerder must not think it changed.
    const fixed = input && typeof input === 'object' ? Object.keys(input).find((k) => !(k in liveSchema.shape)) : undefined;
    if (fixed) throw new ApiError(400, `${fixed}: deze instelling is niet in de browser te wijzigen; zij hoort bij de installatie`, fixed);
    const r = liveSchema.safeParse(input);
    if (!r.success) {
      const issue = r.error.issues[0];
      const at = issue.path.map(String).join('.') || 'body';
      throw new ApiError(400, `${at}: ${issue.message}`, at);
    }
    const v = this.versions.save(KEY, r.data, savedBy);
    this.cached = null;
    return { id: v.id, savedBy: v.savedBy, savedAt: v.savedAt, values: r.data };
  }

  /** A version saved by an older release may lack a later setting: the environment's value fills it. */
  private read(v: StoredVersion): LiveValues {
    const r = liveSchema.partial().safeParse(v.value);
    return r.success ? { ...this.defaults, ...r.data } : this.defaults;
  }
}
