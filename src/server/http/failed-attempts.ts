/** How many failed attempts an address may make in one window before it is locked out. */
export const MAX_FAILED_ATTEMPTS = 10;
/** The window in which they count, and how long the lockout lasts from its start. */
export const FAILED_ATTEMPTS_WINDOW_MS = 15 * 60 * 1000;
/** The most addresses remembered at once: a flood from many addresses cannot grow memory without bound. */
const MAX_REMEMBERED = 100_000;

interface Attempts {
  /** When the first failure of the current window happened (ms since the epoch). */
  since: number;
  count: number;
}

/**
 * Failed attempts at the admin token, per client key (`rateLimitKey`), counted in this process's memory. An
 * address's window opens at its first failure and lasts 15 minutes; after 10 failures in it, every admin
 * request from that address is refused until the window has passed.
 */
export class FailedAttempts {
  readonly #attempts = new Map<string, Attempts>();
  readonly #now: () => number;

  /** `now` is the clock (ms since the epoch); a test gives its own. */
  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** The key's current window, or `undefined` when it has none or it has passed. */
  #current(key: string): Attempts | undefined {
    const attempts = this.#attempts.get(key);
    if (attempts && this.#now() - attempts.since >= FAILED_ATTEMPTS_WINDOW_MS) {
      this.#attempts.delete(key);
      return undefined;
    }
    return attempts;
  }

  /** Seconds until the key may try again (at least 1), or 0 when it is not locked out. */
  lockedFor(key: string): number {
    const attempts = this.#current(key);
    if (!attempts || attempts.count < MAX_FAILED_ATTEMPTS) return 0;
    return Math.max(1, Math.ceil((attempts.since + FAILED_ATTEMPTS_WINDOW_MS - this.#now()) / 1000));
  }

  /** Counts one failed attempt of the key. */
  record(key: string): void {
    const attempts = this.#current(key);
    if (attempts) {
      attempts.count += 1;
      return;
    }
    if (this.#attempts.size >= MAX_REMEMBERED) this.#forgetOldest();
    this.#attempts.set(key, { since: this.#now(), count: 1 });
  }

  /** Drops the windows that have passed, and when none had, the oldest one (a Map keeps insertion order). */
  #forgetOldest(): void {
    const now = this.#now();
    for (const [key, attempts] of this.#attempts) {
      if (now - attempts.since >= FAILED_ATTEMPTS_WINDOW_MS) this.#attempts.delete(key);
    }
    if (this.#attempts.size >= MAX_REMEMBERED) this.#attempts.delete(this.#attempts.keys().next().value!);
  }
}
