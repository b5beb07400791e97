const FIRST_RETRY_MS = 4_000;
const LONGEST_RETRY_MS = 5 * 60_000;

/**
 * Milliseconds before the `attempt`-th retry (1-based): doubling from a few seconds up to five minutes,
 * or what the server asked for with `Retry-After` (capped the same way).
 */
export function retryDelay(attempt: number, retryAfterSeconds?: number): number {
  if (retryAfterSeconds !== undefined) return Math.min(LONGEST_RETRY_MS, Math.max(0, retryAfterSeconds * 1000));
  const backoff = FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1);
  // Up to 20% jitter, so that readers cut off together do not all come back in the same second.
  return Math.min(LONGEST_RETRY_MS, backoff) * (1 - Math.random() * 0.2);
}

/**
 * The seconds a `Retry-After` header asks to wait: a number of seconds, or an HTTP date (the wait until
 * then). `undefined` for a wait under a second (`0`, `0.5`, a date past or less than a second away),
 * which said again and again would turn the outbox into a request per round trip: the usual backoff applies.
 */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  // An HTTP date begins with the day's name; delay-seconds with a digit.
  const seconds = /^\s*\d/.test(header) ? Number(header) : (Date.parse(header) - now) / 1000;
  return seconds >= 1 ? seconds : undefined;
}
