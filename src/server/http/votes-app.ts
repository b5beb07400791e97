import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { rateLimiter } from 'hono-rate-limiter';
import { CountsAnswerCache } from './counts-answer-cache.js';
import { rateLimitKey } from './rate-limit-key.js';
import { StoreBusy, type VoteStore } from '../stores/vote-store.js';
import { BadRequest, checkItemIds, decodeBody, itemParameters, parseVoteRequest } from './parse-request.js';

/** Where the protocol is served. */
export const VOTES_PATH = '/api/votes';
/** Where the server says whether its store answers. */
export const HEALTH_PATH = '/healthz';
/** Largest request body accepted; a vote is well under 1 KiB. */
export const MAX_BODY_BYTES = 8 * 1024;

export interface VotesHandlerOptions {
  /** Where votes are kept. */
  store: VoteStore;
  /** Origins allowed to call the API from a browser; `['*']` allows any; empty: same origin only. */
  corsOrigins?: readonly string[];
  /**
   * Vote requests (POST) per minute per client address (an IPv6 client's /64, see `rateLimitKey`); `0` turns
   * the limit off. Default 60.
   */
  rateLimit?: number;
  /** The client's address, for the rate limit. Without it every client shares one budget. */
  clientAddress?: (c: Context) => string | undefined;
  /**
   * Reads the request body as text, rejecting with `PayloadTooLarge` past `limit` bytes and with
   * `BadRequest` when it is not UTF-8. A platform adapter may read its native request directly (the Node
   * adapter does: four times the votes per second of going through web streams); without it the body is
   * read through `Request` with Hono's body limit.
   */
  readBody?: (c: Context, limit: number) => Promise<string>;
  /**
   * Reads one request header as `Headers#get` does. A platform adapter may read its native request directly
   * (the Node adapter does: the web `Request` builds a `Headers` of all the request's headers first); without
   * it, `c.req.header`.
   */
  readHeader?: (c: Context, name: string) => string | undefined;
  /**
   * Set when the platform adds `X-Content-Type-Options: nosniff` to every answer itself (the Node server
   * does, on Node's response). The API's answers then carry only their Content-Type, which Hono passes on as
   * it is: with a second header it builds a `Headers` per answer, 5% of the rate of votes.
   */
  platformSendsNoSniff?: boolean;
}

/** A body over the limit, thrown by `readBody`; answered 413. */
export class PayloadTooLarge extends Error {}

/**
 * Sent with every JSON answer: a browser must never sniff one as HTML, since answers echo item ids. (Set
 * per answer rather than by a middleware, which cost twice as much per request.)
 */
const NO_SNIFF = { 'X-Content-Type-Options': 'nosniff' };

/** The query of a request's URL with its `?`, or `''`: what a GET's answer depends on, besides the counts. */
function queryOf(url: string): string {
  const start = url.indexOf('?');
  return start === -1 ? '' : url.slice(start);
}

/** Whether a Content-Type header names `application/json`, with or without parameters. */
function isJsonType(header = ''): boolean {
  const type = header.split(';', 1)[0]!.toLowerCase();
  // Only spaces and tabs may surround it (String#trim would also take U+00A0, which HTTP does not).
  return type === 'application/json' || type.replace(/^[ \t]+|[ \t]+$/g, '') === 'application/json';
}

const error = (c: Context, status: 400 | 404 | 405 | 413 | 415 | 429 | 500 | 503, message: string) =>
  c.json({ error: message }, status, NO_SNIFF);

/**
 * The endpoint protocol v1 as a Hono app: `GET`/`POST /api/votes` and `GET /healthz`, with CORS, a
 * body limit and a rate limit. Its `fetch` is a standard `Request → Response` handler.
 */
