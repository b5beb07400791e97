/**
 * What `GET /api/report` and `GET /api/comments` answer: the query read by the commands' own option rules (the
 * same names, the same messages), the store asked as the commands ask it, and the answer written as the
 * commands write JSON and CSV.
 */
import { UsageError } from '../node/command-line.js';
import { parseCommentsOptions } from '../node/comments-command.js';
import { formatComments } from '../report/comments-output.js';
import type { WindowJson } from '../report/report-types.js';
import type { VoteStore } from '../stores/vote-store.js';
import { BadRequest } from './errors.js';

/** The formats the API answers in (the terminal table is for the command line). */
type ApiFormat = 'json' | 'csv';

/** A body to send, in its format; a CSV one with the name the browser saves it under. */
export interface AdminAnswer {
  format: ApiFormat;
  body: string;
  fileName: string;
}

/** `format` of a query: `json` unless `csv` is asked for. */
function apiFormat(values: Record<string, string>): ApiFormat {
  const { format = 'json' } = values;
  if (format !== 'json' && format !== 'csv')
    throw new BadRequest(`format must be json or csv, not ${JSON.stringify(format)}`);
  return format;
}

/** "comments-2026-11-03-to-2026-12-02.csv": what the answer is, and the days it covers. */
const fileName = (what: string, { since, until }: WindowJson) => `${what}-${since ?? 'all'}-to-${until}.csv`;

/** The filters of `/api/comments`. */
const COMMENTS_FILTERS = ['since', 'until', 'prefix', 'item', 'vote', 'reason', 'search'];

/** The query's filters as command-line arguments, to be read by the command's own rules. */
function asArguments(values: Record<string, string>, filters: readonly string[]): string[] {
  return Object.entries(values)
    .filter(([name]) => name !== 'format')
    .map(([name, value]) => {
      if (!filters.includes(name)) throw new BadRequest(`${name} is not a filter here: use ${filters.join(', ')}`);
      return `--${name}=${value}`;
    });
}

/** Runs a command's option reading on the query; its refusal is the request's 400. */
function readQuery<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof UsageError) throw new BadRequest(error.message);
    throw error;
  }
}

export async function answerComments(
  store: VoteStore,
  values: Record<string, string>,
  now: Date,
): Promise<AdminAnswer> {
  const format = apiFormat(values);
  const options = readQuery(() => parseCommentsOptions(asArguments(values, COMMENTS_FILTERS), {}, now));
  if (options === 'help') throw new BadRequest('help is not a filter');
  if (!store.followUps) throw new Error('this store keeps no follow-ups');
  const body = formatComments(await store.followUps(options.filter), options.window, format);
  return { format, body, fileName: fileName('comments', options.window) };
}

export async function answerReport(
  _store: VoteStore,
  values: Record<string, string>,
  _now: Date,
): Promise<AdminAnswer> {
  apiFormat(values);
  throw new BadRequest('the report is not available yet');
}
