import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/define.js';
import type { WasThisHelpfulElement } from '../../src/element/was-this-helpful-element.js';
import { view } from './support/element.js';
import { mockEndpoint, uniqueId } from './support/mock-endpoint.js';
import { openPage } from './support/page-frame.js';

afterEach(() => {
  sinon.restore();
  localStorage.clear();
});

const posts = async (endpoint: Awaited<ReturnType<typeof mockEndpoint>>) =>
  (await endpoint.requests())
    .filter((request) => request.method === 'POST')
    .map((request) => JSON.parse(request.body!));

/** A widget whose vote `choices` (in order) each failed with `settings` of the endpoint. */
async function failedVotes(settings: Record<string, unknown>, ...choices: Array<'yes' | 'no'>) {
  const endpoint = await mockEndpoint(settings);
  const id = uniqueId();
  const el = await fixture<WasThisHelpfulElement>(
    html`<was-this-helpful endpoint=${endpoint.url} item-id=${id}></was-this-helpful>`,
  );
  await oneEvent(el, 'helpful-counts');
  for (const choice of choices) {
    const failed = oneEvent(el, 'helpful-error');
    view(el)[choice].click();
    await failed;
  }
  return { endpoint, id, el };
}

/** A page view, already closed, whose `choice` could not be delivered: it waits in the outbox. */
async function queuedByClosedPage(settings: Record<string, unknown>, choice: 'yes' | 'no') {
  const endpoint = await mockEndpoint(settings);
  const id = uniqueId();
  const markup = `<was-this-helpful endpoint="${endpoint.url}" item-id="${id}"></was-this-helpful>`;
  const page = await openPage(markup);
  const failed = oneEvent(page.element(), 'helpful-error');
  view(page.element())[choice].click();
  const { detail } = await failed;
  page.close();
  return { endpoint, id, markup, queued: detail.queued as boolean };
}

/** Lets every answer already received run its course (microtasks included) before the test goes on. */
const settled = () => new Promise((resolve) => setTimeout(resolve));

/**
 * A page view, its counts loaded, whose clock the test moves: `setTimeout` and `Date` in its frame are fake
 * (fetch and the endpoint still run on real time). `posts()` counts the POSTs the page has started: a retry
 * starts as the clock passes its moment.
 */
async function pageWithClock(endpoint: Awaited<ReturnType<typeof mockEndpoint>>) {
  const id = uniqueId();
  await endpoint.control({ seed: { [id]: { yes: 1, no: 0 } } });
  const page = await openPage(
    `<was-this-helpful endpoint="${endpoint.url}" item-id="${id}" loading="eager" summary="{yes}/{no}"></was-this-helpful>`,
  );
  const el = page.element();
  await waitUntil(() => view(el).summary === '1/0', 'the counts did not load');
  // The frame's own globals: this page's timers are faked, not the test runner's.
  const fakeIn = { global: page.window, toFake: ['setTimeout', 'clearTimeout', 'Date'], now: Date.now() };
  const clock = sinon.useFakeTimers(fakeIn as Parameters<typeof sinon.useFakeTimers>[0]);
  const fetches = sinon.spy(page.window, 'fetch');
  const posts = () => fetches.getCalls().filter((call) => call.args[1]?.method === 'POST').length;
  /** Runs `act` (a press, a move of the clock), which must start one POST, and resolves once that POST has failed. */
  const failsAfter = async (act: () => void, message: string) => {
    const failed = oneEvent(el, 'helpful-error');
    const sent = posts();
    act();
    expect(posts(), message).to.equal(sent + 1);
    expect((await failed).detail.queued).to.equal(true);
    await settled();
  };
  return { id, page, el, clock, posts, failsAfter };
}

