import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { WasThisHelpfulElement } from '../../src/element/was-this-helpful-element.js';
import { view } from './support/element.js';
import { mockEndpoint, uniqueId } from './support/mock-endpoint.js';

afterEach(() => localStorage.clear());

const gets = async (endpoint: Awaited<ReturnType<typeof mockEndpoint>>) =>
  (await endpoint.requests())
    .filter((request) => request.method === 'GET')
    .map((request) => new URL(request.url, location.href));

async function page(count: number, endpoint: string, ids = Array.from({ length: count }, () => uniqueId())) {
  const wrapper = await fixture<HTMLElement>(
    html`<div>
      ${ids.map((id) => html`<was-this-helpful loading="eager" endpoint=${endpoint} item-id=${id} summary="{yes}/{total}"></was-this-helpful>`)}
    </div>`,
  );
  return { wrapper, ids, elements: [...wrapper.querySelectorAll('was-this-helpful')] as WasThisHelpfulElement[] };
}

describe('batching', () => {
  it('fetches the counts of 50 widgets in one GET', async () => {
    const endpoint = await mockEndpoint();
    const ids = Array.from({ length: 50 }, () => uniqueId());
    // Counts of its own for each item (1/1, 2/3, 1/3, 2/2, …), so that every widget shows that it got its own.
    const seeded = (n: number) => ({ yes: 1 + (n % 2), no: n % 3 });
    await endpoint.control({ seed: Object.fromEntries(ids.map((id, n) => [id, seeded(n)])) });
    const { elements } = await page(50, endpoint.url, ids);
    const shown = (n: number) => `${seeded(n).yes}/${seeded(n).yes + seeded(n).no}`;
    await waitUntil(
      () => elements.every((el, n) => view(el).summary === shown(n)),
      'not every widget shows its own counts',
    );
    const requests = await gets(endpoint);
    expect(requests).to.have.length(1);
    expect(requests[0]!.searchParams.getAll('item')).to.have.members(ids);
  });

  it('splits 150 widgets into two GETs of at most 100 items', async () => {
    const endpoint = await mockEndpoint();
    const { ids } = await page(150, endpoint.url);
    await waitUntil(async () => (await gets(endpoint)).length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const requests = await gets(endpoint);
    expect(requests).to.have.length(2);
    const asked = requests.map((url) => url.searchParams.getAll('item'));
    expect(asked.map((items) => items.length).sort()).to.deep.equal([100, 50].sort());
    expect(asked.flat()).to.have.members(ids);
  });

  it('keeps each GET within 4,000 characters of URL when ids are long (page URLs), and every widget gets its counts', async () => {
    const endpoint = await mockEndpoint();
    // 100 of these in one GET would make a 24 KB URL, past the 16 KB the test server's Node accepts.
    const ids = Array.from(
      { length: 100 },
      () => `https://docs.example.org/guides/${'a-long-section-name/'.repeat(8)}${uniqueId()}`,
    );
    await endpoint.control({ seed: Object.fromEntries(ids.map((id) => [id, { yes: 1, no: 1 }])) });
    const { elements } = await page(100, endpoint.url, ids);
    await waitUntil(() => elements.every((el) => view(el).summary === '1/2'), 'not every widget got its counts');
    const requests = await gets(endpoint);
    expect(requests.length).to.be.within(6, 10);
    for (const url of requests) expect(url.href.length).to.be.at.most(4000);
    expect(requests.flatMap((url) => url.searchParams.getAll('item'))).to.have.members(ids);
  });

  it("counts the endpoint's own query as it is sent (re-encoded) when keeping a GET within 4,000 characters", async () => {
    const endpoint = await mockEndpoint();
    // Each ":" and "/" of this query grows by two characters when the URL is rebuilt: 360 in all.
    const withQuery = `${endpoint.url}?site=${'https://docs.example.org/'.repeat(45)}`;
    const ids = Array.from(
      { length: 60 },
      () => `https://docs.example.org/guides/${'a-long-section-name/'.repeat(8)}${uniqueId()}`,
    );
    await page(60, withQuery, ids);
    await waitUntil(
      async () => (await gets(endpoint)).flatMap((url) => url.searchParams.getAll('item')).length === 60,
      'not every id was asked for',
    );
    for (const url of await gets(endpoint)) expect(url.href.length).to.be.at.most(4000);
  });

  it('asks once for an item shown by several elements, and gives each its counts', async () => {
    const endpoint = await mockEndpoint();
    const shared = uniqueId();
    await endpoint.control({ seed: { [shared]: { yes: 3, no: 1 } } });
    const { elements } = await page(4, endpoint.url, [shared, shared, uniqueId(), shared]);
    await waitUntil(() => view(elements[3]!).summary === '3/4');
    expect(view(elements[0]!).summary).to.equal('3/4');
    const requests = await gets(endpoint);
    expect(requests).to.have.length(1);
    expect(requests[0]!.searchParams.getAll('item').filter((id) => id === shared)).to.have.length(1);
  });

  it('keeps widgets of different endpoints apart', async () => {
    const [a, b] = await Promise.all([mockEndpoint(), mockEndpoint()]);
    const id = uniqueId();
    await a!.control({ seed: { [id]: { yes: 1, no: 0 } } });
    await b!.control({ seed: { [id]: { yes: 0, no: 1 } } });
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <was-this-helpful loading="eager" endpoint=${a!.url} item-id=${id}></was-this-helpful>
        <was-this-helpful loading="eager" endpoint=${b!.url} item-id=${id}></was-this-helpful>
      </div>`,
    );
    const [first, second] = [...wrapper.querySelectorAll('was-this-helpful')] as WasThisHelpfulElement[];
    await waitUntil(() => view(first!).summary !== '' && view(second!).summary !== '');
    expect(view(first!).summary).to.equal('100% of readers found this helpful');
    expect(view(second!).summary).to.equal('0% of readers found this helpful');
  });
});

describe('lazy loading', () => {
  it('sends no request for a widget far below the fold until it is scrolled near', async () => {
    const endpoint = await mockEndpoint();
    const id = uniqueId();
    await endpoint.control({ seed: { [id]: { yes: 1, no: 0 } } });
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <div style="height: 5000px"></div>
        <was-this-helpful endpoint=${endpoint.url} item-id=${id}></was-this-helpful>
      </div>`,
    );
    const el = wrapper.querySelector('was-this-helpful') as WasThisHelpfulElement;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await gets(endpoint)).to.have.length(0);
    expect(view(el).question).to.equal('Was this helpful?');
    const counts = oneEvent(el, 'helpful-counts');
    el.scrollIntoView();
    await counts;
    expect(await gets(endpoint)).to.have.length(1);
    window.scrollTo(0, 0);
  });

  it('fetches at once with loading="eager", even far below the fold', async () => {
    const endpoint = await mockEndpoint();
    await fixture<HTMLElement>(
      html`<div>
        <div style="height: 5000px"></div>
        <was-this-helpful loading="eager" endpoint=${endpoint.url} item-id=${uniqueId()}></was-this-helpful>
      </div>`,
    );
    await waitUntil(async () => (await gets(endpoint)).length === 1, 'no request for an eager widget below the fold');
  });

  it('shows cached counts of a below-the-fold widget at once, without a request', async () => {
    const endpoint = await mockEndpoint();
    const id = uniqueId();
    await endpoint.control({ seed: { [id]: { yes: 1, no: 1 } } });
    const first = await fixture<WasThisHelpfulElement>(
      html`<was-this-helpful loading="eager" endpoint=${endpoint.url} item-id=${id}></was-this-helpful>`,
    );
    await oneEvent(first, 'helpful-counts');
    // Another endpoint URL for the same server gives a fresh state, so the cache is what it reads.
    const key = `was-this-helpful:item:${JSON.stringify([new URL(endpoint.url, location.href).href, id])}`;
    const cached = localStorage.getItem(key);
    expect(cached, 'counts were not cached').to.not.equal(null);
    const other = `${endpoint.url}?copy`;
    localStorage.setItem(`was-this-helpful:item:${JSON.stringify([new URL(other, location.href).href, id])}`, cached!);
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <div style="height: 5000px"></div>
        <was-this-helpful endpoint=${other} item-id=${id}></was-this-helpful>
      </div>`,
    );
    const el = wrapper.querySelector('was-this-helpful') as WasThisHelpfulElement;
    expect(view(el).summary).to.equal('50% of readers found this helpful');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await gets(endpoint)).to.have.length(1);
  });
});
