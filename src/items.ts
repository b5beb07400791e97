import type { EndpointError } from './endpoint-error.js';
import { emptyRecord, ITEM_KEY_PREFIX, parseItemKey, parseRecord } from './item-record.js';
import { ItemState } from './item-state.js';
import type { Vote } from './protocol.js';
import { retryDelay } from './retry-delay.js';
import { onStoredChange, readStored, storedKeys } from './safe-storage.js';

const states = new Map<string, ItemState>();
let failedAttempts = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let started = false;

/** The shared state of one item of one endpoint (`null`: local-only), created on first use. */
export function itemState(endpoint: string | null, id: string): ItemState {
  const key = JSON.stringify([endpoint, id]);
  let state = states.get(key);
  if (!state) {
    state = new ItemState(endpoint, id);
    states.set(key, state);
  }
  return state;
}

function scheduleRetry(error: EndpointError): void {
  failedAttempts += 1;
  clearTimeout(retryTimer);
  retryTimer = setTimeout(deliverOutbox, retryDelay(failedAttempts, error.retryAfter));
}

async function deliver(state: ItemState): Promise<void> {
  const error = await state.deliver();
  if (!error) failedAttempts = 0;
  else if (error.temporary) scheduleRetry(error);
}

/** Sends every vote still waiting in the outbox, this page's items or not. */
export function deliverOutbox(): void {
  clearTimeout(retryTimer);
  retryTimer = undefined;
  for (const key of storedKeys(ITEM_KEY_PREFIX)) {
    const record = parseRecord(readStored(key));
    if (record?.pending && record.endpoint) void deliver(itemState(record.endpoint, record.id));
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
  globalThis.addEventListener?.('online', deliverOutbox);
  onStoredChange(ITEM_KEY_PREFIX, (key, value) => {
    const item = parseItemKey(key);
    const state = item && states.get(JSON.stringify([item.endpoint, item.id]));
    if (!item || !state) return;
    state.restore(parseRecord(value) ?? emptyRecord(item.endpoint, item.id));
    state.changed();
  });
  queueMicrotask(deliverOutbox);
}
