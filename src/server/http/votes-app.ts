import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { VoteStore } from '../stores/vote-store.js';
import { CountsAnswerCache } from './counts-answer-cache.js';
import { corsForOrigins } from './cors.js';
import { answerThrown, errorAnswer, NO_SNIFF } from './errors.js';
import { checkItemIds, decodeBody, itemParameters, parseVoteRequest } from './parse-request.js';
import { DEFAULT_RATE_LIMIT, rateLimitVotes } from './rate-limit.js';
import { scrubPersonalData } from '../privacy/scrub-personal-data.js';
import { MIN_ADMIN_TOKEN_LENGTH } from './admin-access.js';
import { FailedAttempts } from './failed-attempts.js';
import { addReportRoutes, type ReportPageFiles } from './report-routes.js';

/** Where the protocol is served. */
export const VOTES_PATH = '/api/votes';
/** Where the server says whether its store answers. */
export const HEALTH_PATH = '/healthz';
/** Largest request body accepted; a vote is well under 1 KiB. */
export const MAX_BODY_BYTES = 8 * 1024;

/** What a deployment of the handler configures. */
export interface VotesHandlerOptions {
  /** Where votes are kept. */
  store: VoteStore;
  /** Origins allowed to call the API from a browser; `['*']` allows any; empty: same origin only. */
  corsOrigins?: readonly string[];
  /**
   * Vote requests (POST) per minute per client address (an IPv6 client's /64); `0` turns the limit off.
   * Default 60.
   */
  rateLimit?: number;
  /** The client's address, for the rate limit. Without it every client shares one budget. */
  clientAddress?: (c: Context) => string | undefined;
  /**
   * Store follow-up comments as readers wrote them. Default `false`: e-mail addresses become `[email]` and
   * phone numbers `[phone]` before the store sees them (`scrubPersonalData`).
   */
  keepPersonalData?: boolean;
  /**
   * Serves the owner's report (`/api/report`, `/api/comments`, and `/report` where the platform has the page)
   * to requests with `Authorization: Bearer <adminToken>`; at least 24 characters. Without it those paths are 404.
   */
  adminToken?: string;
}

/**
 * How a platform adapter reads a request body where it has a faster way than the web `Request` (the Node
 * adapter, `src/server/node/node-votes-app.ts`). Not public: a deployment configures `VotesHandlerOptions`.
 */
export interface PlatformAccess {
  /**
   * The request body as text, rejecting with `PayloadTooLarge` past `limit` bytes and with `BadRequest` when
   * it is not UTF-8. Without it the body is read through `Request`, behind Hono's body limit.
   */
  readBody?: (c: Context, limit: number) => Promise<string>;
  /** The report page's files, which the platform reads (Node: from `dist/report/`); without them, no page. */
  reportPage?: ReportPageFiles;
  /** The clock of the admin token's lockout (ms since the epoch); a test gives its own. */
  now?: () => number;
}

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

/** The votes app on a platform that reads and writes through `platform` where it can; see `createVotesApp`. */
export function buildVotesApp(options: VotesHandlerOptions, platform: PlatformAccess = {}): Hono {
  const {
    store,
    corsOrigins = [],
    rateLimit = DEFAULT_RATE_LIMIT,
    clientAddress = () => undefined,
    keepPersonalData = false,
    adminToken,
  } = options;
  const { readBody, reportPage, now } = platform;
  if (adminToken !== undefined && adminToken.length < MIN_ADMIN_TOKEN_LENGTH)
    throw new RangeError(`The admin token must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters long`);
  // A new object per answer: Hono may hand the object on to the Node adapter, which adds Content-Length to it.
  const jsonAnswer = () => ({ 'Content-Type': 'application/json', ...NO_SNIFF });
  const tooLarge = `The body is over ${MAX_BODY_BYTES} bytes`;
  const app = new Hono();

  if (corsOrigins.length > 0) app.use(VOTES_PATH, corsForOrigins(corsOrigins));
  if (rateLimit > 0) app.post(VOTES_PATH, rateLimitVotes(rateLimit, clientAddress));
  if (!readBody)
    app.post(VOTES_PATH, bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => errorAnswer(c, 413, tooLarge) }));

  const answers = store.countsRevision ? new CountsAnswerCache(() => store.countsRevision!()) : undefined;
  app.get(VOTES_PATH, async (c) => {
    const url = c.req.url;
    const countsAnswer = async () =>
      JSON.stringify({ items: await store.counts(checkItemIds(itemParameters(new URL(url)))) });
    return c.body(answers ? await answers.answer(queryOf(url), countsAnswer) : await countsAnswer(), 200, jsonAnswer());
  });

  app.post(VOTES_PATH, async (c) => {
    if (!isJsonType(c.req.header('Content-Type')))
      return errorAnswer(c, 415, 'Send votes as Content-Type: application/json');
    const request = parseVoteRequest(
      readBody ? await readBody(c, MAX_BODY_BYTES) : decodeBody(await c.req.arrayBuffer()),
    );
    if (request.comment !== undefined && !keepPersonalData) request.comment = scrubPersonalData(request.comment);
    return c.json(await store.vote(request), 200, NO_SNIFF);
  });

  app.all(VOTES_PATH, (c) => {
    c.header('Allow', corsOrigins.length > 0 ? 'GET, POST, OPTIONS' : 'GET, POST');
    return errorAnswer(c, 405, `${c.req.method} is not allowed here`);
  });

  app.get(HEALTH_PATH, async (c) =>
    (await store.healthy().catch(() => false))
      ? c.json({ ok: true }, 200, NO_SNIFF)
      : errorAnswer(c, 503, 'The store is unreachable'),
  );

  if (adminToken !== undefined) {
    const failedAttempts = new FailedAttempts(now);
    addReportRoutes(app, store, { token: adminToken, clientAddress, failedAttempts }, reportPage);
  }

  app.notFound((c) => errorAnswer(c, 404, 'Not found'));
  app.onError((caught, c) => answerThrown(caught, c, tooLarge));
  return app;
}

/**
 * The endpoint protocol as a Hono app: `GET`/`POST /api/votes` and `GET /healthz`, with CORS, a body limit
 * and a rate limit; with `adminToken`, also the owner's report API (`/api/report`, `/api/comments`). Its `fetch` is a standard `Request → Response` handler; mount it in a larger Hono app.
 */
export const createVotesApp = (options: VotesHandlerOptions): Hono => buildVotesApp(options);

/** The protocol as a standard fetch handler, for any platform that speaks `Request → Response`. */
export function createVotesHandler(options: VotesHandlerOptions): (request: Request) => Promise<Response> {
  const app = createVotesApp(options);
  return async (request) => app.fetch(request);
}
