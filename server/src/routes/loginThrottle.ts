// Slows down and then refuses repeated failed logins per username and per client address, so a
// password cannot be guessed online. In memory: a restart forgets, which only helps the user.

export interface ThrottleDecision {
  /** Wait this long before answering (ms). */
  delayMs: number;
  /** Refuse outright; retry after this many seconds. */
  retryAfterSec?: number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly opts = { windowMs: 15 * 60_000, freeAttempts: 3, maxAttempts: 10, baseDelayMs: 250, maxDelayMs: 4000 },
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.opts.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  check(keys: string[]): ThrottleDecision {
    let worst = 0;
    let oldest = Infinity;
    for (const k of keys) {
      const r = this.recent(k);
      if (r.length > worst) { worst = r.length; oldest = r[0]; }
    }
    if (worst >= this.opts.maxAttempts) {
      return { delayMs: 0, retryAfterSec: Math.max(1, Math.ceil((oldest + this.opts.windowMs - this.now()) / 1000)) };
    }
    const over = worst - this.opts.freeAttempts;
    return { delayMs: over < 0 ? 0 : Math.min(this.opts.maxDelayMs, this.opts.baseDelayMs * 2 ** over) };
  }

  fail(keys: string[]): void {
    for (const k of keys) this.failures.set(k, [...this.recent(k), this.now()]);
    // Bound memory under a flood of random usernames.
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
  }

  succeed(keys: string[]): void {
    for (const k of keys) this.failures.delete(k);
  }
}
