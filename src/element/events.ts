import type { EndpointError } from '../endpoint/endpoint-error.js';
import type { Counts, Vote } from '../protocol/types.js';

/** `helpful-vote`: the reader cast, changed or withdrew a vote (fired by the element they used). */
export interface HelpfulVoteDetail {
  itemId: string;
  /** The reader's vote now; `null`: withdrawn. */
  vote: Vote;
  /** The reader's vote before. */
  previous: Vote;
}

/** `helpful-counts`: the counts an element shows changed (fired by each such element). */
export interface HelpfulCountsDetail extends Counts {
  itemId: string;
}

/** `helpful-error`: a request for the item failed (fired by each element of the item). */
export interface HelpfulErrorDetail {
  itemId: string;
  /** What went wrong: `kind`, `status`, `retryAfter`. */
  error: EndpointError;
  /** The vote is kept in the outbox and will be sent again. */
  queued: boolean;
}

/** `helpful-feedback`: the reader sent a follow-up (delivered or queued), once per Send, from the element used. */
export interface HelpfulFeedbackDetail {
  itemId: string;
  /** The vote the follow-up explains. */
  vote: 'yes' | 'no';
  /** The chosen reason's code; `null`: none. */
  reason: string | null;
  /** The comment as sent (trimmed); `''`: none. */
  comment: string;
}

/** Each event of the element, by name, with its detail. */
export interface HelpfulEventDetails {
  'helpful-vote': HelpfulVoteDetail;
  'helpful-counts': HelpfulCountsDetail;
  'helpful-error': HelpfulErrorDetail;
  'helpful-feedback': HelpfulFeedbackDetail;
}

type HelpfulEvents = { [Name in keyof HelpfulEventDetails]: CustomEvent<HelpfulEventDetails[Name]> };

// Typed `addEventListener('helpful-vote', (event) => event.detail.vote)` on the element and on any ancestor,
// `document` included (the events bubble and are composed).
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends HelpfulEvents {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends HelpfulEvents {}
}
