// `npm start` runs this first: builds whatever is missing (derived geodata, the client bundle),
// so a clean clone starts with one command. Does nothing when everything is up to date.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { loadConfig } from '../server/src/config.ts';
import { buildGeodata, isBuilt } from '../geodata/build.ts';
import { ROOT } from '../server/src/compose.ts';

try {
  const config = loadConfig();
  if (!isBuilt(config.geodataDir, config.dataDir)) buildGeodata(config.geodataDir, config.dataDir, console.log);
  const clientIndex = path.join(ROOT, 'dist/client/index.html');
  if (process.argv.includes('--force-client') || !fs.existsSync(clientIndex)) {
    console.log('Building the client (vite)…');
    await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  }
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
