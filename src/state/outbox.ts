import type { EndpointError } from '../endpoint/endpoint-error.js';
import type { Vote } from '../protocol/types.js';
import type { FollowUp } from '../protocol/follow-up-rules.js';
import { ITEM_KEY_PREFIX, readRecord } from '../storage/item-record.js';
import { onStoredChange, storedKeys } from '../storage/safe-storage.js';
import { itemState, itemStatesStoredAt } from './item-registry.js';
import type { ItemState } from './item-state.js';

/**
 * The outbox: votes the endpoint has not accepted yet wait in their items' stored records (localStorage) and
 * are sent again on the next page load, when the browser comes back online, and, while the page stays open,
 * after a backoff. Which failures are worth another try, how long to wait, and when to try are decided here.
 */

const FIRST_RETRY_MS = 4_000;
const LONGEST_RETRY_MS = 5 * 60_000;

let failedAttempts = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryAt = 0;
let started = false;

/**
 * The retry rule. A 4xx other than 408 and 429 means the server understood and refused: sending the same
 * vote again cannot succeed. Everything else (network, timeout, 408, 429, 5xx, a malformed 200) may pass.
 */
export function isTemporary({ kind, status }: EndpointError): boolean {
  if (kind === 'invalid-item') return false; // never sent: the item id breaks the protocol's limits
  return kind !== 'http' || !status || !(status >= 400 && status < 500) || status === 408 || status === 429;
}

/**
 * The backoff: milliseconds before the `attempt`-th retry (1-based), doubling from a few seconds up to five
 * minutes, or what the server asked for with `Retry-After` (capped the same way).
 */
export function retryDelay(attempt: number, retryAfterSeconds?: number): number {
  if (retryAfterSeconds !== undefined) return Math.min(LONGEST_RETRY_MS, Math.max(0, retryAfterSeconds * 1000));
  const backoff = FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1);
  // Up to 20% jitter, so that readers cut off together do not all come back in the same second.
  return Math.min(LONGEST_RETRY_MS, backoff) * (1 - Math.random() * 0.2);
}

/** One retry for the whole outbox, at the later of what is scheduled and what this failure asks for. */
function scheduleRetry(error: EndpointError): void {
  const at = Date.now() + retryDelay(++failedAttempts, error.retryAfter);
  if (retryTimer !== undefined && retryAt >= at) return;
  clearTimeout(retryTimer);
  retryAt = at;
  retryTimer = setTimeout(sendOutbox, at - Date.now());
}

/** Sends one item's pending vote; a success starts the backoff afresh, a temporary failure schedules a retry. */
async function sendAndReschedule(state: ItemState): Promise<void> {
  const result = await state.sendPendingVote(isTemporary);
  if (result === true) failedAttempts = 0;
  else if (result && isTemporary(result)) scheduleRetry(result);
}

/** Sends every vote still waiting in the outbox, this page's items or not. */
function sendOutbox(): void {
  clearTimeout(retryTimer);
  retryTimer = undefined;
  for (const key of storedKeys(ITEM_KEY_PREFIX)) {
    const record = readRecord(key);
    if (record?.endpoint && record.pending) void sendAndReschedule(itemState(record.endpoint, record.id));
  }
}

/**
 * The reader's vote, with its follow-up when they sent one: shown at once by every element of the item, then
 * sent (or kept in the outbox).
 */
export function castVote(state: ItemState, vote: Vote, followUp?: FollowUp): void {
  state.cast(vote, followUp);
  void sendAndReschedule(state);
}

/**
 * Starts the outbox once per page: what earlier page views left goes out now, again whenever the browser
 * comes back online, and other tabs' votes show up here through the `storage` event.
 */
export function startOutbox(): void {
  if (started) return;
  started = true;
  addEventListener('online', sendOutbox);
  onStoredChange((key) => {
    // `null`: another tab cleared the storage; every item reads its (now empty) record again.
    for (const state of itemStatesStoredAt(key)) {
      state?.restore();
      state?.changed();
    }
  });
  queueMicrotask(sendOutbox);
}
