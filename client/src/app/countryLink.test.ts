import { describe, expect, it } from 'vitest';
import { mayOpenCountry } from './countryLink.ts';

describe('a link that may open the national map', () => {
  it('is one to the country, not its presentation', () => {
    expect(mayOpenCountry('?gemeente=NL')).toBe(true);
    expect(mayOpenCountry('?gemeente=NL&level=buurt&measure=count')).toBe(true);
    expect(mayOpenCountry('')).toBe(false);
    expect(mayOpenCountry('?gemeente=GM0935')).toBe(false);
    expect(mayOpenCountry('?gemeente=NL&view=presentatie&presentation=3')).toBe(false);
  });
});
