export { createVotesApp, createVotesHandler, HEALTH_PATH, MAX_BODY_BYTES, PayloadTooLarge, VOTES_PATH, type VotesHandlerOptions } from './handler.js';
export { StoreBusy, type VoteStore } from './store.js';
export { SchemaTooNew } from './schema-version.js';
export { BadRequest, checkItemId, parseVoteRequest } from './validation.js';
export type { Counts, ItemCounts, Vote, VoteRequest } from '../protocol.js';
