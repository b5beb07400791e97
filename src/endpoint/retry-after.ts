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
