import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { WasThisHelpfulElement } from '../../src/element/was-this-helpful-element.js';
import { view } from './support/element.js';
import { mockEndpoint, otherOrigin, uniqueId, type MockEndpoint } from './support/mock-endpoint.js';

/**
 * An endpoint is whatever a site's `endpoint` attribute points at: broken, misconfigured or hostile. Every
 * answer here comes over real HTTP from the test runner's votes route (test/element/support/votes-route.mjs).
 * Whatever it sends, the reader sees nothing of it, the page sees no uncaught error, and a vote that may
 * still get through later is kept and delivered once.
 */

/** Markup that would run if anything from an answer were ever parsed as HTML. */
const MARKUP = '<img src=x onerror=window.hostileMarkupRan=true>';
declare global {
  interface Window {
    hostileMarkupRan?: boolean;
  }
}

/** What the route answers with: a mode of votes-route.mjs. */
type Answer =
  string | { status?: number; type?: string; body?: Array<string | [string, number]> | string; redirect?: string };

interface Hostile {
  what: string;
  /** The answer to the GET of counts, and to the POST of a vote. */
  get: Answer;
  post: Answer;
  /** `helpful-error`'s `detail.error.kind`. */
  kind: string;
  /** The element's `timeout`, when the answer needs longer than `TIMEOUT_MS` to arrive on a loaded machine. */
  timeoutMs?: number;
}

const json = (body: string): Answer => ({ body });
const counts = (yes: string, no: string) => ({
  get: json(`{"items":[{"id":"$ID","yes":${yes},"no":${no}}]}`),
  post: json(`{"id":"$ID","yes":${yes},"no":${no}}`),
  kind: 'invalid-response',
});

const HOSTILE: Hostile[] = [
  { what: 'counts as strings', ...counts('"777"', '"333"') },
  { what: 'fractional counts', ...counts('777.5', '333') },
  { what: 'negative counts', ...counts('-777', '333') },
  { what: 'counts of 1e308', ...counts('1e308', '333') },
  { what: 'counts past Number.MAX_SAFE_INTEGER', ...counts('9007199254740993', '333') },
  { what: 'counts that overflow to Infinity', ...counts('1e999', '333') },
  { what: 'boolean counts', ...counts('true', 'false') },
  { what: 'null counts', ...counts('null', '333') },
  { what: 'counts holding markup', ...counts(JSON.stringify(MARKUP), '333') },
  { what: 'no counts', get: json('{"items":[{"id":"$ID"}]}'), post: json('{"id":"$ID"}'), kind: 'invalid-response' },
  {
    what: 'an array instead of an object',
    get: json('[{"id":"$ID","yes":777,"no":333}]'),
    post: json('[{"id":"$ID","yes":777,"no":333}]'),
    kind: 'invalid-response',
  },
  {
    what: "the other request's shape",
    get: json('{"id":"$ID","yes":777,"no":333}'),
    post: json('{"items":[{"id":"$ID","yes":777,"no":333}]}'),
    kind: 'invalid-response',
  },
  {
    what: 'counts for an item not asked about',
    get: json('{"items":[{"id":"someone-else","yes":777,"no":333}]}'),
    post: json('{"id":"someone-else","yes":777,"no":333}'),
    kind: 'invalid-response',
  },
  {
    what: 'markup as the item id',
    get: json(`{"items":[{"id":${JSON.stringify(MARKUP)},"yes":777,"no":333}]}`),
    post: json(`{"id":${JSON.stringify(MARKUP)},"yes":777,"no":333}`),
    kind: 'invalid-response',
  },
  {
    what: 'an HTML page with a script',
    get: { type: 'text/html', body: `<!doctype html>${MARKUP}<script>window.hostileMarkupRan = true</script>` },
    post: { type: 'text/html', body: `<!doctype html>${MARKUP}<script>window.hostileMarkupRan = true</script>` },
    kind: 'invalid-response',
  },
  {
    what: 'invalid JSON',
    get: json('{"items":[{"id":"$ID","yes":777,'),
    post: json('{"id":"$ID","yes":777,'),
    kind: 'invalid-response',
  },
  { what: 'JSON null', get: json('null'), post: json('null'), kind: 'invalid-response' },
  { what: 'an empty 204', get: { status: 204 }, post: { status: 204 }, kind: 'invalid-response' },
  {
    what: 'an enormous body (6 MB of items not asked about; an 8 MB id)',
    get: {
      body: [
        '{"items":[',
        ['{"id":"someone-else","yes":777,"no":333},', 150_000],
        '{"id":"someone-else","yes":1,"no":1}]}',
      ],
    },
    post: { body: ['{"id":"', ['x', 8_000_000], '","yes":777,"no":333}'] },
    kind: 'invalid-response',
    // Megabytes take a while in a slow engine on a busy machine; a timeout would be a different failure.
    timeoutMs: 12_000,
  },
  {
    what: 'a 500 whose error message is markup',
    get: { status: 500, body: `{"error":${JSON.stringify(MARKUP)}}` },
    post: { status: 500, body: `{"error":${JSON.stringify(MARKUP)}}` },
    kind: 'http',
  },
  {
    what: 'a redirect without a Location',
    get: { status: 302, body: MARKUP, type: 'text/html' },
    post: { status: 302, body: MARKUP, type: 'text/html' },
    kind: 'http',
  },
  { what: 'a body that starts and never finishes', get: 'stall', post: 'stall', kind: 'timeout' },
];

