/** `was-this-helpful report`: which pages need work, why, and whether an edit helped. */
import type { OutputFormat } from '../report/output-format.js';
import { formatReport } from '../report/report-output.js';
import { readReportRequest, type ReportRequest } from '../report/report-request.js';
import { runReport } from '../report/run-report.js';
import {
  asUsageError,
  FILTER_OPTIONS,
  FORMAT_OPTION_USAGE,
  readOptions,
  readOutputFormat,
  STORE_OPTIONS,
  STORE_OPTIONS_USAGE,
  storeLocation,
  type StoreLocation,
} from './command-line.js';
import { withStore } from './open-store.js';

export const REPORT_USAGE = `Usage: was-this-helpful report [options]

One row per item with a vote in the window: yes, no, the share of yes (helpful) with its 95%
range (Wilson score interval), the share in the window just before, comments and the top
reason given after No. A vote counts in the window in which it was last cast or changed.

  --since WHEN         the window's first day: a number of days ending with --until (30d),
                       all, or a date YYYY-MM-DD (default 30d: --until and the 29 days before)
  --until DATE         the window's last day, included (default today); days are UTC days
  --prefix TEXT        only items whose id starts with TEXT
  --item ID            this item alone, with its votes per day and its reasons
  --sort ORDER         attention (the default: lowest upper bound first, the pages surest to
                       be unhelpful), helpful (highest lower bound first), votes (most first)
                       or recent (latest vote first)
  --limit N            at most N rows, after sorting
${FORMAT_OPTION_USAGE}
${STORE_OPTIONS_USAGE}
  --help               show this text`;

/** What `report` was asked for. */
export interface ReportOptions {
  store: StoreLocation;
  request: ReportRequest;
  format: OutputFormat;
}

/** Reads the command line (after `report`) on the day of `now`. */
export function parseReportOptions(args: string[], env: NodeJS.ProcessEnv, now: Date): ReportOptions | 'help' {
  const values = readOptions(args, {
    ...FILTER_OPTIONS,
    sort: { type: 'string' },
    limit: { type: 'string' },
    ...STORE_OPTIONS,
    help: { type: 'boolean' },
  });
  if (values.help) return 'help';
  return {
    store: storeLocation(values, env),
    request: asUsageError(() => readReportRequest(values, now)),
    format: readOutputFormat(values.format),
  };
}

export async function reportCommand(args: string[]): Promise<void> {
  const options = parseReportOptions(args, process.env, new Date());
  if (options === 'help') {
    console.log(REPORT_USAGE);
    return;
  }
  const answer = await withStore(options.store, (store) => runReport(store, options.request));
  process.stdout.write(formatReport(answer, options.format));
}
