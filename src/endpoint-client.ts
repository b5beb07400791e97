import { EndpointError } from './endpoint-error.js';
import { parseCountsResponse, parseItemCounts, type Counts, type VoteRequest } from './protocol.js';

/** Only http(s) endpoints are used; returns the absolute URL, or `null` (with a warning) for anything else. */
export function resolveEndpoint(endpoint: string | null | undefined): string | null {
  if (!endpoint) return null;
  try {
    const url = new URL(endpoint, document.baseURI);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // Fall through to the warning: an unparsable URL is as unusable as a javascript: one.
  }
  console.warn(`<was-this-helpful>: ignoring endpoint ${JSON.stringify(endpoint)}: only http: and https: URLs are used.`);
  return null;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

async function requestJson(url: string, init: RequestInit, timeoutMs: number): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'omit', signal: controller.signal });
  } catch (cause) {
    clearTimeout(timer);
    if (controller.signal.aborted) throw new EndpointError(`No answer within ${timeoutMs} ms`, 'timeout');
    throw new EndpointError(`Endpoint unreachable: ${String(cause)}`, 'network');
  }
  try {
    if (!response.ok) {
      const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
      throw new EndpointError(`Endpoint answered ${response.status}`, 'http', response.status, retryAfter);
    }
    try {
      return await response.json();
    } catch {
      if (controller.signal.aborted) throw new EndpointError(`No answer within ${timeoutMs} ms`, 'timeout');
      throw new EndpointError('Endpoint answered with something other than JSON', 'invalid-response', response.status);
    }
  } finally {
    clearTimeout(timer);
  }
}

/** The URL of a GET for `ids`, keeping the endpoint's own query parameters. */
export function countsUrl(endpoint: string, ids: readonly string[]): string {
  const url = new URL(endpoint);
  for (const id of ids) url.searchParams.append('item', id);
  return url.href;
}

/** GETs the counts of `ids` in one request; rejects with an `EndpointError` on any failure or bad shape. */
export async function fetchCounts(endpoint: string, ids: readonly string[], timeoutMs: number): Promise<Map<string, Counts>> {
  const body = await requestJson(countsUrl(endpoint, ids), { method: 'GET' }, timeoutMs);
  const counts = parseCountsResponse(body);
  if (!counts) throw new EndpointError('Endpoint answered counts of an unexpected shape', 'invalid-response', 200);
  return counts;
}

/** POSTs one vote and returns the item's counts after it; rejects with an `EndpointError`. */
export async function postVote(endpoint: string, vote: VoteRequest, timeoutMs: number): Promise<Counts> {
  const body = await requestJson(
    endpoint,
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(vote) },
    timeoutMs,
  );
  const item = parseItemCounts(body);
  if (!item || item.id !== vote.id) {
    throw new EndpointError('Endpoint answered a vote with an unexpected shape', 'invalid-response', 200);
  }
  return { yes: item.yes, no: item.no };
}
