import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { answerClientErrorsAsJson, answerMissingHost, answerUnreadableRequest } from './client-errors.js';
import type { StaticFiles } from './static-files.js';

/**
 * How long an idle connection stays open: longer than the 60 s for which nginx (`keepalive` upstreams) and
 * cloud load balancers keep one, so that the server never closes a connection at the moment a proxy or a
 * client sends a vote on it (a POST that neither retries: the reader would get a 502 or a network error).
 * Node's default of 5 s loses that race whenever the other side is a little late.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export interface NodeServerOptions {
  /** The API: a standard fetch handler (the Hono app's `fetch`). */
  fetch: (request: Request, env: never) => Response | Promise<Response>;
  /** The host a request without `Host` (HTTP/1.0) is taken to be for. */
  hostname: string;
  /** The files of `--static`, answered before the API is asked. */
  staticFiles?: StaticFiles | undefined;
}

/**
 * Node's HTTP server for `was-this-helpful serve`: every answer carries `X-Content-Type-Options: nosniff`
 * (set on Node's response, so that static files and Node's own answers carry it too), the files of `--static`
 * are answered from memory, everything else goes to the API through the Hono adapter, and what neither
 * reaches (Node's parser errors, a URL the adapter cannot build) still gets a JSON error.
 */
export function createNodeServer({ fetch, hostname, staticFiles }: NodeServerOptions): Server {
  const api = getRequestListener(fetch as Parameters<typeof getRequestListener>[0], {
    hostname,
    errorHandler: answerUnreadableRequest,
  });
  // Node's own answer to a request without Host has no body: the listener below answers it instead.
  const server = createServer({ requireHostHeader: false }, (request, response) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (answerMissingHost(request, response) || staticFiles?.answer(request, response)) return;
    void api(request, response);
  });
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  answerClientErrorsAsJson(server);
  return server;
}
