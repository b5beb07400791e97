/**
 * Types and validators of the endpoint protocol v1, shared by the element and the reference server,
 * so that both sides agree on exactly one definition of a well-formed message.
 */

/** A reader's vote; `null` is "no vote" (withdrawn or never cast). */
export type Vote = 'yes' | 'no' | null;

/** Tallies of current votes for one item. */
export interface Counts {
  yes: number;
  no: number;
}

/** Counts of one item, as the endpoint returns them. */
export interface ItemCounts extends Counts {
  id: string;
}

/** The body of a vote request. */
export interface VoteRequest {
  id: string;
  vote: Vote;
  voter: string;
}

/** The most `item` parameters one GET may carry. */
export const MAX_ITEMS_PER_REQUEST = 100;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A count is a safe, non-negative integer: anything else would render as "NaN%" or a lie. */
const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Reads `{"id", "yes", "no"}`, or returns `undefined` when the value is not exactly of that shape. */
export function parseItemCounts(value: unknown): ItemCounts | undefined {
  if (!isRecord(value) || typeof value.id !== 'string') return undefined;
  if (!isCount(value.yes) || !isCount(value.no)) return undefined;
  return { id: value.id, yes: value.yes, no: value.no };
}

/** Reads a GET answer `{"items": [...]}` into counts by id, or `undefined` when any part is malformed. */
export function parseCountsResponse(value: unknown): Map<string, Counts> | undefined {
  if (!isRecord(value) || !Array.isArray(value.items)) return undefined;
  const counts = new Map<string, Counts>();
  for (const entry of value.items) {
    const item = parseItemCounts(entry);
    if (!item) return undefined;
    counts.set(item.id, { yes: item.yes, no: item.no });
  }
  return counts;
}

/** True for `"yes"`, `"no"` and `null`, the only votes the protocol knows. */
export const isVote = (value: unknown): value is Vote => value === 'yes' || value === 'no' || value === null;
