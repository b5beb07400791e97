import { fetchCounts } from './endpoint-client.js';
import { EndpointError } from './endpoint-error.js';
import { MAX_ITEMS_PER_REQUEST, type Counts } from './protocol.js';

/** What asks for counts: an item of an endpoint, told the result. */
export interface CountsRequester {
  readonly endpoint: string | null;
  readonly id: string;
  timeoutMs: number;
  countsLoaded(counts: Counts | undefined, error: EndpointError): void;
}

const batches = new Map<string, Set<CountsRequester>>();

function send(endpoint: string, requesters: CountsRequester[]): void {
  const timeoutMs = Math.max(...requesters.map((requester) => requester.timeoutMs));
  const missing = new EndpointError('Item missing from the answer', 'invalid-response', 200);
  fetchCounts(endpoint, [...new Set(requesters.map((requester) => requester.id))], timeoutMs).then(
    (counts) => requesters.forEach((requester) => requester.countsLoaded(counts.get(requester.id), missing)),
    (error: EndpointError) => requesters.forEach((requester) => requester.countsLoaded(undefined, error)),
  );
}

/**
 * Asks for the counts of `requester`'s item. Requests made in the same task for the same endpoint
 * travel together in one GET (`item` repeated, split past the protocol's 100), so a page with 50 widgets
 * costs one request.
 */
export function requestCounts(requester: CountsRequester): void {
  const endpoint = requester.endpoint!;
  let batch = batches.get(endpoint);
  if (!batch) {
    const requesters = (batch = new Set());
    batches.set(endpoint, requesters);
    setTimeout(() => {
      batches.delete(endpoint);
      const all = [...requesters];
      for (let start = 0; start < all.length; start += MAX_ITEMS_PER_REQUEST) send(endpoint, all.slice(start, start + MAX_ITEMS_PER_REQUEST));
    });
  }
  batch.add(requester);
}
