import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/**
 * CORS for the API: the origins given (`*`: any) get Hono's CORS answers, preflight included, for `GET` and
 * `POST` with `Content-Type`, and may read `Retry-After`. Hono's `cors()` adds some `Access-Control-*`
 * headers whatever the origin, so an origin not given gets none at all: its preflight is answered like a
 * plain `OPTIONS`.
 */
export function corsForOrigins(origins: readonly string[]): MiddlewareHandler {
  const anyOrigin = origins.includes('*');
  const allowed = cors({
    origin: anyOrigin ? '*' : [...origins],
    allowMethods: ['GET', 'POST'],
    allowHeaders: ['Content-Type'],
    // Without this a cross-origin widget cannot read how long a 429 asks it to wait.
    exposeHeaders: ['Retry-After'],
    maxAge: 86_400,
  });
  return async (c, next) => {
    const origin = c.req.header('Origin');
    if (anyOrigin || (origin !== undefined && origins.includes(origin))) return allowed(c, next);
    if (c.req.method === 'OPTIONS') return c.body(null, 204, { Allow: 'GET, POST, OPTIONS', Vary: 'Origin' });
    await next();
    if (!anyOrigin) c.header('Vary', 'Origin', { append: true });
  };
}
