import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './loginThrottle.ts';

describe('LoginThrottle', () => {
  it('lets the first attempts through, then delays more and more, then refuses that address', () => {
    let now = 0;
    const t = new LoginThrottle({ freeAttempts: 3, maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 1000, windowMs: 60_000 }, () => now);
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) delays.push(t.attempt('ana', '1.2.3.4').delayMs);
    expect(delays).toEqual([0, 0, 0, 100, 200, 400]);
    expect(t.attempt('ana', '1.2.3.4').retryAfterSec).toBe(60);
    // Another user behind the same address is not locked out by ana's mistakes.
    expect(t.attempt('bob', '1.2.3.4').retryAfterSec).toBeUndefined();
    now = 61_000;
    expect(t.attempt('ana', '1.2.3.4').retryAfterSec).toBeUndefined();
  });

  it('does not let failures from one address lock the user out at another (only slower)', () => {
    const t = new LoginThrottle({ freeAttempts: 3, maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1000 }, () => 0);
    for (let i = 0; i < 10; i++) t.attempt('Beheer', '6.6.6.6');
    expect(t.attempt('beheer', '6.6.6.6').retryAfterSec).toBeGreaterThan(0);
    const elsewhere = t.attempt('beheer', '10.0.0.7');
    expect(elsewhere.retryAfterSec).toBeUndefined();
    expect(elsewhere.delayMs).toBe(1000);
    // Right password there: the username starts afresh everywhere except at the guessing address.
    t.succeed(elsewhere.ticket!);
    expect(t.attempt('beheer', '10.0.0.8').delayMs).toBe(0);
    expect(t.attempt('beheer', '6.6.6.6').retryAfterSec).toBeGreaterThan(0);
  });

  it('limits one address that tries many usernames', () => {
    const t = new LoginThrottle({ maxAttempts: 2, addressFactor: 3 }, () => 0);
    for (let i = 0; i < 6; i++) t.attempt(`user${i}`, '9.9.9.9');
    expect(t.attempt('someone-new', '9.9.9.9').retryAfterSec).toBeGreaterThan(0);
    expect(t.attempt('someone-new', '9.9.9.10').retryAfterSec).toBeUndefined();
  });

  it('reserves attempts before they are settled: parallel guesses beyond the limit are refused', () => {
    const t = new LoginThrottle({ maxAttempts: 10 }, () => 0);
    for (let i = 0; i < 9; i++) t.attempt('ana', 'x');
    // Thirty guesses arrive before any has been checked: only the tenth attempt is let through.
    const decisions = Array.from({ length: 30 }, () => t.attempt('ana', 'x'));
    expect(decisions.filter((d) => d.retryAfterSec === undefined)).toHaveLength(1);
  });

  it('a success takes its own reservation back', () => {
    const t = new LoginThrottle({ freeAttempts: 0 }, () => 0);
    t.attempt('ana', 'x');
    t.succeed(t.attempt('ana', 'x').ticket!);
    expect(t.attempt('ana', 'y').delayMs).toBe(0);
  });
});
