import { describe, expect, it } from 'vitest';
import { AnswerCache } from './answerCache.ts';

describe('AnswerCache', () => {
  it('computes once per key and returns the same JSON text', () => {
    const cache = new AnswerCache();
    let calls = 0;
    const compute = () => ({ n: ++calls });
    expect(cache.json('a', compute)).toBe('{"n":1}');
    expect(cache.json('a', compute)).toBe('{"n":1}');
    expect(calls).toBe(1);
    expect(cache.json('b', compute)).toBe('{"n":2}');
  });

  it('drops the least recently used answers beyond its size', () => {
    const cache = new AnswerCache(20); // room for two 10-character answers
    const ten = (c: string) => () => c.repeat(8); // '"xxxxxxxx"' = 10 characters
    cache.json('a', ten('a'));
    cache.json('b', ten('b'));
    cache.json('a', ten('a')); // a is now the most recent
    cache.json('c', ten('c')); // evicts b
    let recomputed = false;
    cache.json('a', () => ((recomputed = true), 'x'));
    expect(recomputed).toBe(false);
    cache.json('b', () => ((recomputed = true), 'bbbbbbbb'));
    expect(recomputed).toBe(true);
    expect(cache.size).toBe(2);
  });

  it('does not keep an answer larger than the whole cache', () => {
    const cache = new AnswerCache(5);
    expect(cache.json('big', () => 'too long')).toBe('"too long"');
    expect(cache.size).toBe(0);
  });
});
