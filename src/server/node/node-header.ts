import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/** What `Headers` strips around each value (HTTP whitespace). */
const HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

/**
 * Reads one request header straight from Node's raw header list (the Node adapter passes the request as
 * `c.env.incoming`), giving what `Headers#get` gives: every value of that name, trimmed, joined by ", ".
 * Asking the adapter's web `Request` instead builds a `Headers` of every header of the request first.
 */
export function readNodeHeader(c: Context, name: string): string | undefined {
  const raw = (c.env as { incoming: IncomingMessage }).incoming.rawHeaders;
  const wanted = name.toLowerCase();
  let value: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    if (raw[i]!.length !== wanted.length || raw[i]!.toLowerCase() !== wanted) continue;
    const one = raw[i + 1]!.replace(HTTP_WHITESPACE, '');
    value = value === undefined ? one : `${value}, ${one}`;
  }
  return value;
}