export function createVotesApp(options: VotesHandlerOptions): Hono {
  const { store, corsOrigins = [], rateLimit = 60, clientAddress = () => undefined, readBody } = options;
  const header = options.readHeader ?? ((c: Context, name: string) => c.req.header(name));
  const noSniff = options.platformSendsNoSniff ? undefined : NO_SNIFF;
  // A new object per answer: Hono hands a lone header's object on to the Node adapter, which adds
  // Content-Length to it.
  const jsonAnswer = () => ({ 'Content-Type': 'application/json', ...noSniff });
  const tooLarge = `The body is over ${MAX_BODY_BYTES} bytes`;
  const app = new Hono();

  if (corsOrigins.length > 0) {
    const anyOrigin = corsOrigins.includes('*');
    const allowed = cors({
      origin: anyOrigin ? '*' : [...corsOrigins],
      allowMethods: ['GET', 'POST'],
      allowHeaders: ['Content-Type'],
      // Without this a cross-origin widget cannot read how long a 429 asks it to wait.
      exposeHeaders: ['Retry-After'],
      maxAge: 86_400,
    });
    // Hono's cors() adds some Access-Control-* headers whatever the origin; an origin not configured
    // gets none at all, and its preflight is answered like a plain OPTIONS.
    app.use(VOTES_PATH, async (c, next) => {
      const origin = header(c, 'Origin');
      if (anyOrigin || (origin !== undefined && corsOrigins.includes(origin))) return allowed(c, next);
      if (c.req.method === 'OPTIONS') return c.body(null, 204, { Allow: 'GET, POST, OPTIONS', Vary: 'Origin' });
      await next();
      if (!anyOrigin) c.header('Vary', 'Origin', { append: true });
    });
  }

  if (rateLimit > 0) {
    app.post(VOTES_PATH, rateLimiter({
      windowMs: 60_000,
      limit: rateLimit,
      standardHeaders: 'draft-6',
      keyGenerator: (c) => rateLimitKey(clientAddress(c)),
      handler: (c) => {
        const info = c.get('rateLimit' as never) as { resetTime?: Date } | undefined;
        const seconds = info?.resetTime ? Math.max(1, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000)) : 60;
        c.header('Retry-After', String(seconds));
        return error(c, 429, `Too many votes from this address; try again in ${seconds} s`);
      },
    }));
  }

  if (!readBody) app.post(VOTES_PATH, bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => error(c, 413, tooLarge) }));

  const answers = store.countsRevision ? new CountsAnswerCache(() => store.countsRevision!()) : undefined;
  app.get(VOTES_PATH, async (c) => {
    const url = c.req.url;
    const countsAnswer = async () => JSON.stringify({ items: await store.counts(checkItemIds(itemParameters(new URL(url)))) });
    return c.body(answers ? await answers.answer(queryOf(url), countsAnswer) : await countsAnswer(), 200, jsonAnswer());
  });

  app.post(VOTES_PATH, async (c) => {
    if (!isJsonType(header(c, 'Content-Type'))) return error(c, 415, 'Send votes as Content-Type: application/json');
    const request = parseVoteRequest(readBody ? await readBody(c, MAX_BODY_BYTES) : decodeBody(await c.req.arrayBuffer()));
    return c.json(await store.vote(request), 200, noSniff);
  });

  app.all(VOTES_PATH, (c) => {
    c.header('Allow', corsOrigins.length > 0 ? 'GET, POST, OPTIONS' : 'GET, POST');
    return error(c, 405, `${c.req.method} is not allowed here`);
  });

  app.get(HEALTH_PATH, async (c) =>
    (await store.healthy().catch(() => false)) ? c.json({ ok: true }, 200, NO_SNIFF) : error(c, 503, 'The store is unreachable'));

  app.notFound((c) => error(c, 404, 'Not found'));
  app.onError((caught, c) => {
    if (caught instanceof BadRequest) return error(c, 400, caught.message);
    if (caught instanceof PayloadTooLarge) return error(c, 413, tooLarge);
    if (caught instanceof StoreBusy) {
      c.header('Retry-After', '1');
      return error(c, 503, 'The store is busy; try again in a second');
    }
    if ('getResponse' in caught && typeof caught.getResponse === 'function') return caught.getResponse() as Response;
    console.error('was-this-helpful:', caught);
    return error(c, 500, 'Internal error');
  });
  return app;
}

/** The protocol as a standard fetch handler, for any platform that speaks `Request → Response`. */
export function createVotesHandler(options: VotesHandlerOptions): (request: Request) => Promise<Response> {
  const app = createVotesApp(options);
  return async (request) => app.fetch(request);
}
