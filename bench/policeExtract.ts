// The `import` figure: a generated 1,000,000-row police extract for Maastricht (RD New coordinates
// inside its buurten, valid codes and dates; seeded, so every run writes the same file), imported
// through the real path (parse + point-in-polygon + SQLite) versus the parser alone.
import fs from 'node:fs';
import path from 'node:path';
import proj4 from 'proj4';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import bbox from '@turf/bbox';
import { mulberry32 } from '../server/src/domain/random.ts';
import { RD_NEW } from '../server/src/importers/policeExtract.ts';
import { parseImportPath } from '../server/src/importers/index.ts';
import { importFile } from '../server/src/store/importFile.ts';
import { AreaGeometry } from '../server/src/store/geometry.ts';
import { Dataset } from '../server/src/store/dataset.ts';
import { SqliteStore } from '../server/src/store/sqlite.ts';
import { seedFromSource } from '../server/src/store/seed.ts';
import { loadSurveyIndicators } from '../server/src/store/planData.ts';
import { GROUPS_FILE } from '../server/src/compose.ts';
import { outputDir } from '../geodata/build.ts';

const STREETS = ['Vrijthof', 'Markt', 'Grote Staat', 'Wycker Brugstraat', 'Boschstraat', 'Stationsstraat', 'Akerstraat', 'Brusselsestraat', 'Tongersestraat', 'Meerssenerweg', 'Scharnerweg', 'Via Regia', 'Avenue Ceramique', 'Heerderweg', 'Oranjeplein'];

function openDataset(dataDir: string, sourceDir: string, storeFile: string): Dataset {
  const store = new SqliteStore(storeFile);
  const ds = new Dataset(store, outputDir(dataDir), sourceDir, GROUPS_FILE);
  seedFromSource(store, sourceDir, ds.index);
  return ds;
}

/** Writes `rows` registrations in `gemeente` to `file` (skipped when a file of the same recipe exists). */
export function writeExtract(file: string, rows: number, dataDir: string, sourceDir: string, gemeente = 'GM0935', seed = 20240101): void {
  const stamp = `${file}.recipe`;
  const recipe = JSON.stringify({ rows, gemeente, seed, v: 1 });
  if (fs.existsSync(file) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === recipe) return;
  const ds = openDataset(dataDir, sourceDir, ':memory:');
  const feats = new AreaGeometry(ds).features(gemeente, 'buurt');
  const codes = ds.categories.types.filter((t) => t.kind === 'misdrijf').map((t) => t.code);
  const rand = mulberry32(seed);
  const toRd = proj4('EPSG:4326', RD_NEW);
  // A pool of points strictly inside the buurten (rejection sampling in each buurt's box).
  const pool: string[] = [];
  for (const f of feats) {
    const [x0, y0, x1, y1] = bbox(f);
    for (let k = 0, tries = 0; k < 200 && tries < 20_000; tries++) {
      const p: [number, number] = [x0 + rand() * (x1 - x0), y0 + rand() * (y1 - y0)];
      if (!booleanPointInPolygon(p, f)) continue;
      const [x, y] = toRd.forward(p);
      pool.push(`${x.toFixed(1).replace('.', ',')};${y.toFixed(1).replace('.', ',')}`);
      k++;
    }
  }
  ds.store.close();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'w');
  let buf = 'registratienummer;datum;code;omschrijving;straat;huisnummer;postcode;x;y\n';
  for (let i = 0; i < rows; i++) {
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const pc = `62${String(11 + Math.floor(rand() * 80)).padStart(2, '0')} ${'ABCDEFGH'[Math.floor(rand() * 8)]}${'KLMNPRST'[Math.floor(rand() * 8)]}`;
    buf += `PL24-${String(i).padStart(7, '0')};${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-2024;${codes[Math.floor(rand() * codes.length)]};;${STREETS[Math.floor(rand() * STREETS.length)]};${1 + Math.floor(rand() * 200)};${pc};${pool[Math.floor(rand() * pool.length)]}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(fd, buf);
      buf = '';
    }
  }
  fs.writeSync(fd, buf);
  fs.closeSync(fd);
  fs.writeFileSync(stamp, recipe);
}

/** Seconds for the parser alone (streamed read + hash + decode + validate + RD→WGS84), as the import path runs it. */
export function timeParse(file: string, dataDir: string, sourceDir: string): number {
  const ds = openDataset(dataDir, sourceDir, ':memory:');
  const types = ds.categories.types;
  const opts = {
    knownCodes: new Set(types.filter((t) => t.kind === 'misdrijf').map((t) => t.code)),
    knownNuisanceCodes: new Set(types.filter((t) => t.kind === 'overlast').map((t) => t.code)),
    knownIndicators: new Set(loadSurveyIndicators().map((i) => i.code)),
  };
  ds.store.close();
  const t0 = performance.now();
  const { parsed } = parseImportPath(file, opts);
  const s = (performance.now() - t0) / 1000;
  if (parsed.format !== 'police-extract') throw new Error(`expected a police extract, got ${parsed.format}`);
  return s;
}

/** Seconds for the real import into a fresh store (parse, buurt assignment, one SQLite transaction). */
export function timeImport(file: string, dataDir: string, sourceDir: string, workDir: string): { seconds: number; assigned: number } {
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  const ds = openDataset(dataDir, sourceDir, path.join(workDir, 'store.sqlite'));
  ds.cube('GM0935'); // as in a running server: the gemeente's cube exists before an import
  const t0 = performance.now();
  const r = importFile(ds, file, { gemeente: 'GM0935' });
  const seconds = (performance.now() - t0) / 1000;
  ds.store.close();
  fs.rmSync(workDir, { recursive: true, force: true });
  return { seconds, assigned: Number(r.summary.assigned ?? 0) };
}
