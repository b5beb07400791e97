import type { Context } from 'hono';
import { StoreBusy } from '../stores/vote-store.js';

/** A request the protocol refuses: its message goes back to the client with a 400. */
export class BadRequest extends Error {}

/** A request body over the limit; answered 413. */
export class PayloadTooLarge extends Error {}

/**
 * Sent with every JSON answer: a browser must never sniff one as HTML, since answers echo item ids. Given
 * with each answer rather than by a middleware, which would run for every request.
 */
export const NO_SNIFF = { 'X-Content-Type-Options': 'nosniff' };

/** The statuses the API answers with an error. */
export type ErrorStatus = 400 | 401 | 404 | 405 | 413 | 415 | 429 | 500 | 503;

/** The protocol's error answer: `{"error": message}`, as JSON. */
export const errorAnswer = (c: Context, status: ErrorStatus, message: string): Response =>
  c.json({ error: message }, status, NO_SNIFF);

/**
 * The answer to what a request threw: the client's mistakes as 4xx, a busy store as a 503 the widget retries,
 * and anything else as a 500 (with the error printed for the operator).
 */
export function answerThrown(caught: Error, c: Context, tooLargeMessage: string): Response {
  if (caught instanceof BadRequest) return errorAnswer(c, 400, caught.message);
  if (caught instanceof PayloadTooLarge) return errorAnswer(c, 413, tooLargeMessage);
  if (caught instanceof StoreBusy) {
    c.header('Retry-After', '1');
    return errorAnswer(c, 503, 'The store is busy; try again in a second');
  }
  // Hono's own HTTP exceptions carry their answer.
  if ('getResponse' in caught && typeof caught.getResponse === 'function') return caught.getResponse() as Response;
  console.error('was-this-helpful:', caught);
  return errorAnswer(c, 500, 'Internal error');
}
