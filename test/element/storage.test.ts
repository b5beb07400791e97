import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { WasThisHelpfulElement } from '../../src/element/was-this-helpful-element.js';
import { view } from './support/element.js';
import { mockEndpoint, uniqueId } from './support/mock-endpoint.js';
import { openPage } from './support/page-frame.js';

afterEach(() => localStorage.clear());

const posts = async (endpoint: Awaited<ReturnType<typeof mockEndpoint>>) =>
  (await endpoint.requests())
    .filter((request) => request.method === 'POST')
    .map((request) => JSON.parse(request.body!));

describe('cached counts', () => {
  it('shows the last known percentage at once on a revisit, before the endpoint answers', async () => {
    const endpoint = await mockEndpoint();
    const id = uniqueId();
    await endpoint.control({ seed: { [id]: { yes: 3, no: 1 } } });
    const markup = `<was-this-helpful endpoint="${endpoint.url}" item-id="${id}"></was-this-helpful>`;
    const first = await openPage(markup);
    await waitUntil(() => view(first.element()).summary === '75% of readers found this helpful');
    first.close();

    await endpoint.control({ delayMs: 3000 });
    const revisit = await openPage(markup);
    expect(view(revisit.element()).summary).to.equal('75% of readers found this helpful');
    revisit.close();
  });

  it("shows the last known figure with the reader's pending vote while the endpoint is down", async () => {
    const endpoint = await mockEndpoint();
    const id = uniqueId();
    await endpoint.control({ seed: { [id]: { yes: 3, no: 1 } } });
    const markup = `<was-this-helpful endpoint="${endpoint.url}" item-id="${id}"></was-this-helpful>`;
    const first = await openPage(markup);
    await waitUntil(() => view(first.element()).summary === '75% of readers found this helpful');
    await endpoint.control({ get: 'drop', post: 'drop' });
    const failed = oneEvent(first.element(), 'helpful-error');
    view(first.element()).no.click();
    await failed;
    first.close();

    const revisit = await openPage(markup);
    expect(view(revisit.element()).pressed).to.equal('no');
    expect(view(revisit.element()).summary).to.equal('60% of readers found this helpful');
    await oneEvent(revisit.element(), 'helpful-error');
    await revisit.element().updateComplete;
    expect(view(revisit.element()).summary).to.equal('60% of readers found this helpful');
    revisit.close();
  });
});

describe('the voter id', () => {
  it('is kept across a reload: a vote changed after it replaces the earlier vote on the server', async () => {
    const endpoint = await mockEndpoint();
    const id = uniqueId();
    const markup = `<was-this-helpful endpoint="${endpoint.url}" item-id="${id}" summary="{yes}/{no}"></was-this-helpful>`;
    const first = await openPage(markup);
    view(first.element()).yes.click();
    await waitUntil(() => view(first.element()).summary === '1/0', 'the first vote was not counted');
    first.close();

    const reload = await openPage(markup);
    expect(view(reload.element()).pressed).to.equal('yes');
    view(reload.element()).no.click();
    await waitUntil(async () => (await posts(endpoint)).length === 2, 'the changed vote was not sent');
    // A second voter id would count the reader twice: 1 yes and 1 no.
    expect(await endpoint.counts(id)).to.deep.equal({ yes: 0, no: 1 });
    await waitUntil(() => view(reload.element()).summary === '0/1');
    reload.close();
  });
});

