// One validated configuration object, read once at start. Fails fast with a message that says
// which variable is wrong and what is expected.
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_BASEMAP, resolveBasemap } from './domain/basemap.ts';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Folder with the official CBS/Politie/PDOK files (read-only). */
  GEODATA_SOURCE_DIR: z.string().min(1).default('../shared/geodata'),
  /** Folder for everything derived at build/run time (git-ignored). */
  DATA_DIR: z.string().min(1).default('data'),
  /** Background map: a preset (pdok-grijs, pdok-standaard, pdok-pastel, pdok-water, luchtfoto), 'none', an XYZ
   *  tile template or a MapLibre style URL. Default pdok-grijs (or BASEMAP_STYLE_URL when that is set). */
  BASEMAP: z.string().optional().refine((v) => v === undefined || resolveBasemap(v) !== null, 'expected pdok-grijs, pdok-standaard, pdok-pastel, pdok-water, luchtfoto, none, an https XYZ template with {z}/{x}/{y} or an https MapLibre style URL'),
  /** Older name: a MapLibre style URL for the basemap (BASEMAP wins when both are set). */
  BASEMAP_STYLE_URL: z.string().default('').refine((v) => v === '' || resolveBasemap(v) !== null, 'expected an https MapLibre style URL'),
  DEFAULT_GEMEENTE: z.string().regex(/^GM\d{4}$/, 'expected a CBS gemeente code like GM0935').default('GM0935'),
  /** Below this many inhabitants a rate per 1,000 is flagged as unreliable. */
  LOW_POPULATION_THRESHOLD: z.coerce.number().int().min(0).default(200),
  /** Presentations hide counts from 1 up to this (a person could be recognised). */
  SUPPRESSION_THRESHOLD: z.coerce.number().int().min(0).max(100).default(4),
  /** Secret of the rounding of presentation counts; set the same value on every app server (empty = made once in DATA_DIR). */
  DISCLOSURE_KEY: z
    .string()
    .default('')
    .refine((v) => v === '' || v.length >= 32, 'expected at least 32 characters (e.g. openssl rand -hex 32), or empty to keep one in DATA_DIR')
    .transform((v) => v || undefined),
  /** Behind a reverse proxy that terminates HTTPS: trust X-Forwarded-Proto for the Secure cookie. */
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false').transform((v) => v === 'true' || v === '1'),
  /** Optional server database (postgres://user:password@host:5432/db); empty = the embedded SQLite store. */
  DATABASE_URL: z
    .string()
    .default('')
    .refine((v) => v === '' || /^postgres(ql)?:\/\/[^\s]+$/.test(v), 'expected postgres://user:password@host:5432/database (or empty for the embedded store)')
    .transform((v) => v || undefined),
  /** Largest upload POST /api/imports accepts, in MB; larger gets a 413. */
  MAX_UPLOAD_MB: z.coerce.number().positive('must be a positive number of megabytes').max(100_000).default(250),
  /** The police tables' OData v3 service (47022NED, 47018NED, 47024NED) that an update from CBS reads. */
  CBS_ODATA_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL like https://opendata.cbs.nl/ODataApi/odata' }).default('https://opendata.cbs.nl/ODataApi/odata'),
  CBS_POLICE_ODATA_URL: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL like https://dataderden.cbs.nl/ODataApi/odata' }).default('https://dataderden.cbs.nl/ODataApi/odata'),
  /** How long an update from CBS waits for one answer, in seconds. */
  CBS_ODATA_TIMEOUT_S: z.coerce.number().positive('must be a positive number of seconds').max(3600).default(30),
  /** 'maandelijks': the server fetches the newest figures itself once the last update is a month old; 'uit': only on request. */
  CBS_UPDATE_SCHEDULE: z.enum(['uit', 'maandelijks'], { error: "expected 'uit' or 'maandelijks'" }).default('uit'),
});

export type Config = Readonly<Omit<z.infer<typeof schema>, 'BASEMAP'> & { BASEMAP: string; geodataDir: string; dataDir: string }>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration (environment variables):\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return Object.freeze({
    ...c,
    BASEMAP: c.BASEMAP ?? (c.BASEMAP_STYLE_URL || DEFAULT_BASEMAP),
    geodataDir: path.resolve(cwd, c.GEODATA_SOURCE_DIR),
    dataDir: path.resolve(cwd, c.DATA_DIR),
  });
}
