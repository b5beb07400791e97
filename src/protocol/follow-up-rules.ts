/**
 * The protocol's rules for a vote's follow-up (v1.1: `reason` and `comment`), used by the element's follow-up
 * form (which never sends what they refuse) and by the reference server (which answers 400 to it). Apart from
 * `validation.ts` so that a page loads them with the form, not before anyone votes.
 */

/** With the `u` flag a surrogate range matches only unpaired halves: a well-formed pair is one code point. */
export const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * The control characters a follow-up comment may not hold: all of them but line feed, carriage return and
 * tab, which a comment of several lines needs.
 */
export const COMMENT_CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
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
