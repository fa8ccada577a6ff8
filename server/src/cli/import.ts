// `npm run import -- <file> [<file> ...]`: load official files into the store `npm start` uses.
// Exit code 1 and every bad line listed when a file is invalid; nothing of that file is stored.
import { loadConfig } from '../config.ts';
import { openDataset } from '../compose.ts';
import { importFile } from '../store/importFile.ts';
import { ImportError } from '../importers/index.ts';

const files: string[] = [];
let gemeente: string | undefined;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--gemeente') gemeente = argv[++i]?.toUpperCase();
  else files.push(argv[i]);
}
if (files.length === 0) {
  console.error('usage: npm run import -- <file> [<file> ...] [--gemeente GM0935]\n  formats: CBS/Politie open data CSV (47022NED, 47018NED, 47024NED), yearly totals per buurt, survey results (Veiligheidsmonitor, long layout),\n  the incident-level police extract (RD coordinates; --gemeente says which gemeente, default DEFAULT_GEMEENTE)');
  process.exit(2);
}

let failed = false;
try {
  const config = loadConfig();
  const ds = openDataset(config, console.log);
  if (gemeente && !/^GM\d{4}$/.test(gemeente)) throw new Error(`--gemeente: expected a CBS gemeente code like GM0935, got '${gemeente}'`);
  for (const file of files) {
    try {
      const r = importFile(ds, file, { gemeente: gemeente ?? config.DEFAULT_GEMEENTE });
      const s = r.summary as Record<string, unknown>;
      const fmt = (k: string) => (Array.isArray(s[k]) ? `${(s[k] as string[]).length} (${(s[k] as string[])[0]} … ${(s[k] as string[]).at(-1)})` : String(s[k] ?? '-'));
      console.log(`${file}: ${r.format}`);
      console.log(`  rows ${fmt('rows')}, areas ${fmt(s.areas !== undefined ? 'areas' : 'buurten')}, periods ${fmt(s.periods !== undefined ? 'periods' : 'years')}, categories ${fmt('categories')}, withheld ${fmt(s.withheld !== undefined ? 'withheld' : 'unknown')}${s.totalRows !== undefined ? `, total rows skipped ${s.totalRows}` : ''}`);
      console.log(r.alreadyImported ? '  already imported before: nothing changed' : `  stored: ${r.changedRows} row(s) new or changed`);
      for (const w of r.warnings) console.log(`  warning: ${w}`);
    } catch (e) {
      failed = true;
      if (e instanceof ImportError) console.error(e.message);
      else throw e;
      console.error(`  ${file}: rejected, nothing stored.`);
    }
  }
  ds.store.close();
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
process.exit(failed ? 1 : 0);
