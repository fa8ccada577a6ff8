// `npm run update`: fetch the newest police figures from CBS (OData) and import them into the store
// `npm start` uses, exactly as a downloaded StatLine file would be (server/src/cbs/update.ts).
// Exit code 1 with a Dutch message when CBS cannot be reached or its answer is refused; nothing is stored then.
import { loadConfig } from '../config.ts';
import { openDataset } from '../compose.ts';
import { CbsUpdateError, gemeentenInUse, updateFromCbs, type TableOutcome } from '../cbs/update.ts';
import { KERNCIJFERS } from '../cbs/inhabitants.ts';
import { nlNumber } from '../importers/errors.ts';

const USAGE =
  'gebruik: npm run update -- [--gemeente GM0935,GM0758] [--vanaf 2025-01]\n' +
  '  haalt bij CBS de nieuwste politiecijfers op (47022NED per maand, 47018NED per jaar, 47024NED overlast)\n  en de inwoners per buurt, wijk en gemeente (Kerncijfers wijken en buurten),\n' +
  '  en importeert ze zoals een gedownload bestand. Zonder --gemeente: DEFAULT_GEMEENTE en de gemeenten met\n' +
  '  maandcijfers in de opslag. Zonder --vanaf: alleen perioden na de nieuwste die de opslag al heeft.';

let gemeenten: string[] | undefined;
let from: string | undefined;
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--gemeente') gemeenten = (argv[++i] ?? '').split(',').map((g) => g.trim().toUpperCase()).filter(Boolean);
  else if (argv[i] === '--vanaf') from = argv[++i] ?? '';
  else {
    console.error(`onbekende optie ${JSON.stringify(argv[i])}\n${USAGE}`);
    process.exit(2);
  }
}

function describe(o: TableOutcome): string[] {
  const word = o.table === '47018NED' ? 'jaren' : o.table === KERNCIJFERS.table ? 'inwonertallen (1 januari)' : 'maanden';
  const lines = [`${o.table} (${o.url}): ${nlNumber(o.rows)} ${o.rows === 1 ? 'rij' : 'rijen'} opgehaald`];
  lines.push(`  nieuwe ${word}: ${o.periods.length ? o.periods.join(', ') : 'geen'}`);
  if (o.imported) lines.push(`  geïmporteerd: ja (${nlNumber(o.changedRows)} ${o.changedRows === 1 ? 'rij' : 'rijen'} toegevoegd of gewijzigd)`);
  else lines.push(`  geïmporteerd: nee${o.alreadyImported ? ' (deze cijfers waren al geïmporteerd)' : o.rows === 0 ? ' (niets nieuws)' : ''}`);
  for (const w of o.warnings) lines.push(`  waarschuwing: ${w}`);
  return lines;
}

try {
  const config = loadConfig();
  if (from !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(from)) throw new Error(`--vanaf: verwacht een maand zoals 2025-01, gevonden ${JSON.stringify(from)}`);
  const bad = (gemeenten ?? []).filter((g) => !/^GM\d{4}$/.test(g));
  if (gemeenten && (gemeenten.length === 0 || bad.length)) throw new Error(`--gemeente: verwacht CBS-gemeentecodes zoals GM0935,GM0758, gevonden ${JSON.stringify(bad.join(',') || '')}`);
  const ds = openDataset(config, console.log);
  const unknown = (gemeenten ?? []).filter((g) => !ds.gemeente(g));
  if (unknown.length) throw new Error(`--gemeente: ${unknown.join(', ')} staat niet in de gebiedsindeling`);
  const chosen = gemeenten ?? gemeentenInUse(ds, config.DEFAULT_GEMEENTE);
  console.log(`Nieuwe politiecijfers ophalen bij CBS voor ${chosen.join(', ')} ...`);
  try {
    const outcomes = await updateFromCbs(ds, { policeBaseUrl: config.CBS_POLICE_ODATA_URL, baseUrl: config.CBS_ODATA_URL, gemeenten: chosen, from, timeoutMs: config.CBS_ODATA_TIMEOUT_S * 1000 });
    for (const o of outcomes) for (const line of describe(o)) console.log(line);
  } finally {
    ds.store.close();
  }
} catch (e) {
  console.error(e instanceof CbsUpdateError ? e.message : `npm run update: ${(e as Error).message}`);
  process.exit(1);
}
process.exit(0);
