import type { ItemCounts, VoteRequest } from '../../protocol/types.js';
import type { DailyCounts, ReasonCount } from '../report/report-types.js';

/**
 * Where votes live. The protocol handler needs nothing else, so a deployment on another platform
 * (a serverless function with its own database, say) implements these four methods and reuses the rest.
 * A store that also keeps follow-ups (protocol v1.1: why the reader voted) implements `followUps` and
 * `purgeFollowUps`, which the owner's commands use; a store without them keeps votes only, as in v1. A store
 * that implements `report` serves the owner's report (`was-this-helpful report`, `GET /api/report`).
 */
export interface VoteStore {
  /** Counts of each id, in the order given; an id nobody voted on counts `{ yes: 0, no: 0 }`. */
  counts(ids: readonly string[]): Promise<ItemCounts[]>;
  /**
   * Makes `vote` this voter's current vote on the item (`null` withdraws it) and returns the item's counts after
   * it. Resolves only once the vote is durable.
   *
   * A store that keeps follow-ups applies the request's `reason` and `comment` (as the handler passes them: a
   * code, and a comment trimmed and scrubbed, each left out when absent) in the same transaction: it keeps one
   * follow-up per voter per item, with the time it was received; a follow-up replaces the earlier one; a vote
   * that changes (to the other value or `null`) deletes the voter's follow-up on the item, and the same vote
   * without a follow-up keeps it; the same follow-up again changes nothing and keeps its first received time.
   * A store that does not keep follow-ups ignores the two fields.
   */
  vote(request: VoteRequest): Promise<ItemCounts>;
  /**
   * Optional: a number that changes whenever any count the store serves may have changed, by a vote through
   * this store or through anyone else sharing its data. While it stays the same, `counts` answers the same
   * for the same ids, so the handler may serve a GET's answer again without asking. A store that cannot know
   * when others write (one shared with other instances that does not watch for their commits) must leave
   * it out.
   */
  countsRevision?(): number;
  /** Optional, for stores that keep follow-ups: those `filter` selects, newest first. */
  followUps?(filter: FollowUpFilter): Promise<StoredFollowUp[]>;
  /** Optional, for stores that keep follow-ups: deletes those received before `before`, and says how many. */
  purgeFollowUps?(before: Date): Promise<number>;
  /**
   * Optional: the counts of the owner's report, one entry per item with a vote last cast or changed in the
   * query's window, in no particular order. Each vote counts in the window of its latest change only.
   */
  report?(query: ReportQuery): Promise<ItemReportCounts[]>;
  /** Whether the store answers right now. */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

/** A follow-up as a store keeps it. */
export interface StoredFollowUp {
  /** When the server received it (first: the same follow-up sent again keeps this time). */
  received: Date;
  item: string;
  /** The vote it explains, which is the voter's current vote on the item. */
  vote: 'yes' | 'no';
  /** The reason code, or `null`. */
  reason: string | null;
  /** What the reader wrote, `''` for nothing. */
  comment: string;
}

/** Which follow-ups to read: each field that is set narrows the selection. */
export interface FollowUpFilter {
  /** Received at or after this instant. */
  from?: Date;
  /** Received before this instant. */
  to?: Date;
  /** On this item only. */
  item?: string;
  /** On items whose id starts with this text. */
  prefix?: string;
  /** Explaining this vote. */
  vote?: 'yes' | 'no';
  /** With this reason code. */
  reason?: string;
  /** With a comment that holds this text, ignoring case (`commentMatches`). */
  search?: string;
}

/** Which votes `report` counts: those last cast or changed from `from` to `to`, of every item or some. */
export interface ReportQuery {
  /** The window's start, included; `undefined` for no start (`--since all`). */
  from?: Date;
  /** The window's end, excluded. */
  to: Date;
  /** The start of the window just before, which ends at `from`; `undefined` for none. */
  previousFrom?: Date;
  /** This item only; its entry then carries `days`. */
  item?: string;
  /** Items whose id starts with this text only. */
  prefix?: string;
}

/** What a store counts for one item with votes in a report's window. */
export interface ItemReportCounts {
  item: string;
  /** Votes "yes" last cast or changed in the window. */
  yes: number;
  /** Votes "no" last cast or changed in the window. */
  no: number;
  /** Votes "yes" last cast or changed in the window just before (0 without one). */
  previousYes: number;
  /** Votes "no" last cast or changed in the window just before (0 without one). */
  previousNo: number;
  /** When the item's latest vote in the window was cast or changed. */
  latest: Date;
  /** Follow-ups with a comment on the item's votes in the window. */
  comments: number;
  /** Each reason given in the follow-ups on the item's votes in the window, by vote, with its count. */
  reasons: ReasonCount[];
  /** With `ReportQuery.item` only: the votes of each UTC day of the window that has any, oldest first. */
  days?: DailyCounts[];
}

/** What the stores of this package take besides where their data lives. */
export interface StoreOptions {
  /**
   * The time a vote is cast and a follow-up received, in milliseconds since the epoch (default `Date.now`).
   * Tests and benchmarks set it to seed data at known times.
   */
  clock?: () => number;
}

/**
 * The store is there but cannot take the request now (another process held the database's write lock for
 * longer than the store waits): answered 503 with `Retry-After`, a failure the widget retries.
 */
export class StoreBusy extends Error {}
