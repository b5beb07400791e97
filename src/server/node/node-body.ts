import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { BadRequest, PayloadTooLarge } from '../http/errors.js';
import { decodeBody } from '../http/parse-request.js';

/**
 * Reads a request body straight from Node's `IncomingMessage` (which @hono/node-server passes as
 * `c.env.incoming`), stopping at `limit` bytes, without the ReadableStream per request that the web
 * `Request` would build (BENCHMARKS.md has what it saves). Bytes that are not UTF-8 are a 400, as in
 * `decodeBody`.
 */
export function readNodeBody(c: Context, limit: number): Promise<string> {
  const incoming = (c.env as { incoming: IncomingMessage }).incoming;
  return new Promise((resolve, reject) => {
    if (Number(incoming.headers['content-length']) > limit) {
      incoming.resume(); // drain, so that the connection can carry the answer
      reject(new PayloadTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else {
        incoming.off('data', onData);
        incoming.resume();
        reject(new PayloadTooLarge());
      }
    };
    incoming.on('data', onData);
    incoming.once('end', () => {
      try {
        resolve(decodeBody(Buffer.concat(chunks)));
      } catch (error) {
        reject(error);
      }
    });
    // The client went away before the end of its body: nobody is left to read an answer, and it is no
    // fault of the server's (a 500 here would also print a stack trace per abandoned request).
    incoming.once('error', () => reject(new BadRequest('The request ended before its body')));
  });
}
