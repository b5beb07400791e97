import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../src/define.js';
import type { WasThisHelpfulElement } from '../src/was-this-helpful-element.js';
import { view } from './support/element.js';
import { mockEndpoint, uniqueId } from './support/mock-endpoint.js';
import { openPage } from './support/page-frame.js';

afterEach(() => localStorage.clear());

const posts = async (endpoint: Awaited<ReturnType<typeof mockEndpoint>>) =>
  (await endpoint.requests()).filter((request) => request.method === 'POST').map((request) => JSON.parse(request.body!));

/** A widget whose vote `choices` (in order) each failed with `settings` of the endpoint. */
async function failedVotes(settings: Record<string, unknown>, ...choices: Array<'yes' | 'no'>) {
  const endpoint = await mockEndpoint(settings);
  const id = uniqueId();
  const el = await fixture<WasThisHelpfulElement>(html`<was-this-helpful endpoint=${endpoint.url} item-id=${id}></was-this-helpful>`);
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
    await waitUntil(async () => (await posts(endpoint)).some((post) => post.id === id && post.vote === 'no'));
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
    await waitUntil(async () => (await posts(endpoint)).some((post) => post.id === id && post.vote === 'yes'), 'not re-sent on online', { timeout: 2000 });
    await waitUntil(() => view(el).message === 'Thanks for your feedback!', 'the queued note stayed after delivery');
  });

  it('retries on its own while the page stays open, honouring Retry-After', async () => {
    const { endpoint, el } = await failedVotes({ post: '429', retryAfter: '1' }, 'yes');
    const failedAt = performance.now();
    await endpoint.control({ post: 'ok' });
    await waitUntil(async () => (await posts(endpoint)).length === 2, 'no retry within 3 s', { timeout: 3000, interval: 100 });
    const waited = performance.now() - failedAt;
    expect(waited).to.be.above(800);
    await waitUntil(() => !view(el).message.includes('will be sent'));
  });

  it('never counts a vote twice when two page views deliver the same outbox', async () => {
    const { endpoint, markup } = await queuedByClosedPage({ post: '503' }, 'yes');
    await endpoint.control({ post: 'ok' });
    const [a, b] = await Promise.all([openPage(markup), openPage(markup)]);
    await waitUntil(() => view(a.element()).summary === '100% of readers found this helpful' && view(b.element()).summary === '100% of readers found this helpful');
    const check = await openPage(markup.replace('<was-this-helpful', '<was-this-helpful loading="eager"'));
    await waitUntil(() => view(check.element()).summary === '100% of readers found this helpful');
    for (const page of [a, b, check]) page.close();
  });
});
