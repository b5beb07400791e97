/**
 * The filters of the owner's report (CONTRACT.md section 6), read the same way from the command line
 * (`was-this-helpful report`) and from the query of `GET /api/report`: the window, `prefix`, `item`, `sort` and
 * `limit`. A value that cannot be read is an `InvalidFilter`.
 */
import { InvalidFilter } from './invalid-filter.js';
import { reportWindow, type ReportWindow } from './report-window.js';

/**
 * The orders of the report: `attention` (lowest upper bound first: the pages we are surest are unhelpful),
 * `helpful` (highest lower bound first), `votes` (most first), `recent` (the latest vote first).
 */
export const REPORT_SORTS = ['attention', 'helpful', 'votes', 'recent'] as const;

export type ReportSort = (typeof REPORT_SORTS)[number];

/** The filters as given (each `undefined` when absent), by their option names without the dashes. */
export interface ReportFilterValues {
  since?: string;
  until?: string;
  prefix?: string;
  item?: string;
  sort?: string;
  limit?: string;
}

/** What the report was asked for. */
export interface ReportRequest {
  window: ReportWindow;
  /** Items whose id starts with this text only. */
  prefix?: string;
  /** This item alone, with its days and reasons. */
  item?: string;
  sort: ReportSort;
  /** The most rows to give, after sorting; `undefined` for all. */
  limit?: number;
}

/** The largest `--limit`: more rows than any store holds items. */
const MAX_LIMIT = 1_000_000_000;

const isReportSort = (value: string): value is ReportSort => (REPORT_SORTS as readonly string[]).includes(value);

/** Reads `values` on the day of `now`; throws `InvalidFilter` with a one-line message for a bad value. */
export function readReportRequest(values: ReportFilterValues, now: Date): ReportRequest {
  const { sort = 'attention', limit } = values;
  if (!isReportSort(sort))
    throw new InvalidFilter(`--sort must be ${REPORT_SORTS.join(', ')}, not ${JSON.stringify(sort)}`);
  if (limit !== undefined && !(/^\d{1,10}$/.test(limit) && Number(limit) >= 1 && Number(limit) <= MAX_LIMIT))
    throw new InvalidFilter(`--limit must be a whole number from 1 to ${MAX_LIMIT}, not ${JSON.stringify(limit)}`);
  if (values.item === '') throw new InvalidFilter('--item must name an item, not be empty');
  return {
    window: reportWindow(values, now),
    prefix: values.prefix || undefined,
    item: values.item,
    sort,
    limit: limit === undefined ? undefined : Number(limit),
  };
}
