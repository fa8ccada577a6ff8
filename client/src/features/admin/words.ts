// The beheerder's desk in words: roles as a beheerder explains them, and the audit trail's actions in Dutch.
import type { AccountRole } from '../../api/client.ts';

export const ROLES: readonly { role: AccountRole; label: string; sees: string }[] = [
  { role: 'analist', label: 'Analist', sees: 'alle cijfers, registraties als punten en straten in de hele gemeente' },
  { role: 'wijkagent', label: 'Wijkagent', sees: 'alle cijfers; punten, straten en "Mijn wijk" alleen in de eigen wijken' },
  { role: 'presentatie', label: 'Presentatie', sees: 'alleen afgeschermde cijfers voor het grote scherm; kan niets opslaan' },
  { role: 'beheerder', label: 'Beheerder', sees: 'alle cijfers, accounts, imports en de audittrail' },
];

export const roleLabel = (r: string): string => ROLES.find((x) => x.role === r)?.label ?? (r === '-' ? '—' : r);

export const ACTIONS: Record<string, string> = {
  login: 'Aangemeld',
  'login-failed': 'Aanmelden mislukt',
  'account-added': 'Account toegevoegd',
  'account-changed': 'Rol of wijken gewijzigd',
  'account-password-reset': 'Wachtwoord opnieuw ingesteld',
  'account-removed': 'Account verwijderd',
  import: 'Bestand geïmporteerd',
  'import-rejected': 'Import geweigerd',
  'import-undo': 'Import ongedaan gemaakt',
  'cbs-update': 'Nieuwe cijfers van CBS opgehaald',
  'cbs-update-failed': 'Ophalen bij CBS mislukt',
  incidents: 'Registraties (punten) bekeken',
  density: 'Dichtheidskaart bekeken',
  streets: 'Straten bekeken',
  'mijn-wijk': '"Mijn wijk" bekeken',
  'presentation-created': 'Presentatie gemaakt',
  'presentation-changed': 'Presentatie gewijzigd',
  'presentation-deleted': 'Presentatie verwijderd',
  'selection-created': 'Selectie opgeslagen',
  'selection-deleted': 'Selectie verwijderd',
  'attention-area-created': 'Aandachtsgebied gemaakt',
  'attention-area-deleted': 'Aandachtsgebied verwijderd',
  wijkbrief: 'Wijkbrief gemaakt',
  'targets-changed': 'Doelen van het plan gewijzigd',
  'settings-changed': 'Instellingen gewijzigd',
};

export const actionLabel = (a: string): string => ACTIONS[a] ?? a;

/** The importer names a column by its header; a problem with the file as a whole by one of these words. */
const FIELD_WORDS: Record<string, string> = { header: 'kopregel', file: 'bestand', row: 'hele regel', internal: '—', '': '—' };
export const fieldLabel = (field: string): string => FIELD_WORDS[field] ?? field;

export const dateTime = (iso: string): string => new Date(iso).toLocaleString('nl-NL', { dateStyle: 'medium', timeStyle: 'medium' });

/** "WK093502, wk093504" → ['WK093502', 'WK093504']: the way a beheerder types a list of wijken. */
export const parseWijken = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((w) => w.trim().toUpperCase())
    .filter((w) => w !== '');

/** The parts of the application the audit trail can be narrowed to (resource prefixes), in words. */
export const RESOURCES: readonly { prefix: string; label: string }[] = [
  { prefix: '/api/auth', label: 'Aanmelden' },
  { prefix: '/api/accounts', label: 'Accounts' },
  { prefix: '/api/imports', label: 'Imports' },
  { prefix: '/api/targets', label: 'Doelen van het plan' },
  { prefix: '/api/settings', label: 'Instellingen' },
  { prefix: '/api/incidents', label: 'Registraties (punten)' },
  { prefix: '/api/density', label: 'Dichtheidskaart' },
  { prefix: '/api/streets', label: 'Straten' },
  { prefix: '/api/mijn-wijk', label: 'Mijn wijk' },
  { prefix: '/api/reports/wijkbrief', label: 'Wijkbrief' },
  { prefix: '/api/presentations', label: 'Presentaties' },
  { prefix: '/api/selections', label: 'Selecties' },
  { prefix: '/api/attention-areas', label: 'Aandachtsgebieden' },
];

/** The part of the application an audit line is about, in words instead of a web address. */
export function resourceLabel(resource: string): string {
  const path = resource.split('?')[0];
  const account = /^\/api\/accounts\/(.+)$/.exec(path);
  if (account) return `Account ${decodeURIComponent(account[1])}`;
  const undone = /^\/api\/imports\/(\d+)$/.exec(path);
  if (undone) return `Import ${undone[1]}`;
  const presentation = /^\/api\/presentations\/(\d+)$/.exec(path);
  if (presentation) return `Presentatie ${presentation[1]}`;
  const saved = /^\/api\/(selections|attention-areas)\/(\d+)$/.exec(path);
  if (saved) return `${saved[1] === 'selections' ? 'Selectie' : 'Aandachtsgebied'} ${saved[2]}`;
  const known: Record<string, string> = {
    '/api/auth/login': 'Aanmelden',
    '/api/imports': 'Import',
    '/api/imports/cbs-update': 'Nieuwe cijfers van CBS',
    '/api/incidents': 'Registraties (punten)',
    '/api/density': 'Dichtheidskaart',
    '/api/streets': 'Straten',
    '/api/mijn-wijk': 'Mijn wijk',
    '/api/reports/wijkbrief': 'Wijkbrief',
    '/api/targets/plan': 'Doelen van het plan',
    '/api/settings': 'Instellingen',
  };
  return known[path] ?? path.replace(/^\/api\//, '');
}

const DETAIL_WORDS: Record<string, string> = {
  ip: 'adres', allowed: 'toegestaan', file: 'bestand', bytes: 'bytes', format: 'formaat', changedRows: 'gewijzigde rijen',
  alreadyImported: 'al eerder geïmporteerd', issueCount: 'fouten', firstIssue: 'eerste fout', role: 'rol', wijken: 'wijken',
  wijk: 'wijk', buurt: 'buurt', category: 'soort', from: 'van', to: 'naar', gemeente: 'gemeente', title: 'titel', shared: 'gedeeld',
  summary: 'samenvatting', line: 'regel', field: 'veld', reason: 'reden', rows: 'regels', areas: 'gebieden', periods: 'perioden',
  categories: 'soorten', withheld: 'afgeschermde cellen', totalRows: 'totaalregels', assigned: 'in een buurt geplaatst', registrations: 'registraties',
  months: 'maanden', years: 'jaren', indicators: 'indicatoren', version: 'versie', before: 'was', after: 'wordt',
  lowPopulationThreshold: 'weinig inwoners onder', basemap: 'achtergrondkaart', importedAt: 'geïmporteerd op', importedBy: 'door', restoredRows: 'teruggezette rijen',
  gemeenten: 'gemeenten', imported: 'geïmporteerd',
};

function valueText(v: unknown): string {
  if (v === true) return 'ja';
  if (v === false) return 'nee';
  if (Array.isArray(v)) return v.map(valueText).join(', ') || '—';
  if (v && typeof v === 'object') return `(${detailText(v as Record<string, unknown>)})`;
  return typeof v === 'number' ? v.toLocaleString('nl-NL') : String(v);
}

/** An audit line's details as short Dutch text: "bestand: extract.csv · gewijzigde rijen: 1.204". */
export function detailText(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${DETAIL_WORDS[k] ?? k}: ${valueText(v)}`)
    .join(' · ');
}
