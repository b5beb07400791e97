/**
 * The rules of the endpoint protocol, written once and used by the element (which never sends what they
 * refuse) and by the reference server (which answers 400 to it): ids, voters, votes, and their limits.
 */
import type { Vote } from './types.js';

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
export const isCommentText = (text: string): boolean =>
  !COMMENT_CONTROL_CHARACTER.test(text) && !LONE_SURROGATE.test(text);

/** The longest follow-up comment, in Unicode code points (counted so by the form's box, its count and the server). */
export const MAX_COMMENT_CODE_POINTS = 1000;

/** Why a follow-up comment breaks the protocol: its length, or a kind of character it may not hold. */
export type CommentProblem = 'length' | 'control' | 'surrogate';

/**
 * The protocol's one rule for follow-up comments (0–1,000 code points; line feed, carriage return and tab
 * allowed, other control characters and lone surrogates not; bidirectional controls allowed): what a comment
 * breaks, or `undefined`.
 */
export function commentProblem(text: string): CommentProblem | undefined {
  if (text.length > MAX_COMMENT_CODE_POINTS && [...text].length > MAX_COMMENT_CODE_POINTS) return 'length';
  if (COMMENT_CONTROL_CHARACTER.test(text)) return 'control';
  if (LONE_SURROGATE.test(text)) return 'surrogate';
  return undefined;
}

/** A reason code the protocol accepts (built-in or a site's own): 1–64 characters of `a-z`, `0-9` and `-`. */
export const isReasonCode = (value: unknown): value is string =>
  typeof value === 'string' && /^[a-z0-9-]{1,64}$/.test(value);

/** True for `"yes"`, `"no"` and `null`, the only votes the protocol knows. */
export const isVote = (value: unknown): value is Vote => value === 'yes' || value === 'no' || value === null;

/** A voter id the protocol accepts: 16–128 characters of `A-Z`, `a-z`, `0-9`, `_` and `-`. */
export const isVoterId = (value: unknown): value is string =>
  typeof value === 'string' && /^[\w-]{16,128}$/.test(value);

/**
 * A vote's follow-up as the protocol counts it (v1.1): its reason code or `null`, and its comment trimmed, `''`
 * for none. `null` and `''` count as absent, and so does a comment of white space alone.
 */
export interface FollowUp {
  reason: string | null;
  comment: string;
}

/** The follow-up a vote request carries, or `undefined` when it has neither a reason nor a comment. */
export function followUpOf(request: { reason?: string | null; comment?: string | null }): FollowUp | undefined {
  const reason = request.reason ?? null;
  const comment = (request.comment ?? '').trim();
  return reason === null && comment === '' ? undefined : { reason, comment };
}

/** Why the follow-up fields of a vote request break the protocol. */
export type FollowUpProblem = 'reason' | 'comment-type' | `comment-${CommentProblem}` | 'vote';

/**
 * The protocol's one rule for a whole vote request's follow-up (v1.1): `reason` is `null` or a reason code,
 * `comment` `null` or a string that `commentProblem` accepts, and a request with a reason or a comment votes
 * `"yes"` or `"no"` (feedback explains a vote; a withdrawal has nothing to explain). What it breaks, or
 * `undefined`.
 */
export function followUpProblem(request: {
  vote: unknown;
  reason?: unknown;
  comment?: unknown;
}): FollowUpProblem | undefined {
  const { vote, reason = null, comment = null } = request;
  if (reason !== null && !isReasonCode(reason)) return 'reason';
  if (comment !== null && typeof comment !== 'string') return 'comment-type';
  const problem = typeof comment === 'string' ? commentProblem(comment) : undefined;
  if (problem) return `comment-${problem}`;
  if (followUpOf({ reason, comment }) && vote !== 'yes' && vote !== 'no') return 'vote';
  return undefined;
}
