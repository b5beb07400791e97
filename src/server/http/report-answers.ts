/**
 * What `GET /api/report` and `GET /api/comments` answer: the query read by the commands' own filter rules (the
 * same names, the same messages), the store asked as the commands ask it, and the answer written as the
 * commands write JSON and CSV.
 */
import { formatComments } from '../report/comments-output.js';
import { readCommentsRequest } from '../report/comments-request.js';
import { InvalidFilter } from '../report/invalid-filter.js';
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

/** The filters of `/api/comments`. */
const COMMENTS_FILTERS = ['since', 'until', 'prefix', 'item', 'vote', 'reason', 'search'] as const;

/** A query's filters, each by its name; `format` apart. */
type QueryValues = Record<string, string>;

/** `format` of a query: `json` unless `csv` is asked for. */
function apiFormat({ format = 'json' }: QueryValues): ApiFormat {
  if (format !== 'json' && format !== 'csv')
    throw new BadRequest(`format must be json or csv, not ${JSON.stringify(format)}`);
  return format;
}

/** The query's values, refusing a name that is not one of `filters` (a typo would otherwise filter nothing). */
function filterValues(values: QueryValues, filters: readonly string[]): QueryValues {
  for (const name of Object.keys(values)) {
    if (name !== 'format' && !filters.includes(name))
      throw new BadRequest(`${name} is not a filter here; the filters are ${filters.join(', ')} and format`);
  }
  return values;
}

/** Runs the commands' reading of the filters; a value it cannot read is the request's 400. */
function readFilters<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw error instanceof InvalidFilter ? new BadRequest(error.message) : error;
  }
}

/** "comments-2026-11-03-to-2026-12-02.csv": what the answer is, and the days it covers. */
const fileName = (what: string, { since, until }: WindowJson) => `${what}-${since ?? 'all'}-to-${until}.csv`;

/** `GET /api/comments`: the follow-ups of the query's filters, newest first, on the day of `now`. */
export async function answerComments(store: VoteStore, values: QueryValues, now: Date): Promise<AdminAnswer> {
  const format = apiFormat(values);
  const request = readFilters(() => readCommentsRequest(filterValues(values, COMMENTS_FILTERS), now));
  if (!store.followUps) throw new Error('this store keeps no follow-ups');
  const body = formatComments(await store.followUps(request.filter), request.window, format);
  return { format, body, fileName: fileName('comments', request.window) };
}

/** `GET /api/report`: the report of the query's filters, on the day of `now`. */
export async function answerReport(_store: VoteStore, values: QueryValues, _now: Date): Promise<AdminAnswer> {
  apiFormat(values);
  throw new BadRequest('the report is not available yet');
}
