// `npm run import -- <file> [<file> ...]`: load official files into the store `npm start` uses.
// Exit code 1 and every bad line listed when a file is invalid; nothing of that file is stored.
// What it prints is for the beheerder, so it is Dutch (like the Beheer page).
import { loadConfig } from '../config.ts';
import { openDataset } from '../compose.ts';
import { importFile } from '../store/importFile.ts';
import { ImportError } from '../importers/index.ts';
import { nlNumber } from '../importers/errors.ts';

const files: string[] = [];
let gemeente: string | undefined;
let allowPartialMonths = false;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--gemeente') gemeente = argv[++i]?.toUpperCase();
  else if (argv[i] === '--onvolledige-maanden-vervangen') allowPartialMonths = true;
  else files.push(argv[i]);
}
if (files.length === 0) {
  console.error(
    'gebruik: npm run import -- <bestand> [<bestand> ...] [--gemeente GM0935] [--onvolledige-maanden-vervangen]\n' +
      '  bestanden: CBS/Politie open data CSV (47022NED, 47018NED, 47024NED), jaartotalen per buurt, uitkomsten van een enquête\n' +
      '  (Veiligheidsmonitor, lange indeling: één regel per gebied, jaar en indicator) en het maandextract van de politie\n' +
      '  (registraties met RD-coördinaten; --gemeente zegt bij welke gemeente het hoort, standaard DEFAULT_GEMEENTE;\n' +
      '  een extract vervangt hele maanden: met veel minder misdrijven dan de maand nu telt wordt het geweigerd,\n' +
      '  tenzij --onvolledige-maanden-vervangen)',
  );
  process.exit(2);
}

let failed = false;
try {
  const config = loadConfig();
  const ds = openDataset(config, console.log);
  if (gemeente && !/^GM\d{4}$/.test(gemeente)) throw new Error(`--gemeente: verwacht een CBS-gemeentecode zoals GM0935, gevonden "${gemeente}"`);
  for (const file of files) {
    try {
      const r = importFile(ds, file, { gemeente: gemeente ?? config.DEFAULT_GEMEENTE, allowPartialMonths });
      const s = r.summary as Record<string, unknown>;
      const count = (v: unknown) => (typeof v === 'number' ? nlNumber(v) : String(v ?? '-'));
      const fmt = (k: string) => (Array.isArray(s[k]) ? `${nlNumber((s[k] as string[]).length)} (${(s[k] as string[])[0]} … ${(s[k] as string[]).at(-1)})` : count(s[k]));
      console.log(`${file}: ${r.format}`);
      console.log(`  rijen ${fmt('rows')}, gebieden ${fmt(s.areas !== undefined ? 'areas' : 'buurten')}, perioden ${fmt(s.periods !== undefined ? 'periods' : 'years')}, soorten ${fmt('categories')}, zonder aantal ${fmt(s.withheld !== undefined ? 'withheld' : 'unknown')}${s.totalRows !== undefined ? `, totaalregels overgeslagen ${count(s.totalRows)}` : ''}`);
      console.log(r.alreadyImported ? '  dit bestand was al geïmporteerd: er is niets veranderd' : `  opgeslagen: ${nlNumber(r.changedRows)} ${r.changedRows === 1 ? 'rij' : 'rijen'} toegevoegd of gewijzigd`);
      for (const w of r.warnings) console.log(`  waarschuwing: ${w}`);
    } catch (e) {
      failed = true;
      if (e instanceof ImportError) console.error(e.message);
      else throw e;
      console.error(`  ${file}: geweigerd, er is niets opgeslagen.`);
    }
  }
  ds.store.close();
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
process.exit(failed ? 1 : 0);
