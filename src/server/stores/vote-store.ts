import type { ItemCounts, VoteRequest } from '../../protocol/types.js';

/**
 * Where votes live. The protocol handler needs nothing else, so a deployment on another platform
 * (a serverless function with its own database, say) implements these four methods and reuses the rest.
 */
export interface VoteStore {
  /** Counts of each id, in the order given; an id nobody voted on counts `{ yes: 0, no: 0 }`. */
  counts(ids: readonly string[]): Promise<ItemCounts[]>;
  /** Makes `vote` this voter's current vote on the item (`null` withdraws it) and returns the item's counts after it. Resolves only once the vote is durable. */
  vote(request: VoteRequest): Promise<ItemCounts>;
  /**
   * Optional: a number that changes whenever any count the store serves may have changed, by a vote through
   * this store or through anyone else sharing its data. While it stays the same, `counts` answers the same
   * for the same ids, so the handler may serve a GET's answer again without asking. A store that cannot know
   * when others write (one shared with other instances that does not watch for their commits) must leave
   * it out.
   */
  countsRevision?(): number;
  /** Whether the store answers right now. */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * The store is there but cannot take the request now (another process held the database's write lock for
 * longer than the store waits): answered 503 with `Retry-After`, a failure the widget retries.
 */
export class StoreBusy extends Error {}