describe('the outbox', () => {
  it('delivers a vote made while the endpoint was down exactly once, on the next page load', async () => {
    const { endpoint, markup, queued } = await queuedByClosedPage({ post: '503' }, 'yes');
    expect(queued).to.equal(true);

    await endpoint.control({ post: 'ok' });
    const reload = await openPage(markup);
    expect(view(reload.element()).pressed).to.equal('yes');
    await waitUntil(async () => (await posts(endpoint)).length === 2, 'the queued vote was not sent on reload');
    await waitUntil(() => view(reload.element()).summary === '100% of readers found this helpful');
    reload.close();

    const later = await openPage(markup);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await posts(endpoint), 'a delivered vote was sent again').to.have.length(2);
    expect(view(later.element()).pressed).to.equal('yes');
    later.close();
  });

  it('delivers votes of items that are not on the page being loaded', async () => {
    const { endpoint, id } = await queuedByClosedPage({ post: 'drop' }, 'no');
    await endpoint.control({ post: 'ok' });
    const otherPage = await openPage(`<was-this-helpful item-id="${uniqueId()}"></was-this-helpful>`);
    // Counts, not the POSTs seen: the dropped one was seen too.
    await waitUntil(
      async () => (await endpoint.counts(id)).no === 1,
      'the vote of an item not on the page was not delivered',
    );
    otherPage.close();
  });

  it('sends only the latest vote when the reader changed it while it was pending', async () => {
    const { endpoint, el } = await failedVotes({ post: '500' }, 'yes', 'no');
    const attempts = (await posts(endpoint)).length;
    await endpoint.control({ post: 'ok' });
    window.dispatchEvent(new Event('online'));
    await waitUntil(async () => (await posts(endpoint)).length === attempts + 1);
    const delivered = (await posts(endpoint)).slice(attempts);
    expect(delivered.map((post) => post.vote)).to.deep.equal(['no']);
    await el.updateComplete;
    expect(view(el).message).to.equal('Thanks for your feedback!');
    expect(view(el).summary).to.equal('0% of readers found this helpful');
  });

  it('re-sends when the browser comes back online', async () => {
    const { endpoint, id, el } = await failedVotes({ post: 'drop' }, 'yes');
    await endpoint.control({ post: 'ok' });
    window.dispatchEvent(new Event('online'));
    await waitUntil(async () => (await endpoint.counts(id)).yes === 1, 'not re-sent on online', { timeout: 2000 });
    await waitUntil(() => view(el).message === 'Thanks for your feedback!', 'the queued note stayed after delivery');
  });

  it('retries on its own while the page stays open, honouring Retry-After', async () => {
    const { endpoint, el } = await failedVotes({ post: '429', retryAfter: '1' }, 'yes');
    const failedAt = performance.now();
    await endpoint.control({ post: 'ok' });
    await waitUntil(async () => (await posts(endpoint)).length === 2, 'no retry within 3 s', {
      timeout: 3000,
      interval: 100,
    });
    const waited = performance.now() - failedAt;
    expect(waited).to.be.above(800);
    await waitUntil(() => !view(el).message.includes('will be sent'));
  });

  it('never counts a vote twice when two page views deliver the same outbox', async () => {
    const { endpoint, id, markup } = await queuedByClosedPage({ post: '503' }, 'yes');
    await endpoint.control({ post: 'ok' });
    // Counts, not a percentage: 100% would hold for 2 of 2 as well as for 1 of 1.
    const withCounts = markup.replace('<was-this-helpful', '<was-this-helpful summary="{yes}/{total}"');
    const [a, b] = await Promise.all([openPage(withCounts), openPage(withCounts)]);
    await waitUntil(async () => (await posts(endpoint)).length >= 2, 'the queued vote was not delivered');
    await waitUntil(
      () => view(a.element()).summary === '1/1' && view(b.element()).summary === '1/1',
      'the pages do not show one vote of one',
    );
    expect(await endpoint.counts(id)).to.deep.equal({ yes: 1, no: 0 });
    const check = await openPage(withCounts.replace('<was-this-helpful', '<was-this-helpful loading="eager"'));
    await waitUntil(() => view(check.element()).summary === '1/1');
    for (const page of [a, b, check]) page.close();
  });

  for (const [failure, mode] of [
    ['a 5xx', '503'],
    ['a network failure', 'drop'],
  ] as const) {
    it(`retries a vote that met ${failure} on its own a few seconds later, while the page stays open`, async () => {
      const endpoint = await mockEndpoint({ post: mode });
      const { id, page, el, clock, posts, failsAfter } = await pageWithClock(endpoint);
      await failsAfter(() => view(el).yes.click(), 'the vote was not sent');
      expect(view(el).message).to.include('will be sent');
      await endpoint.control({ post: 'ok' });
      clock.tick(3199);
      expect(posts(), 'retried sooner than the first backoff allows').to.equal(1);
      clock.tick(801); // 4 s in all: the longest the first retry waits
      expect(posts(), 'not retried within 4 s').to.equal(2);
      await waitUntil(() => view(el).message === 'Thanks for your feedback!', 'the queued note stayed after delivery');
      expect(await endpoint.counts(id)).to.deep.equal({ yes: 2, no: 0 });
      page.close();
    });
  }

  it('waits longer after each failed retry: about 4 s, then 8 s, then 16 s', async () => {
    const endpoint = await mockEndpoint({ post: '503' });
    const { page, el, clock, posts, failsAfter } = await pageWithClock(endpoint);
    await failsAfter(() => view(el).yes.click(), 'the vote was not sent');
    // Each wait is the doubled backoff less up to 20% jitter: (3.2 s, 4 s], (6.4 s, 8 s], (12.8 s, 16 s].
    for (const [shortest, longest] of [
      [3200, 4000],
      [6400, 8000],
      [12_800, 16_000],
    ] as const) {
      const sent = posts();
      clock.tick(shortest - 1);
      expect(posts(), `retried before ${shortest} ms`).to.equal(sent);
      await failsAfter(() => clock.tick(longest - shortest + 1), `not retried within ${longest} ms`);
    }
    page.close();
  });

  it('starts again from a few seconds once a vote got through', async () => {
    const endpoint = await mockEndpoint({ post: '503' });
    const { page, el, clock, failsAfter } = await pageWithClock(endpoint);
    await failsAfter(() => view(el).yes.click(), 'the vote was not sent');
    await failsAfter(() => clock.tick(4000), 'not retried within 4 s');
    await failsAfter(() => clock.tick(8000), 'not retried within 8 s');
    await endpoint.control({ post: 'ok' });
    clock.tick(16_000);
    await waitUntil(() => view(el).message === 'Thanks for your feedback!', 'the third retry did not deliver the vote');
    await endpoint.control({ post: '503' });
    await failsAfter(() => view(el).no.click(), 'the changed vote was not sent');
    await failsAfter(() => clock.tick(4000), 'after a delivery, the next failure waited longer than 4 s');
    page.close();
  });
});
