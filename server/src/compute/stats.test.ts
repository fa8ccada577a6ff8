import { describe, expect, it } from 'vitest';
import { rateNote } from './stats.ts';

describe('the note on what a rate per 1.000 covers', () => {
  it('says "maand" for one month and "maanden" for more, never "maand(en)"', () => {
    expect(rateNote(1)).toBe('Per 1.000 inwoners over de gekozen periode van 1 maand, niet omgerekend naar een jaar.');
    expect(rateNote(12)).toBe('Per 1.000 inwoners over de gekozen periode van 12 maanden, niet omgerekend naar een jaar.');
  });
});
