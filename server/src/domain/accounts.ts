// Rules for account names and passwords, shared by the account store (every place a password is set),
// the command line and the login form's limits, so a password one of them accepts the others accept too.

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
  if (!USERNAME.test(username)) return `username: 3-${MAX_USERNAME_LENGTH} characters a-z, 0-9, '.', '_' or '-', starting with a letter or digit`;
  return null;
}

/** Why a password is refused for this username, or null when it is fine. */
export function passwordProblem(username: string, password: string): string | null {
  const normalized = password.normalize('NFKC');
  if (normalized.trim().length < MIN_PASSWORD_LENGTH) return `password too short: at least ${MIN_PASSWORD_LENGTH} characters, not counting spaces at the start or end`;
  if (password.length > MAX_PASSWORD_LENGTH) return `password too long: at most ${MAX_PASSWORD_LENGTH} characters`;
  const bare = normalized.toLowerCase().replace(/\s+/g, '');
  if (new Set(bare).size < 3) return 'password too simple: use at least three different characters';
  const u = username.toLowerCase();
  if (bare.includes(u.replace(/\s+/g, '')) && u.length >= 3) return 'password must not contain the username';
  const stem = bare.replace(/[\d\W_]+$/u, '');
  if (COMMON.has(bare) || COMMON.has(stem) || DIGIT_RUNS.test(bare) || /^\d+$/.test(bare)) return 'password is too common: choose a less predictable one';
  return null;
}
