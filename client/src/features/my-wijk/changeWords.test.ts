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

  it('gives no percentage on a base of fewer than ten, even beyond chance: the difference instead', () => {
    // 12 against 2 passes the test (p ≈ 0,013), but "+500 %" on two registrations tells a wijkagent nothing.
    expect(changeText(12, 2, 500, true)).toBe('+10');
    expect(changeText(9, 0, null, true)).toBe('+9');
  });
});
