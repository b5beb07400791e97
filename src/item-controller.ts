import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sameCounts } from './counts.js';
import { defaultItemId } from './default-item-id.js';
import { resolveEndpoint } from './endpoint-client.js';
import type { EndpointError } from './endpoint-error.js';
import type { ItemListener, ItemState } from './item-state.js';
import { castVote, itemState, startDelivery } from './items.js';
import { whenNearViewport } from './near-viewport.js';
import type { Counts, Vote } from './protocol.js';

/** What the controller reads from its element. */
export interface ItemHost extends ReactiveControllerHost, HTMLElement {
  endpoint?: string | null;
  itemId?: string | null;
  loading?: string | null;
  effectiveTimeout: number;
}

/**
 * Binds an element to the shared state of its item: picks the state from `endpoint` and `item-id`,
 * fetches counts when the element is near the viewport, and turns state changes into updates and events.
 */
export class ItemController implements ReactiveController, ItemListener {
  state!: ItemState;
  private boundTo?: string;
  private shownCounts: Counts | null = null;
  private cancelNearViewport = (): void => {};

  constructor(private readonly host: ItemHost) {
    host.addController(this);
  }

  /** The item id in use. */
  get itemId(): string {
    return this.state.id;
  }

  hostConnected(): void {
    startDelivery();
    this.bind();
  }

  hostDisconnected(): void {
    this.unbind();
  }

  hostUpdate(): void {
    this.bind();
  }

  /** Votes `vote`, or withdraws when it is already the reader's vote; returns `[vote, previous]`. */
  toggle(vote: 'yes' | 'no'): [Vote, Vote] {
    const previous = this.state.vote;
    const next = previous === vote ? null : vote;
    castVote(this.state, next);
    return [next, previous];
  }

  itemChanged(): void {
    this.host.requestUpdate();
    const counts = this.state.counts;
    if (!counts || sameCounts(counts, this.shownCounts)) return;
    this.shownCounts = counts;
    this.dispatch('helpful-counts', { itemId: this.itemId, yes: counts.yes, no: counts.no });
  }

  itemFailed(error: EndpointError, queued: boolean): void {
    this.dispatch('helpful-error', { itemId: this.itemId, error, queued });
  }

  private dispatch(type: string, detail: object): void {
    this.host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  private bind(): void {
    const { endpoint, itemId, loading, effectiveTimeout: timeout } = this.host;
    const binding = JSON.stringify([endpoint ?? null, itemId || null, loading === 'eager']);
    if (this.state) this.state.timeoutMs = timeout;
    if (binding === this.boundTo && this.state.listeners.has(this)) return;
    this.unbind();
    this.boundTo = binding;
    this.state = itemState(resolveEndpoint(endpoint), itemId || defaultItemId());
    this.state.timeoutMs = timeout;
    this.state.listeners.add(this);
    this.shownCounts = null;
    this.itemChanged();
    const load = () => this.state.loadCounts();
    if (loading === 'eager') load();
    else this.cancelNearViewport = whenNearViewport(this.host, load);
  }

  private unbind(): void {
    this.cancelNearViewport();
    this.state?.listeners.delete(this);
  }
}
