/**
 * What `was-this-helpful report` prints (CONTRACT.md section 6), as a terminal table that fits 80 columns, CSV
 * or JSON (`{window, items}`). For one item (`--item`) the table adds its reasons and its days; JSON carries
 * them as `reasons` and `days`; CSV keeps the one row (the days and the reasons have CSVs of their own here,
 * which the report page downloads).
 */
import { toCsv } from './csv.js';
import type { OutputFormat } from './output-format.js';
import type { ReportAnswer, ReportItem, WindowJson } from './report-types.js';
import { isolate } from './bidi-isolate.js';
import { displayWidth } from './display-width.js';
import { renderTable } from './terminal-table.js';

/** The columns of the report's CSV, in order: the fields of each item, as JSON names them. */
export const REPORT_CSV_COLUMNS = [
  'item',
  'yes',
  'no',
  'votes',
  'helpful',
  'low',
  'high',
  'previous',
  'comments',
  'top_reason',
] as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The report's rows as CSV (RFC 4180, formulas defused), one row per item. */
export const reportCsv = (answer: ReportAnswer): string =>
  toCsv(
    REPORT_CSV_COLUMNS,
    answer.items.map((item) => REPORT_CSV_COLUMNS.map((column) => item[column])),
  );

/** One item's days as CSV: `day,yes,no`. */
export const itemDaysCsv = (item: ReportItem): string =>
  toCsv(
    ['day', 'yes', 'no'],
    (item.days ?? []).map(({ day, yes, no }) => [day, yes, no]),
  );

/** One item's reasons as CSV: `reason,vote,count`. */
export const itemReasonsCsv = (item: ReportItem): string =>
  toCsv(
    ['reason', 'vote', 'count'],
    (item.reasons ?? []).map(({ reason, vote, count }) => [reason, vote, count]),
  );

/** The window in words, and on a line of its own what "before" (`previous`) covers. */
function windowText({ since, until }: WindowJson): string {
  if (!since) return `up to ${until} (UTC days).`;
  const days = Math.round((Date.parse(until) - Date.parse(since)) / DAY_MS) + 1;
  return `from ${since} to ${until} (UTC days).\n"before" is the share of Yes in the ${days === 1 ? 'day' : `${days} days`} before.`;
}

/** A percentage in the table: "46.2%", or "-" for none. (ASCII: a terminal's width of it is certain.) */
const shown = (value: number | null) => (value === null ? '-' : `${value.toFixed(1)}%`);

function itemsTable(items: readonly ReportItem[], idStart: string): string {
  const right = { align: 'right' } as const;
  return renderTable(
    [
      { header: 'item', shrink: true },
      { header: 'yes', ...right },
      { header: 'no', ...right },
      { header: 'helpful', ...right },
      { header: '95% range', ...right },
      { header: 'before', ...right },
      { header: 'comments', ...right },
      { header: 'top reason', shrink: true },
    ],
    items.map((item) => ({
      cells: [
        item.item.slice(idStart.length),
        String(item.yes),
        String(item.no),
        shown(item.helpful),
        `${item.low.toFixed(1)}-${item.high.toFixed(1)}`,
        shown(item.previous),
        String(item.comments),
        item.top_reason ?? '',
      ],
    })),
  );
}

/** An item's reasons and days, under its row. */
function itemDetail(item: ReportItem): string {
  const right = { align: 'right' } as const;
  const reasons =
    (item.reasons ?? []).length === 0
      ? 'No reasons given.\n'
      : renderTable(
          [{ header: 'reason', shrink: true }, { header: 'after' }, { header: 'count', ...right }],
          item.reasons!.map(({ reason, vote, count }) => ({ cells: [reason, vote, String(count)] })),
        );
  const days = renderTable(
    [{ header: 'day (UTC)' }, { header: 'yes', ...right }, { header: 'no', ...right }],
    (item.days ?? []).map(({ day, yes, no }) => ({ cells: [day, String(yes), String(no)] })),
  );
  return `\nReasons:\n${reasons}\nDays:\n${days}`;
}

/** Longer than this, the start the ids share is not left out (its line would not fit 80 columns). */
const MAX_ID_START = 56;

/**
 * What every id of the table starts with, up to a `/` (`https://example.org/docs/`), or `''`. The table
 * leaves it out and says so above, which gives the column what tells the ids apart: ids are often URLs of
 * one site, and the item column is what an 80-column table has least room for.
 */
export function sharedIdStart(ids: readonly string[]): string {
  if (ids.length === 0) return '';
  let shared = ids[0]!;
  for (const id of ids) while (!id.startsWith(shared)) shared = shared.slice(0, -1);
  // Up to its last `/`, leaving each id something to show (an id may end with the `/`).
  const shortest = Math.min(...ids.map((id) => id.length));
  const start = shared.slice(0, shared.lastIndexOf('/', shortest - 2) + 1);
  return displayWidth(start) <= MAX_ID_START ? start : '';
}

function reportTable(answer: ReportAnswer): string {
  const { items } = answer;
  const count = items.length === 1 ? '1 item' : `${items.length || 'No'} items`;
  const summary = `${count} with votes ${windowText(answer.window)}\n`;
  if (items.length === 0) return summary;
  const idStart = sharedIdStart(items.map((item) => item.item));
  const shared = idStart === '' ? '' : `Every id starts with ${isolate(idStart)}, left out below.\n`;
  const detail = items.length === 1 && items[0]!.days ? itemDetail(items[0]!) : '';
  return `${summary}${shared}\n${itemsTable(items, idStart)}${detail}`;
}

/** The report `answer` printed in `format`. */
export function formatReport(answer: ReportAnswer, format: OutputFormat): string {
  if (format === 'json') return `${JSON.stringify(answer, null, 2)}\n`;
  if (format === 'csv') return reportCsv(answer);
  return reportTable(answer);
}
