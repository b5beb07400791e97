// `was-this-helpful-widget/element`: the element's class and types without registering the tag, for a page
// that registers it itself (under another name, or in a scoped registry). `was-this-helpful-widget` is this
// and the registration.
export { WasThisHelpfulElement } from './was-this-helpful-element.js';
export type { HelpfulCountsDetail, HelpfulErrorDetail, HelpfulEventDetails, HelpfulVoteDetail } from './events.js';
export { EndpointError, type EndpointErrorKind } from '../endpoint/endpoint-error.js';
export type { Counts, ItemCounts, Vote, VoteRequest } from '../protocol/types.js';
