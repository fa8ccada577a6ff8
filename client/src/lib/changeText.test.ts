import { describe, expect, it } from 'vitest';
import { changeLine, changeText } from './changeText.ts';

const c = (count: number | null, previousCount: number | null, changePct: number | null, changeSignificant: boolean | null) => ({ count, previousCount, changePct, changeSignificant });

describe('a change in words', () => {
  it('gives the counts and why on a small base, never "+50,0 %" on 3 against 2', () => {
    expect(changeLine(c(3, 2, 50, false))).toBe('3 (was 2) – te weinig registraties');
    expect(changeLine(c(0, 4, -100, false))).toBe('0 (was 4) – te weinig registraties');
    expect(changeLine(c(1, 0, null, false))).toBe('1 (was 0) – geen vergelijking');
  });

  it('gives a percentage on a large enough base, said to be within chance where the test says so', () => {
    expect(changeLine(c(9, 10, -10, false))).toBe('-10,0 % (niet significant)');
    expect(changeLine(c(600, 400, 50, true))).toBe('+50,0 %');
    expect(changeText(c(null, null, null, null))).toEqual({ value: '–', reason: null, explanation: null });
  });
});
