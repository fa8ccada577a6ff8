// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './client.ts';
import { errorText, parameterNoun, serverReason } from './errorText.ts';
import { errorText as fromQueries } from './queries.ts';

describe('errorText', () => {
  it("never shows the server's own error text: the sentence comes from the status and the parameter", () => {
    const unknownGemeente = new ApiRequestError(404, { error: 'gemeente GM9999 is not in the data', parameter: 'gemeente' });
    expect(errorText(unknownGemeente)).toBe('De gemeente staat niet in de gegevens.');
    const unknownCategory = new ApiRequestError(400, { error: "category: unknown category 'zzz' (see /api/categories)", parameter: 'category' });
    expect(errorText(unknownCategory)).toBe('De soort misdrijf in dit verzoek is niet geldig.');
    expect(errorText(new ApiRequestError(400, { error: 'to: a window is at most 12 months', parameter: 'to' }))).toBe('Het einde van de periode in dit verzoek is niet geldig.');
    // Body fields are named by their path; the last name counts.
    expect(errorText(new ApiRequestError(400, { error: 'indicators.9.targets.1.year: expected a year', parameter: 'indicators.9.targets.1.year' }))).toBe(
      'Het jaar in dit verzoek is niet geldig.',
    );
    expect(fromQueries).toBe(errorText);
  });

  it('has a Dutch sentence for every status, with or without a parameter the UI knows', () => {
    const cases: [ApiRequestError, RegExp][] = [
      [new ApiRequestError(400, { error: 'x: nope', parameter: 'x' }), /^Het verzoek is niet geldig\.$/],
      [new ApiRequestError(401, { error: 'not logged in: POST /api/auth/login first' }), /aangemeld/],
      [new ApiRequestError(403, { error: 'this role may not change data' }), /geen toegang/],
      [new ApiRequestError(404, null), /staat niet \(meer\) in de gegevens/],
      [new ApiRequestError(409, { error: 'import 3 is the source', parameter: 'id' }), /intussen veranderd/],
      [new ApiRequestError(413, { error: 'more than 50000 points', parameter: 'from' }), /te veel/],
      [new ApiRequestError(429, { error: 'too many failed logins' }, 30), /over 30 seconden/],
      [new ApiRequestError(500, null), /fout 500/],
      [new ApiRequestError(503, { error: 'database is locked' }), /tijdelijk niet beschikbaar/],
    ];
    for (const [err, text] of cases) {
      const shown = errorText(err);
      expect(shown, String(err.status)).toMatch(text);
      expect(shown).not.toContain(err.body?.error ?? '\u0000');
      expect(shown).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('says so when the server cannot be reached, and hides what the client itself threw', () => {
    expect(errorText(new TypeError('Failed to fetch'))).toMatch(/niet bereikbaar/);
    expect(errorText(new Error('Unexpected token < in JSON'))).toBe('Er ging onverwacht iets mis. Probeer het opnieuw.');
    expect(errorText('boom')).not.toContain('boom');
  });

  it('knows the Dutch word for the parameters the map sends', () => {
    for (const p of ['gemeente', 'level', 'category', 'from', 'to', 'month', 'measure', 'code', 'wijk', 'area']) expect(parameterNoun(p), p).not.toBeNull();
    expect(parameterNoun(undefined)).toBeNull();
    expect(parameterNoun('zzz')).toBeNull();
  });
});

describe('serverReason (the beheer desk forms)', () => {
  it("keeps the server's Dutch reason for the beheerder, without the field name programs need", () => {
    const weak = new ApiRequestError(400, { error: 'password: wachtwoord te gangbaar: kies een minder voorspelbaar wachtwoord', parameter: 'password' });
    expect(serverReason(weak)).toBe('wachtwoord te gangbaar: kies een minder voorspelbaar wachtwoord');
    expect(serverReason(new ApiRequestError(409, { error: 'import 7 is niet de laatste import (dat is 9)' }))).toBe('import 7 is niet de laatste import (dat is 9)');
    expect(serverReason(new ApiRequestError(500, null))).toBe(null);
  });
});
