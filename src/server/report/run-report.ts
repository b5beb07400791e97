/**
 * The owner's report (CONTRACT.md section 6) from a store's counts: each item's share of "yes" with its 95%
 * Wilson score interval, the share in the window just before, its comments and top reason after No, sorted
 * and limited as asked; for one item, its days and its reasons too. Shared by `was-this-helpful report` and
 * `GET /api/report`.
 */
import type { ItemReportCounts, ReportQuery, VoteStore } from '../stores/vote-store.js';
import type { DailyCounts, ReasonCount, ReportAnswer, ReportItem } from './report-types.js';
import type { ReportRequest, ReportSort } from './report-request.js';
import { dayOf, type ReportWindow } from './report-window.js';
import { wilsonInterval } from './wilson-interval.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A fraction from 0 to 1 as a percentage with one decimal. */
const percent = (fraction: number): number => Math.round(fraction * 1000) / 10;

/** The store's query for a request: its window, the window of the same length just before, and its items. */
export function reportQuery({ window, item, prefix }: ReportRequest): ReportQuery {
  const { from, to } = window;
  const previousFrom = from && new Date(from.getTime() - (to.getTime() - from.getTime()));
  return { from, to, previousFrom, item, prefix };
}

/** The most frequent reason after No, ties going to the first code in order; `null` when none was given. */
export function topReason(reasons: readonly ReasonCount[]): string | null {
  let top: ReasonCount | undefined;
  for (const reason of reasons)
    if (
      reason.vote === 'no' &&
      (!top || reason.count > top.count || (reason.count === top.count && reason.reason < top.reason))
    )
      top = reason;
  return top?.reason ?? null;
}

/** An entry with the exact values the orders compare (the rounded ones could tie items that differ). */
interface Ranked {
  row: ReportItem;
  low: number;
  high: number;
  latest: number;
}

const byItem = (a: Ranked, b: Ranked) => (a.row.item < b.row.item ? -1 : a.row.item > b.row.item ? 1 : 0);
const byVotes = (a: Ranked, b: Ranked) => b.row.votes - a.row.votes;

/** How each `--sort` orders the rows; ties end in the id's order, so that the output is the same every time. */
const ORDERS: Record<ReportSort, (a: Ranked, b: Ranked) => number> = {
  attention: (a, b) => a.high - b.high || byVotes(a, b) || byItem(a, b),
  helpful: (a, b) => b.low - a.low || byVotes(a, b) || byItem(a, b),
  votes: (a, b) => byVotes(a, b) || byItem(a, b),
  recent: (a, b) => b.latest - a.latest || byItem(a, b),
};

/** Every day of the window, oldest first, with the votes of `days` (days with votes) and 0 elsewhere. */
function everyDay(days: readonly DailyCounts[], window: ReportWindow): DailyCounts[] {
  const counted = new Map(days.map((day) => [day.day, day]));
  // With no first day (`all`), the item's first day with a vote starts the chart.
  const first = window.from ?? (days[0] ? new Date(`${days[0].day}T00:00:00Z`) : window.to);
  const filled: DailyCounts[] = [];
  for (let start = first.getTime(); start < window.to.getTime(); start += DAY_MS) {
    const day = dayOf(new Date(start));
    filled.push(counted.get(day) ?? { day, yes: 0, no: 0 });
  }
  return filled;
}

/** Reasons, most frequent first; ties: after No first, then by code. */
const sortReasons = (reasons: readonly ReasonCount[]): ReasonCount[] =>
  [...reasons].sort(
    (a, b) => b.count - a.count || (a.vote === b.vote ? 0 : a.vote === 'no' ? -1 : 1) || (a.reason < b.reason ? -1 : 1),
  );

function rank(counts: ItemReportCounts, request: ReportRequest): Ranked {
  const { item, yes, no, previousYes, previousNo, comments, reasons, latest, days } = counts;
  const votes = yes + no;
  const { low, high } = wilsonInterval(yes, votes);
  const previousVotes = previousYes + previousNo;
  const row: ReportItem = {
    item,
    yes,
    no,
    votes,
    helpful: percent(yes / votes),
    low: percent(low),
    high: percent(high),
    previous: previousVotes > 0 ? percent(previousYes / previousVotes) : null,
    comments,
    top_reason: topReason(reasons),
  };
  if (request.item !== undefined) {
    row.days = everyDay(days ?? [], request.window);
    row.reasons = sortReasons(reasons);
  }
  return { row, low, high, latest: latest.getTime() };
}

/** The report `request` asks for, counted by `store`. */
export async function runReport(store: VoteStore, request: ReportRequest): Promise<ReportAnswer> {
  if (!store.report) throw new Error('this store does not count reports');
  const counts = await store.report(reportQuery(request));
  const ranked = counts.map((entry) => rank(entry, request));
  ranked.sort(ORDERS[request.sort]);
  const { since, until } = request.window;
  return { window: { since, until }, items: ranked.slice(0, request.limit).map((entry) => entry.row) };
}
