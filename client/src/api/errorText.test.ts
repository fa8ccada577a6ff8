// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from './client.ts';
import { errorText } from './queries.ts';

describe('errorText', () => {
  it("gives the reader the server's reason without the field name programs need", () => {
    const err = new ApiRequestError(400, { error: 'from: een presentatie toont één maand, een kwartaal …', parameter: 'from' });
    expect(errorText(err)).toBe('een presentatie toont één maand, een kwartaal …');
    expect(errorText(new ApiRequestError(403, { error: 'alleen een beheerder beheert accounts' }))).toBe('alleen een beheerder beheert accounts');
    expect(errorText(new Error('netwerkfout'))).toBe('netwerkfout');
  });
});
