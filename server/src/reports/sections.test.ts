import { describe, expect, it } from 'vitest';
import type { StatsRow } from '../domain/model.ts';
import { changeSignificant } from '../domain/significance.ts';
import { MIN_BASE } from '../domain/percentBase.ts';
import { highestRates, rateColumn, rateMapValues, risesAndFalls, suppressedWords, tooFewNote, wijkTable } from './sections.ts';

/** A stats row as computeStats makes it: the change in % and its exact test from the two counts. */
function row(code: string, naam: string, count: number | null, previousCount: number | null, extra: Partial<StatsRow> = {}): StatsRow {
  return {
    code,
    naam,
    wijkcode: 'WK093500',
    count,
    population: 5000,
    ratePer1000: null,
    ratePer1000Smoothed: null,
    densityPerKm2: null,
    changePct: count !== null && previousCount ? Math.round(((count - previousCount) / previousCount) * 1000) / 10 : null,
    previousCount,
    changeSignificant: changeSignificant(count, previousCount),
    flags: [],
    ...extra,
  };
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
/** Each table row as [name, its cells as text]. */
const rowsOf = (html: string) => [...html.matchAll(/<tr[^>]*><th scope="row">([\s\S]*?)<\/th>([\s\S]*?)<\/tr>/g)].map((m) => [text(m[1]).trim(), [...m[2].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => text(c[1]).trim())] as const);

// The December 2024 briefing's Geweld and Woninginbraak rows that printed "+200,0%" and "−100,0%".
const wijken = [
  row('WK093501', 'Wijk 01 Buitenwijk Zuidwest', 3, 1),
  row('WK093502', 'Wijk 02 Buitenwijk West', 14, 5),
  row('WK093503', 'Wijk 03 Buitenwijk Noordwest', 0, 2),
  row('WK093504', 'Wijk 04 Buitenwijk Oost', 28, 23),
  row('WK093505', 'Wijk 05 Buitenwijk Noordoost', 2, 2),
];
const gm = row('GM0935', 'Maastricht', 146, 102);
const heads = { current: 'dec 2024', previous: 'dec 2023' };

describe('no percentage change on a base below MIN_BASE', () => {
  const html = wijkTable('Geweld', heads, wijken, gm);
  const rows = new Map(rowsOf(html));

  it('the wijk table gives the two counts and the difference, with words instead of a percentage', () => {
    for (const [name, cells] of rows) {
      const previous = Number(cells[1]);
      if (previous < MIN_BASE) expect(cells[2], name).not.toMatch(/%/);
    }
    expect(rows.get('Wijk 01 Buitenwijk Zuidwest')).toEqual(['3', '1', '+2 te weinig registraties voor een percentage']);
    expect(rows.get('Wijk 02 Buitenwijk West')).toEqual(['14', '5', '+9 te weinig registraties voor een percentage']);
    expect(rows.get('Wijk 03 Buitenwijk Noordwest')).toEqual(['0', '2', '−2 te weinig registraties voor een percentage']);
    expect(rows.get('Wijk 05 Buitenwijk Noordoost')).toEqual(['2', '2', '0']);
  });

  it('keeps the percentage, and the "niet significant" words, from MIN_BASE on', () => {
    expect(rows.get('Wijk 04 Buitenwijk Oost')).toEqual(['28', '23', '+21,7% binnen toeval (niet significant)']);
    expect(rows.get('Maastricht (gemeente)')).toEqual(['146', '102', '+43,1%']);
  });

  it('the "highest" list prints no percentage on a small base either', () => {
    const buurt = row('BU09350101', 'Jekerdal', 12, 6, { ratePer1000Smoothed: 40, population: 1200 });
    const cells = rowsOf(highestRates([buurt], new Map(), '4e kwartaal 2023', () => ''))[0][1];
    expect(cells.join(' | ')).not.toMatch(/%/);
    expect(cells.join(' | ')).toContain('te weinig registraties voor een percentage');
  });
});

describe('buurten with too few inhabitants', () => {
  const business = row('BU09350601', 'Beatrixhaven', 67, 60, { population: 15, ratePer1000: 4466.7, ratePer1000Smoothed: 3114.2, flags: ['lowPopulation'] });
  const home = row('BU09350602', 'Amby', 80, 70, { population: 4000, ratePer1000: 20, ratePer1000Smoothed: 20.5 });

  it('get no class on the report map', () => {
    expect(rateMapValues([business, home])).toEqual([
      { code: 'BU09350601', value: 3114.2, suppressed: false, tooFew: true },
      { code: 'BU09350602', value: 20.5, suppressed: false, tooFew: false },
    ]);
  });

  it('show no rate per 1.000 in a table column', () => {
    expect(rateColumn([business, home], 'ratePer1000')).toEqual(new Map<string, number | string>([['BU09350601', 'te weinig inwoners'], ['BU09350602', 20]]));
    const html = wijkTable('Alle misdrijven', heads, [business, home], gm, [{ header: 'Per 1.000 inw.', values: rateColumn([business, home], 'ratePer1000'), gemeente: 16.8, decimals: 1 }]);
    expect(text(html)).not.toContain('4.466,7');
    expect(new Map(rowsOf(html)).get('Beatrixhaven')![3]).toBe('te weinig inwoners');
  });

  it('are named apart with their count, not their rate, in proper Dutch', () => {
    const one = row('BU09350603', 'Lanakerveld', 1, null, { population: 1, flags: ['lowPopulation'] });
    const note = text(tooFewNote([business, one]));
    expect(note).toContain('Beatrixhaven (67 registraties, 15 inwoners); Lanakerveld (1 registratie, 1 inwoner)');
    expect(note).not.toContain('3.114');
  });
});

describe('singular and plural by count', () => {
  it('says "1 buurt … is" and "2 buurten … zijn"', () => {
    expect(suppressedWords(1)).toBe('1 buurt op de kaart is daarom afgeschermd');
    expect(suppressedWords(0)).toBe('0 buurten op de kaart zijn daarom afgeschermd');
    expect(suppressedWords(2)).toBe('2 buurten op de kaart zijn daarom afgeschermd');
  });

  it('the rises-and-falls note counts the buurten that changed within chance', () => {
    const note = (rows: StatsRow[]) => text(risesAndFalls(rows, new Map(), heads));
    expect(note([row('B1', 'A', 24, 20)])).toContain('1 andere buurt veranderde wel');
    expect(note([row('B1', 'A', 24, 20), row('B2', 'B', 18, 20)])).toContain('2 andere buurten veranderden wel');
    expect(note([row('B1', 'A', 24, 20)])).not.toMatch(/\(en\)/);
  });
});
