// `npm run import -- <file> [<file> ...]`: load official files into the store `npm start` uses.
// Exit code 1 and every bad line listed when a file is invalid; nothing of that file is stored.
import { loadConfig } from '../config.ts';
import { openDataset } from '../index.ts';
import { importFile } from '../store/importFile.ts';
import { ImportError } from '../importers/index.ts';

const files = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (files.length === 0) {
  console.error('usage: npm run import -- <file> [<file> ...]\n  formats: CBS/Politie open data CSV (47022NED, 47018NED, 47024NED), yearly totals per buurt, survey results (Veiligheidsmonitor, long layout)');
  process.exit(2);
}

let failed = false;
try {
  const ds = openDataset(loadConfig(), console.log);
  for (const file of files) {
    try {
      const r = importFile(ds, file);
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
