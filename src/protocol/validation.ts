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

/** The longest item id, in Unicode code points. */
export const MAX_ID_CODE_POINTS = 512;
/** Control characters: C0, DEL and C1. None may be part of an id. */
export const CONTROL_CHARACTER = /[\u0000-\u001F\u007F-\u009F]/;
/**
 * The control characters a follow-up comment may not hold: all of them but line feed, carriage return and
 * tab, which a comment of several lines needs.
 */
export const COMMENT_CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/**
 * Bidirectional embedding, override and isolate controls. In an id they only serve to make it look like
 * another (an id is often a URL); comments may hold them, since right-to-left writers use them.
 */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** With the `u` flag a surrogate range matches only unpaired halves: a well-formed pair is one code point. */
export const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Why an id breaks the protocol: its length, or a kind of character it may not hold. */
export type ItemIdProblem = 'length' | 'control' | 'bidi' | 'surrogate';

/**
 * The protocol's one rule for item ids (1–512 code points, no control characters, no bidirectional
 * controls, no lone surrogates), used by the element and the server: what it breaks, or `undefined`.
 */
export function itemIdProblem(id: string): ItemIdProblem | undefined {
  // The UTF-16 length bounds the code point count from above, so only long ids need counting.
  if (id === '' || (id.length > MAX_ID_CODE_POINTS && [...id].length > MAX_ID_CODE_POINTS)) return 'length';
  if (CONTROL_CHARACTER.test(id)) return 'control';
  if (BIDI_CONTROL.test(id)) return 'bidi';
  if (LONE_SURROGATE.test(id)) return 'surrogate';
  return undefined;
}

/** An id the protocol accepts (see `itemIdProblem`). */
export const isItemId = (id: string): boolean => !itemIdProblem(id);

/** Text a follow-up comment may hold: no control characters but line breaks and tabs, no lone surrogates. */
export const isCommentText = (text: string): boolean => !COMMENT_CONTROL_CHARACTER.test(text) && !LONE_SURROGATE.test(text);

/** A count is a safe, non-negative integer: anything else would render as "NaN%" or a lie. */
export const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** Reads `{"id", "yes", "no"}`, or returns `undefined` when the value is not exactly of that shape. */
export function parseItemCounts(value: unknown): ItemCounts | undefined {
  const item = value as Partial<ItemCounts> | null | undefined;
  if (typeof item?.id === 'string' && isCount(item.yes) && isCount(item.no)) return { id: item.id, yes: item.yes, no: item.no };
  return undefined;
}

/** Reads a GET answer `{"items": [...]}` into counts by id, or `undefined` when any part is malformed. */
export function parseCountsResponse(value: unknown): Map<string, Counts> | undefined {
  const items = (value as { items?: unknown } | null | undefined)?.items;
  if (!Array.isArray(items)) return undefined;
  const parsed = items.map(parseItemCounts);
  if (!parsed.every(Boolean)) return undefined;
  return new Map(parsed.map((item) => [item!.id, { yes: item!.yes, no: item!.no }]));
}

/** True for `"yes"`, `"no"` and `null`, the only votes the protocol knows. */
export const isVote = (value: unknown): value is Vote => value === 'yes' || value === 'no' || value === null;
