import type { Hono } from 'hono';
import { buildVotesApp, type VotesHandlerOptions } from '../http/votes-app.js';
import { readNodeBody } from './node-body.js';
import { readNodeHeader } from './node-header.js';

/**
 * The votes app as `was-this-helpful serve` runs it on Node: the body and headers read straight from Node's
 * request (the web `Request` the adapter builds would stream the body and copy every header first), and
 * `nosniff` left to the Node server, which sets it on every answer (`node-server.ts`).
 */
export const createNodeVotesApp = (options: VotesHandlerOptions): Hono =>
  buildVotesApp(options, { readBody: readNodeBody, readHeader: readNodeHeader, sendsNoSniff: true });
