/**
 * What `GET /api/report` and `GET /api/comments` answer: the query read by the commands' own filter rules (the
 * same names, the same messages), the store asked as the commands ask it, and the answer written as the
 * commands write JSON and CSV.
 */
import { formatComments } from '../report/comments-output.js';
import { readCommentsRequest } from '../report/comments-request.js';
import { InvalidFilter } from '../report/invalid-filter.js';
import { formatReport, itemDaysCsv, itemReasonsCsv } from '../report/report-output.js';
import { readReportRequest } from '../report/report-request.js';
import type { ReportItem } from '../report/report-types.js';
import { runReport } from '../report/run-report.js';
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

/** The filters of `/api/report`. */
const REPORT_FILTERS = ['since', 'until', 'prefix', 'item', 'sort', 'limit', 'part'] as const;
/**
 * What CSV of one item (`item=…&format=csv`) holds: its row (`item`, the default), its `days` or its `reasons`,
 * so that each table of the report page's item view downloads as it is shown.
 */
const ITEM_PARTS = ['item', 'days', 'reasons'] as const;

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
export async function answerReport(store: VoteStore, values: QueryValues, now: Date): Promise<AdminAnswer> {
  const format = apiFormat(values);
  const { part = 'item', ...filters } = filterValues(values, REPORT_FILTERS);
  if (!(ITEM_PARTS as readonly string[]).includes(part))
    throw new BadRequest(`part must be ${ITEM_PARTS.join(', ')}, not ${JSON.stringify(part)}`);
  if (part !== 'item' && (format !== 'csv' || filters.item === undefined))
    throw new BadRequest(`part=${part} is one item's ${part} as CSV: give item and format=csv too`);
  const request = readFilters(() => readReportRequest(filters, now));
  const answer = await runReport(store, request);
  // An item without votes in the window has no row: its days and reasons are the header alone.
  const row = answer.items[0] ?? ({ days: [], reasons: [] } as unknown as ReportItem);
  let body: string;
  if (part === 'days') body = itemDaysCsv(row);
  else if (part === 'reasons') body = itemReasonsCsv(row);
  else body = formatReport(answer, format);
  const what = part === 'item' ? (request.item === undefined ? 'report' : 'item') : part;
  return { format, body, fileName: fileName(what, answer.window) };
}