/** Short enough for the tests that wait for it (a body that never finishes). */
const TIMEOUT_MS = 3000;

// Anything thrown out of the widget's code, synchronously or in a promise nobody handles, lands here.
const uncaught: string[] = [];
const onError = (event: ErrorEvent) => uncaught.push(`error: ${event.message}`);
const onRejection = (event: PromiseRejectionEvent) => uncaught.push(`unhandled rejection: ${String(event.reason)}`);
before(() => {
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onRejection);
});
after(() => {
  removeEventListener('error', onError);
  removeEventListener('unhandledrejection', onRejection);
});

/** Every `helpful-counts` the page saw in this test. */
let shownCounts: Array<{ yes: number; no: number }> = [];
const onCounts = (event: Event) =>
  shownCounts.push({ yes: (event as CustomEvent).detail.yes, no: (event as CustomEvent).detail.no });
beforeEach(() => {
  uncaught.length = 0;
  shownCounts = [];
  delete window.hostileMarkupRan;
  document.addEventListener('helpful-counts', onCounts);
});
afterEach(() => {
  document.removeEventListener('helpful-counts', onCounts);
  localStorage.clear();
});

const settle = (ms = 100) => new Promise((resolve) => setTimeout(resolve, ms));

async function widget(endpoint: MockEndpoint, id: string, timeoutMs = TIMEOUT_MS): Promise<WasThisHelpfulElement> {
  return fixture<WasThisHelpfulElement>(
    html`<was-this-helpful
      endpoint=${endpoint.url}
      item-id=${id}
      loading="eager"
      timeout=${timeoutMs}
    ></was-this-helpful>`,
  );
}

/** Nothing of the answer reached the reader, no markup ran, and nothing was thrown at the page. */
async function expectNothingFromTheAnswer(el: WasThisHelpfulElement): Promise<void> {
  await settle();
  await el.updateComplete;
  const text = el.shadowRoot!.textContent!;
  for (const garbage of [
    'NaN',
    'Infinity',
    '∞',
    'undefined',
    'null',
    '777',
    '333',
    '<',
    'onerror',
    'someone-else',
    'E+',
  ]) {
    expect(text, `the widget shows "${garbage}"`).not.to.contain(garbage);
  }
  // Booleans, not elements: the runner cannot report a failure whose actual value is a DOM node.
  expect(el.shadowRoot!.querySelector('img, script') !== null, 'markup from the answer was rendered').to.equal(false);
  expect(document.querySelector('img[src="x"]') !== null, 'markup from the answer was put in the page').to.equal(false);
  expect(window.hostileMarkupRan, 'markup from the answer ran').to.equal(undefined);
  expect(uncaught).to.deep.equal([]);
}

const posts = async (endpoint: MockEndpoint) =>
  (await endpoint.requests()).filter((request) => request.method === 'POST');

/** The counts the endpoint holds, asked over HTTP the way another reader's page would. */
async function countsAt(endpoint: MockEndpoint, id: string) {
  await endpoint.control({ get: 'ok' });
  const answer = await (
    await fetch(`${new URL(endpoint.url, location.href).href}?item=${encodeURIComponent(id)}`)
  ).json();
  return answer.items[0];
}

