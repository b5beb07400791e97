import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sameCounts } from '../state/counts.js';
import { defaultItemId } from './default-item-id.js';
import { resolveEndpoint } from '../endpoint/endpoint-client.js';
import type { EndpointError } from '../endpoint/endpoint-error.js';
import type { HelpfulEventDetails } from './events.js';
import { DEFAULT_TIMEOUT_MS, type ItemListener, type ItemState } from '../state/item-state.js';
import { itemState } from '../state/item-registry.js';
import { castVote, startOutbox } from '../state/outbox.js';
import { whenNearViewport } from './near-viewport.js';
import type { Counts } from '../protocol/types.js';

/** What the controller reads from its element. */
export interface ItemHost extends ReactiveControllerHost, HTMLElement {
  endpoint?: string | null;
  itemId?: string | null;
  loading?: string;
  timeout?: number;
}

/**
 * Binds an element to the shared state of its item: picks the state from `endpoint` and `item-id`,
 * fetches counts when the element is near the viewport, and turns state changes into updates and events.
 */
export class ItemController implements ReactiveController, ItemListener {
  state!: ItemState;
  /** The reader voted with this element in this page view: it is the one that announces the outcome. */
  votedWithThisElement = false;
  #host: ItemHost;
  #binding?: string;
  #lastCounts: Counts | null = null;
  #cancelNearViewport = (): void => {};

  constructor(host: ItemHost) {
    (this.#host = host).addController(this);
  }

  hostConnected(): void {
    startOutbox();
    this.hostUpdate();
  }

  hostDisconnected(): void {
    this.#cancelNearViewport();
    this.state.listeners.delete(this);
  }

  /** (Re)binds when `endpoint`, `item-id` or `loading` changed. */
  hostUpdate(): void {
    const { endpoint, itemId, loading, timeout = 0 } = this.#host;
    const binding = JSON.stringify([endpoint, itemId, loading]);
    if (binding !== this.#binding || !this.state.listeners.has(this)) {
      if (this.state) this.hostDisconnected();
      this.#binding = binding;
      this.state = itemState(resolveEndpoint(endpoint), itemId || defaultItemId());
      this.state.listeners.add(this);
      this.#lastCounts = null;
      this.itemChanged();
      const load = () => this.state.loadCounts();
      if (loading === 'eager') load();
      else this.#cancelNearViewport = whenNearViewport(this.#host, load);
    }
    this.state.timeoutMs = timeout > 0 ? timeout : DEFAULT_TIMEOUT_MS;
  }

  /** Votes `vote`, or withdraws when it is already the reader's vote, and fires `helpful-vote`. */
  toggle(vote: 'yes' | 'no'): void {
    const previous = this.state.vote;
    const next = previous === vote ? null : vote;
    this.votedWithThisElement = true;
    castVote(this.state, next);
    this.#dispatch('helpful-vote', { vote: next, previous });
  }

  itemChanged(): void {
    this.#host.requestUpdate();
    const counts = this.state.shownCounts;
    if (!counts || sameCounts(counts, this.#lastCounts)) return;
    this.#lastCounts = counts;
    this.#dispatch('helpful-counts', counts);
  }

  itemFailed(error: EndpointError, queued: boolean): void {
    this.#dispatch('helpful-error', { error, queued });
  }

  #dispatch<Name extends keyof HelpfulEventDetails>(
    type: Name,
    detail: Omit<HelpfulEventDetails[Name], 'itemId'>,
  ): void {
    const event = new CustomEvent(type, {
      detail: { itemId: this.state.id, ...detail },
      bubbles: true,
      composed: true,
    });
    this.#host.dispatchEvent(event);
  }
}
