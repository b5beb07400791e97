import type { VoteRequest } from '../../protocol/types.js';
import { BadRequest } from './errors.js';
import {
  isVote,
  isVoterId,
  itemIdProblem,
  MAX_ID_CODE_POINTS,
  MAX_ITEMS_PER_REQUEST,
  type ItemIdProblem,
} from '../../protocol/validation.js';
import {
  followUpOf,
  followUpProblem,
  MAX_COMMENT_CODE_POINTS,
  type FollowUpProblem,
} from '../../protocol/follow-up-rules.js';

const ITEM_ID_PROBLEMS: Record<ItemIdProblem, string> = {
  length: `must be 1 to ${MAX_ID_CODE_POINTS} characters long`,
  control: 'must not contain control characters',
  bidi: 'must not contain bidirectional formatting controls',
  surrogate: 'must not contain lone surrogates',
};

const FOLLOW_UP_PROBLEMS: Record<FollowUpProblem, string> = {
  reason: '"reason" must be null or a code of 1 to 64 characters of a-z, 0-9 and -',
  'comment-type': '"comment" must be a string or null',
  'comment-length': `"comment" must be at most ${MAX_COMMENT_CODE_POINTS} characters (Unicode code points) long`,
  'comment-control': '"comment" must not contain control characters other than line feed, carriage return and tab',
  'comment-surrogate': '"comment" must not contain lone surrogates',
  vote: 'a "reason" or "comment" explains a vote: "vote" must be "yes" or "no" with them',
};

/** Checks an item id against the protocol's rule (`itemIdProblem`), saying which part it breaks. */
export function checkItemId(id: unknown, field = 'id'): string {
  if (typeof id !== 'string') throw new BadRequest(`"${field}" must be a string`);
  const problem = itemIdProblem(id);
  if (problem) throw new BadRequest(`"${field}" ${ITEM_ID_PROBLEMS[problem]}`);
  return id;
}

// Fatal: bytes that are not UTF-8 are refused rather than read as U+FFFD, which would turn different ids
// into one. The BOM is kept, so that JSON.parse refuses it as Node's reader does.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A request body as text; 400 when it is not UTF-8. */
export function decodeBody(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return STRICT_UTF8.decode(bytes);
  } catch {
    throw new BadRequest('The body is not valid UTF-8');
  }
}

/** Percent-decodes one `application/x-www-form-urlencoded` value; 400 when its bytes are not UTF-8. */
function decodeQueryValue(raw: string): string {
  const bytes = new TextEncoder().encode(raw.replaceAll('+', ' '));
  const decoded = new Uint8Array(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const hex = bytes[i] === 0x25 ? String.fromCharCode(bytes[i + 1] ?? 0, bytes[i + 2] ?? 0) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      decoded[length++] = parseInt(hex, 16);
      i += 2;
    } else decoded[length++] = bytes[i]!; // a "%" not followed by two hex digits stays itself
  }
  try {
    return STRICT_UTF8.decode(decoded.subarray(0, length));
  } catch {
    throw new BadRequest('"item" must be UTF-8, percent-encoded');
  }
}

/** The `item` parameters of a GET's URL, percent-decoded; 400 for one whose bytes are not UTF-8. */
export function itemParameters(url: URL): string[] {
  const items = url.searchParams.getAll('item');
  // URLSearchParams reads bytes that are not UTF-8 as U+FFFD. Only then is the query read again, strictly,
  // to tell a U+FFFD that was sent from one that stands for bad bytes.
  if (!items.some((item) => item.includes('\uFFFD'))) return items;
  return url.search
    .slice(1)
    .split('&')
    .flatMap((pair) => {
      const [name] = new URLSearchParams(pair).keys();
      const equals = pair.indexOf('=');
      return name === 'item' ? [decodeQueryValue(equals === -1 ? '' : pair.slice(equals + 1))] : [];
    });
}

/** The distinct item ids of a GET, in the order first asked. */
export function checkItemIds(ids: string[]): string[] {
  if (ids.length === 0) throw new BadRequest('Give at least one "item" parameter');
  if (ids.length > MAX_ITEMS_PER_REQUEST)
    throw new BadRequest(`At most ${MAX_ITEMS_PER_REQUEST} "item" parameters per request`);
  return [...new Set(ids.map((id) => checkItemId(id, 'item')))];
}

/**
 * Parses and checks a vote body. Unknown fields are ignored, so that later clients can add some. The
 * follow-up (protocol v1.1) is checked by the protocol's rule and kept only when there is one: `reason` a code,
 * `comment` trimmed and not empty, each left out when absent, so that a plain vote reaches the store as in v1.
 */
export function parseVoteRequest(text: string): VoteRequest {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadRequest('The body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new BadRequest('The body must be a JSON object');
  const { id, vote, voter, reason, comment } = body as Record<string, unknown>;
  if (!Object.hasOwn(body, 'vote') || !isVote(vote)) throw new BadRequest('"vote" must be "yes", "no" or null');
  if (!isVoterId(voter)) throw new BadRequest('"voter" must be 16 to 128 characters of A-Z, a-z, 0-9, _ and -');
  const request: VoteRequest = { id: checkItemId(id), vote, voter };
  const problem = followUpProblem({ vote, reason, comment });
  if (problem) throw new BadRequest(FOLLOW_UP_PROBLEMS[problem]);
  const followUp = followUpOf({
    reason: reason as string | null | undefined,
    comment: comment as string | null | undefined,
  });
  if (followUp?.reason) request.reason = followUp.reason;
  if (followUp?.comment) request.comment = followUp.comment;
  return request;
}
