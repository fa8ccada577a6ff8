// The composition root: opens the store a configuration names, seeds it once at start with the open
// data (GEODATA_SOURCE_DIR) and the plan data (server/data), and assembles the dataset every request
// reads. index.ts, the command-line tools and the tests (tests/support/testApp.ts) all start here, so
// nothing writes seed data later (no route constructor, no GET).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.ts';
import { Dataset } from './store/dataset.ts';
import { SqliteStore } from './store/sqlite.ts';
import { PostgresStore } from './store/postgres.ts';
import type { Store } from './store/store.ts';
import { seedFromSource } from './store/seed.ts';
import { seedSurveyMonitor, seedSurveyPlan } from './store/survey.ts';
import { dataFile, loadSurveyIndicators, loadSurveyPlan } from './store/planData.ts';
import { buildGeodata, isBuilt, outputDir } from '../../geodata/build.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const GROUPS_FILE = path.join(ROOT, 'server/data/category-groups.json');

/**
 * The store of a configuration. DATABASE_URL: everything in PostgreSQL; the local SQLite file is only
 * read once, so that an installation that ran on it before keeps its accounts, selections, ...
 * (README "Server database").
 */
export function openStore(config: Config): Store {
  const localFile = path.join(config.dataDir, 'store.sqlite');
  return config.DATABASE_URL ? new PostgresStore(config.DATABASE_URL, { featureFile: localFile }) : new SqliteStore(localFile);
}

/**
 * Seeds a store with the open data (yearly totals, inhabitants), the plan's published survey values
 * and the published Veiligheidsmonitor values (when that file is in GEODATA_SOURCE_DIR). Idempotent: each seed is recorded by content hash, so a restart changes nothing.
 */
export function seedStore(dataset: Dataset): void {
  seedFromSource(dataset.store, dataset.sourceDir, dataset.index);
  const survey = dataset.store.features().survey;
  const indicators = loadSurveyIndicators();
  const file = dataFile('survey-maastricht-plan.json');
  const plan = loadSurveyPlan(indicators, file);
  seedSurveyPlan(survey, plan, file);
  seedSurveyMonitor(survey, dataset.sourceDir, indicators, plan);
}

export interface DatasetDirs {
  /** The derived geodata (DATA_DIR/geodata). */
  geodataDir: string;
  /** The official source files (GEODATA_SOURCE_DIR). */
  sourceDir: string;
  /** Where built cubes are persisted (omitted = memory only). */
  cacheDir?: string;
}

/** The dataset over a store, seeded. */
export function composeDataset(store: Store, dirs: DatasetDirs): Dataset {
  const dataset = new Dataset(store, dirs.geodataDir, dirs.sourceDir, GROUPS_FILE, dirs.cacheDir);
  seedStore(dataset);
  return dataset;
}

/** Opens the store and derived data for a configuration; builds the geodata first when it is missing. */
export function openDataset(config: Config, log: (m: string) => void = () => {}): Dataset {
  if (!isBuilt(config.geodataDir, config.dataDir)) buildGeodata(config.geodataDir, config.dataDir, log);
  return composeDataset(openStore(config), { geodataDir: outputDir(config.dataDir), sourceDir: config.geodataDir, cacheDir: path.join(config.dataDir, 'cubes') });
}
