import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { errorAnswer } from './errors.js';
import { FailedAttempts } from './failed-attempts.js';
import { rateLimitKey } from './rate-limit-key.js';

/** The shortest admin token the server accepts: a guess must be out of reach even without the lockout. */
export const MIN_ADMIN_TOKEN_LENGTH = 24;

/** What guards the owner's report. */
export interface AdminAccessOptions {
  /** The token `Authorization: Bearer …` must carry. */
  token: string;
  /** The client's address, counted by `rateLimitKey` (an IPv6 client's /64), as for votes. */
  clientAddress: (c: Context) => string | undefined;
  /** The failed attempts, shared by every admin path so that a guesser cannot spread them out. */
  failedAttempts: FailedAttempts;
}

/** A token's SHA-256: two digests always have the same length, so comparing them reveals nothing of the length. */
const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Whether `header` is `Bearer <token>`, compared in constant time. */
export function carriesToken(header: string | undefined, token: string): boolean {
  const given = /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1] ?? '';
  // Compared even when the header is missing or malformed (as the digest of ''), so that its shape takes no
  // less time to refuse.
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * Every answer under the admin paths is `Cache-Control: no-store`: a report, a comment or the page asking for
 * the token must never be kept by a browser or a proxy. An address that failed too often gets 429 on every
 * admin path, the page included, until its lockout has passed.
 */
export function adminHeaders(options: AdminAccessOptions): MiddlewareHandler {
  return async (c, next) => {
    const lockedFor = options.failedAttempts.lockedFor(rateLimitKey(options.clientAddress(c)));
    if (lockedFor > 0) {
      c.header('Cache-Control', 'no-store');
      c.header('Retry-After', String(lockedFor));
      return errorAnswer(c, 429, `Too many failed attempts from this address; try again in ${lockedFor} s`);
    }
    await next();
    c.header('Cache-Control', 'no-store');
    return undefined;
  };
}

/**
 * The bearer token check of the admin API. A request without the right token gets 401 with
 * `WWW-Authenticate: Bearer` and the same message whatever was wrong (missing, malformed, or another token),
 * and counts as a failed attempt of its address.
 */
export function requireAdminToken(options: AdminAccessOptions): MiddlewareHandler {
  return async (c, next) => {
    if (carriesToken(c.req.header('Authorization'), options.token)) return next();
    options.failedAttempts.record(rateLimitKey(options.clientAddress(c)));
    c.header('WWW-Authenticate', 'Bearer');
    return errorAnswer(c, 401, 'Unauthorized');
  };
}
