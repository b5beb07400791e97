import type { EndpointError } from '../endpoint/endpoint-error.js';
import { ITEM_KEY_PREFIX, itemKey, readRecord } from '../storage/item-record.js';
import { ItemState } from './item-state.js';
import type { Vote } from '../protocol/types.js';
import { retryDelay } from '../endpoint/retry-after.js';
import { onStoredChange, storedKeys } from '../storage/safe-storage.js';

/** Every item state of this page, by storage key. */
const states = new Map<string, ItemState>();
let failedAttempts = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let retryAt = 0;
let started = false;

/** The shared state of one item of one endpoint (`null`: local-only), created on first use. */
export function itemState(endpoint: string | null, id: string): ItemState {
  const key = itemKey(endpoint, id);
  let state = states.get(key);
  if (!state) states.set(key, (state = new ItemState(endpoint, id)));
  return state;
}

/** One retry for the whole outbox, at the later of what is scheduled and what this failure asks for. */
function scheduleRetry(error: EndpointError): void {
  const at = Date.now() + retryDelay(++failedAttempts, error.retryAfter);
  if (retryTimer !== undefined && retryAt >= at) return;
  clearTimeout(retryTimer);
  retryAt = at;
  retryTimer = setTimeout(deliverOutbox, at - Date.now());
}

async function deliver(state: ItemState): Promise<void> {
  const result = await state.deliver();
  if (result === true) failedAttempts = 0;
  else if (result && result.temporary) scheduleRetry(result);
}

/** Sends every vote still waiting in the outbox, this page's items or not. */
function deliverOutbox(): void {
  clearTimeout(retryTimer);
  retryTimer = undefined;
  for (const key of storedKeys(ITEM_KEY_PREFIX)) {
    const record = readRecord(key);
    if (record?.endpoint && record.pending) void deliver(itemState(record.endpoint, record.id));
  }
}

/** The reader's vote: shown at once by every element of the item, then delivered (or queued). */
export function castVote(state: ItemState, vote: Vote): void {
  state.cast(vote);
  void deliver(state);
}

/**
 * Starts delivery once per page: the outbox left by earlier page views goes out now, again whenever the
 * browser comes back online, and other tabs' votes show up here through the `storage` event.
 */
export function startDelivery(): void {
  if (started) return;
  started = true;
  addEventListener('online', deliverOutbox);
  onStoredChange((key) => {
    // `null`: another tab cleared the storage; every item reads its (now empty) record again.
    for (const state of key === null ? states.values() : [states.get(key)]) {
      state?.restore();
      state?.changed();
    }
  });
  queueMicrotask(deliverOutbox);
}
