/**
 * The rules of the endpoint protocol, written once and used by the element (which never sends what they
 * refuse) and by the reference server (which answers 400 to it): ids, voters, votes, and their limits.
 * A vote's follow-up has its rules in `follow-up-rules.ts`, which only the follow-up form and the server load.
 */
import type { Vote } from './types.js';

/** The most `item` parameters one GET may carry. */
export const MAX_ITEMS_PER_REQUEST = 100;

/** The longest item id, in Unicode code points. */
export const MAX_ID_CODE_POINTS = 512;
/** Control characters: C0, DEL and C1. None may be part of an id. */
export const CONTROL_CHARACTER = /[\u0000-\u001F\u007F-\u009F]/;
/**
 * Bidirectional embedding, override and isolate controls. In an id they only serve to make it look like
 * another (an id is often a URL); comments may hold them, since right-to-left writers use them.
 */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Why an id breaks the protocol: its length, or a kind of character it may not hold. */
export type ItemIdProblem = 'length' | 'control' | 'bidi' | 'surrogate';

/**
 * The protocol's one rule for item ids, used by the element and the server: 1–512 code points, none of them a
 * control character, a bidirectional control or a lone surrogate. One character class says it all (with the
 * `u` flag, `{1,512}` counts code points, and the surrogate range matches unpaired halves only), so the
 * element carries one short test.
 */
const ITEM_ID = /^[^\0-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]{1,512}$/u;

/** An id the protocol accepts. */
export const isItemId = (id: string): boolean => ITEM_ID.test(id);

/** Which part of the rule an id breaks (for the server's 400 message), or `undefined` when `isItemId` takes it. */
export function itemIdProblem(id: string): ItemIdProblem | undefined {
  if (isItemId(id)) return undefined;
  if (CONTROL_CHARACTER.test(id)) return 'control';
  if (BIDI_CONTROL.test(id)) return 'bidi';
  const codePoints = [...id].length;
  // What is left once the length is right: a lone surrogate.
  return codePoints === 0 || codePoints > MAX_ID_CODE_POINTS ? 'length' : 'surrogate';
}

/** True for `"yes"`, `"no"` and `null`, the only votes the protocol knows. */
export const isVote = (value: unknown): value is Vote => value === 'yes' || value === 'no' || value === null;

/** A voter id the protocol accepts: 16–128 characters of `A-Z`, `a-z`, `0-9`, `_` and `-`. */
export const isVoterId = (value: unknown): value is string =>
  typeof value === 'string' && /^[\w-]{16,128}$/.test(value);
