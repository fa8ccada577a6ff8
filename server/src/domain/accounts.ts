// Rules for account names, passwords and a wijkagent's wijken, shared by the account store (every place a
// password is set), the command line, the beheerder's account screen and the login form's limits, so what
// one of them accepts the others accept too. The messages are Dutch: a functional application manager
// reads them, on the command line and in the browser alike.
import type { Role } from './roles.ts';

export const MIN_PASSWORD_LENGTH = 10;
/** Longest password login accepts; setting a longer one would create an account nobody can log in to. */
export const MAX_PASSWORD_LENGTH = 1024;
export const MAX_USERNAME_LENGTH = 64;
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/i;

// Passwords that appear at the top of every leaked-password list, in English and Dutch, plus the
// app's own words. Compared without case, spaces and trailing digits/punctuation ("Welkom2024!").
const COMMON = new Set([
  'password', 'wachtwoord', 'welkom', 'welcome', 'qwerty', 'qwertyuiop', 'azerty', 'letmein', 'iloveyou', 'admin',
  'administrator', 'beheerder', 'beheer', 'analist', 'wijkagent', 'presentatie', 'gemeente', 'politie', 'veiligheid',
  'buurtveiligheidskaart', 'buurtveiligheid', 'zomer', 'winter', 'lente', 'herfst', 'monkey', 'dragon', 'football',
  'voetbal', 'ajax', 'feyenoord', 'psv', 'sunshine', 'princess', 'trustno', 'changeme', 'secret', 'geheim',
  'correcthorsebatterystaple', 'abcdefghij', 'abcdefghijk', 'abc', 'test', 'testtest', 'user', 'gebruiker', 'login',
]);
const DIGIT_RUNS = /^(0123456789|1234567890|9876543210|0987654321)/;

/** Why a username is refused, or null when it is fine. */
export function usernameProblem(username: string): string | null {
  if (!USERNAME.test(username)) return `gebruikersnaam: 3 tot ${MAX_USERNAME_LENGTH} tekens a-z, 0-9, '.', '_' of '-', beginnend met een letter of cijfer`;
  return null;
}

/** Why a password is refused for this username, or null when it is fine. */
export function passwordProblem(username: string, password: string): string | null {
  const normalized = password.normalize('NFKC');
  if (normalized.trim().length < MIN_PASSWORD_LENGTH) return `wachtwoord te kort: minstens ${MIN_PASSWORD_LENGTH} tekens, spaties aan het begin en eind niet meegeteld`;
  if (password.length > MAX_PASSWORD_LENGTH) return `wachtwoord te lang: hoogstens ${MAX_PASSWORD_LENGTH} tekens`;
  const bare = normalized.toLowerCase().replace(/\s+/g, '');
  if (new Set(bare).size < 3) return 'wachtwoord te eenvoudig: gebruik minstens drie verschillende tekens';
  const u = username.toLowerCase();
  if (bare.includes(u.replace(/\s+/g, '')) && u.length >= 3) return 'wachtwoord bevat de gebruikersnaam: kies een wachtwoord zonder de naam';
  const stem = bare.replace(/[\d\W_]+$/u, '');
  if (COMMON.has(bare) || COMMON.has(stem) || DIGIT_RUNS.test(bare) || /^\d+$/.test(bare)) return 'wachtwoord te gangbaar: kies een minder voorspelbaar wachtwoord';
  return null;
}

const WIJK_CODE = /^WK\d{4}[0-9A-Z]{2}$/;

/**
 * Why these wijken do not fit this role, or null: a wijkagent is bound to at least one wijk (that is what
 * limits the points and streets they see), the other roles to none. `known` (when given) is the set of wijk
 * codes in the data, so a typing error does not create an agent who sees nothing.
 */
export function wijkenProblem(role: Role, wijken: readonly string[], known?: ReadonlySet<string>): string | null {
  if (role === 'wijkagent' && wijken.length === 0) return 'wijken: een wijkagent hoort bij minstens één wijk (bijvoorbeeld WK093502)';
  if (role !== 'wijkagent' && wijken.length > 0) return 'wijken: alleen een wijkagent hoort bij wijken';
  const bad = wijken.filter((w) => !WIJK_CODE.test(w));
  if (bad.length) return `wijken: geen CBS-wijkcode: ${bad.join(', ')}`;
  const unknown = known ? wijken.filter((w) => !known.has(w)) : [];
  if (unknown.length) return `wijken: onbekende wijkcode: ${unknown.join(', ')}`;
  return null;
}
