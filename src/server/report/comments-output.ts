/**
 * What `was-this-helpful comments` prints: one row per follow-up, newest first (`received`, `item`, `vote`,
 * `reason`, `comment`), as a terminal table, CSV or JSON. Comments are text in each: isolated and shown as
 * written in the table, a quoted and defused field in CSV, a JSON string.
 */
import type { StoredFollowUp } from '../stores/vote-store.js';
import { toCsv } from './csv.js';
import type { OutputFormat } from './output-format.js';
import type { ReportWindow } from './report-window.js';
import { renderTable } from './terminal-table.js';

const COLUMNS = ['received', 'item', 'vote', 'reason', 'comment'] as const;

/** The window as the JSON output states it. */
const windowOf = ({ since, until }: ReportWindow) => ({ since, until });

/** "from 2026-11-03 to 2026-12-02", or "up to 2026-12-02" for `--since all`. */
const windowText = ({ since, until }: ReportWindow) => (since ? `from ${since} to ${until}` : `up to ${until}`);

/** A received time in the table: to the minute, UTC. */
const minute = (instant: Date) => instant.toISOString().slice(0, 16).replace('T', ' ');

function commentsTable(followUps: readonly StoredFollowUp[], window: ReportWindow): string {
  const count = followUps.length === 1 ? '1 follow-up' : `${followUps.length || 'No'} follow-ups`;
  const summary = `${count} received ${windowText(window)} (UTC days).\n`;
  if (followUps.length === 0) return summary;
  const table = renderTable(
    [
      { header: 'received (UTC)' },
      { header: 'item', shrink: true },
      { header: 'vote' },
      { header: 'reason', shrink: true },
    ],
    followUps.map((followUp) => ({
      cells: [minute(followUp.received), followUp.item, followUp.vote, followUp.reason ?? ''],
      note: followUp.comment === '' ? undefined : followUp.comment,
    })),
  );
  return `${summary}\n${table}`;
}

/** The follow-ups found in `window`, printed in `format`. */
export function formatComments(
  followUps: readonly StoredFollowUp[],
  window: ReportWindow,
  format: OutputFormat,
): string {
  const rows = followUps.map(({ received, item, vote, reason, comment }) => ({
    received: received.toISOString(),
    item,
    vote,
    reason,
    comment,
  }));
  if (format === 'json') return `${JSON.stringify({ window: windowOf(window), comments: rows }, null, 2)}\n`;
  if (format === 'csv')
    return toCsv(
      COLUMNS,
      rows.map((row) => COLUMNS.map((column) => row[column])),
    );
  return commentsTable(followUps, window);
}
