/**
 * What the protocol (CONTRACT.md sections 3 and 4) says a request deserves, written from the contract
 * and not from the server's code, so that the fuzzer does not inherit the server's mistakes.
 */
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LENIENT_UTF8 = new TextDecoder('utf-8');

export const MAX_BODY_BYTES = 8 * 1024;
export const MAX_ITEMS = 100;

/** 1–512 code points, no C0 or C1 control character or DEL, no bidirectional embedding, override or isolate, no lone surrogate. */
export const isItemId = (id) =>
  typeof id === 'string' &&
  id.length > 0 &&
  id.isWellFormed() &&
  [...id].length <= 512 &&
  !/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/.test(id);
export const isVoter = (voter) => typeof voter === 'string' && /^[A-Za-z0-9_-]{16,128}$/.test(voter);
export const isVote = (vote) => vote === 'yes' || vote === 'no' || vote === null;
/** Protocol v1.1 (CONTRACT.md section 5): absent, null, or 1–64 characters of a-z, 0-9 and -. */
export const isReason = (reason) =>
  reason === undefined || reason === null || (typeof reason === 'string' && /^[a-z0-9-]{1,64}$/.test(reason));
/** Absent, null, or 0–1,000 code points, no control character but LF, CR and tab, no lone surrogate. */
export const isComment = (comment) =>
  comment === undefined ||
  comment === null ||
  (typeof comment === 'string' &&
    comment.isWellFormed() &&
    [...comment].length <= 1000 &&
    !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(comment));

/** application/x-www-form-urlencoded bytes of one name or value: `+` is a space, `%XX` a byte. */
function formBytes(raw) {
  const bytes = Buffer.from(raw.replaceAll('+', ' '), 'utf8');
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    const hex = bytes.subarray(i + 1, i + 3).toString('latin1');
    if (bytes[i] === 0x25 && /^[0-9a-fA-F]{2}$/.test(hex)) {
      out.push(Number.parseInt(hex, 16));
      i += 2;
    } else out.push(bytes[i]);
  }
  return Uint8Array.from(out);
}

/** The `item` values of a query string (without `?`), or `undefined` when one of them is not UTF-8. */
export function queryItems(query) {
  const items = [];
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    if (LENIENT_UTF8.decode(formBytes(equals === -1 ? pair : pair.slice(0, equals))) !== 'item') continue;
    try {
      items.push(STRICT_UTF8.decode(formBytes(equals === -1 ? '' : pair.slice(equals + 1))));
    } catch {
      return undefined;
    }
  }
  return items;
}

/**
 * The vote a body carries, or `undefined` when it is not a valid vote: UTF-8 JSON, an object, valid fields;
 * with `followUp` (`{ reason, comment }`, the comment trimmed) when it carries one.
 */
export function parseVote(body) {
  let value;
  try {
    value = JSON.parse(STRICT_UTF8.decode(body));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  if (!Object.hasOwn(value, 'vote') || !isVote(value.vote) || !isVoter(value.voter) || !isItemId(value.id))
    return undefined;
  if (!isReason(value.reason) || !isComment(value.comment)) return undefined;
  // A comment of white space alone is none; a reason or a comment needs a yes or a no.
  const reason = value.reason ?? null;
  const comment = (value.comment ?? '').trim();
  const followUp = reason !== null || comment !== '' ? { reason, comment } : undefined;
  if (followUp && value.vote === null) return undefined;
  return { id: value.id, vote: value.vote, voter: value.voter, followUp };
}

/** A Content-Type that is `application/json`, parameters allowed, surrounded by spaces or tabs only. */
const isJsonType = (value) =>
  value
    .split(';')[0]
    .replace(/^[ \t]+|[ \t]+$/g, '')
    .toLowerCase() === 'application/json';

/**
 * The verdict on a request that is well-formed HTTP: `{ valid: false }`, or `{ valid: true, kind }` with
 * kind `counts` (and the distinct `items` in order), `vote` (and the `vote`), `health` or `options`.
 * `request` is `{ method, route: 'votes' | 'health' | 'other', query, headers: [[name, value]], body }`;
 * the server under test allows one CORS origin, so OPTIONS on the API is always answered.
 */
export function verdict({ method, route, query = '', headers = [], body = Buffer.alloc(0) }) {
  const invalid = { valid: false };
  if (route === 'health') return method === 'GET' || method === 'HEAD' ? { valid: true, kind: 'health' } : invalid;
  if (route !== 'votes') return invalid;
  if (method === 'GET' || method === 'HEAD') {
    const items = queryItems(query);
    if (!items || items.length === 0 || items.length > MAX_ITEMS || !items.every(isItemId)) return invalid;
    return { valid: true, kind: 'counts', items: [...new Set(items)] };
  }
  if (method === 'OPTIONS') return { valid: true, kind: 'options' };
  if (method !== 'POST') return invalid;
  const types = headers.filter(([name]) => name.toLowerCase() === 'content-type');
  if (types.length !== 1 || !isJsonType(types[0][1]) || body.length > MAX_BODY_BYTES) return invalid;
  const vote = parseVote(body);
  return vote ? { valid: true, kind: 'vote', vote } : invalid;
}
