import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { WasThisHelpfulElement } from '../../src/element/was-this-helpful-element.js';
import { view } from './support/element.js';
import { mockEndpoint, uniqueId } from './support/mock-endpoint.js';
import { openPage } from './support/page-frame.js';

/**
 * Orderings a real network rarely produces on cue: fetch is replaced by one whose answers the test
 * releases one by one (and restored after each test).
 */
interface HeldRequest {
  body: { id: string; vote: string | null } | null;
  answer(body: unknown, status?: number): void;
}

function holdFetch(target: Window & typeof globalThis): HeldRequest[] {
  const held: HeldRequest[] = [];
  target.fetch = ((_url: string, init?: RequestInit) =>
    new Promise<Response>((resolve) =>
      held.push({
        body: init?.body ? JSON.parse(String(init.body)) : null,
        answer: (body, status = 200) =>
          resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })),
      }),
    )) as typeof fetch;
  return held;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
const realFetch = window.fetch;
afterEach(() => {
  window.fetch = realFetch;
  localStorage.clear();
});

describe('orderings of answers', () => {
  it("keeps the vote's own counts when an older GET answers after it", async () => {
    const held = holdFetch(window);
    const id = uniqueId();
    const el = await fixture<WasThisHelpfulElement>(
      html`<was-this-helpful endpoint="https://votes.example/api" item-id=${id} loading="eager"></was-this-helpful>`,
    );
    await waitUntil(() => held.length === 1);
    view(el).yes.click();
    await waitUntil(() => held.length === 2);
    held[1]!.answer({ id, yes: 2, no: 1 });
    await settle();
    held[0]!.answer({ items: [{ id, yes: 1, no: 1 }] }); // counted before the vote
    await settle();
    await el.updateComplete;
    expect(view(el).summary).to.equal('67% of readers found this helpful');
  });

  it('sends the newer vote when the one in flight is refused for good', async () => {
    const held = holdFetch(window);
    const id = uniqueId();
    const el = await fixture<WasThisHelpfulElement>(
      html`<was-this-helpful endpoint="https://votes.example/api" item-id=${id} loading="eager"></was-this-helpful>`,
    );
    await waitUntil(() => held.length === 1);
    held[0]!.answer({ items: [{ id, yes: 0, no: 0 }] });
    view(el).yes.click();
    await waitUntil(() => held.length === 2);
    view(el).no.click(); // the reader changes their mind while "yes" is in flight
    held[1]!.answer({ error: 'gone' }, 404);
    await waitUntil(() => held.length === 3, 'the newer vote was never sent');
    expect(held[2]!.body?.vote).to.equal('no');
    held[2]!.answer({ id, yes: 0, no: 1 });
    await settle();
    await el.updateComplete;
    expect(view(el).pressed).to.equal('no');
    expect(view(el).message).to.equal('Thanks for your feedback!');
  });

  it('sends the newer vote when the one in flight is accepted', async () => {
    const held = holdFetch(window);
    const id = uniqueId();
    const el = await fixture<WasThisHelpfulElement>(
      html`<was-this-helpful endpoint="https://votes.example/api" item-id=${id} loading="eager"></was-this-helpful>`,
    );
    await waitUntil(() => held.length === 1);
    held[0]!.answer({ items: [{ id, yes: 0, no: 0 }] });
    view(el).yes.click();
    await waitUntil(() => held.length === 2);
    view(el).no.click(); // the reader changes their mind while "yes" is in flight
    held[1]!.answer({ id, yes: 1, no: 0 });
    await waitUntil(() => held.length === 3, 'the newer vote was never sent');
    expect(held[2]!.body?.vote).to.equal('no');
    held[2]!.answer({ id, yes: 0, no: 1 });
    await settle();
    await el.updateComplete;
    expect(view(el).pressed).to.equal('no');
    expect(view(el).summary).to.equal('0% of readers found this helpful');
    expect(view(el).message).to.equal('Thanks for your feedback!');
  });

  it("lets the latest action in any tab win when another tab's vote is answered meanwhile", async () => {
    const id = uniqueId();
    const markup = `<was-this-helpful endpoint="https://votes.example/api" item-id="${id}" hide-summary></was-this-helpful>`;
    const [a, b] = [await openPage(markup), await openPage(markup)];
    const [heldA, heldB] = [holdFetch(a.window), holdFetch(b.window)];
    view(a.element()).yes.click();
    await waitUntil(() => heldA.some((request) => request.body?.vote === 'yes'));
    await waitUntil(() => view(b.element()).pressed === 'yes', 'tab B did not see the vote of tab A');
    view(b.element()).yes.click(); // withdrawn in tab B…
    heldA.find((request) => request.body?.vote === 'yes')!.answer({ id, yes: 1, no: 0 }); // …as A's vote is answered
    await waitUntil(() => heldB.some((request) => request.body && request.body.vote === null));
    for (const request of [...heldA, ...heldB].filter((held) => held.body?.vote === null))
      request.answer({ id, yes: 0, no: 0 });
    await settle();
    await Promise.all([a.element().updateComplete, b.element().updateComplete]);
    expect(view(a.element()).pressed).to.equal(null);
    expect(view(b.element()).pressed).to.equal(null);
    const last = [...heldA, ...heldB].filter((held) => held.body).at(-1);
    expect(last?.body?.vote, 'the last vote sent must be the withdrawal').to.equal(null);
    a.close();
    b.close();
  });
});

describe('items the protocol would refuse', () => {
  it('does not let one invalid item id break the counts of the others in its batch', async () => {
    const endpoint = await mockEndpoint();
    const good = uniqueId();
    await endpoint.control({ seed: { [good]: { yes: 1, no: 0 } } });
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <was-this-helpful loading="eager" endpoint=${endpoint.url} item-id=${good}></was-this-helpful>
        <was-this-helpful loading="eager" endpoint=${endpoint.url} item-id=${'x'.repeat(600)}></was-this-helpful>
      </div>`,
    );
    const [goodEl, badEl] = [...wrapper.querySelectorAll('was-this-helpful')] as WasThisHelpfulElement[];
    await waitUntil(() => view(goodEl!).summary === '100% of readers found this helpful');
    const requests = await endpoint.requests();
    expect(requests.every((request) => !request.url.includes('xxxxxxxx'))).to.equal(true);
    const failed = oneEvent(badEl!, 'helpful-error');
    view(badEl!).yes.click();
    const { detail } = await failed;
    expect(detail.error.kind).to.equal('invalid-item');
    expect(detail.queued).to.equal(false);
  });
});

describe('storage changed elsewhere', () => {
  it("forgets the vote when another tab clears the site's storage", async () => {
    const id = uniqueId();
    const el = await fixture<WasThisHelpfulElement>(html`<was-this-helpful item-id=${id}></was-this-helpful>`);
    view(el).yes.click();
    await el.updateComplete;
    const other = await openPage('<p>another tab</p>', { script: 'data:text/javascript,' });
    other.window.localStorage.clear();
    await waitUntil(() => view(el).pressed === null, 'the cleared storage was not noticed');
    other.close();
  });
});

describe('language through shadow roots', () => {
  it('takes the lang of an ancestor outside the shadow root it sits in', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="nl"></div>`);
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = `<section><was-this-helpful item-id="${uniqueId()}"></was-this-helpful></section>`;
    const el = root.querySelector('was-this-helpful') as WasThisHelpfulElement;
    await waitUntil(() => el.shadowRoot && view(el).question === 'Was dit nuttig?');
  });
});
