/** Test-side handle on one namespace of the test runner's votes route (see votes-route.mjs). */
export interface MockEndpoint {
  /** The votes URL to put in `endpoint`. */
  url: string;
  control(settings: Record<string, unknown>): Promise<void>;
  /** The counts the endpoint holds for `id` now (seed and stored votes), read past any failure mode set. */
  counts(id: string): Promise<{ yes: number; no: number }>;
  requests(): Promise<
    Array<{ method: string; url: string; contentType?: string; body?: string; cookie?: string; mode?: unknown }>
  >;
}

/**
 * The same test server under the page's other host name (`localhost` ↔ `127.0.0.1`): another origin, for
 * cross-origin answers without a second server.
 */
export const otherOrigin = (): string =>
  `${location.protocol}//${location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1'}:${location.port}`;

/**
 * A fresh namespace of the votes route. Its `url` is on `origin` (default: the page's, as a relative URL);
 * it is steered through the page's own origin whatever `origin` is.
 */
export async function mockEndpoint(
  settings: Record<string, unknown> = {},
  { origin = '' } = {},
): Promise<MockEndpoint> {
  const base = `/mock-api/${Math.random().toString(36).slice(2)}`;
  const endpoint: MockEndpoint = {
    url: `${origin}${base}/votes`,
    async control(values) {
      await fetch(`${base}/control`, { method: 'POST', body: JSON.stringify(values) });
    },
    async counts(id) {
      const { yes, no } = await (await fetch(`${base}/counts?item=${encodeURIComponent(id)}`)).json();
      return { yes, no };
    },
    async requests() {
      return (await fetch(`${base}/requests`)).json();
    },
  };
  await endpoint.control(settings);
  return endpoint;
}

/** A fresh item id, so that tests never share state through the page-wide item registry. */
export const uniqueId = (label = 'item'): string => `${label}-${Math.random().toString(36).slice(2, 10)}`;
