import { EndpointError } from './endpoint-error.js';
import { parseCountsResponse, parseItemCounts } from '../protocol/responses.js';
import type { Counts, VoteRequest } from '../protocol/types.js';
import { retryAfterSeconds } from './retry-after.js';

/** Only http(s) endpoints are used; returns the absolute URL, or `null` (with a warning) for anything else. */
export function resolveEndpoint(endpoint: string | null | undefined): string | null {
  if (!endpoint) return null;
  try {
    const url = new URL(endpoint, document.baseURI);
    if (/^https?:$/.test(url.protocol)) return url.href;
  } catch {
    // An unparsable URL is as unusable as a javascript: one.
  }
  console.warn('<was-this-helpful> ignored endpoint, not http(s):', endpoint);
  return null;
}

/**
 * One JSON round trip that either resolves with the parsed body or rejects with an `EndpointError`
 * saying why, with what `Retry-After` asked for (in seconds or as a date).
 */
async function requestJson(url: string, init: RequestInit, timeoutMs: number): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { ...init, credentials: 'omit', signal: controller.signal });
    const { status } = response;
    if (!response.ok)
      throw new EndpointError(`HTTP ${status}`, 'http', status, retryAfterSeconds(response.headers.get('Retry-After')));
    return await response.json().catch(() => {
      throw new EndpointError('Not JSON', 'invalid-response', status);
    });
  } catch (error) {
    if (controller.signal.aborted) throw new EndpointError(`No answer in ${timeoutMs} ms`, 'timeout');
    throw error instanceof EndpointError ? error : new EndpointError(String(error), 'network');
  } finally {
    clearTimeout(timer);
  }
}

const badShape = () => new EndpointError('Bad shape', 'invalid-response', 200);

/** The URL of a GET for `ids`, keeping the endpoint's own query parameters. */
export function countsUrl(endpoint: string, ids: readonly string[]): string {
  const url = new URL(endpoint);
  for (const id of ids) url.searchParams.append('item', id);
  return url.href;
}

/** GETs the counts of `ids` in one request; rejects with an `EndpointError` on any failure or bad shape. */
export async function fetchCounts(
  endpoint: string,
  ids: readonly string[],
  timeoutMs: number,
): Promise<Map<string, Counts>> {
  const counts = parseCountsResponse(await requestJson(countsUrl(endpoint, ids), {}, timeoutMs));
  if (!counts) throw badShape();
  return counts;
}

/** POSTs one vote and returns the item's counts after it; rejects with an `EndpointError`. */
export async function postVote(endpoint: string, vote: VoteRequest, timeoutMs: number): Promise<Counts> {
  const init = { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(vote) };
  const item = parseItemCounts(await requestJson(endpoint, init, timeoutMs));
  if (item?.id !== vote.id) throw badShape();
  return { yes: item.yes, no: item.no };
}
