import { isCount, isVote, type Counts, type Vote } from './protocol.js';
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
}

/** The key of an item of an endpoint. */
export const itemKey = (endpoint: string | null, id: string): string => ITEM_KEY_PREFIX + JSON.stringify([endpoint, id]);

/** Reads a stored record (kept as a compact array); anything tampered with reads as absent. */
export function readRecord(key: string): ItemRecord | undefined {
  try {
    const [endpoint, id, vote, confirmed, pending, yes, no] = JSON.parse(readStored(key)!) as unknown[];
    const counts = isCount(yes) && isCount(no) ? { yes, no } : null;
    if (
      (endpoint === null || typeof endpoint === 'string') && typeof id === 'string' &&
      isVote(vote) && isVote(confirmed) && typeof pending === 'boolean' && (counts || yes === null)
    ) return { endpoint, id, vote, confirmed, pending, counts };
  } catch {
    // No record, or not JSON: nothing stored.
  }
  return undefined;
}

export function writeRecord(key: string, { endpoint, id, vote, confirmed, pending, counts }: ItemRecord): void {
  const empty = !vote && !confirmed && !pending && !counts;
  writeStored(key, empty ? null : JSON.stringify([endpoint, id, vote, confirmed, pending, counts?.yes ?? null, counts?.no ?? null]));
}