describe('when localStorage fails', () => {
  const methods = ['getItem', 'setItem', 'removeItem', 'key', 'clear'] as const;
  let originals: Partial<Record<(typeof methods)[number], unknown>> = {};
  let lengthDescriptor: PropertyDescriptor | undefined;

  function breakStorage(): void {
    originals = {};
    for (const method of methods) {
      originals[method] = Storage.prototype[method];
      Storage.prototype[method] = () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      };
    }
    lengthDescriptor = Object.getOwnPropertyDescriptor(Storage.prototype, 'length');
    Object.defineProperty(Storage.prototype, 'length', {
      configurable: true,
      get: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
  }

  function restoreStorage(): void {
    for (const method of methods) (Storage.prototype as unknown as Record<string, unknown>)[method] = originals[method];
    if (lengthDescriptor) Object.defineProperty(Storage.prototype, 'length', lengthDescriptor);
  }

  async function withBrokenStorage(test: () => Promise<void>): Promise<void> {
    breakStorage();
    try {
      await test();
    } finally {
      restoreStorage();
    }
  }

  it("votes, changes and counts for the page's lifetime when every call throws", async () => {
    const endpoint = await mockEndpoint();
    const id = uniqueId();
    await endpoint.control({ seed: { [id]: { yes: 1, no: 1 } } });
    await withBrokenStorage(async () => {
      const el = await fixture<WasThisHelpfulElement>(
        html`<was-this-helpful endpoint=${endpoint.url} item-id=${id}></was-this-helpful>`,
      );
      await oneEvent(el, 'helpful-counts');
      view(el).yes.click();
      await waitUntil(async () => (await posts(endpoint)).length === 1);
      view(el).no.click();
      await waitUntil(async () => (await posts(endpoint)).length === 2);
      const [first, second] = await posts(endpoint);
      expect(second.voter, 'the voter id changed within one page view').to.equal(first.voter);
      await el.updateComplete;
      expect(view(el).pressed).to.equal('no');
      expect(view(el).summary).to.equal('33% of readers found this helpful');
    });
  });

  it('works in local-only mode when every call throws', async () => {
    await withBrokenStorage(async () => {
      const el = await fixture<WasThisHelpfulElement>(
        html`<was-this-helpful item-id=${uniqueId()}></was-this-helpful>`,
      );
      view(el).yes.click();
      await el.updateComplete;
      expect(view(el).summary).to.equal('100% of readers found this helpful');
      expect(view(el).message).to.equal('Thanks for your feedback!');
    });
  });

  it('works when the localStorage property itself throws (blocked storage) from the first line of script', async () => {
    const endpoint = await mockEndpoint();
    const id = uniqueId();
    const page = await openPage(`<was-this-helpful endpoint="${endpoint.url}" item-id="${id}"></was-this-helpful>`, {
      head: `<script>Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });</script>`,
    });
    expect(() => page.window.localStorage).to.throw();
    view(page.element()).yes.click();
    await waitUntil(async () => (await posts(endpoint)).length === 1);
    await waitUntil(() => view(page.element()).summary === '100% of readers found this helpful');
    page.close();
  });

  it('keeps working when storage is full', async () => {
    const endpoint = await mockEndpoint({ post: 'drop' });
    const id = uniqueId();
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('quota exceeded', 'QuotaExceededError');
    };
    try {
      const el = await fixture<WasThisHelpfulElement>(
        html`<was-this-helpful endpoint=${endpoint.url} item-id=${id}></was-this-helpful>`,
      );
      await oneEvent(el, 'helpful-counts');
      const failed = oneEvent(el, 'helpful-error');
      view(el).yes.click();
      expect((await failed).detail.queued).to.equal(true);
      await endpoint.control({ post: 'ok' });
      window.dispatchEvent(new Event('online'));
      await waitUntil(
        async () => (await posts(endpoint)).some((post) => post.id === id),
        'the vote kept in memory was not delivered',
      );
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });

  it('ignores records in storage that were tampered with', async () => {
    const id = uniqueId();
    localStorage.setItem(
      `was-this-helpful:item:${JSON.stringify([null, id])}`,
      '{"vote":"<b>maybe</b>","counts":{"yes":-1}}',
    );
    const el = await fixture<WasThisHelpfulElement>(html`<was-this-helpful item-id=${id}></was-this-helpful>`);
    expect(view(el).pressed).to.equal(null);
    expect(view(el).summary).to.equal('');
  });
});
