import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { RequestError } from '@hono/node-server';

/**
 * Answers to requests that never reach the API's routes, which Node or the Hono adapter would otherwise
 * answer with an empty body (or an empty `text/plain` one): each gets the server's JSON error with nosniff.
 */

const jsonError = (message: string) => JSON.stringify({ error: message });

/**
 * A whole HTTP/1.1 answer with a JSON error, for a socket that no `ServerResponse` writes to. The answer to
 * a HEAD has no body, or the client would read it as the start of another answer.
 */
function rawAnswer(status: number, message: string, { extraHeaders = [] as string[], head = false } = {}): string {
  const body = jsonError(message);
  return [
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
    ...extraHeaders,
    'Content-Type: application/json',
    'X-Content-Type-Options: nosniff',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    head ? '' : body,
  ].join('\r\n');
}

/** The status Node itself gives a request its parser refused, by the error's code. */
export function clientErrorStatus(code: string | undefined): number {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return 431;
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return 413;
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 408;
    default:
      return 400;
  }
}

const CLIENT_ERROR_MESSAGES: Record<number, string> = {
  400: 'The request is not well-formed HTTP',
  408: 'The request took too long to arrive',
  413: 'The chunk extensions are too large',
  431: "The request's headers are over 16 KiB",
};

/** Answers the request a `ServerResponse` holds with a JSON error. */
function answer(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  const body = jsonError(message);
  response
    .writeHead(status, {
      ...headers,
      'Content-Type': 'application/json',
      'X-Content-Type-Options': 'nosniff',
      'Content-Length': Buffer.byteLength(body),
    })
    .end(body);
}

/**
 * The Hono adapter's error handler: a request whose target and `Host` make no URL (a backslash in the path,
 * `Host: a@b`, `GET *`) is the client's mistake, a 400; anything else thrown before Hono answered is the
 * server's, a 500 (which the API's own error handler makes rarer still).
 */
export function answerUnreadableRequest(error: unknown): Response {
  const headers = { 'Content-Type': 'application/json' };
  if (error instanceof RequestError) {
    const reason = error.cause ? 'Invalid URL' : error.message;
    return new Response(jsonError(`The request target or Host is not usable: ${reason}`), { status: 400, headers });
  }
  console.error('was-this-helpful:', error);
  return new Response(jsonError('Internal error'), { status: 500, headers });
}

/**
 * Answers an HTTP/1.1 request without `Host` (Node's own answer, `requireHostHeader`, has no body; the
 * server turns that off and answers here). Says whether it did.
 */
export function answerMissingHost(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.headers.host !== undefined || request.httpVersion !== '1.1') return false;
  answer(response, 400, 'An HTTP/1.1 request needs a Host header', { Connection: 'close' });
  return true;
}

/**
 * Node's own answers, given a JSON body: to what its parser refuses (`clientError`: 400, 408, 413, 431), to
 * an `Expect` other than `100-continue` (417) and to `CONNECT` (405).
 */
export function answerClientErrorsAsJson(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node's own handler: an answer only where the socket takes one and no other answer has begun on it.
    const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (error.code !== 'ECONNRESET' && socket.writable && !inFlight?.headersSent) {
      const status = clientErrorStatus(error.code);
      // What the parser had read: the request it refused, or one before it on the connection.
      const head = (error as { rawPacket?: Buffer }).rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD ';
      socket.end(rawAnswer(status, CLIENT_ERROR_MESSAGES[status]!, { head }), () => socket.destroy());
    } else socket.destroy();
  });
  server.on('checkExpectation', (_request: IncomingMessage, response: ServerResponse) =>
    answer(response, 417, 'The only expectation understood is "Expect: 100-continue"'),
  );
  // Node closes a CONNECT request's connection without a word unless someone listens: answer it like any
  // other method the API does not know.
  server.on('connect', (_request: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => socket.destroy()); // the client may be gone already; Node no longer watches this socket
    socket.end(rawAnswer(405, 'CONNECT is not allowed here', { extraHeaders: ['Allow: GET, POST'] }));
  });
}
