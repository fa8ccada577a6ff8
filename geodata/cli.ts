// `npm run build:geodata`: rebuild the derived geodata from GEODATA_SOURCE_DIR.
import { loadConfig } from '../server/src/config.ts';
import { buildGeodata } from './build.ts';

try {
  const config = loadConfig();
  buildGeodata(config.geodataDir, config.dataDir, console.log);
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
