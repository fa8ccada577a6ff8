import { describe, expect, it } from 'vitest';
import { passwordProblem, usernameProblem } from './accounts.ts';

describe('password policy', () => {
  it('refuses blank, short, username-like and common passwords', () => {
    expect(passwordProblem('ana', ' '.repeat(10))).toMatch(/too short/);
    expect(passwordProblem('ana', '   short   ')).toMatch(/too short/);
    expect(passwordProblem('beheerder01', 'beheerder01')).toMatch(/username/);
    expect(passwordProblem('Beheerder01', 'xxBEHEERDER01yy')).toMatch(/username/);
    expect(passwordProblem('ana', 'Wachtwoord2024!')).toMatch(/common/);
    expect(passwordProblem('ana', '1234567890')).toMatch(/common|simple/);
    expect(passwordProblem('ana', 'aaaaaaaaaaaa')).toMatch(/simple/);
    expect(passwordProblem('ana', 'x'.repeat(1025) + 'yz')).toMatch(/too long/);
  });

  it('accepts a long passphrase', () => {
    expect(passwordProblem('ana', 'correct horse battery')).toBeNull();
    expect(passwordProblem('beheer', 'Maas-en-Mergel 1794')).toBeNull();
  });

  it('usernames: letters, digits and . _ -', () => {
    expect(usernameProblem('ana')).toBeNull();
    expect(usernameProblem('a')).toMatch(/username/);
    expect(usernameProblem('ana smit')).toMatch(/username/);
  });
});
