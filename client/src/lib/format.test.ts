import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth, formatNumber, formatPercentChange, formatPeriod, formatSignedNumber, parseDutchNumber, pluralArea, unnamed } from './format.ts';

describe('formatNumber', () => {
  it('uses a decimal comma and a thousands dot', () => {
    expect(formatNumber(1234.56, 1)).toBe('1.234,6');
    expect(formatNumber(12.5, 1)).toBe('12,5');
    expect(formatNumber(20, 1)).toBe('20,0');
    expect(formatNumber(44)).toBe('44');
  });
  it('shows a dash for missing values and never "-0"', () => {
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(Number.NaN, 1)).toBe('–');
    expect(formatNumber(-0.01, 1)).toBe('0,0');
  });
});

describe('the numbers are written as Intl writes nl-NL', () => {
  // format.ts writes them itself (a fresh page's first Intl object costs Chromium its ICU data load): held to Intl here.
  const made = new Map<string, Intl.NumberFormat>();
  const intl = (decimals: number, signed: boolean) => {
    const key = `${decimals}:${signed}`;
    if (!made.has(key)) made.set(key, new Intl.NumberFormat('nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: signed ? 'exceptZero' : 'auto' }));
    return made.get(key)!;
  };
  const values = [0, 0.04, 0.05, 0.5, 0.95, 0.999, 1, 9.95, 12.345, 99.5, 999, 999.95, 1000, 1234.5, 9999.96, 12345.678, 100000, 999999.5, 1e6, 1234567.891, 1e12 + 0.5, 2 ** 53];
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let i = 0; i < 400; i++) values.push(random() * 10 ** Math.floor(random() * 9));
  const all = values.flatMap((v) => [v, -v]);

  it('formatNumber, for 0 to 3 decimals', () => {
    for (const d of [0, 1, 2, 3]) {
      for (const v of all) {
        const r = Number(v.toFixed(d));
        expect(formatNumber(v, d), `${v} with ${d} decimals`).toBe(intl(d, false).format(r === 0 ? 0 : r));
      }
    }
  });
  it('formatSignedNumber and formatPercentChange', () => {
    for (const d of [0, 1, 2]) {
      for (const v of all) {
        const r = Number(v.toFixed(d));
        const want = intl(d, true).format(r === 0 ? 0 : r);
        expect(formatSignedNumber(v, d), `${v} with ${d} decimals`).toBe(want);
        expect(formatPercentChange(v, d)).toBe(`${want} %`);
      }
    }
  });
  it('stays exact past where toFixed writes an exponent', () => {
    expect(formatNumber(1.5e21)).toBe(intl(0, false).format(1.5e21));
    expect(formatSignedNumber(-2e22, 0)).toBe(intl(0, true).format(-2e22));
  });
});

describe('formatPercentChange', () => {
  it('signs changes', () => {
    expect(formatPercentChange(12.34)).toBe('+12,3 %');
    expect(formatPercentChange(-4)).toMatch(/^[-−]4,0 %$/);
    expect(formatPercentChange(0)).toBe('0,0 %');
    expect(formatPercentChange(null)).toBe('–');
  });
});

describe('formatSignedNumber', () => {
  it('signs differences without a unit and never signs zero', () => {
    expect(formatSignedNumber(2.345)).toBe('+2,3');
    expect(formatSignedNumber(-1)).toMatch(/^[-−]1,0$/);
    expect(formatSignedNumber(-0.01)).toBe('0,0');
    expect(formatSignedNumber(null)).toBe('–');
  });
});

describe('parseDutchNumber', () => {
  it('reads Dutch and plain notation', () => {
    expect(parseDutchNumber('12,5')).toBe(12.5);
    expect(parseDutchNumber('1.234,5')).toBe(1234.5);
    expect(parseDutchNumber('7.5')).toBe(7.5);
    expect(parseDutchNumber(' ')).toBeNull();
    expect(parseDutchNumber('abc')).toBeNull();
  });
});

describe('periods', () => {
  it('formats months and ranges in Dutch', () => {
    expect(formatMonth('2024-03')).toBe('mrt 2024');
    expect(formatMonth('2024-03', 'long')).toBe('maart 2024');
    expect(formatPeriod('2024-01', '2024-12')).toBe('jan 2024 – dec 2024');
    expect(formatPeriod('2025-12', '2025-12')).toBe('dec 2025');
  });
  it('pluralises area words', () => {
    expect(pluralArea(44, 'buurt')).toBe('44 buurten');
    expect(pluralArea(1, 'wijk')).toBe('1 wijk');
  });
});

describe('formatDate', () => {
  it('writes a date in Dutch', () => {
    expect(formatDate('2025-12-31')).toBe('31 december 2025');
    expect(formatDate('2024-03-05', 'short')).toBe('5 mrt 2024');
    expect(formatDate('gisteren')).toBe('gisteren');
  });
});

describe('unnamed', () => {
  it('says an ellipsis, not the code, while the list that names it is loading', () => {
    expect(unnamed('0.0.0', [])).toBe('…');
    expect(unnamed('GM0935', [])).toBe('…');
  });

  it('says the code once the list is there without it', () => {
    expect(unnamed('9.9.9', [{ code: '0.0.0', naam: 'Totaal misdrijven' }])).toBe('9.9.9');
  });
});
