import { describe, expect, it } from 'vitest';
import { changeSignificant } from '../domain/significance.ts';
import { changeWords } from './wijkbrief.ts';

describe('wijkbrief: the change against a year earlier', () => {
  it('no percentage on fewer than MIN_BASE registrations a year earlier, even when more than chance', () => {
    expect(changeSignificant(12, 3)).toBe(true);
    expect(changeWords(12, 3, true)).toBe('+9');
  });

  it('a percentage on a large enough base; chance named in counts', () => {
    expect(changeWords(60, 30, true)).toBe('+100 %');
    expect(changeWords(14, 11, false)).toBe('+3 (toeval)');
    expect(changeWords(5, 5, false)).toBe('gelijk');
  });
});
