import { applyOwnVote } from './counts.js';
import { loadCounts } from './counts-loader.js';
import { postVote } from './endpoint-client.js';
import { EndpointError } from './endpoint-error.js';
import { readRecord, writeRecord, type ItemRecord } from './item-record.js';
import type { Counts, Vote } from './protocol.js';
import { voterId } from './voter-id.js';

/** What an element bound to an item is told. */
export interface ItemListener {
  itemChanged(): void;
  itemFailed(error: EndpointError, queued: boolean): void;
}

const NO_COUNTS: Counts = { yes: 0, no: 0 };

const asEndpointError = (error: unknown): EndpointError =>
  error instanceof EndpointError ? error : new EndpointError(String(error), 'network');

/**
 * The one state of an item on this page, shared by every element showing it: the reader's vote, what
 * the server confirmed, the last counts, and the round trips that change them.
 */
export class ItemState {
  vote: Vote = null;
  /** The vote included in `serverCounts`. */
  confirmed: Vote = null;
  pending = false;
  serverCounts: Counts | null = null;
  /** The reader voted in this page view (the thanks message is for them, not for a revisit). */
  votedThisView = false;
  /** The last attempt to send the pending vote failed for a reason that may pass: it waits in the outbox. */
  undelivered = false;
  /** The server refused the reader's last vote for good. */
  rejected = false;
  timeoutMs = 8000;
  readonly listeners = new Set<ItemListener>();
  private sending = false;
  private countsRequested = false;

  constructor(readonly endpoint: string | null, readonly id: string) {
    const record = readRecord(endpoint, id);
    if (record) this.restore(record);
  }

  /** Counts as the reader sees them, with their own latest vote applied; `null` until any are known. */
  get counts(): Counts | null {
    if (!this.endpoint) return applyOwnVote(NO_COUNTS, null, this.vote);
    return this.serverCounts && applyOwnVote(this.serverCounts, this.confirmed, this.vote);
  }

  /** Takes over a record another tab wrote. */
  restore(record: ItemRecord): void {
    this.vote = record.vote;
    this.confirmed = record.confirmed;
    this.pending = record.pending && this.endpoint !== null;
    this.serverCounts = record.counts;
  }

  /** Records the reader's vote at once (optimistically); delivery is the caller's next step. */
  cast(vote: Vote): void {
    this.vote = vote;
    this.pending = this.endpoint !== null;
    this.votedThisView = true;
    this.rejected = false;
    this.save();
    this.changed();
  }

  /** Fetches the counts once per page view (batched with other items of the same endpoint). */
  loadCounts(): void {
    if (!this.endpoint || this.countsRequested) return;
    this.countsRequested = true;
    loadCounts(this.endpoint, this.id, this.timeoutMs).then(
      (counts) => {
        // A vote in flight will answer with fresher counts; these may predate it.
        if (this.sending && this.serverCounts) return;
        this.serverCounts = counts;
        this.save();
        this.changed();
      },
      (error: unknown) => this.failed(asEndpointError(error), false),
    );
  }

  /**
   * Sends the pending vote; resolves with the error when it failed (the vote stays pending if the
   * failure is temporary, and falls back to the confirmed vote if it is final).
   */
  async deliver(): Promise<EndpointError | undefined> {
    if (!this.endpoint || !this.pending || this.sending) return undefined;
    this.sending = true;
    const vote = this.vote;
    let error: EndpointError | undefined;
    try {
      this.serverCounts = await postVote(this.endpoint, { id: this.id, vote, voter: voterId() }, this.timeoutMs);
      this.confirmed = vote;
      this.pending = this.vote !== vote;
      this.undelivered = false;
    } catch (caught) {
      error = asEndpointError(caught);
      this.undelivered = error.temporary;
      if (!error.temporary) {
        this.vote = this.confirmed;
        this.pending = false;
        this.rejected = true;
      }
    } finally {
      this.sending = false;
    }
    this.save();
    this.changed();
    if (error) this.failed(error, error.temporary);
    else if (this.pending) return this.deliver();
    return error;
  }

  changed(): void {
    for (const listener of this.listeners) listener.itemChanged();
  }

  private failed(error: EndpointError, queued: boolean): void {
    for (const listener of this.listeners) listener.itemFailed(error, queued);
  }

  private save(): void {
    const { endpoint, id, vote, confirmed, pending, serverCounts: counts } = this;
    writeRecord({ endpoint, id, vote, confirmed, pending, counts });
  }
}
