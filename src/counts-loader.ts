import { fetchCounts } from './endpoint-client.js';
import { EndpointError } from './endpoint-error.js';
import { MAX_ITEMS_PER_REQUEST, type Counts } from './protocol.js';

interface Waiter {
  resolve(counts: Counts): void;
  reject(error: EndpointError): void;
}

interface Batch {
  waiters: Map<string, Waiter[]>;
  timeoutMs: number;
}

const batches = new Map<string, Batch>();

function sendBatch(endpoint: string, batch: Batch): void {
  const ids = [...batch.waiters.keys()];
  for (let start = 0; start < ids.length; start += MAX_ITEMS_PER_REQUEST) {
    const chunk = ids.slice(start, start + MAX_ITEMS_PER_REQUEST);
    const settle = (id: string, counts: Counts | undefined, error: EndpointError) => {
      for (const waiter of batch.waiters.get(id) ?? []) counts ? waiter.resolve(counts) : waiter.reject(error);
    };
    fetchCounts(endpoint, chunk, batch.timeoutMs).then(
      (counts) => {
        const missing = new EndpointError('Endpoint left this item out of its answer', 'invalid-response', 200);
        for (const id of chunk) settle(id, counts.get(id), missing);
      },
      (error: EndpointError) => chunk.forEach((id) => settle(id, undefined, error)),
    );
  }
}

/**
 * Counts of one item. Requests made in the same task for the same endpoint travel together in one GET
 * (`item` repeated, split past the protocol's 100), so a page with 50 widgets costs one request.
 */
export function loadCounts(endpoint: string, itemId: string, timeoutMs: number): Promise<Counts> {
  let batch = batches.get(endpoint);
  if (!batch) {
    const created: Batch = { waiters: new Map(), timeoutMs };
    batches.set(endpoint, created);
    setTimeout(() => {
      batches.delete(endpoint);
      sendBatch(endpoint, created);
    });
    batch = created;
  }
  batch.timeoutMs = Math.max(batch.timeoutMs, timeoutMs);
  const waiting = batch.waiters.get(itemId) ?? [];
  batch.waiters.set(itemId, waiting);
  return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
}
