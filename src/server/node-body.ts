import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { PayloadTooLarge } from './handler.js';

/**
 * Reads a request body straight from Node's `IncomingMessage` (which @hono/node-server passes as
 * `c.env.incoming`), stopping at `limit` bytes. Going through the web `Request` costs a ReadableStream
 * per request, and was the largest cost of a vote.
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
    incoming.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    incoming.once('error', reject);
  });
}
