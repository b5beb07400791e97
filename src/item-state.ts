import { applyOwnVote } from './counts.js';
import { requestCounts, type CountsRequester } from './counts-loader.js';
import { postVote } from './endpoint-client.js';
import { EndpointError } from './endpoint-error.js';
import { itemKey, readRecord, writeRecord, type ItemRecord } from './item-record.js';
import type { Counts, Vote } from './protocol.js';
import { voterId } from './voter-id.js';

/** What an element bound to an item is told. */
export interface ItemListener {
  itemChanged(): void;
  itemFailed(error: EndpointError, queued: boolean): void;
}

const asEndpointError = (error: unknown): EndpointError =>
  error instanceof EndpointError ? error : new EndpointError(String(error), 'network');

/**
 * The one state of an item on this page, shared by every element showing it: the reader's vote, what
 * the server confirmed, the last counts, and the round trips that change them.
 */
export class ItemState implements ItemRecord, CountsRequester {
  vote: Vote = null;
  /** The vote included in `counts`. */
  confirmed: Vote = null;
  pending = false;
  /** The last counts the server sent (in local-only mode: none, the reader's vote alone counts). */
  counts: Counts | null = null;
  /** The reader voted in this page view (the thanks message is for them, not for a revisit). */
  votedThisView = false;
  /** The last attempt to send the pending vote failed for a reason that may pass: it waits in the outbox. */
  undelivered = false;
  /** The server refused the reader's last vote for good. */
  rejected = false;
  timeoutMs = 8000;
  readonly listeners = new Set<ItemListener>();
  readonly key: string;
  #sending = false;
  #countsRequested = false;

  constructor(readonly endpoint: string | null, readonly id: string) {
    this.key = itemKey(endpoint, id);
    this.restore();
  }

  /** Counts as the reader sees them, with their own latest vote applied; `null` until any are known. */
  get shownCounts(): Counts | null {
    const counts = this.endpoint ? this.counts : { yes: 0, no: 0 };
    return counts && applyOwnVote(counts, this.endpoint ? this.confirmed : null, this.vote);
  }

  /** Takes over the stored record (written by this page earlier, or by another tab just now). */
  restore(): void {
    const { vote = null, confirmed = null, pending = false, counts = null } = readRecord(this.key) ?? {};
    Object.assign(this, { vote, confirmed, pending, counts });
  }

  /** Records the reader's vote at once (optimistically); delivery is the caller's next step. */
  cast(vote: Vote): void {
    this.vote = vote;
    this.pending = !!this.endpoint;
    this.votedThisView = true;
    this.rejected = false;
    this.#saveAndNotify();
  }

  /** Fetches the counts once per page view (batched with other items of the same endpoint). */
  loadCounts(): void {
    if (this.endpoint && !this.#countsRequested) requestCounts(this);
    this.#countsRequested = true;
  }

  countsLoaded(counts: Counts | undefined, error: EndpointError): void {
    if (!counts) this.#fail(error, false);
    // A vote in flight will answer with fresher counts; these may predate it.
    else if (!this.#sending || !this.counts) {
      this.counts = counts;
      this.#saveAndNotify();
    }
  }

  /**
   * Sends the pending vote; resolves with the error when it failed (the vote stays pending if the
   * failure is temporary, and falls back to the confirmed vote if it is final).
   */
  async deliver(): Promise<EndpointError | undefined> {
    if (!this.endpoint || !this.pending || this.#sending) return undefined;
    this.#sending = true;
    const vote = this.vote;
    let error: EndpointError | undefined;
    try {
      this.counts = await postVote(this.endpoint, { id: this.id, vote, voter: voterId() }, this.timeoutMs);
      this.confirmed = vote;
      this.pending = this.vote !== vote;
    } catch (caught) {
      error = asEndpointError(caught);
      if (!error.temporary) {
        this.vote = this.confirmed;
        this.pending = false;
        this.rejected = true;
      }
    }
    this.#sending = false;
    this.undelivered = !!error?.temporary;
    this.#saveAndNotify();
    if (error) this.#fail(error, error.temporary);
    else if (this.pending) return this.deliver();
    return error;
  }

  changed(): void {
    for (const listener of this.listeners) listener.itemChanged();
  }

  #fail(error: EndpointError, queued: boolean): void {
    for (const listener of this.listeners) listener.itemFailed(error, queued);
  }

  #saveAndNotify(): void {
    writeRecord(this.key, this);
    this.changed();
  }
}
