// The one place where a failed request becomes text a reader sees. The API's `error` text is written for programs
// (English, with parameter names and API paths) and never reaches the screen: the Dutch sentence is made from the
// status and the `parameter` the server names.
import { ApiRequestError } from './client.ts';

/** What each parameter the server can name is called in the UI (body fields by their last name: `targets.1.year`). */
const NOUNS: Record<string, string> = {
  gemeente: 'de gemeente',
  gemeenten: 'de gemeenten',
  level: 'het gebiedsniveau',
  category: 'de soort misdrijf',
  categories: 'de soorten misdrijf',
  from: 'het begin van de periode',
  to: 'het einde van de periode',
  month: 'de maand',
  week: 'de week',
  year: 'het jaar',
  measure: 'de maat',
  method: 'de methode',
  code: 'het gebied',
  codes: 'de gebieden',
  wijk: 'de wijk',
  wijken: 'de wijken',
  area: 'het aandachtsgebied',
  geometry: 'de omtrek van het gebied',
  indicator: 'de indicator',
  indicators: 'de indicatoren',
  group: 'de vergelijkingsgroep',
  weights: 'de gewichten',
  cell: 'het vak',
  name: 'de naam',
  username: 'de gebruikersnaam',
  password: 'het wachtwoord',
  role: 'de rol',
  start: 'de startmaand',
  preMonths: 'het aantal maanden vooraf',
  postMonths: 'het aantal maanden erna',
  targets: 'de doelen',
  id: 'het gevraagde onderdeel',
  body: 'de verstuurde gegevens',
};

/** The Dutch noun for a parameter the server named; null when the UI has no word for it. */
export function parameterNoun(parameter: string | undefined): string | null {
  if (!parameter) return null;
  const names = parameter.split('.').filter((part) => !/^\d+$/.test(part));
  return NOUNS[names.at(-1) ?? ''] ?? null;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A failed request as one or two Dutch sentences, capitalised and ending in a full stop, for a reader; never the
 * server's own `error` text. Callers put what failed before it ("Cijfers konden niet worden geladen. …").
 */
export function errorText(err: unknown): string {
  if (!(err instanceof ApiRequestError)) {
    // fetch rejects with a TypeError when the server cannot be reached; anything else is the client's own failure.
    if (err instanceof Error && err.name === 'AbortError') return 'Het verzoek is afgebroken.';
    if (err instanceof TypeError) return 'De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.';
    return 'Er ging onverwacht iets mis. Probeer het opnieuw.';
  }
  const noun = parameterNoun(err.body?.parameter);
  switch (err.status) {
    case 400:
      return noun ? `${capital(noun)} in dit verzoek is niet geldig.` : 'Het verzoek is niet geldig.';
    case 401:
      return 'U bent niet (meer) aangemeld. Meld u opnieuw aan.';
    case 403:
      return 'U hebt geen toegang tot deze gegevens of deze handeling.';
    case 404:
      return noun ? `${capital(noun)} staat niet in de gegevens.` : 'Het gevraagde staat niet (meer) in de gegevens.';
    case 409:
      return 'Dit kan nu niet: de gegevens zijn intussen veranderd. Laad de pagina opnieuw en probeer het nog eens.';
    case 413:
      return 'Dit is te veel om in één keer te verwerken. Kies een kortere periode of een kleiner gebied, of een kleiner bestand.';
    case 429:
      return err.retryAfter
        ? `Te veel pogingen. Probeer het over ${err.retryAfter} ${err.retryAfter === 1 ? 'seconde' : 'seconden'} opnieuw.`
        : 'Te veel pogingen. Probeer het straks opnieuw.';
    case 503:
      return 'De server is tijdelijk niet beschikbaar. Probeer het straks opnieuw.';
    default:
      return err.status >= 500 ? `Er ging iets mis op de server (fout ${err.status}). Probeer het straks opnieuw.` : `De server weigerde dit verzoek (fout ${err.status}).`;
  }
}

/**
 * The server's own reason for refusing, without the field name it puts first for programs ("indicators.9.targets.1.year:
 * …"); null when it gave none. Only for the beheer desk's forms (admin/FieldError.tsx), whose refusals the server words
 * in Dutch for the beheerder (a weak password, a taken name, a target's year, an import's file and line): there the
 * detail is the point. Everything a reader sees elsewhere goes through errorText.
 */
export function serverReason(err: ApiRequestError): string | null {
  const text = err.body?.error;
  if (!text) return null;
  const parameter = err.body?.parameter;
  return parameter && text.startsWith(`${parameter}: `) ? text.slice(parameter.length + 2) : text;
}
