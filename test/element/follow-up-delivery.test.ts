import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { WasThisHelpfulElement } from '../../src/element/was-this-helpful-element.js';
import { view } from './support/element.js';
import { formView, openForm, posts, typeComment } from './support/follow-up.js';
import { mockEndpoint, uniqueId } from './support/mock-endpoint.js';
import { openPage } from './support/page-frame.js';

afterEach(() => localStorage.clear());

/** Lets every answer already received run its course before the test goes on. */
const settled = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fills the open form of `el` (the third reason, a comment of two lines) and presses Send. */
async function send(el: WasThisHelpfulElement) {
  formView(el).reasons[2]!.click();
  typeComment(el, 'Step two\nis missing');
  const sent = oneEvent(el, 'helpful-feedback');
  formView(el).button('Send')!.click();
  return (await sent).detail;
}

/** The follow-up fields of the stored records of item `id` (what waits in the outbox). */
const storedFollowUps = (id: string) =>
  Object.keys(localStorage)
    .filter((key) => key.startsWith('was-this-helpful:item:') && key.includes(JSON.stringify(id)))
    .map((key) => (JSON.parse(localStorage.getItem(key)!) as unknown[])[8] ?? null);

describe('follow-up: delivery as sure as a vote', () => {
  it('waits in the outbox with its vote while the endpoint is down, survives a reload, and is delivered once', async () => {
    const endpoint = await mockEndpoint({ post: '503' });
    const id = uniqueId();
    const markup = `<was-this-helpful endpoint="${endpoint.url}" item-id="${id}" loading="eager"></was-this-helpful>`;
    const page = await openPage(markup);
    const el = page.element();
    const failed = oneEvent(el, 'helpful-error');
    view(el).no.click();
    expect((await failed).detail.queued).to.equal(true);
    await waitUntil(() => formView(el).form, 'no form while the vote is queued', { timeout: 5000 });
    const queuedAgain = oneEvent(el, 'helpful-error');
    const detail = await send(el);
    expect(detail).to.deep.equal({ itemId: id, vote: 'no', reason: 'missing', comment: 'Step two\nis missing' });
    expect((await queuedAgain).detail.queued).to.equal(true);
    expect(storedFollowUps(id)).to.deep.equal([{ reason: 'missing', comment: 'Step two\nis missing' }]);
    page.close();

    await endpoint.control({ post: 'ok' });
    const reload = await openPage(markup);
    await waitUntil(async () => (await endpoint.counts(id)).no === 1, 'the queued vote was not delivered on reload');
    reload.close();
    const later = await openPage(markup);
    await settled();
    later.close();
    const delivered = (await endpoint.requests()).filter(
      (request) => request.method === 'POST' && request.mode === 'ok',
    );
    expect(delivered.map((request) => JSON.parse(request.body!))).to.deep.equal([
      {
        reason: 'missing',
        comment: 'Step two\nis missing',
        id,
        vote: 'no',
        voter: localStorage.getItem('was-this-helpful:voter'),
      },
    ]);
    expect(storedFollowUps(id)).to.deep.equal([null]);
  });

  it('is dropped, and its form closed, when the reader changes the vote before it was delivered', async () => {
    const { el, endpoint, id } = await openForm('no', {}, { post: '503' });
    await send(el);
    expect(storedFollowUps(id)).to.have.length(1);
    view(el).yes.click();
    await el.updateComplete;
    expect(formView(el).form).to.equal(null);
    expect(formView(el).thanks).to.equal(null);
    expect(storedFollowUps(id)).to.deep.equal([null]);
    await endpoint.control({ post: 'ok' });
    window.dispatchEvent(new Event('online'));
    await waitUntil(async () => (await endpoint.counts(id)).yes === 1, 'the changed vote was not delivered');
    const sent = (await posts(endpoint)).filter((post) => 'reason' in post || 'comment' in post);
    expect(
      sent.every((post) => post.vote === 'no'),
      'a follow-up went out with the new vote',
    ).to.equal(true);
    await settled();
    expect((await posts(endpoint)).at(-1)).to.deep.include({ vote: 'yes' });
    expect((await posts(endpoint)).at(-1)).to.not.have.property('reason');
  });

  it('closes when another element of the item changes the vote', async () => {
    const endpoint = await mockEndpoint();
    const id = uniqueId();
    const wrapper = await fixture<HTMLElement>(
      `<div><was-this-helpful endpoint="${endpoint.url}" item-id="${id}"></was-this-helpful><was-this-helpful endpoint="${endpoint.url}" item-id="${id}"></was-this-helpful></div>`,
    );
    const [used, other] = [...wrapper.querySelectorAll('was-this-helpful')] as WasThisHelpfulElement[];
    view(used!).no.click();
    await waitUntil(() => formView(used!).form, 'no form', { timeout: 5000 });
    expect(formView(other!).form, 'the form shows in the element not used').to.equal(null);
    typeComment(used!, 'typed, then the vote changed');
    view(other!).yes.click();
    await used!.updateComplete;
    expect(formView(used!).form).to.equal(null);
  });

  it('closes, its follow-up dropped, when another tab changes the vote', async () => {
    const { el, endpoint, id } = await openForm('no', {}, { post: '503' });
    await send(el);
    const tab = await openPage(`<was-this-helpful endpoint="${endpoint.url}" item-id="${id}"></was-this-helpful>`);
    view(tab.element()).no.click(); // withdrawn there
    await waitUntil(() => view(el).pressed === null, 'the other tab’s vote did not arrive');
    await el.updateComplete;
    expect(formView(el).thanks).to.equal(null);
    expect(formView(el).button('Edit your comment')).to.equal(undefined);
    expect(storedFollowUps(id)).to.deep.equal([null]);
    tab.close();
  });

  it('closes when the endpoint refuses the follow-up for good (a final 4xx), keeping nothing to resend', async () => {
    const { el, endpoint, id } = await openForm('no');
    await endpoint.control({ post: '400' });
    const refused = oneEvent(el, 'helpful-error');
    await send(el);
    expect((await refused).detail.queued).to.equal(false);
    await el.updateComplete;
    expect(formView(el).thanks).to.equal(null);
    expect(formView(el).form).to.equal(null);
    expect(view(el).message).to.equal('Sorry, your vote could not be saved.');
    expect(storedFollowUps(id).every((followUp) => followUp === null)).to.equal(true);
  });
});
