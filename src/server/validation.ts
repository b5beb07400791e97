import { CONTROL_CHARACTER, isVote, LONE_SURROGATE, MAX_ID_CODE_POINTS, MAX_ITEMS_PER_REQUEST, type VoteRequest } from '../protocol.js';
const VOTER_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/** A thrown validation failure: its message goes back to the client with a 400. */
export class BadRequest extends Error {}

/** Checks an item id: 1–512 code points, no control characters, no lone surrogates. */
export function checkItemId(id: unknown, field = 'id'): string {
  if (typeof id !== 'string') throw new BadRequest(`"${field}" must be a string`);
  // The UTF-16 length bounds the code point count from above, so only long ids need counting.
  const tooLong = id.length > MAX_ID_CODE_POINTS && [...id].length > MAX_ID_CODE_POINTS;
  if (id.length === 0 || tooLong) throw new BadRequest(`"${field}" must be 1 to ${MAX_ID_CODE_POINTS} characters long`);
  if (CONTROL_CHARACTER.test(id)) throw new BadRequest(`"${field}" must not contain control characters`);
  if (LONE_SURROGATE.test(id)) throw new BadRequest(`"${field}" must not contain lone surrogates`);
  return id;
}

/** The distinct item ids of a GET, in the order first asked. */
export function checkItemIds(ids: string[]): string[] {
  if (ids.length === 0) throw new BadRequest('Give at least one "item" parameter');
  if (ids.length > MAX_ITEMS_PER_REQUEST) throw new BadRequest(`At most ${MAX_ITEMS_PER_REQUEST} "item" parameters per request`);
  return [...new Set(ids.map((id) => checkItemId(id, 'item')))];
}

/** Parses and checks a vote body. Unknown fields are ignored, so that later clients can add some. */
export function parseVoteRequest(text: string): VoteRequest {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadRequest('The body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequest('The body must be a JSON object');
  const { id, vote, voter } = body as Record<string, unknown>;
  if (!Object.hasOwn(body, 'vote') || !isVote(vote)) throw new BadRequest('"vote" must be "yes", "no" or null');
  if (typeof voter !== 'string' || !VOTER_PATTERN.test(voter)) throw new BadRequest('"voter" must be 16 to 128 characters of A-Z, a-z, 0-9, _ and -');
  return { id: checkItemId(id), vote, voter };
}
