import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { WasThisHelpfulElement } from '../../src/element/was-this-helpful-element.js';
import { view } from './support/element.js';
import { mockEndpoint, uniqueId, type MockEndpoint } from './support/mock-endpoint.js';

afterEach(() => localStorage.clear());

async function widget(endpoint: string, id: string, extra = ''): Promise<WasThisHelpfulElement> {
  const el = await fixture<WasThisHelpfulElement>(
    html`<was-this-helpful endpoint=${endpoint} item-id=${id}></was-this-helpful>`,
  );
  if (extra) el.setAttribute('timeout', extra);
  return el;
}

async function seeded(yes: number, no: number): Promise<{ endpoint: MockEndpoint; id: string }> {
  const endpoint = await mockEndpoint();
  const id = uniqueId();
  await endpoint.control({ seed: { [id]: { yes, no } } });
  return { endpoint, id };
}

describe('requests to the endpoint', () => {
  it("GETs the counts with the item id, keeping the endpoint's own query parameters", async () => {
    const { endpoint, id } = await seeded(3, 1);
    const el = await widget(`${endpoint.url}?site=docs&lang=en`, id);
    await oneEvent(el, 'helpful-counts');
    const [request] = await endpoint.requests();
    expect(request?.method).to.equal('GET');
    const url = new URL(request!.url, location.href);
    expect(url.searchParams.get('site')).to.equal('docs');
    expect(url.searchParams.getAll('item')).to.deep.equal([id]);
  });

  it('POSTs the vote as JSON with the item, the vote and an anonymous voter id, and no cookies', async () => {
    document.cookie = 'session=secret; path=/';
    try {
      const { endpoint, id } = await seeded(3, 1);
      const el = await widget(endpoint.url, id);
      await oneEvent(el, 'helpful-counts');
      view(el).yes.click();
      await waitUntil(async () => (await endpoint.requests()).length === 2);
      const post = (await endpoint.requests())[1]!;
      expect(post.method).to.equal('POST');
      expect(post.contentType).to.equal('application/json');
      expect(post.cookie ?? '').to.equal('');
      const body = JSON.parse(post.body!);
      expect(Object.keys(body).sort()).to.deep.equal(['id', 'vote', 'voter']);
      expect(body.id).to.equal(id);
      expect(body.vote).to.equal('yes');
      expect(body.voter).to.match(/^[A-Za-z0-9_-]{16,128}$/);
    } finally {
      document.cookie = 'session=; path=/; max-age=0';
    }
  });

  it("sends a change and a withdrawal with the same voter id, and shows the server's counts", async () => {
    const { endpoint, id } = await seeded(3, 1);
    const el = await widget(endpoint.url, id);
    await oneEvent(el, 'helpful-counts');
    await el.updateComplete;
    expect(view(el).summary).to.equal('75% of readers found this helpful');
    view(el).no.click();
    await waitUntil(async () => (await endpoint.requests()).length === 2);
    view(el).no.click();
    await waitUntil(async () => (await endpoint.requests()).length === 3);
    const posts = (await endpoint.requests()).slice(1).map((request) => JSON.parse(request.body!));
    expect(posts.map((post) => post.vote)).to.deep.equal(['no', null]);
    expect(posts[0].voter).to.equal(posts[1].voter);
    await el.updateComplete;
    expect(view(el).summary).to.equal('75% of readers found this helpful');
  });

  it('applies the vote to the summary at once, before the server answers', async () => {
    const { endpoint, id } = await seeded(1, 1);
    const el = await widget(endpoint.url, id);
    await oneEvent(el, 'helpful-counts');
    await endpoint.control({ delayMs: 1000 });
    view(el).yes.click();
    await el.updateComplete;
    expect(view(el).summary).to.equal('67% of readers found this helpful');
  });
});

