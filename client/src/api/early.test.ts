import { describe, expect, it } from 'vitest';
import { askEarly, takeEarly } from './early.ts';

describe('early answers', () => {
  it('go to the first query with the same key, once', async () => {
    let asked = 0;
    const answer = askEarly(['stats', { gemeente: 'NL', level: 'gemeente' }], async () => ++asked);
    expect(takeEarly(['stats', { gemeente: 'NL', level: 'buurt' }])).toBeUndefined();
    const taken = takeEarly<number>(['stats', { gemeente: 'NL', level: 'gemeente' }]);
    expect(taken).toBe(answer);
    expect(await taken).toBe(1);
    // A later query asks the server itself.
    expect(takeEarly(['stats', { gemeente: 'NL', level: 'gemeente' }])).toBeUndefined();
    expect(asked).toBe(1);
  });
});
