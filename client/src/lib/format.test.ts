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
