import { describe, expect, it } from 'vitest';
import { changeText } from './changeWords.ts';

describe('changeText', () => {
  it('gives a percentage only for a change beyond chance', () => {
    expect(changeText(3, 1, 200, false)).toBe('+2 (toeval)');
    expect(changeText(1, 3, -66.7, false)).toBe('-2 (toeval)');
    expect(changeText(40, 10, 300, true)).toMatch(/^\+300,0\s%$/);
    expect(changeText(null, 3, null, null)).toBe('–');
    expect(changeText(2, 2, 0, false)).toBe('gelijk');
  });
});
