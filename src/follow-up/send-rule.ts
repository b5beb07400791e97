import { commentProblem, type CommentProblem } from '../protocol/follow-up-rules.js';

/** The reason whose choice needs a comment to say what it is (built-in or a site's own list). */
export const OTHER_REASON = 'other';

/**
 * Why Send cannot go ahead: `empty` (neither a reason nor a comment: shown at the reasons), `other` (the
 * reason `other` without a comment), or what the protocol's comment rule refuses (shown at the comment box).
 */
export type SendProblem = 'empty' | 'other' | CommentProblem;

/**
 * The form's rule for Send: a reason or a comment is needed, `other` needs a comment, and the comment (trimmed,
 * as it is sent; white space alone counts as none) must be one the protocol accepts. `undefined`: it may go.
 */
export function sendProblem(reason: string | null, comment: string): SendProblem | undefined {
  const text = comment.trim();
  if (!text) return reason === null ? 'empty' : reason === OTHER_REASON ? 'other' : undefined;
  return commentProblem(text);
}
