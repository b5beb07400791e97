import { isCount } from '../protocol/responses.js';
import type { Counts, Vote } from '../protocol/types.js';
import type { FollowUp } from '../protocol/follow-up-rules.js';
import { isVote } from '../protocol/validation.js';
import { readStored, writeStored } from './safe-storage.js';

/** Prefix of every per-item key this widget keeps in localStorage. */
export const ITEM_KEY_PREFIX = 'was-this-helpful:item:';

/** What survives a reload for one item of one endpoint (`endpoint: null` is local-only mode). */
export interface ItemRecord {
  readonly endpoint: string | null;
  readonly id: string;
  /** The reader's current vote. */
  vote: Vote;
  /** The vote the server last acknowledged: the one its counts include. */
  confirmed: Vote;
  /** `vote` has not been acknowledged yet: this record is in the outbox. */
  pending: boolean;
  /** The last counts the server sent. */
  counts: Counts | null;
  /** When the reader cast `vote` (ms since the epoch): between tabs, the later vote wins. */
  votedAt: number;
  /** The follow-up waiting to be sent with `vote` (it makes the record pending); `null` or absent: none. */
  followUp?: FollowUp | null;
}

/** The key of an item of an endpoint. */
export const itemKey = (endpoint: string | null, id: string): string =>
  ITEM_KEY_PREFIX + JSON.stringify([endpoint, id]);

/** Reads a stored record (kept as a compact array); anything tampered with reads as absent. */
export function readRecord(key: string): ItemRecord | undefined {
  try {
    const [endpoint, id, vote, confirmed, pending, yes, no, votedAt, followUp] = JSON.parse(
      readStored(key)!,
    ) as unknown[];
    const counts = isCount(yes) && isCount(no) ? { yes, no } : null;
    if (
      (endpoint === null || typeof endpoint === 'string') &&
      typeof id === 'string' &&
      isVote(vote) &&
      isVote(confirmed) &&
      typeof pending === 'boolean' &&
      (counts || yes === null) &&
      isCount(votedAt)
    )
      // A follow-up is not checked here: the server checks its fields, and refuses (so drops) a tampered one.
      return { endpoint, id, vote, confirmed, pending, counts, votedAt, followUp: followUp as FollowUp | null };
  } catch {
    // No record, or not JSON: nothing stored.
  }
  return undefined;
}

export function writeRecord(
  key: string,
  { endpoint, id, vote, confirmed, pending, counts, votedAt, followUp }: ItemRecord,
): void {
  const empty = !vote && !confirmed && !pending && !counts;
  const record = [endpoint, id, vote, confirmed, pending, counts?.yes ?? null, counts?.no ?? null, votedAt, followUp];
  writeStored(key, empty ? null : JSON.stringify(record));
}
