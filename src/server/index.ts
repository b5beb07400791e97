export {
  createVotesApp,
  createVotesHandler,
  HEALTH_PATH,
  MAX_BODY_BYTES,
  VOTES_PATH,
  type VotesHandlerOptions,
} from './http/votes-app.js';
export { BadRequest, PayloadTooLarge } from './http/errors.js';
export {
  StoreBusy,
  type FollowUpFilter,
  type StoreOptions,
  type StoredFollowUp,
  type VoteStore,
} from './stores/vote-store.js';
export { scrubPersonalData } from './privacy/scrub-personal-data.js';
export { SchemaTooNew } from './stores/schema-version.js';
export { checkItemId, parseVoteRequest } from './http/parse-request.js';
export type { Counts, ItemCounts, Vote, VoteRequest } from '../protocol/types.js';
