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
