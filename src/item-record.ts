import { isVote, type Counts, type Vote } from './protocol.js';
import { readStored, writeStored } from './safe-storage.js';

/** Prefix of every per-item key this widget keeps in localStorage. */
export const ITEM_KEY_PREFIX = 'was-this-helpful:item:';

/** What survives a reload for one item of one endpoint (`endpoint: null` is local-only mode). */
export interface ItemRecord {
  endpoint: string | null;
  id: string;
  /** The reader's current vote. */
  vote: Vote;
  /** The vote the server last acknowledged: the one its counts include. */
  confirmed: Vote;
  /** `vote` has not been acknowledged yet: this record is in the outbox. */
  pending: boolean;
  /** The last counts the server sent. */
  counts: Counts | null;
}

export const itemKey = (endpoint: string | null, id: string): string =>
  ITEM_KEY_PREFIX + JSON.stringify([endpoint ?? '', id]);

const isCounts = (value: unknown): value is Counts => {
  const counts = value as Counts | null;
  return typeof counts === 'object' && counts !== null &&
    Number.isSafeInteger(counts.yes) && counts.yes >= 0 && Number.isSafeInteger(counts.no) && counts.no >= 0;
};

/** Parses a stored record; anything tampered with or from an unknown version reads as absent. */
export function parseRecord(text: string | null): ItemRecord | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<ItemRecord> | null;
    if (!value || typeof value.id !== 'string' || !(value.endpoint === null || typeof value.endpoint === 'string')) return undefined;
    if (!isVote(value.vote) || !isVote(value.confirmed) || typeof value.pending !== 'boolean') return undefined;
    if (value.counts !== null && !isCounts(value.counts)) return undefined;
    return {
      endpoint: value.endpoint, id: value.id, vote: value.vote, confirmed: value.confirmed,
      pending: value.pending, counts: value.counts ? { yes: value.counts.yes, no: value.counts.no } : null,
    };
  } catch {
    return undefined;
  }
}

export const readRecord = (endpoint: string | null, id: string): ItemRecord | undefined =>
  parseRecord(readStored(itemKey(endpoint, id)));

export function writeRecord(record: ItemRecord): void {
  const empty = record.vote === null && record.confirmed === null && !record.pending && record.counts === null;
  writeStored(itemKey(record.endpoint, record.id), empty ? null : JSON.stringify(record));
}

/** The endpoint and item id a key of `itemKey` names, or `undefined` for a foreign key. */
export function parseItemKey(key: string): { endpoint: string | null; id: string } | undefined {
  try {
    const [endpoint, id] = JSON.parse(key.slice(ITEM_KEY_PREFIX.length)) as unknown[];
    if (typeof endpoint === 'string' && typeof id === 'string') return { endpoint: endpoint || null, id };
  } catch {
    // Not one of ours.
  }
  return undefined;
}

/** The record of an item nobody has voted on. */
export const emptyRecord = (endpoint: string | null, id: string): ItemRecord =>
  ({ endpoint, id, vote: null, confirmed: null, pending: false, counts: null });
