import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { errorAnswer } from './errors.js';
import { rateLimitKey } from './rate-limit-key.js';

/** Vote requests (POST) a client may make per minute, unless told otherwise. */
export const DEFAULT_RATE_LIMIT = 60;

/**
 * The rate limit: at most `limit` vote requests per minute per client (its address, an IPv6 client's /64:
 * `rateLimitKey`), counted in this process's memory. Past it, a 429 with `Retry-After`, which the widget
 * honours.
 */
export function rateLimitVotes(limit: number, clientAddress: (c: Context) => string | undefined): MiddlewareHandler {
  return rateLimiter({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-6',
    keyGenerator: (c) => rateLimitKey(clientAddress(c)),
    handler: (c) => {
      const info = c.get('rateLimit' as never) as { resetTime?: Date } | undefined;
      const seconds = info?.resetTime ? Math.max(1, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000)) : 60;
      c.header('Retry-After', String(seconds));
      return errorAnswer(c, 429, `Too many votes from this address; try again in ${seconds} s`);
    },
  });
}
