import './define.js';

export { WasThisHelpfulElement } from './was-this-helpful-element.js';
export { EndpointError, type EndpointErrorKind } from './endpoint-error.js';
export type { Counts, ItemCounts, Vote, VoteRequest } from './protocol.js';