/** The endpoint behaves again: the kept vote goes out (on `online`, as after a reconnect) and is counted once. */
async function expectDeliveredOnce(
  endpoint: MockEndpoint,
  el: WasThisHelpfulElement,
  id: string,
  expected: { yes: number; no: number },
) {
  await endpoint.control({ post: 'ok' });
  await waitUntil(
    async () => {
      dispatchEvent(new Event('online'));
      return (await posts(endpoint)).some((post) => post.mode === 'ok');
    },
    'the kept vote was not delivered once the endpoint behaved',
    { timeout: 5000, interval: 200 },
  );
  await waitUntil(() => view(el).message === 'Thanks for your feedback!', 'the note about a later delivery stayed');
  await settle(300);
  const delivered = (await posts(endpoint)).filter((post) => post.mode === 'ok');
  expect(
    delivered.map((post) => JSON.parse(post.body!).vote),
    'the vote was delivered more than once',
  ).to.deep.equal(['yes']);
  expect(await countsAt(endpoint, id)).to.deep.equal({ id, ...expected });
}

describe('a hostile or broken endpoint, reading counts', () => {
  for (const { what, get, kind, timeoutMs } of HOSTILE) {
    it(`shows no percentage and nothing of the answer, and reports a failed read, when it answers with ${what}`, async () => {
      const endpoint = await mockEndpoint({ get });
      const id = uniqueId();
      const el = await widget(endpoint, id, timeoutMs);
      const { detail } = await oneEvent(el, 'helpful-error');
      expect(detail).to.include({ itemId: id, queued: false });
      expect(detail.error.kind, String(detail.error.message)).to.equal(kind);
      expect(view(el).summary).to.equal('');
      expect(view(el).question).to.equal('Was this helpful?');
      expect(shownCounts).to.deep.equal([]);
      await expectNothingFromTheAnswer(el);
    }).timeout(timeoutMs ? 40_000 : 15_000);
  }
});

describe('a hostile or broken endpoint, answering a vote', () => {
  for (const { what, post, kind, timeoutMs } of HOSTILE) {
    it(`keeps the vote for retry, shows nothing of the answer, and delivers it once later, when it answers with ${what}`, async () => {
      const id = uniqueId();
      const endpoint = await mockEndpoint({ seed: { [id]: { yes: 1, no: 1 } } });
      const el = await widget(endpoint, id, timeoutMs);
      await waitUntil(() => view(el).summary === '50% of readers found this helpful');
      await endpoint.control({ post });
      view(el).yes.click();
      const { detail } = await oneEvent(el, 'helpful-error');
      expect(detail).to.include({ itemId: id, queued: true });
      expect(detail.error.kind, String(detail.error.message)).to.equal(kind);
      await el.updateComplete;
      expect(view(el).pressed).to.equal('yes');
      expect(view(el).summary).to.equal('67% of readers found this helpful');
      expect(view(el).message).to.contain('will be sent when the connection returns');
      await expectNothingFromTheAnswer(el);
      await expectDeliveredOnce(endpoint, el, id, { yes: 2, no: 1 });
      expect(shownCounts, 'counts other than the seed and the vote were shown').to.deep.equal([
        { yes: 1, no: 1 },
        { yes: 2, no: 1 },
      ]);
      expect(uncaught).to.deep.equal([]);
    }).timeout(timeoutMs ? 40_000 : 15_000);
  }
});

