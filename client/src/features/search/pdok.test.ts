import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lookupUrl, parseLookup, parsePoint, parseSuggestions, suggestUrl } from './pdok.ts';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../../tests/fixtures/pdok/${name}`, import.meta.url), 'utf8'));

describe('PDOK Locatieserver requests', () => {
  it('asks /suggest for streets, addresses and postcodes of the gemeente only', () => {
    const url = new URL(suggestUrl('Sint Pieterstraat', 'GM0935'));
    expect(url.origin + url.pathname).toBe('https://api.pdok.nl/bzk/locatieserver/search/v3_1/suggest');
    expect(url.searchParams.get('q')).toBe('Sint Pieterstraat');
    expect(url.searchParams.getAll('fq')).toEqual(['gemeentecode:0935', 'type:(weg OR adres OR postcode)']);
    expect(url.searchParams.get('rows')).toBe('5');
  });

  it('asks /lookup by id', () => {
    expect(lookupUrl('adr-1 2')).toBe('https://api.pdok.nl/bzk/locatieserver/search/v3_1/lookup?id=adr-1+2');
  });
});

describe('PDOK Locatieserver answers', () => {
  it('reads the suggestions of a recorded answer', () => {
    const found = parseSuggestions(fixture('suggest-sint-pieterstraat.json'));
    expect(found?.map((s) => [s.type, s.naam])).toEqual([
      ['weg', 'Sint Pieterstraat, Maastricht'],
      ['postcode', 'Sint Pieterstraat, 6211JN Maastricht'],
      ['adres', 'Sint Pieterstraat 1, 6211JN Maastricht'],
      ['adres', 'Sint Pieterstraat 2, 6211JN Maastricht'],
      ['adres', 'Sint Pieterstraat 3, 6211JN Maastricht'],
    ]);
    expect(found?.[0].id).toBe('weg-3f0b6c2d1e9a4b7c8d5e6f1a2b3c4d5e');
  });

  it('reads the point of a recorded lookup', () => {
    expect(parseLookup(fixture('lookup-sint-pieterstraat.json'))).toEqual({ naam: 'Sint Pieterstraat, Maastricht', at: [5.69012345, 50.84402117], buurtcode: 'BU09350001' });
  });

  it('leaves out types it did not ask for, and at most five', () => {
    const docs = [{ id: 'gem-1', type: 'gemeente', weergavenaam: 'Gemeente Maastricht' }, ...Array.from({ length: 7 }, (_, i) => ({ id: `adr-${i}`, type: 'adres', weergavenaam: `Straat ${i}` }))];
    expect(parseSuggestions({ response: { docs } })?.map((s) => s.id)).toEqual(['adr-0', 'adr-1', 'adr-2', 'adr-3', 'adr-4']);
  });

  it('says null to anything not shaped like an answer', () => {
    for (const bad of [null, 'error', {}, { response: {} }, { response: { docs: [{ id: 1, type: 'adres', weergavenaam: 'x' }] } }, { response: { docs: [{ id: 'a', type: 'adres' }] } }]) {
      expect(parseSuggestions(bad)).toBeNull();
    }
    for (const bad of [null, { response: { docs: [] } }, { response: { docs: [{ id: 'a', weergavenaam: 'x', centroide_ll: 'POINT(a b)' }] } }]) {
      expect(parseLookup(bad)).toBeNull();
    }
  });

  it('reads WKT points and refuses points far from the Netherlands', () => {
    expect(parsePoint('POINT(5.69 50.84)')).toEqual([5.69, 50.84]);
    expect(parsePoint(' POINT ( 5.69  50.84 ) ')).toEqual([5.69, 50.84]);
    expect(parsePoint('POINT(176162.389 317583.114)')).toBeNull(); // RD, not WGS84
    expect(parsePoint('LINESTRING(5 50, 6 51)')).toBeNull();
    expect(parsePoint('POINT(50.84 5.69)')).toBeNull(); // swapped
  });
});
