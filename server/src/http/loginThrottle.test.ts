import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './loginThrottle.ts';

describe('LoginThrottle', () => {
  it('lets the first attempts through, then delays more and more, then refuses', () => {
    let now = 0;
    const t = new LoginThrottle({ freeAttempts: 3, maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 1000, windowMs: 60_000 }, () => now);
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      delays.push(t.check('ana', '1.2.3.4').delayMs);
      t.fail('ana', '1.2.3.4');
    }
    expect(delays).toEqual([0, 0, 0, 100, 200, 400]);
    expect(t.check('ana', '1.2.3.4').retryAfterSec).toBe(60);
    // Another user behind the same address is not locked out by ana's mistakes.
    expect(t.check('bob', '1.2.3.4')).toEqual({ delayMs: 0 });
    now = 61_000;
    expect(t.check('ana', '1.2.3.4')).toEqual({ delayMs: 0 });
  });

  it('limits one address that tries many usernames', () => {
    const t = new LoginThrottle({ maxAttempts: 2, addressFactor: 3 }, () => 0);
    for (let i = 0; i < 6; i++) t.fail(`user${i}`, '9.9.9.9');
    expect(t.check('someone-new', '9.9.9.9').retryAfterSec).toBeGreaterThan(0);
  });

  it('a success clears the username', () => {
    const t = new LoginThrottle({ freeAttempts: 0 }, () => 0);
    t.fail('ana', 'x');
    t.succeed('ana');
    expect(t.check('ana', 'y').delayMs).toBe(0);
  });
});
