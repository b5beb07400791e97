import './define.js';

export { WasThisHelpfulElement } from './element/was-this-helpful-element.js';
export { EndpointError, type EndpointErrorKind } from './endpoint/endpoint-error.js';
export type { Counts, ItemCounts, Vote, VoteRequest } from './protocol/types.js';
