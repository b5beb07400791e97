import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import type { WasThisHelpfulElement } from '../../src/element/was-this-helpful-element.js';
import { view } from './support/element.js';
import { uniqueId } from './support/mock-endpoint.js';
import { openPage } from './support/page-frame.js';

afterEach(() => localStorage.clear());

async function press(el: WasThisHelpfulElement, button: 'yes' | 'no') {
  const event = oneEvent(el, 'helpful-vote');
  view(el)[button].click();
  const { detail } = await event;
  await el.updateComplete;
  return detail;
}

describe('voting (local-only mode, no endpoint)', () => {
  it('presses Yes, thanks the reader and shows the percentage at once', async () => {
    const el = await fixture<WasThisHelpfulElement>(html`<was-this-helpful item-id=${uniqueId()}></was-this-helpful>`);
    await press(el, 'yes');
    expect(view(el).yes.getAttribute('aria-pressed')).to.equal('true');
    expect(view(el).no.getAttribute('aria-pressed')).to.equal('false');
    expect(view(el).message).to.equal('Thanks for your feedback!');
    expect(view(el).summary).to.equal('100% of readers found this helpful');
  });

  it('changes the vote when the other button is pressed', async () => {
    const el = await fixture<WasThisHelpfulElement>(html`<was-this-helpful item-id=${uniqueId()}></was-this-helpful>`);
    await press(el, 'yes');
    const detail = await press(el, 'no');
    expect(detail).to.include({ vote: 'no', previous: 'yes' });
    expect(view(el).pressed).to.equal('no');
    expect(view(el).summary).to.equal('0% of readers found this helpful');
  });

  it('withdraws the vote when the pressed button is pressed again, back to the plain prompt', async () => {
    const el = await fixture<WasThisHelpfulElement>(html`<was-this-helpful item-id=${uniqueId()}></was-this-helpful>`);
    await press(el, 'yes');
    const detail = await press(el, 'yes');
    expect(detail).to.include({ vote: null, previous: 'yes' });
    expect(view(el).pressed).to.equal(null);
    expect(view(el).message).to.equal('');
    expect(view(el).summary).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('fires helpful-vote with the item, the vote and the previous vote, bubbling out of shadow roots', async () => {
    const id = uniqueId();
    const el = await fixture<WasThisHelpfulElement>(html`<was-this-helpful item-id=${id}></was-this-helpful>`);
    const fromDocument = oneEvent(document, 'helpful-vote');
    const detail = await press(el, 'no');
    expect(detail).to.deep.equal({ itemId: id, vote: 'no', previous: null });
    expect((await fromDocument).composed).to.equal(true);
  });

  it('fires helpful-counts when the shown counts change', async () => {
    const id = uniqueId();
    const el = await fixture<WasThisHelpfulElement>(html`<was-this-helpful item-id=${id}></was-this-helpful>`);
    const counts = oneEvent(el, 'helpful-counts');
    view(el).yes.click();
    expect((await counts).detail).to.deep.equal({ itemId: id, yes: 1, no: 0 });
  });

  it('keeps one state for several elements with the same item-id', async () => {
    const id = uniqueId();
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <was-this-helpful summary-only item-id=${id}></was-this-helpful>
        <was-this-helpful item-id=${id}></was-this-helpful>
        <was-this-helpful item-id=${id}></was-this-helpful>
        <was-this-helpful item-id=${uniqueId()}></was-this-helpful>
      </div>`,
    );
    const [summaryOnly, first, second, other] = [
      ...wrapper.querySelectorAll('was-this-helpful'),
    ] as WasThisHelpfulElement[];
    const countsOnSummary = oneEvent(summaryOnly!, 'helpful-counts');
    await press(first!, 'yes');
    await second!.updateComplete;
    expect(view(second!).pressed).to.equal('yes');
    expect(view(second!).summary).to.equal('100% of readers found this helpful');
    expect((await countsOnSummary).detail).to.include({ itemId: id, yes: 1, no: 0 });
    await summaryOnly!.updateComplete;
    expect(view(summaryOnly!).summary).to.equal('100% of readers found this helpful');
    expect(view(other!).pressed).to.equal(null);
  });

  it('shows a returning reader their earlier vote, without the thanks of a fresh vote', async () => {
    const id = uniqueId();
    const first = await openPage(`<was-this-helpful item-id="${id}"></was-this-helpful>`);
    view(first.element()).no.click();
    first.close();
    const revisit = await openPage(`<was-this-helpful item-id="${id}"></was-this-helpful>`);
    expect(view(revisit.element()).pressed).to.equal('no');
    expect(view(revisit.element()).message).to.equal('');
    revisit.close();
  });

  it('follows a vote made in another tab of the same site', async () => {
    const id = uniqueId();
    const el = await fixture<WasThisHelpfulElement>(html`<was-this-helpful item-id=${id}></was-this-helpful>`);
    const otherTab = await openPage(`<was-this-helpful item-id="${id}"></was-this-helpful>`);
    view(otherTab.element()).yes.click();
    await waitUntil(() => view(el).pressed === 'yes', 'the vote from the other tab did not arrive');
    view(otherTab.element()).yes.click();
    await waitUntil(() => view(el).pressed === null, 'the withdrawal from the other tab did not arrive');
    otherTab.close();
  });

  it('votes with the keyboard alone', async () => {
    const { sendKeys } = await import('@web/test-runner-commands');
    const el = await fixture<WasThisHelpfulElement>(html`<was-this-helpful item-id=${uniqueId()}></was-this-helpful>`);
    view(el).yes.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(view(el).pressed).to.equal('yes');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(view(el).pressed).to.equal('no');
    expect(el.shadowRoot!.activeElement).to.equal(view(el).no);
  });
});
