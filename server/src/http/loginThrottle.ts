// Slows down and then refuses repeated failed logins, so a password cannot be guessed online, without
// giving an outsider a way to lock a known user out:
// - refusals are per (username, address) and per address (more leniently: a whole city hall may share
//   one), never per username alone, so ten wrong passwords from one address do not stop the right
//   password from another;
// - failures of a username from any address only slow its logins down (bounded), which still limits
//   guessing spread over many addresses;
// - an attempt is reserved BEFORE the password is checked and counts as a failure until it succeeds,
//   so parallel guesses cannot all slip in under the limit while the slow hash runs.
// In memory: a restart forgets, which only helps the user.

export interface ThrottleDecision {
  /** Wait this long before answering (ms). */
  delayMs: number;
  /** Refuse outright; retry after this many seconds. */
  retryAfterSec?: number;
  /** Settles a let-through attempt: pass it to succeed() when the password was right. */
  ticket?: AttemptTicket;
}

export interface AttemptTicket {
  username: string;
  address: string;
  at: number;
}

export interface ThrottleOptions {
  windowMs: number;
  /** Failures per username before answers slow down. */
  freeAttempts: number;
  /** Attempts per (username, address) before they are refused until the window passes. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** An address may fail this many times more often than one (username, address) pair. */
  addressFactor: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { windowMs: 15 * 60_000, freeAttempts: 3, maxAttempts: 10, baseDelayMs: 250, maxDelayMs: 4000, addressFactor: 5 };

/** Keys per kind of counter; a username is compared without case, like the accounts. */
const pairKey = (username: string, address: string) => `p:${address}\u0000${username.toLowerCase()}`;
const addressKey = (address: string) => `a:${address}`;
const userKey = (username: string) => `u:${username.toLowerCase()}`;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly opts: ThrottleOptions;

  constructor(opts: Partial<ThrottleOptions> = {}, private readonly now: () => number = Date.now) {
    this.opts = { ...DEFAULT_THROTTLE, ...opts };
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.opts.windowMs;
    const all = this.failures.get(key);
    if (!all) return [];
    const list = all[0] > cutoff ? all : all.filter((t) => t > cutoff);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  private add(key: string, at: number): void {
    const list = this.recent(key);
    list.push(at);
    // Map order is insertion order: re-inserting keeps the least recently failed keys at the front.
    this.failures.delete(key);
    this.failures.set(key, list);
  }

  private remove(key: string, at: number): void {
    const list = this.recent(key);
    const i = list.lastIndexOf(at);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.failures.delete(key);
  }

  /**
   * Decides about one login attempt and, when it is let through, reserves it at once (synchronously,
   * before any await): it counts as a failure until succeed() takes it back.
   */
  attempt(username: string, address: string): ThrottleDecision {
    const pair = this.recent(pairKey(username, address));
    const byAddress = this.recent(addressKey(address));
    const maxAddress = this.opts.maxAttempts * this.opts.addressFactor;
    if (pair.length >= this.opts.maxAttempts || byAddress.length >= maxAddress) {
      const oldest = Math.min(pair.length >= this.opts.maxAttempts ? pair[pair.length - this.opts.maxAttempts] : Infinity,
        byAddress.length >= maxAddress ? byAddress[byAddress.length - maxAddress] : Infinity);
      return { delayMs: 0, retryAfterSec: Math.max(1, Math.ceil((oldest + this.opts.windowMs - this.now()) / 1000)) };
    }
    // The slow-down follows the worst of: this pair, this address (on the pair's scale), the username anywhere.
    const level = Math.max(pair.length, Math.floor(byAddress.length / this.opts.addressFactor), this.recent(userKey(username)).length);
    const over = level - this.opts.freeAttempts;
    const at = this.now();
    for (const k of [pairKey(username, address), addressKey(address), userKey(username)]) this.add(k, at);
    // Bound memory under a flood of random usernames or addresses: forget the least recently failed.
    while (this.failures.size > 30_000) this.failures.delete(this.failures.keys().next().value!);
    return { delayMs: level === 0 || over < 0 ? 0 : Math.min(this.opts.maxDelayMs, this.opts.baseDelayMs * 2 ** over), ticket: { username, address, at } };
  }

  /** The password was right: the attempt was no failure, and the pair and username start afresh. */
  succeed(ticket: AttemptTicket): void {
    this.remove(addressKey(ticket.address), ticket.at);
    this.failures.delete(pairKey(ticket.username, ticket.address));
    this.failures.delete(userKey(ticket.username));
  }
}
