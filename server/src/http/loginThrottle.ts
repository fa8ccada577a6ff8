// Slows down and then refuses repeated failed logins, per username and (more leniently, because a
// whole city hall may share one address) per client address, so a password cannot be guessed
// online. In memory: a restart forgets, which only helps the user.

export interface ThrottleDecision {
  /** Wait this long before answering (ms). */
  delayMs: number;
  /** Refuse outright; retry after this many seconds. */
  retryAfterSec?: number;
}

export interface ThrottleOptions {
  windowMs: number;
  /** Failures per username before answers slow down. */
  freeAttempts: number;
  /** Failures per username before logins are refused until the window passes. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** An address may fail this many times more often than one username. */
  addressFactor: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { windowMs: 15 * 60_000, freeAttempts: 3, maxAttempts: 10, baseDelayMs: 250, maxDelayMs: 4000, addressFactor: 5 };

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly opts: ThrottleOptions;

  constructor(opts: Partial<ThrottleOptions> = {}, private readonly now: () => number = Date.now) {
    this.opts = { ...DEFAULT_THROTTLE, ...opts };
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.opts.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  check(username: string, address: string): ThrottleDecision {
    const u = this.recent(`u:${username.toLowerCase()}`);
    const a = this.recent(`a:${address}`);
    // Express the address's failures on the username's scale.
    const level = Math.max(u.length, Math.floor(a.length / this.opts.addressFactor));
    if (level >= this.opts.maxAttempts) {
      const oldest = Math.min(u.length >= this.opts.maxAttempts ? u[0] : Infinity, a.length >= this.opts.maxAttempts * this.opts.addressFactor ? a[0] : Infinity);
      return { delayMs: 0, retryAfterSec: Math.max(1, Math.ceil((oldest + this.opts.windowMs - this.now()) / 1000)) };
    }
    const over = level - this.opts.freeAttempts;
    return { delayMs: level === 0 || over < 0 ? 0 : Math.min(this.opts.maxDelayMs, this.opts.baseDelayMs * 2 ** over) };
  }

  fail(username: string, address: string): void {
    for (const k of [`u:${username.toLowerCase()}`, `a:${address}`]) this.failures.set(k, [...this.recent(k), this.now()]);
    // Bound memory under a flood of random usernames.
    while (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
  }

  succeed(username: string): void {
    this.failures.delete(`u:${username.toLowerCase()}`);
  }
}
