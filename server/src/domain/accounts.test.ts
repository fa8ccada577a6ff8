import { describe, expect, it } from 'vitest';
import { passwordProblem, usernameProblem, wijkenProblem } from './accounts.ts';

describe('password policy', () => {
  it('refuses blank, short, username-like and common passwords', () => {
    expect(passwordProblem('ana', ' '.repeat(10))).toMatch(/te kort/);
    expect(passwordProblem('ana', '   short   ')).toMatch(/te kort/);
    expect(passwordProblem('beheerder01', 'beheerder01')).toMatch(/gebruikersnaam/);
    expect(passwordProblem('Beheerder01', 'xxBEHEERDER01yy')).toMatch(/gebruikersnaam/);
    expect(passwordProblem('ana', 'Wachtwoord2024!')).toMatch(/gangbaar/);
    expect(passwordProblem('ana', '1234567890')).toMatch(/gangbaar|eenvoudig/);
    expect(passwordProblem('ana', 'aaaaaaaaaaaa')).toMatch(/eenvoudig/);
    expect(passwordProblem('ana', 'x'.repeat(1025) + 'yz')).toMatch(/te lang/);
  });

  it('accepts a long passphrase', () => {
    expect(passwordProblem('ana', 'correct horse battery')).toBeNull();
    expect(passwordProblem('beheer', 'Maas-en-Mergel 1794')).toBeNull();
  });

  it('usernames: letters, digits and . _ -', () => {
    expect(usernameProblem('ana')).toBeNull();
    expect(usernameProblem('a')).toMatch(/gebruikersnaam/);
    expect(usernameProblem('ana smit')).toMatch(/gebruikersnaam/);
  });
});

describe('wijken of a role', () => {
  const known = new Set(['WK093502', 'WK093504']);
  it('binds a wijkagent to at least one known wijk and nobody else to any', () => {
    expect(wijkenProblem('wijkagent', ['WK093502'], known)).toBeNull();
    expect(wijkenProblem('analist', [], known)).toBeNull();
    expect(wijkenProblem('wijkagent', [], known)).toMatch(/minstens één wijk/);
    expect(wijkenProblem('analist', ['WK093502'], known)).toMatch(/alleen een wijkagent/);
    expect(wijkenProblem('wijkagent', ['BU09350201'], known)).toMatch(/geen CBS-wijkcode: BU09350201/);
    expect(wijkenProblem('wijkagent', ['WK099999'], known)).toMatch(/onbekende wijkcode: WK099999/);
  });
});