describe('an endpoint that redirects', () => {
  const absolute = (endpoint: MockEndpoint) => new URL(endpoint.url, location.href).href;

  it('follows a redirect within its origin, for counts and votes alike (an endpoint that moved)', async () => {
    const id = uniqueId();
    const moved = await mockEndpoint({ seed: { [id]: { yes: 1, no: 1 } } });
    const old = await mockEndpoint({
      get: { redirect: absolute(moved), status: 301 },
      post: { redirect: absolute(moved), status: 308 },
    });
    const el = await widget(old, id);
    await waitUntil(
      () => view(el).summary === '50% of readers found this helpful',
      'the redirected counts were not shown',
    );
    view(el).yes.click();
    await waitUntil(
      async () => (await posts(moved)).some((post) => post.mode === 'ok'),
      'the vote did not follow the redirect',
    );
    await waitUntil(() => view(el).message === 'Thanks for your feedback!');
    expect(await countsAt(moved, id)).to.deep.equal({ id, yes: 2, no: 1 });
    expect(uncaught).to.deep.equal([]);
  });

  it('follows a redirect to another origin that allows the page by CORS, as any fetch would', async () => {
    const id = uniqueId();
    const elsewhere = await mockEndpoint({ cors: true, seed: { [id]: { yes: 1, no: 1 } } }, { origin: otherOrigin() });
    const old = await mockEndpoint({
      get: { redirect: elsewhere.url, status: 302 },
      post: { redirect: elsewhere.url, status: 307 },
    });
    const el = await widget(old, id);
    await waitUntil(
      () => view(el).summary === '50% of readers found this helpful',
      'the counts from the other origin were not shown',
    );
    view(el).yes.click();
    await waitUntil(
      async () => (await posts(elsewhere)).some((post) => post.mode === 'ok'),
      'the vote did not reach the other origin',
    );
    await waitUntil(() => view(el).message === 'Thanks for your feedback!');
    expect(await countsAt(elsewhere, id)).to.deep.equal({ id, yes: 2, no: 1 });
    expect(uncaught).to.deep.equal([]);
  });

  it('treats a redirect to another origin that does not allow the page as a network failure: nothing shown, the vote kept and never sent there', async () => {
    const id = uniqueId();
    const elsewhere = await mockEndpoint({ seed: { [id]: { yes: 777, no: 333 } } }, { origin: otherOrigin() });
    const old = await mockEndpoint({
      get: { redirect: elsewhere.url, status: 302 },
      post: { redirect: elsewhere.url, status: 307 },
    });
    const el = await widget(old, id);
    const read = await oneEvent(el, 'helpful-error');
    expect(read.detail).to.include({ itemId: id, queued: false });
    expect(read.detail.error.kind).to.equal('network');
    expect(view(el).summary).to.equal('');
    view(el).yes.click();
    const { detail } = await oneEvent(el, 'helpful-error');
    expect(detail).to.include({ itemId: id, queued: true });
    expect(detail.error.kind).to.equal('network');
    expect(view(el).message).to.contain('will be sent when the connection returns');
    await expectNothingFromTheAnswer(el);
    expect(await posts(elsewhere), 'the vote was posted to an origin that never agreed to take it').to.deep.equal([]);
    await old.control({ get: 'ok' });
    await expectDeliveredOnce(old, el, id, { yes: 1, no: 0 });
  });

  it('gives up on a redirect loop as on a network failure, keeping the vote', async () => {
    const id = uniqueId();
    const endpoint = await mockEndpoint();
    await endpoint.control({
      get: { redirect: absolute(endpoint), status: 302 },
      post: { redirect: absolute(endpoint), status: 307 },
    });
    const el = await widget(endpoint, id);
    const read = await oneEvent(el, 'helpful-error');
    expect(read.detail).to.include({ queued: false });
    view(el).yes.click();
    const { detail } = await oneEvent(el, 'helpful-error');
    expect(detail).to.include({ queued: true });
    expect(detail.error.kind).to.equal('network');
    await expectNothingFromTheAnswer(el);
    await expectDeliveredOnce(endpoint, el, id, { yes: 1, no: 0 });
  });
});

describe('what an answer is judged by', () => {
  it('reads an answer by its body, not by its Content-Type label (a bare `new Response(JSON.stringify(…))` says text/plain)', async () => {
    const id = uniqueId();
    const endpoint = await mockEndpoint({
      get: { type: 'text/plain', body: '{"items":[{"id":"$ID","yes":3,"no":1}]}' },
    });
    const el = await widget(endpoint, id);
    await waitUntil(() => view(el).summary === '75% of readers found this helpful');
  });
});

describe('an endpoint that asks for retries', () => {
  it('does not retry faster than its backoff when told `Retry-After: 0` again and again', async () => {
    const endpoint = await mockEndpoint({ post: '429', retryAfter: '0' });
    const el = await widget(endpoint, uniqueId());
    view(el).yes.click();
    await oneEvent(el, 'helpful-error');
    await settle(1500);
    // One attempt; a second only if an earlier test's retry timer happens to fire meanwhile.
    expect((await posts(endpoint)).length).to.be.at.most(2);
  });
});
