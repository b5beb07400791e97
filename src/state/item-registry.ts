import { itemKey } from '../storage/item-record.js';
import { ItemState } from './item-state.js';

/** Every item state of this page, by storage key: elements showing the same item share one. */
const states = new Map<string, ItemState>();

/** The shared state of one item of one endpoint (`null`: local-only), created on first use. */
export function itemState(endpoint: string | null, id: string): ItemState {
  const key = itemKey(endpoint, id);
  let state = states.get(key);
  if (!state) states.set(key, (state = new ItemState(endpoint, id)));
  return state;
}

/** The state kept under one storage key, or every state for `null`; none that this page has not used. */
export const itemStatesStoredAt = (key: string | null): Iterable<ItemState | undefined> =>
  key === null ? states.values() : [states.get(key)];
