/**
 * The filters of `comments` (CONTRACT.md section 6), read the same way from the command line and from the
 * query of `GET /api/comments`: the window, `item`, `prefix`, `vote`, `reason` and `search`. A value that cannot
 * be read is an `InvalidFilter`.
 */
import { isReasonCode } from '../../protocol/follow-up-rules.js';
import type { FollowUpFilter } from '../stores/vote-store.js';
import { InvalidFilter } from './invalid-filter.js';
import { reportWindow, type ReportWindow } from './report-window.js';

/** The filters as given (each `undefined` when absent), by their option names without the dashes. */
export interface CommentsFilterValues {
  since?: string;
  until?: string;
  prefix?: string;
  item?: string;
  vote?: string;
  reason?: string;
  search?: string;
}

/** Which follow-ups to list: the window and the store's filter for it. */
export interface CommentsRequest {
  window: ReportWindow;
  filter: FollowUpFilter;
}

/** Reads `values` on the day of `now`; throws `InvalidFilter` with a one-line message for a bad value. */
export function readCommentsRequest(values: CommentsFilterValues, now: Date): CommentsRequest {
  const { vote, reason } = values;
  if (vote !== undefined && vote !== 'yes' && vote !== 'no')
    throw new InvalidFilter(`--vote must be yes or no, not ${JSON.stringify(vote)}`);
  if (reason !== undefined && !isReasonCode(reason))
    throw new InvalidFilter(
      `--reason must be a reason code (1 to 64 characters of a-z, 0-9 and -), not ${JSON.stringify(reason)}`,
    );
  const window = reportWindow(values, now);
  const { from, to } = window;
  return {
    window,
    filter: { from, to, item: values.item, prefix: values.prefix || undefined, vote, reason, search: values.search },
  };
}
