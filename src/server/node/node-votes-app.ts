import type { Hono } from 'hono';
import type { ReportPageFiles } from '../http/report-routes.js';
import { buildVotesApp, type VotesHandlerOptions } from '../http/votes-app.js';
import { readNodeBody } from './node-body.js';

/**
 * The votes app as `was-this-helpful serve` runs it on Node: the body read straight from Node's request, not
 * streamed through the web `Request` the adapter builds (about three times the votes per second:
 * BENCHMARKS.md), and the report page's files when it has them (`readReportPage`).
 */
export const createNodeVotesApp = (options: VotesHandlerOptions, reportPage?: ReportPageFiles): Hono =>
  buildVotesApp(options, { readBody: readNodeBody, reportPage });