describe('when reading counts fails', () => {
  const failures: Array<[string, Record<string, unknown>]> = [
    ['the connection drops', { get: 'drop' }],
    ['the server answers 500', { get: '500' }],
    ['the server answers 429', { get: '429', retryAfter: '30' }],
    ['the server answers 400', { get: '400' }],
    ['the answer is not JSON', { get: 'non-json' }],
    ['the answer has the wrong shape', { get: 'wrong-shape' }],
    ['a count is negative', { get: 'negative' }],
    ['a count is fractional', { get: 'fraction' }],
    ['the item is missing from the answer', { get: 'missing-item' }],
  ];
  for (const [what, settings] of failures) {
    it(`shows no percentage and reports helpful-error (not queued) when ${what}`, async () => {
      const { endpoint, id } = await seeded(5, 5);
      await endpoint.control(settings);
      const el = await widget(endpoint.url, id);
      const { detail } = await oneEvent(el, 'helpful-error');
      await el.updateComplete;
      expect(detail.itemId).to.equal(id);
      expect(detail.queued).to.equal(false);
      expect(detail.error).to.be.instanceOf(Error);
      expect(view(el).summary).to.equal('');
      expect(el.shadowRoot!.textContent).not.to.contain('NaN');
    });
  }

  it('reports a timeout when the server answers later than the timeout attribute', async () => {
    const { endpoint, id } = await seeded(5, 5);
    await endpoint.control({ delayMs: 1500 });
    const el = await fixture<WasThisHelpfulElement>(
      html`<was-this-helpful endpoint=${endpoint.url} item-id=${id} timeout="200"></was-this-helpful>`,
    );
    const started = performance.now();
    const { detail } = await oneEvent(el, 'helpful-error');
    expect(detail.error.kind).to.equal('timeout');
    expect(performance.now() - started).to.be.below(1200);
  });

  it('reports a refused connection', async () => {
    const el = await widget('http://127.0.0.1:9/votes', uniqueId());
    const { detail } = await oneEvent(el, 'helpful-error');
    expect(detail.error.kind).to.equal('network');
    expect(view(el).question).to.equal('Was this helpful?');
  });
});

describe('when sending a vote fails', () => {
  const temporary: Array<[string, Record<string, unknown>]> = [
    ['the connection drops', { post: 'drop' }],
    ['the server answers 500', { post: '500' }],
    ['the server answers 503', { post: '503' }],
    ['the server answers 408', { post: '408' }],
    ['the server answers 429', { post: '429', retryAfter: '120' }],
    ['the answer is not JSON', { post: 'non-json' }],
    ['the answer has the wrong shape', { post: 'wrong-shape' }],
    ['a count is negative', { post: 'negative' }],
    ['a count is fractional', { post: 'fraction' }],
  ];
  for (const [what, settings] of temporary) {
    it(`keeps the vote for retry when ${what}`, async () => {
      const { endpoint, id } = await seeded(1, 1);
      const el = await widget(endpoint.url, id);
      await oneEvent(el, 'helpful-counts');
      await endpoint.control(settings);
      view(el).yes.click();
      const { detail } = await oneEvent(el, 'helpful-error');
      await el.updateComplete;
      expect(detail).to.include({ itemId: id, queued: true });
      expect(view(el).pressed).to.equal('yes');
      expect(view(el).summary).to.equal('67% of readers found this helpful');
      expect(view(el).message).to.contain('Thanks for your feedback!');
      expect(view(el).message).to.contain('will be sent when the connection returns');
      expect(el.shadowRoot!.textContent).not.to.contain('NaN');
      await expect(el).to.be.accessible();
    });
  }

  it('keeps the vote for retry when the server does not answer within the timeout', async () => {
    const { endpoint, id } = await seeded(1, 1);
    const el = await fixture<WasThisHelpfulElement>(
      html`<was-this-helpful endpoint=${endpoint.url} item-id=${id} timeout="300"></was-this-helpful>`,
    );
    await oneEvent(el, 'helpful-counts');
    await endpoint.control({ delayMs: 2000 });
    view(el).yes.click();
    const { detail } = await oneEvent(el, 'helpful-error');
    expect(detail.error.kind).to.equal('timeout');
    expect(detail.queued).to.equal(true);
    expect(view(el).pressed).to.equal('yes');
  });

  it('keeps the vote for retry when the endpoint refuses connections', async () => {
    const el = await widget('http://127.0.0.1:9/votes', uniqueId());
    await oneEvent(el, 'helpful-error');
    view(el).no.click();
    const { detail } = await oneEvent(el, 'helpful-error');
    await el.updateComplete;
    expect(detail.queued).to.equal(true);
    expect(view(el).pressed).to.equal('no');
  });

  for (const status of ['400', '403', '404', '413', '415']) {
    it(`gives up, restores the confirmed vote and says so when the server answers ${status}`, async () => {
      const { endpoint, id } = await seeded(1, 1);
      const el = await widget(endpoint.url, id);
      await oneEvent(el, 'helpful-counts');
      view(el).yes.click();
      await waitUntil(async () => (await endpoint.requests()).length === 2);
      await waitUntil(() => !view(el).message.includes('will be sent'));
      await endpoint.control({ post: status });
      view(el).no.click();
      const { detail } = await oneEvent(el, 'helpful-error');
      await el.updateComplete;
      expect(detail).to.include({ itemId: id, queued: false });
      expect(detail.error.status).to.equal(Number(status));
      expect(view(el).pressed).to.equal('yes');
      expect(view(el).message).to.equal('Sorry, your vote could not be saved.');
      expect(view(el).summary).to.equal('67% of readers found this helpful');
      await expect(el).to.be.accessible();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await endpoint.requests()).filter((request) => request.method === 'POST')).to.have.length(2);
    });
  }
});
