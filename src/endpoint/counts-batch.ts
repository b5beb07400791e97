import { countsUrl, fetchCounts } from './endpoint-client.js';
import { EndpointError } from './endpoint-error.js';
import type { Counts } from '../protocol/types.js';
import { MAX_ITEMS_PER_REQUEST } from '../protocol/validation.js';

/** What asks for counts: an item of an endpoint, told the result. */
export interface CountsRequester {
  readonly endpoint: string | null;
  readonly id: string;
  timeoutMs: number;
  countsLoaded(counts: Counts | undefined, error: EndpointError): void;
}

const batches = new Map<string, Set<CountsRequester>>();

/**
 * The longest GET URL a batch is given. Ids default to page URLs, and 100 of them percent-encoded run past
 * what servers and proxies accept in a request line (8 KB is a common limit; Node answers 431 past 16 KB).
 */
const MAX_URL_LENGTH = 4000;

/** Splits requesters into GETs of at most 100 items and (but for a single long id) `MAX_URL_LENGTH`. */
function split(endpoint: string, requesters: Iterable<CountsRequester>): CountsRequester[][] {
  const groups: CountsRequester[][] = [];
  let group: CountsRequester[] = [];
  // The endpoint's own query is re-encoded once an item is appended (":" as "%3A", say), so it is measured
  // that way: with one empty item, less its "?item=" or "&item=".
  const base = countsUrl(endpoint, ['']).length - '&item='.length;
  let length = base;
  for (const requester of requesters) {
    // Encoded as countsUrl encodes it, plus its "&" (or "?").
    const added = new URLSearchParams({ item: requester.id }).toString().length + 1;
    if (group.length === MAX_ITEMS_PER_REQUEST || (group.length > 0 && length + added > MAX_URL_LENGTH)) {
      groups.push(group);
      group = [];
      length = base;
    }
    group.push(requester);
    length += added;
  }
  return [...groups, group];
}

function send(endpoint: string, requesters: CountsRequester[]): void {
  const timeoutMs = Math.max(...requesters.map((requester) => requester.timeoutMs));
  const missing = new EndpointError('Item missing', 'invalid-response', 200);
  fetchCounts(endpoint, [...new Set(requesters.map((requester) => requester.id))], timeoutMs).then(
    (counts) => requesters.forEach((requester) => requester.countsLoaded(counts.get(requester.id), missing)),
    (error: EndpointError) => requesters.forEach((requester) => requester.countsLoaded(undefined, error)),
  );
}

/**
 * Asks for the counts of `requester`'s item. Requests made in the same task for the same endpoint
 * travel together in one GET (`item` repeated, split past the protocol's 100 or a long URL), so a page
 * with 50 widgets costs one request.
 */
export function requestCounts(requester: CountsRequester): void {
  const endpoint = requester.endpoint!;
  let batch = batches.get(endpoint);
  if (!batch) {
    const requesters = (batch = new Set());
    batches.set(endpoint, requesters);
    setTimeout(() => {
      batches.delete(endpoint);
      for (const group of split(endpoint, requesters)) send(endpoint, group);
    });
  }
  batch.add(requester);
}
