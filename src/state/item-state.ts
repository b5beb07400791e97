import { applyOwnVote } from './counts.js';
import { requestCounts, type CountsRequester } from '../endpoint/counts-batch.js';
import { postVote } from '../endpoint/endpoint-client.js';
import { EndpointError } from '../endpoint/endpoint-error.js';
import { itemKey, readRecord, writeRecord, type ItemRecord } from '../storage/item-record.js';
import type { Counts, Vote } from '../protocol/types.js';
import type { FollowUp } from '../protocol/follow-up-rules.js';
import { isItemId } from '../protocol/validation.js';
import { voterId } from '../storage/voter-id.js';

/** What an element bound to an item is told. */
export interface ItemListener {
  itemChanged(): void;
  itemFailed(error: EndpointError, queued: boolean): void;
}

/** Milliseconds before a request counts as failed, unless the element's `timeout` says otherwise. */
export const DEFAULT_TIMEOUT_MS = 8000;

/** An id the protocol refuses (1–512 characters, no control or bidi characters, see `isItemId`) is never sent. */
const invalidItem = () => new EndpointError('Invalid item id', 'invalid-item');

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
  votedAt = 0;
  /** The follow-up that travels with the vote (section 5) until the endpoint takes it; a new vote drops it. */
  declare followUp?: FollowUp | null;
  /** The reader voted in this page view (the thanks message is for them, not for a revisit). */
  votedThisPageView = false;
  /** The last attempt to send the pending vote failed for a reason that may pass: it waits in the outbox. */
  undelivered = false;
  /** The server refused the reader's last vote for good. */
  rejected = false;
  timeoutMs = DEFAULT_TIMEOUT_MS;
  readonly listeners = new Set<ItemListener>();
  readonly key: string;
  #sending = false;
  #countsRequested = false;
  /** Vote answers (or failures) so far; counts asked for before the latest may not include it. */
  #votesSettled = 0;
  #countsAskedAt = 0;

  constructor(
    readonly endpoint: string | null,
    readonly id: string,
  ) {
    this.key = itemKey(endpoint, id);
    this.restore();
  }

  /** Counts as the reader sees them, with their own latest vote applied; `null` until any are known. */
  get shownCounts(): Counts | null {
    const counts = this.endpoint ? this.counts : { yes: 0, no: 0 };
    return counts && applyOwnVote(counts, this.endpoint ? this.confirmed : null, this.vote);
  }

  /**
   * Takes in the stored record (written by this page earlier, or by another tab just now): its vote if it
   * is newer than the one held here, and what the server last confirmed. A missing record (storage
   * cleared) resets the item.
   */
  restore(): void {
    const record = readRecord(this.key);
    // (A follow-up left behind is not pending, so never sent, and the next vote replaces it.)
    if (!record) Object.assign(this, { vote: null, confirmed: null, pending: false, counts: null, votedAt: 0 });
    else {
      this.#adoptNewerVote(record);
      this.confirmed = record.confirmed;
      this.counts = record.counts ?? this.counts;
      this.pending = !!this.endpoint && (record.pending || this.vote !== this.confirmed);
    }
  }

  #adoptNewerVote(record: ItemRecord | undefined): void {
    if (record && record.votedAt > this.votedAt)
      Object.assign(this, { vote: record.vote, votedAt: record.votedAt, followUp: record.followUp });
  }

  /**
   * Records the reader's vote at once (optimistically), with its follow-up if it has one (the same vote sent
   * again to explain it); any other follow-up still waiting is dropped. Delivery is the caller's next step.
   */
  cast(vote: Vote, followUp?: FollowUp): void {
    this.vote = vote;
    this.followUp = followUp;
    this.votedAt = Math.max(Date.now(), this.votedAt + 1);
    this.pending = !!this.endpoint;
    this.votedThisPageView = true;
    this.rejected = false;
    this.#saveAndNotify();
  }

  /** Fetches the counts once per page view (batched with other items of the same endpoint). */
  loadCounts(): void {
    if (!this.endpoint || this.#countsRequested) return;
    this.#countsRequested = true;
    this.#countsAskedAt = this.#votesSettled;
    // An id the server would refuse must not sink the batch it travels in.
    if (isItemId(this.id)) requestCounts(this);
    else this.#fail(invalidItem(), false);
  }

  countsLoaded(counts: Counts | undefined, error: EndpointError): void {
    if (!counts) this.#fail(error, false);
    // Counts asked for before a vote was answered, or answered while one is in flight, may predate it:
    // the vote's own answer is fresher.
    else if (!this.counts || (!this.#sending && this.#countsAskedAt === this.#votesSettled)) {
      this.counts = counts;
      this.#saveAndNotify();
    }
  }

  /**
   * Sends the pending vote, if there is one and none is on its way, and takes in the outcome: accepted;
   * failed for a reason that may pass (`isTemporary`, the outbox's rule), when the vote stays pending; or
   * refused for good, when the item goes back to the confirmed vote unless the reader has voted again
   * meanwhile. A vote cast while this one was on its way is sent next. Resolves with `true` once delivered,
   * `false` when nothing was sent, or the error.
   */
  async sendPendingVote(isTemporary: (error: EndpointError) => boolean): Promise<EndpointError | boolean> {
    if (!this.endpoint || !this.pending || this.#sending) return false;
    this.#sending = true;
    const sent = this.vote;
    const followUp = this.followUp;
    let error: EndpointError | undefined;
    try {
      if (!isItemId(this.id)) throw invalidItem();
      // The follow-up's `reason` and `comment` first: whatever else a tampered record holds, the vote's own fields win.
      const request = { ...followUp, id: this.id, vote: sent, voter: voterId() };
      this.counts = await postVote(this.endpoint, request, this.timeoutMs);
      this.confirmed = sent;
    } catch (caught) {
      // postVote turns every failure into an EndpointError (a network error, a timeout, a bad answer), and
      // the id check above throws one too.
      error = caught as EndpointError;
    }
    this.#sending = false;
    this.#votesSettled += 1;
    // Another tab may have changed the vote meanwhile: the stored record may hold the reader's latest.
    this.#adoptNewerVote(readRecord(this.key));
    const temporary = !!error && isTemporary(error);
    const refused = !!error && !temporary && this.vote === sent;
    if (refused) this.vote = this.confirmed;
    // Delivered, or refused for good: either way this follow-up is done (one written meanwhile goes next).
    if (!temporary && this.followUp === followUp) this.followUp = undefined;
    this.rejected = refused;
    this.pending = this.vote !== this.confirmed || temporary || !!this.followUp;
    this.undelivered = temporary;
    this.#saveAndNotify();
    if (error) this.#fail(error, temporary);
    if (this.pending && !temporary) return this.sendPendingVote(isTemporary);
    return error ?? true;
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
