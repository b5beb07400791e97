/**
 * The owner's report as both stores assemble it: each store counts with its own SQL (each item's votes in the
 * window and in the one before; the follow-ups on the window's votes, grouped by item, vote and reason; an
 * item's days), and this puts the rows together, one entry per item with votes in the window.
 */
import type { DailyCounts } from '../report/report-types.js';
import type { ItemReportCounts } from './vote-store.js';

/** An item's votes in a window, as a store counted them. */
export interface WindowRow {
  item: string;
  yes: number;
  no: number;
  /** When the latest of them was cast or changed. */
  latest: Date;
}

/** The follow-ups on an item's votes in the window with one vote and reason (`null`: a comment alone). */
export interface FollowUpGroupRow {
  item: string;
  vote: 'yes' | 'no';
  reason: string | null;
  /** How many follow-ups. */
  given: number;
  /** How many of them hold a comment. */
  comments: number;
}

/** One entry per item of `current`, with its votes in `previous` (the window before), comments, reasons and days. */
export function reportCounts(
  current: readonly WindowRow[],
  previous: readonly Omit<WindowRow, 'latest'>[],
  followUps: readonly FollowUpGroupRow[],
  days?: DailyCounts[],
): ItemReportCounts[] {
  const entries = new Map<string, ItemReportCounts>();
  for (const { item, yes, no, latest } of current)
    entries.set(item, {
      item,
      yes,
      no,
      previousYes: 0,
      previousNo: 0,
      latest,
      comments: 0,
      reasons: [],
      ...(days ? { days } : {}),
    });
  for (const { item, yes, no } of previous) {
    const entry = entries.get(item);
    if (entry) Object.assign(entry, { previousYes: yes, previousNo: no });
  }
  for (const { item, vote, reason, given, comments } of followUps) {
    const entry = entries.get(item);
    if (!entry) continue; // not possible while the votes' rows and the follow-ups' agree; kept out rather than half-made
    entry.comments += comments;
    if (reason !== null) entry.reasons.push({ reason, vote, count: given });
  }
  return [...entries.values()];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of a day counted from the epoch (the stores group by `updated_at` ÷ one day). */
export const dayNumberToDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
